// `foi-harvest report` — a static HTML review site from the store (opens from file://).
import type { Command } from 'commander';

export function register(program: Command): void {
  program
    .command('report')
    .description('write a static HTML review site: overview with charts, and each disclosure’s sources with every extracted value highlighted where it was read')
    .option('--store <path>', 'the store (SQLite)', 'foi-harvest.db')
    .option('--out <dir>', 'where to write the site', 'report')
    .action(async (opts: { store: string; out: string }) => {
      const { runReport } = await import('../report-run.js');
      await runReport(opts);
    });
}
