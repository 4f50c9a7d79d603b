// `foi-harvest fetch` — crawl force disclosure logs into the store (see src/cli/fetch-run.ts).
import type { Command } from 'commander';
import { withOcrOption } from '../ocr-option.js';
import { withHarvestOptions } from '../harvest-options.js';

export function register(program: Command): void {
  withHarvestOptions(
    withOcrOption(program.command('fetch'))
      .description('discover disclosures on force websites, download pages and attachments politely, parse them into the store'),
  )
    .option('--store <path>', 'the store (SQLite)', './foi-harvest.db')
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
        delay: opts.delay as string | undefined,
        concurrency: opts.concurrency as string | undefined,
        baseUrl: opts.baseUrl as string[],
        source: opts.source as string,
        recheck: opts.recheck === true,
        logFormat: opts.logFormat as string,
        verbose: opts.verbose === true,
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
