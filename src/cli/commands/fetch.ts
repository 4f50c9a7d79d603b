// `foi-harvest fetch` — crawl force disclosure logs into the store (see src/cli/fetch-run.ts).
import type { Command } from 'commander';
import { withOcrOption } from '../ocr-option.js';

const collect = (v: string, prev: string[] = []) => [...prev, v];

export function register(program: Command): void {
  withOcrOption(program.command('fetch'))
    .description('discover disclosures on force websites, download pages and attachments politely, parse them into the store')
    .option('--force <id...>', 'force ids or aliases (default: every supported force; with --base-url, the forces it names)')
    .option('--since <date>', 'only disclosures listed on or after this date (YYYY-MM-DD)')
    .option('--match <text|topic>', 'only disclosures whose title (or page text) contains this, or a topic id (convictions, suspensions, vetting, …) matched on the title')
    .option('--limit <n>', 'at most n disclosures per force')
    .option('--store <path>', 'the store (SQLite)', './foi-harvest.db')
    .option('--user-agent <ua>', 'User-Agent to send (default names foi-harvest and a contact)')
    .option('--delay <ms>', 'delay between requests to one host, in ms', '1000')
    .option('--concurrency <n>', 'requests in flight across hosts (default: one per host fetched, at most 32; each host still gets one request at a time, --delay apart)')
    .option('--source <source>', 'forces (the forces\' own disclosure logs) or whatdotheyknow (their requests on WhatDoTheyKnow)', 'forces')
    .option('--base-url <force=url>', 'read a force from a mirror or local server (repeatable); only that host is then requested; whatdotheyknow=<url> for --source whatdotheyknow', collect, [])
    .option('--recheck', 'conditional GET of every known page and robots.txt (a full check, e.g. weekly); by default a listing page that has not changed is trusted: the stored disclosures it lists are not requested again')
    .option('--log-format <format>', 'text | json (JSON lines on stderr, JSON summary on stdout)', 'text')
    .action(async (opts: Record<string, unknown>) => {
      const { runFetch } = await import('../fetch-run.js');
      const { summaryLine, forceLines } = await import('../../harvest/summary.js');
      const summary = await runFetch({
        force: opts.force as string[] | undefined,
        since: opts.since as string | undefined,
        match: opts.match as string | undefined,
        limit: opts.limit as string | undefined,
        store: opts.store as string,
        userAgent: opts.userAgent as string | undefined,
        delay: opts.delay as string,
        concurrency: opts.concurrency as string | undefined,
        baseUrl: opts.baseUrl as string[],
        source: opts.source as string,
        recheck: opts.recheck === true,
        logFormat: opts.logFormat as string,
      });
      if (String(opts.logFormat).toLowerCase() === 'json') process.stdout.write(JSON.stringify(summary) + '\n');
      else {
        const lines = [summaryLine(summary)];
        if (Object.keys(summary.forces).length > 1 || summary.failures.length || summary.warnings.length) lines.push(...forceLines(summary));
        process.stdout.write(lines.join('\n') + '\n');
      }
      // Failed URLs were reported as they happened (stderr); the exit code says "something failed".
      if (summary.failures.length || summary.warnings.length) process.exitCode = Math.max(Number(process.exitCode ?? 0), 1);
    });
}
