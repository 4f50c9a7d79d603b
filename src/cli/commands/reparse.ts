// `foi-harvest reparse` — placeholder until its issue lands.
import type { Command } from 'commander';

export function register(program: Command): void {
  program
    .command('reparse')
    .description('not implemented yet')
    .allowUnknownOption()
    .action(() => {
      process.stderr.write('foi-harvest: reparse: not implemented yet\n');
      process.exitCode = 2;
    });
}
