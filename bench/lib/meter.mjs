// A child process's CPU time (user + system, all its threads), read with getrusage(RUSAGE_CHILDREN)
// through python3 (microseconds) where present, else GNU time (10 ms steps), else wall time.
// One fresh meter process per run. Used by the start-up and whole-process crawl rows.
import { spawnSync } from 'node:child_process';

// The reading before the run is subtracted: RUSAGE_CHILDREN survives exec, so a python3 that is
// a wrapper (a pyenv shim runs `pyenv` first) starts with ~50 ms of its launcher's children
// already counted, which would be added to both sides and flatter the ratio.
const PY = 'import resource,subprocess,sys\nc=lambda: (lambda r: r.ru_utime+r.ru_stime)(resource.getrusage(resource.RUSAGE_CHILDREN))\nt=c()\nsubprocess.run(sys.argv[1:],stdout=subprocess.DEVNULL,stderr=subprocess.DEVNULL)\nprint(c()-t)';

/** `cpuMs(argv, env?)` runs argv (output discarded; env added to ours) and returns its CPU ms; `how` names the meter. */
export function meter() {
  if (spawnSync('python3', ['-c', 'print(1)'], { encoding: 'utf8' }).stdout?.trim() === '1') {
    return { how: 'getrusage (python3)', cpuMs: (cmd, env) => 1000 * Number(spawnSync('python3', ['-c', PY, ...cmd], { encoding: 'utf8', env: { ...process.env, ...env } }).stdout.trim()) };
  }
  if (spawnSync('/usr/bin/time', ['-f', '%U', 'true'], { encoding: 'utf8' }).status === 0) {
    return {
      how: 'GNU time (10 ms steps)',
      cpuMs: (cmd, env) => {
        const r = spawnSync('/usr/bin/time', ['-f', '@@%U %S', ...cmd], { encoding: 'utf8', env: { ...process.env, ...env } });
        const m = /@@([\d.]+) ([\d.]+)/.exec(r.stderr);
        return 1000 * (Number(m[1]) + Number(m[2]));
      },
    };
  }
  return {
    how: 'wall time (no python3 or GNU time)',
    cpuMs: (cmd, env) => {
      const t = performance.now();
      spawnSync(cmd[0], cmd.slice(1), { stdio: 'ignore', env: { ...process.env, ...env } });
      return performance.now() - t;
    },
  };
}
