// `foi-harvest demo` — placeholder until its issue lands.
import type { Command } from 'commander';

export function register(program: Command): void {
  program
    .command('demo')
    .description('not implemented yet')
    .allowUnknownOption()
    .action(() => {
      process.stderr.write('foi-harvest: demo: not implemented yet\n');
      process.exitCode = 2;
    });
}
