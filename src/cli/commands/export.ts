// `foi-harvest export` — the store's dataset → CSV (+ datapackage.json), JSON, NDJSON, SQLite, atomically.
import type { Command } from 'commander';
import { withExportOptions } from '../export-options.js';

export function register(program: Command): void {
  withExportOptions(
    program
      .command('export')
      .description('write the stored dataset to files, atomically: csv (one per table + datapackage.json), json, ndjson, sqlite (+ Datasette metadata.json); always changes.json'),
  )
    .option('--force <id...>', 'only these forces')
    .option('--changes', 'print changes.json (new / changed / removed since the previous export) on stdout')
    .action(async (opts: { store: string; out: string; format: string; force?: string[]; excel?: boolean; formulaGuard?: boolean; changes?: boolean }) => {
      const { runExport } = await import('../export-run.js');
      await runExport(opts);
    });
}
