// Memory: peak RSS of parsing 1k, 10k and 50k generated documents into a temp store, one
// child process per size (a cold start each). The largest size runs alongside the others,
// one per core, to keep the whole bench within a few minutes; RSS is per process, so
// running side by side does not change it.
import { execFile } from 'node:child_process';
import { join } from 'node:path';

const CHILD = new URL('./memory-child.mjs', import.meta.url).pathname;

function child(n, storePath) {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [CHILD, String(n), storePath], { maxBuffer: 1 << 20 }, (err, stdout, stderr) => {
      if (err) return reject(new Error(`memory child (${n} documents) failed: ${(stderr || err.message).trim().split('\n').pop()}`));
      resolve(JSON.parse(stdout.trim().split('\n').pop()));
    });
  });
}

export async function benchMemory({ dir, sizes = [1000, 10000, 50000], log = () => {} }) {
  const sorted = [...sizes].sort((a, b) => a - b);
  const largest = sorted.at(-1);
  const big = child(largest, join(dir, `mem-${largest}.db`)).then((r) => (log(`memory ${largest}: peak RSS ${(r.peakRss / 2 ** 20).toFixed(0)} MiB in ${(r.ms / 1000).toFixed(0)} s`), r));
  const small = (async () => {
    const out = [];
    for (const n of sorted.slice(0, -1)) {
      const r = await child(n, join(dir, `mem-${n}.db`));
      log(`memory ${n}: peak RSS ${(r.peakRss / 2 ** 20).toFixed(0)} MiB in ${(r.ms / 1000).toFixed(0)} s`);
      out.push(r);
    }
    return out;
  })();
  const results = [...(await small), await big];
  const base = results[0].peakRss;
  return {
    runs: results.map((r) => ({ ...r, growth: r.peakRss / base - 1 })),
    growth: results.at(-1).peakRss / base - 1,
    target: 0.2,
  };
}
