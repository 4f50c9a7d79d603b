// `foi-harvest probe` — check each force's disclosure log: items found, how, newest date, verdict.
import type { Command } from 'commander';

const collect = (v: string, prev: string[] = []) => [...prev, v];

export function register(program: Command): void {
  program
    .command('probe')
    .description("check each force's disclosure log (first listing page, politely): items found, how, newest date, verdict ok / changed / blocked / unreachable / unsupported; exit 1 when a supported force is not ok")
    .option('--force <id...>', 'force ids or aliases (default: every force in the registry)')
    .option('--format <format>', 'table | json', 'table')
    .option('--base-url <force=url>', 'probe a force on a mirror or local server (repeatable)', collect, [])
    .option('--user-agent <ua>', 'User-Agent to send (default names foi-harvest and a contact)')
    .option('--delay <ms>', 'delay between requests to one host, in ms', '1000')
    .action(async (opts: { force?: string[]; format: string; baseUrl: string[]; userAgent?: string; delay: string }) => {
      const { runProbe, probeTable } = await import('../probe-run.js');
      const { results, exitCode } = await runProbe(opts);
      process.stdout.write(opts.format.toLowerCase() === 'json' ? JSON.stringify(results, null, 2) + '\n' : probeTable(results) + '\n');
      if (exitCode) process.exitCode = Math.max(Number(process.exitCode ?? 0), exitCode);
    });
}
