// `foi-harvest export` — placeholder until its issue lands.
import type { Command } from 'commander';

export function register(program: Command): void {
  program
    .command('export')
    .description('not implemented yet')
    .allowUnknownOption()
    .action(() => {
      process.stderr.write('foi-harvest: export: not implemented yet\n');
      process.exitCode = 2;
    });
}
