// `foi-harvest refresh` — for cron: lock, incremental fetch, export, one summary line.
import type { Command } from 'commander';
import { withOcrOption } from '../ocr-option.js';
import { withExportOptions } from '../export-options.js';
import { withHarvestOptions } from '../harvest-options.js';

export function register(program: Command): void {
  withHarvestOptions(
    withExportOptions(
      withOcrOption(program.command('refresh'))
        .description('fetch (incremental) then export, for cron: takes a lock, prints a one-line summary, exits 1 only when something failed'),
    ),
  )
    .option('--no-fetch', 'skip the fetch: export what the store holds')
    .action(async (opts) => {
      const { runRefresh } = await import('../refresh-run.js');
      await runRefresh(opts);
    });
}
