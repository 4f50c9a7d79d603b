// Start-up: CPU time of `foi-harvest parse <small .txt>` as a whole process against `node -e 0`
// (Node's own start), in pairs run back to back. CPU, not wall time: on a shared machine the
// wall clock measures the neighbours (lib/meter.mjs reads a child's CPU). Both sides are
// measured by the same meter, one fresh meter process per run.
import { join } from 'node:path';
import { CODE_ROOT, median, minMed } from './lib/stats.mjs';
import { meter } from './lib/meter.mjs';

export async function benchStartup({ reps = 10, log = () => {} }) {
  const file = join(CODE_ROOT, 'tests', 'fixtures', 'synthetic-corpus', 'corpus', 'btp-officers-arrested-1104-23.txt');
  const cli = [process.execPath, join(CODE_ROOT, 'bin', 'foi-harvest.js'), 'parse', file, '--format', 'json'];
  const bare = [process.execPath, '-e', '0'];
  const m = meter();
  m.cpuMs(cli); // warm the file cache
  const ours = [];
  const base = [];
  const ratios = [];
  for (let r = 0; r < reps; r++) {
    const b = m.cpuMs(bare);
    const o = m.cpuMs(cli);
    base.push(b);
    ours.push(o);
    ratios.push(o / b);
  }
  log(`startup: parse ${median(ours).toFixed(0)} ms CPU, node -e 0 ${median(base).toFixed(0)} ms (${m.how})`);
  return { file: 'tests/fixtures/synthetic-corpus/corpus/btp-officers-arrested-1104-23.txt', how: m.how, reps, oursMs: minMed(ours), nodeMs: minMed(base), ratio: minMed(ratios), target: 2, samples: { ours, base } };
}
