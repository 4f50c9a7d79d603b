// `foi-harvest validate <dir|file>` — check an exported dataset against the schemas.
import type { Command } from 'commander';

export function register(program: Command): void {
  program
    .command('validate')
    .description('check an exported dataset (CSV directory with datapackage.json, JSON or NDJSON) against the schemas; list every violation')
    .argument('<path>', 'an export directory or one file')
    .action(async (path: string) => {
      const { runValidate } = await import('../validate-run.js');
      await runValidate(path);
    });
}
