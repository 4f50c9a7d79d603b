// `foi-harvest status` — placeholder until its issue lands.
import type { Command } from 'commander';

export function register(program: Command): void {
  program
    .command('status')
    .description('not implemented yet')
    .allowUnknownOption()
    .action(() => {
      process.stderr.write('foi-harvest: status: not implemented yet\n');
      process.exitCode = 2;
    });
}
