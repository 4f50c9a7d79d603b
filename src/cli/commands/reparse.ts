// `foi-harvest reparse` — rebuild every stored disclosure from stored bytes with the current parser, offline.
import type { Command } from 'commander';
import { withOcrOption } from '../ocr-option.js';

export function register(program: Command): void {
  withOcrOption(program.command('reparse'))
    .description('re-extract every stored disclosure from its stored documents with the current parser, without the network')
    .option('--store <path>', 'the store (SQLite)', 'foi-harvest.db')
    .option('--force <id...>', 'only these forces')
    .option('--format <format>', 'summary as text | json', 'text')
    .action(async (opts: { store: string; force?: string[]; format: string }) => {
      const { runReparse } = await import('../reparse-run.js');
      await runReparse(opts);
    });
}
