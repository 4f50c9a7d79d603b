// `foi-harvest correct` and `foi-harvest corrections list|export|remove` — fixes kept in the
// store, applied and marked on every export, surviving refresh and reparse.
import type { Command } from 'commander';

const collect = (v: string, prev: string[] = []) => [...prev, v];

export function register(program: Command): void {
  program
    .command('correct')
    .description('record a correction to one row (any field of a disclosure or of its child rows), kept in the store and applied on every export')
    .option('--store <path>', 'the store (SQLite)', 'foi-harvest.db')
    .option('--id <disclosure_id>', 'the disclosure')
    .option('--table <table>', 'disclosures | questions | periods | exemptions | figures | cases | attachments', 'disclosures')
    .option('--ordinal <n>', 'the row of a child table (its ordinal)')
    .option('--set <field=value>', 'the new value (repeatable); empty or "null" clears it, lists are split on ";"', collect)
    .option('--reason <text>', 'why (kept with the correction and shown in every export)')
    .option('--from <csv>', 'many corrections from a CSV with columns disclosure_id, table, ordinal, field, value, reason')
    .action(async (opts) => {
      const { runCorrect } = await import('../correct-run.js');
      await runCorrect(opts);
    });
  const corrections = program.command('corrections').description('the corrections kept in the store');
  corrections
    .command('list')
    .description('every correction and whether it still applies')
    .option('--store <path>', 'the store (SQLite)', 'foi-harvest.db')
    .option('--format <format>', 'text | json', 'text')
    .action(async (opts) => {
      const { runCorrectionsList } = await import('../correct-run.js');
      await runCorrectionsList(opts);
    });
  corrections
    .command('export')
    .description('every correction as CSV on stdout (the format `correct --from` reads)')
    .option('--store <path>', 'the store (SQLite)', 'foi-harvest.db')
    .action(async (opts) => {
      const { runCorrectionsExport } = await import('../correct-run.js');
      await runCorrectionsExport(opts);
    });
  corrections
    .command('remove <id>')
    .description('delete one correction by its id')
    .option('--store <path>', 'the store (SQLite)', 'foi-harvest.db')
    .action(async (id: string, opts) => {
      const { runCorrectionsRemove } = await import('../correct-run.js');
      await runCorrectionsRemove(id, opts);
    });
}
