// `foi-harvest refresh` — for cron: lock, incremental fetch, export, one summary line.
import type { Command } from 'commander';
import { withOcrOption } from '../ocr-option.js';
import { withExportOptions } from '../export-options.js';

const collect = (v: string, prev: string[] = []) => [...prev, v];

export function register(program: Command): void {
  withExportOptions(
    withOcrOption(program.command('refresh'))
      .description('fetch (incremental) then export, for cron: takes a lock, prints a one-line summary, exits 1 only when something failed'),
  )
    .option('--log-format <format>', 'text | json (JSON lines on stderr, for cron)', 'text')
    .option('--no-fetch', 'skip the fetch: export what the store holds')
    .option('--force <id...>', 'only these forces (default: every supported force; with --base-url, the forces it names)')
    .option('--since <date>', 'only disclosures published on or after this date')
    .option('--match <text>', 'only disclosures whose title or topic matches')
    .option('--limit <n>', 'at most n disclosures per force')
    .option('--user-agent <ua>', 'User-Agent naming the tool and a contact')
    .option('--delay <ms>', 'delay between requests to one host')
    .option('--concurrency <n>', 'requests in flight across hosts')
    .option('--source <source>', 'forces (their own disclosure logs) or whatdotheyknow', 'forces')
    .option('--base-url <force=url>', 'read a force from a mirror or local server (repeatable); whatdotheyknow=<url> for --source whatdotheyknow', collect, [])
    .option('--recheck', 'conditional GET of every known page and robots.txt (a full check, e.g. weekly)')
    .action(async (opts) => {
      const { runRefresh } = await import('../refresh-run.js');
      await runRefresh(opts);
    });
}
