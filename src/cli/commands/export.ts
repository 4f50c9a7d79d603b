// `foi-harvest export` — the store's dataset → CSV (+ datapackage.json), JSON, NDJSON, SQLite, XLSX, Parquet, atomically.
import type { Command } from 'commander';
import { withExportOptions } from '../export-options.js';
import type { ExportCliOptions } from '../export-run.js';

export function register(program: Command): void {
  withExportOptions(
    program
      .command('export')
      .description(
        'write the stored dataset to files, atomically: csv (one per table + figures_flat + datapackage.json), json, ndjson, sqlite (+ Datasette metadata.json), xlsx (one workbook), parquet (one file per table); always changes.json. Corrections kept in the store are applied and marked',
      ),
  )
    .option('--force <id...>', 'only these forces')
    .option('--topic <topic...>', 'only disclosures about these topics (convictions, vetting …)')
    .option('--kind <kind...>', 'only these kinds (foi_response, news_article …)')
    .option('--since <date>', 'only disclosures published (else answered, else requested) on or after this date')
    .option('--event <event...>', 'figures_flat: only figures of these events (convicted, suspended …)')
    .option('--measure <measure...>', 'figures_flat: only figures of these measures (officers, allegations …)')
    .option('--changes', 'print changes.json (new / changed / removed since the previous export) on stdout')
    .action(async (opts: ExportCliOptions) => {
      const { runExport } = await import('../export-run.js');
      await runExport(opts);
    });
}
