// `foi-harvest refresh` — placeholder until its issue lands.
import type { Command } from 'commander';

export function register(program: Command): void {
  program
    .command('refresh')
    .description('not implemented yet')
    .allowUnknownOption()
    .action(() => {
      process.stderr.write('foi-harvest: refresh: not implemented yet\n');
      process.exitCode = 2;
    });
}
