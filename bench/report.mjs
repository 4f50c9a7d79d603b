#!/usr/bin/env node
// `report` memory by store size: peak RSS and live heap of `foi-harvest report` at 1k and 10k
// disclosures (synthetic stores from bench/store-child.mjs), each report in its own process.
// Target: flat — the report streams the store, keeping a line per disclosure for the overview.
//   node bench/report.mjs [--sizes 1000,10000]          (npm run build first; FOI_BENCH_ROOT=<built checkout> for before/after)
// Not part of run.mjs yet (bench/run.mjs is another area's file); run it on its own.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { CODE_ROOT, mib, peakRss, withTempDir } from './lib/stats.mjs';

const HERE = new URL('.', import.meta.url).pathname;

if (process.argv[2] === 'child') {
  // One report, measured from inside: peak RSS, and the live heap after a full GC every 1000 disclosures.
  const [, , , db, out] = process.argv;
  const { Store } = await import(join(CODE_ROOT, 'dist/store/store.js'));
  const { buildReport } = await import(join(CODE_ROOT, 'dist/report/build.js'));
  const store = Store.open(db);
  const iterate = store.iterateDisclosures.bind(store);
  let heapMax = 0;
  store.iterateDisclosures = function* (o) {
    let i = 0;
    for (const d of iterate(o)) {
      if (i++ % 1000 === 0 && globalThis.gc) {
        globalThis.gc();
        heapMax = Math.max(heapMax, process.memoryUsage().heapUsed);
      }
      yield d;
    }
  };
  const t0 = performance.now();
  const r = await buildReport(store, out);
  store.close();
  process.stdout.write(JSON.stringify({ ok: true, disclosures: r.disclosures, ms: performance.now() - t0, peakRss: peakRss(), heapMax }) + '\n');
} else {
  const i = process.argv.indexOf('--sizes');
  const sizes = (i > 0 ? process.argv[i + 1] : '1000,10000').split(',').map(Number);
  await withTempDir('report', async (dir) => {
    const rows = [];
    for (const n of sizes) {
      const db = join(dir, `store-${n}.db`);
      const b = spawnSync(process.execPath, [join(HERE, 'store-child.mjs'), 'build', db, String(n)], { encoding: 'utf8' });
      if (b.status !== 0) throw new Error(`building a ${n} store failed: ${b.stderr.trim().split('\n').pop()}`);
      const r = spawnSync(process.execPath, ['--expose-gc', join(HERE, 'report.mjs'), 'child', db, join(dir, `report-${n}`)], { encoding: 'utf8' });
      const res = JSON.parse(r.stdout.trim().split('\n').pop() || '{"ok":false}');
      if (!res.ok) throw new Error(`report of ${n} failed: ${r.stderr.trim().split('\n').pop()}`);
      rows.push(res);
      process.stderr.write(`report ${n}: ${(res.ms / 1000).toFixed(1)} s, peak RSS ${mib(res.peakRss).toFixed(0)} MiB, live heap ≤ ${mib(res.heapMax).toFixed(0)} MiB\n`);
    }
    const [a, z] = [rows[0], rows[rows.length - 1]];
    process.stdout.write(`| disclosures | seconds | peak RSS MiB | live heap MiB |\n|---|---|---|---|\n${rows.map((r) => `| ${r.disclosures} | ${(r.ms / 1000).toFixed(1)} | ${mib(r.peakRss).toFixed(0)} | ${mib(r.heapMax).toFixed(0)} |`).join('\n')}\n`);
    process.stdout.write(`peak RSS ${sizes[sizes.length - 1]} vs ${sizes[0]}: ${(((z.peakRss - a.peakRss) / a.peakRss) * 100).toFixed(0)} %\n`);
  });
}
