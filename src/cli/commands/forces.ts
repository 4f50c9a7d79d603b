// `foi-harvest forces` — placeholder until its issue lands.
import type { Command } from 'commander';

export function register(program: Command): void {
  program
    .command('forces')
    .description('not implemented yet')
    .allowUnknownOption()
    .action(() => {
      process.stderr.write('foi-harvest: forces: not implemented yet\n');
      process.exitCode = 2;
    });
}
