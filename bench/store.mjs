// Export and reparse at 10k / 50k / 200k disclosures: time and peak RSS, each step in its own
// process (bench/store-child.mjs) on a synthetic store built beforehand (not measured).
// Target: peak RSS at the largest size within +20 % of the smallest, and a JSON export that
// works at 200k (it used to end in `RangeError: Invalid string length` near 114k).
import { spawn } from 'node:child_process';
import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

const HERE = new URL('.', import.meta.url).pathname;

function child(args, timeoutMs) {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [join(HERE, 'store-child.mjs'), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (err += d));
    const timer = setTimeout(() => p.kill('SIGKILL'), timeoutMs);
    p.on('close', (code, signal) => {
      clearTimeout(timer);
      const line = out.trim().split('\n').pop();
      try {
        resolve(JSON.parse(line));
      } catch {
        resolve({ ok: false, error: signal ? `killed (${signal}${signal === 'SIGKILL' ? `, over ${timeoutMs / 1000} s` : ''})` : `exit ${code}: ${err.trim().split('\n').pop() ?? ''}`.slice(0, 200) });
      }
    });
  });
}

export async function benchStore({ dir, sizes = [10000, 50000, 200000], reparseSizes, reps = 1, log = () => {} }) {
  reparseSizes ??= sizes;
  const runs = [];
  for (const n of sizes) {
    const store = join(dir, `store-${n}.db`);
    const built = await child(['build', store, String(n)], 30 * 60_000);
    if (!built.ok) {
      runs.push({ n, build: built, export: [], reparse: [] });
      log(`store ${n}: build failed: ${built.error}`);
      continue;
    }
    log(`store ${n}: built in ${(built.ms / 1000).toFixed(0)} s`);
    const exports = [];
    for (let r = 0; r < reps; r++) {
      const out = join(dir, `out-${n}`);
      const e = await child(['export', store, out], 30 * 60_000);
      if (e.ok) e.jsonBytes = statSync(join(out, 'disclosures.json')).size;
      rmSync(out, { recursive: true, force: true });
      exports.push(e);
      log(`store ${n}: export ${e.ok ? `${(e.ms / 1000).toFixed(1)} s, peak RSS ${(e.peakRss / 2 ** 20).toFixed(0)} MiB, JSON ${(e.jsonBytes / 2 ** 20).toFixed(0)} MiB` : `failed: ${e.error}`}`);
    }
    const reparses = [];
    if (reparseSizes.includes(n)) {
      for (let r = 0; r < reps; r++) {
        const p = await child(['reparse', store], 60 * 60_000);
        reparses.push(p);
        log(`store ${n}: reparse ${p.ok ? `${(p.ms / 1000).toFixed(1)} s, peak RSS ${(p.peakRss / 2 ** 20).toFixed(0)} MiB (${p.unchanged} unchanged, ${p.changed} changed, ${p.new} new, ${p.removed} removed, ${p.failed} failed)` : `failed: ${p.error}`}`);
      }
    }
    rmSync(store, { force: true });
    rmSync(`${store}-wal`, { force: true });
    rmSync(`${store}-shm`, { force: true });
    runs.push({ n, build: built, export: exports, reparse: reparses });
  }
  return { sizes, reparseSizes, reps, target: 0.2, runs };
}
