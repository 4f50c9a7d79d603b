// Crawl CPU per disclosure as a harvest pays it: `foi-harvest fetch` as a whole process over
// the bench's generated sites at four sizes (10, 50, 100 and 200 disclosures a force: 380, 1,900,
// 3,800 and 7,600 with 38 hosts; --quick stops at 3,800), its CPU (every thread) read by
// lib/meter.mjs, and the slope of CPU against disclosures stored: what one more disclosure costs,
// with the fixed costs of a run (Node's start, loading, V8 compiling the hot code once) left out,
// as the PDF row leaves pdftotext's process start out of its per-page cost. Two slopes: 380 →
// 1,900 ("early") still holds most of V8's compiling (`--trace-opt` of our runs: 1.4 s of TurboFan
// work by 380 disclosures, 4.0 s by 1,900, 4.3 s by 3,800), and the least-squares line through
// 1,900 and every larger size ("settled"), the cost per disclosure once the code is compiled —
// the row's figure. Round sixteen fitted it to 1,900 and 3,800 only: a slope is a difference of
// noisy runs, and over a span three times as long the same scatter moves it less. Beside the
// slopes, a whole harvest of the largest size (everything it cost, over what it stored) and, from
// a preload that reads /proc at exit (lib/thread-cpu-at-exit.mjs), each run's CPU split into the
// main thread and the others (V8's compiler and GC helpers; threads already ended are not in it):
// what of a run is paid once per process.
// With FOI_BENCH_BASELINE=<a built checkout of another commit> the same runs of that build
// alternate with ours (FOI_BENCH_BASELINE_LISTING=legacy for builds from before the sources issue,
// see sites.mjs), and each repetition gives a ratio of the two builds' slopes.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { benchBuilds, inTurn, median, minMed, slope } from './lib/stats.mjs';
import { meter } from './lib/meter.mjs';
import { benchForces, generateSites } from './sites.mjs';
import { startCrawlServer, stopCrawlServer } from './lib/ipc.mjs';

const SIZES = [[4, 4, 2], Array(5).fill(10), Array(10).fill(10), Array(20).fill(10)];
const AT_EXIT = new URL('./lib/thread-cpu-at-exit.mjs', import.meta.url).pathname;

/** CPU per disclosure over runs of one build: the least-squares line through them. */
const perDisclosure = (pts) => slope(pts.map((p) => ({ x: p.disclosures, y: p.cpuMs })));
/** Which runs each slope is fitted to, as slice bounds over the sizes: the first two; all from the second. */
const SPAN = { early: [0, 2], settled: [1] };

export async function benchCrawlProcess({ dir, reps = 3, hosts = 40, delayMs = 50, quick = false, log = () => {} }) {
  const sizes = quick ? SIZES.slice(0, 3) : SIZES;
  const { forces, latency } = await benchForces(hosts);
  const builds = benchBuilds();
  const m = meter();
  // One server per size and listing style, each site on its own port; a store per run.
  const servers = [];
  const baseUrls = new Map();
  let runN = 0;
  try {
    for (const [si, perPage] of sizes.entries()) {
      for (const listing of new Set(builds.map((b) => b.listing))) {
        const sites = generateSites(join(dir, `sites-${si}-${listing}`), forces, { perPage, listing });
        const { server, urls } = await startCrawlServer(sites, latency);
        servers.push(server);
        baseUrls.set(`${si}-${listing}`, Object.entries(urls).flatMap(([f, u]) => ['--base-url', `${f}=${u}/`]));
      }
    }
    const run = (b, si) => {
      const store = join(dir, `process-${++runN}.db`);
      const split = join(dir, `process-${runN}.threads.json`);
      const cpuMs = m.cpuMs([process.execPath, '--import', AT_EXIT, join(b.root, 'bin', 'foi-harvest.js'), 'fetch', '--store', store, '--delay', String(delayMs), ...baseUrls.get(`${si}-${b.listing}`)], { FOI_BENCH_THREAD_CPU_OUT: split });
      if (!existsSync(store)) throw new Error(`${b.name} (${b.root}): \`fetch\` wrote no store (is that checkout built?)`);
      const db = new Database(store, { readonly: true });
      const n = db.prepare('SELECT COUNT(*) AS n FROM disclosures').get().n;
      db.close();
      rmSync(store, { force: true });
      const threads = existsSync(split) ? JSON.parse(readFileSync(split, 'utf8')) : null;
      return { disclosures: n, cpuMs, mainMs: threads?.main ?? null, helpersMs: threads?.other ?? null };
    };
    const samples = Object.fromEntries(builds.map((b) => [b.name, []]));
    for (let r = 0; r < reps; r++) {
      const points = Object.fromEntries(builds.map((b) => [b.name, []]));
      // Sizes and builds interleaved, so a slow spell of the machine falls on both sides.
      for (const si of sizes.keys()) for (const b of inTurn(builds, r)) points[b.name].push(run(b, si));
      for (const b of builds) {
        const pts = points[b.name];
        if (pts.some((p, i) => !p.disclosures || (i > 0 && p.disclosures <= pts[i - 1].disclosures))) throw new Error(`${b.name}: disclosures stored by size ${pts.map((p) => p.disclosures).join(', ')}, not growing`);
        samples[b.name].push({ points: pts, early: perDisclosure(pts.slice(...SPAN.early)), settled: perDisclosure(pts.slice(...SPAN.settled)), whole: pts.at(-1).cpuMs / pts.at(-1).disclosures });
      }
      log(`crawl process rep ${r + 1}/${reps}: ${builds.map((b) => `${b.name} ${samples[b.name][r].points.map((p) => `${p.disclosures}: ${p.cpuMs.toFixed(0)} ms`).join(', ')} -> ${samples[b.name][r].early.toFixed(2)}, then ${samples[b.name][r].settled.toFixed(2)} ms/disclosure`).join('; ')}`);
    }
    // As the PDF row: each side's slopes are also fitted to each size's minimum CPU over the
    // repetitions ("min") and to its median ("med"), and their ratio printed beside the pairs'.
    const lowest = (xs) => Math.min(...xs);
    const fitted = (name, k) => {
      const at = (i, f) => ({ disclosures: samples[name][0].points[i].disclosures, cpuMs: f(samples[name].map((s) => s.points[i].cpuMs)) });
      const span = [...sizes.keys()].slice(...SPAN[k]);
      return { min: perDisclosure(span.map((i) => at(i, lowest))), median: perDisclosure(span.map((i) => at(i, median))) };
    };
    // And a whole harvest of the largest size: everything it cost, over what it stored.
    const whole = (name) => minMed(samples[name].map((s) => s.whole));
    // Each size's median main-thread and helper-thread CPU (null where /proc is not there).
    const threads = (name) =>
      samples[name][0].points.map((p, i) => {
        const pts = samples[name].map((s) => s.points[i]);
        return { disclosures: p.disclosures, mainMs: p.mainMs === null ? null : median(pts.map((q) => q.mainMs)), helpersMs: p.helpersMs === null ? null : median(pts.map((q) => q.helpersMs)) };
      });
    const both = (name) => ({ early: fitted(name, 'early'), settled: fitted(name, 'settled'), whole: whole(name), threads: threads(name) });
    const out = { how: m.how, delayMs, hosts: forces.length, sizes: samples.ours[0].points.map((p) => p.disclosures), reps, ours: both('ours'), samples };
    if (samples.baseline) {
      out.baseline = { root: builds[1].root, listing: builds[1].listing, ...both('baseline') };
      const ratio = (k) => ({ min: out.ours[k].min / out.baseline[k].min, median: out.ours[k].median / out.baseline[k].median });
      const pairs = (k) => samples.ours.map((s, i) => s[k] / samples.baseline[i][k]);
      out.ratio = { early: ratio('early'), settled: ratio('settled'), whole: ratio('whole') };
      out.pairRatios = { early: pairs('early'), settled: pairs('settled'), whole: pairs('whole') };
      // The row's verdict: min and median of the pairs' ratios. Each pair's two builds ran in turn,
      // size by size, so a slow spell of the machine falls on both; fitting each size's median per
      // build (out.ratio) throws that pairing away, and moves with whichever runs land in the middle.
      out.pairs = Object.fromEntries(Object.entries(out.pairRatios).map(([k, xs]) => [k, minMed(xs)]));
      log(`crawl process: ratio per pair, from ${out.sizes[1]}: ${out.pairRatios.settled.map((x) => x.toFixed(2)).join(', ')}; from ${out.sizes[0]}: ${out.pairRatios.early.map((x) => x.toFixed(2)).join(', ')}; whole ${out.sizes.at(-1)}: ${out.pairRatios.whole.map((x) => x.toFixed(2)).join(', ')}`);
    }
    return out;
  } finally {
    await Promise.all(servers.map(stopCrawlServer));
  }
}
