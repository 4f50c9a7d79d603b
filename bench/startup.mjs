// Start-up: CPU time of `foi-harvest parse <small .txt>` as a whole process against `node -e 0`
// (Node's own start), in pairs run back to back. CPU, not wall time: on a shared machine the
// wall clock measures the neighbours. A child's CPU time is read with getrusage(RUSAGE_CHILDREN)
// through python3 (microseconds) where present, else GNU time (10 ms steps), else wall time.
// Both sides are measured by the same meter, one fresh meter process per run.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { CODE_ROOT, median, minMed } from './lib/stats.mjs';

// The reading before the run is subtracted: RUSAGE_CHILDREN survives exec, so a python3 that is
// a wrapper (a pyenv shim runs `pyenv` first) starts with ~50 ms of its launcher's children
// already counted, which would be added to both sides and flatter the ratio.
const PY = 'import resource,subprocess,sys\nc=lambda: (lambda r: r.ru_utime+r.ru_stime)(resource.getrusage(resource.RUSAGE_CHILDREN))\nt=c()\nsubprocess.run(sys.argv[1:],stdout=subprocess.DEVNULL,stderr=subprocess.DEVNULL)\nprint(c()-t)';

function meter() {
  if (spawnSync('python3', ['-c', 'print(1)'], { encoding: 'utf8' }).stdout?.trim() === '1') {
    return { how: 'getrusage (python3)', cpuMs: (cmd) => 1000 * Number(spawnSync('python3', ['-c', PY, ...cmd], { encoding: 'utf8' }).stdout.trim()) };
  }
  if (spawnSync('/usr/bin/time', ['-f', '%U', 'true'], { encoding: 'utf8' }).status === 0) {
    return {
      how: 'GNU time (10 ms steps)',
      cpuMs: (cmd) => {
        const r = spawnSync('/usr/bin/time', ['-f', '@@%U %S', ...cmd], { encoding: 'utf8' });
        const m = /@@([\d.]+) ([\d.]+)/.exec(r.stderr);
        return 1000 * (Number(m[1]) + Number(m[2]));
      },
    };
  }
  return {
    how: 'wall time (no python3 or GNU time)',
    cpuMs: (cmd) => {
      const t = performance.now();
      spawnSync(cmd[0], cmd.slice(1), { stdio: 'ignore' });
      return performance.now() - t;
    },
  };
}

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
