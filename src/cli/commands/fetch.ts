// `foi-harvest fetch` — placeholder until its issue lands.
import type { Command } from 'commander';

export function register(program: Command): void {
  program
    .command('fetch')
    .description('not implemented yet')
    .allowUnknownOption()
    .action(() => {
      process.stderr.write('foi-harvest: fetch: not implemented yet\n');
      process.exitCode = 2;
    });
}
