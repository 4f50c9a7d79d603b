// The crawl's in-process window like with like: the ~400 disclosures after one warm-up harvest,
// for our build and for FOI_BENCH_BASELINE's, each in a fresh process (crawl-window-child.mjs),
// the two alternating pair by pair (which goes first alternates too). The bench's own window row
// runs in the bench's process after other sections; here both sides start alike. V8 is still
// compiling code that has only now become hot (round sixteen of BENCHMARKS.md: TurboFan took
// 0.4–0.7 s of each 380-disclosure harvest's CPU), so this measures that transient as much as
// the crawler's own work.
import { spawnSync } from 'node:child_process';
import { benchBuilds, inTurn, median, minMed } from './lib/stats.mjs';

const CHILD = new URL('./crawl-window-child.mjs', import.meta.url).pathname;

function windowOf(b) {
  const r = spawnSync(process.execPath, [CHILD], { encoding: 'utf8', env: { ...process.env, FOI_BENCH_ROOT: b.root, FOI_BENCH_LISTING: b.listing }, maxBuffer: 1 << 24 });
  const line = r.stdout.trim().split('\n').at(-1) ?? '';
  // Node prints an uncaught error's stack, then its own version: the error's line names the cause.
  const why = r.stderr.split('\n').find((l) => /\w*Error\b/.test(l)) ?? r.stderr.trim().split('\n')[0] ?? '';
  if (r.status !== 0 || !line.startsWith('{')) throw new Error(`${b.name} (${b.root}): crawl window exited ${r.status}: ${why.trim()}`);
  return JSON.parse(line);
}

/** Null unless FOI_BENCH_BASELINE names a built checkout to compare with. */
export async function benchCrawlWindow({ pairs = 3, log = () => {} }) {
  const builds = benchBuilds();
  if (builds.length < 2) return null;
  const samples = { ours: [], baseline: [] };
  for (let r = 0; r < pairs; r++) {
    for (const b of inTurn(builds, r)) samples[b.name].push(windowOf(b));
    const [o, bl] = [samples.ours[r], samples.baseline[r]];
    log(`crawl window pair ${r + 1}/${pairs}: ours med ${o.cpuMsPerDisclosure.median.toFixed(2)} ms (main ${o.threadCpuMsPerDisclosure?.main.median.toFixed(2)}), baseline med ${bl.cpuMsPerDisclosure.median.toFixed(2)} ms (main ${bl.threadCpuMsPerDisclosure?.main.median.toFixed(2)}): ${(o.cpuMsPerDisclosure.median / bl.cpuMsPerDisclosure.median).toFixed(2)}×`);
  }
  // Each window's median over its measured harvests; the row's min and median over the pairs.
  const meds = (name, f) => minMed(samples[name].map(f));
  const cpu = (s) => s.cpuMsPerDisclosure.median;
  const main = (s) => s.threadCpuMsPerDisclosure?.main.median ?? NaN;
  const helpers = (s) => s.threadCpuMsPerDisclosure?.helpers.median ?? NaN;
  const pairRatios = samples.ours.map((s, i) => cpu(s) / cpu(samples.baseline[i]));
  return {
    pairs,
    baseline: { root: builds[1].root, listing: builds[1].listing, cpu: meds('baseline', cpu), main: meds('baseline', main), helpers: meds('baseline', helpers) },
    ours: { cpu: meds('ours', cpu), main: meds('ours', main), helpers: meds('ours', helpers) },
    ratio: minMed(pairRatios),
    mainRatio: median(samples.ours.map((s, i) => main(s) / main(samples.baseline[i]))),
    helpersRatio: median(samples.ours.map((s, i) => helpers(s) / helpers(samples.baseline[i]))),
    pairRatios,
    samples,
  };
}
