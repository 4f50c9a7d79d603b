// `foi-harvest status` — what the store holds: documents and disclosures per force, last run, failures.
import type { Command } from 'commander';

export function register(program: Command): void {
  program
    .command('status')
    .description('what the store holds: documents and disclosures per force, the last run and its stats, failed fetches')
    .option('--store <path>', 'the store (SQLite)', 'foi-harvest.db')
    .option('--format <format>', 'text | json', 'text')
    .action(async (opts: { store: string; format: string }) => {
      const { runStatus } = await import('../status-run.js');
      await runStatus(opts);
    });
}
