// `foi-harvest demo` — serve the bundled fixture sites on 127.0.0.1 and run fetch + export against them.
import type { Command } from 'commander';

export function register(program: Command): void {
  program
    .command('demo')
    .description('serve the bundled fixture sites on 127.0.0.1 and run the whole job (fetch, then export) against them, offline')
    .option('--store <path>', 'store for the demo harvest (kept apart from a real one)', 'foi-harvest-demo.db')
    .option('--out <dir>', 'where the exported dataset goes', 'demo-out')
    .option('--port <n>', 'first port to serve the sites on, one per site counting up (default: 47801 up, any free port where taken)')
    .action(async (opts: { store: string; out: string; port?: string }) => {
      const { runDemo } = await import('../demo-run.js');
      const r = await runDemo(opts);
      const bad = (x: typeof r.summary | null) => !!x && (x.failures.length > 0 || x.warnings.length > 0);
      if (bad(r.summary) || bad(r.wdtkSummary)) process.exitCode = Math.max(Number(process.exitCode ?? 0), 1);
    });
}
