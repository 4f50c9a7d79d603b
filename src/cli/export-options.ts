// The export options `export` and `refresh` share: one definition, so their names, defaults
// and help never drift apart.
import type { Command } from 'commander';

export function withExportOptions(cmd: Command): Command {
  return cmd
    .option('--store <path>', 'the store (SQLite)', 'foi-harvest.db')
    .option('--out <dir>', 'export directory', 'data')
    .option('--format <list>', 'comma list of csv, json, ndjson, sqlite, xlsx, parquet', 'csv,json')
    .option('--excel', 'CSV for Excel: UTF-8 byte-order mark')
    .option('--no-formula-guard', 'CSV for machine pipelines: no apostrophe before text a spreadsheet would run as a formula (recorded in datapackage.json)')
    .option('--overwrite', 'write into an --out directory that holds files foi-harvest did not write');
}
