// `foi-harvest validate` — placeholder until its issue lands.
import type { Command } from 'commander';

export function register(program: Command): void {
  program
    .command('validate')
    .description('not implemented yet')
    .allowUnknownOption()
    .action(() => {
      process.stderr.write('foi-harvest: validate: not implemented yet\n');
      process.exitCode = 2;
    });
}
