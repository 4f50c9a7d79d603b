// Crawl efficiency and unchanged refresh: 40 generated force sites on 127.0.0.1 (own port,
// hence own origin, each; 20–50 ms latency), harvested by the real runFetch with --base-url
// overrides, the default concurrency and the per-host delay scaled down (1000 ms → 50 ms).
// Efficiency = ideal / actual, where ideal = max over hosts of requests × (delay + latency):
// the time the slowest host needs when it is never kept waiting. Then a second harvest of the
// same unchanged sites into the same store: its requests and time as a share of the first.
import { join } from 'node:path';
import { CODE_ROOT, median, minMed } from './lib/stats.mjs';
import { threadCpuMs } from './lib/thread-cpu.mjs';
import { benchForces, generateSites } from './sites.mjs';
import { ipc, startCrawlServer, stopCrawlServer } from './lib/ipc.mjs';

function summarise(logs, latency, delayMs) {
  let requests = 0;
  let ideal = 0;
  let slowest = null;
  const byStatus = {};
  let full = 0; // 200s other than robots.txt: real downloads
  for (const [force, rows] of Object.entries(logs)) {
    requests += rows.length;
    const hostIdeal = rows.length * (delayMs + latency[force]);
    if (hostIdeal > ideal) {
      ideal = hostIdeal;
      slowest = { force, requests: rows.length, latencyMs: latency[force] };
    }
    for (const r of rows) {
      byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
      if (r.status === 200 && r.path !== '/robots.txt') full++;
    }
  }
  return { requests, byStatus, fullDownloads: full, idealMs: ideal, slowest };
}

export async function benchCrawl({ dir, reps = 3, steadyReps = 0, hosts = 40, delayMs = 50, concurrency, extraConcurrency = [], listing = process.env.FOI_BENCH_LISTING ?? 'search', log = () => {} }) {
  const { runFetch } = await import(join(CODE_ROOT, 'dist', 'cli', 'fetch-run.js'));
  const { forces, latency } = await benchForces(hosts);
  hosts = forces.length;
  const sites = generateSites(join(dir, 'sites'), forces, { listing });
  const { server, urls } = await startCrawlServer(sites, latency);
  try {
    const baseUrl = Object.entries(urls).map(([f, u]) => `${f}=${u}/`);
    const quiet = () => {};
    let storeN = 0;
    const harvest = async (store, conc) => {
      await ipc(server, { cmd: 'logs' }); // drop anything earlier
      const threads0 = threadCpuMs();
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      const summary = await runFetch({ baseUrl, delay: delayMs, store, log: quiet, ...(conc ? { concurrency: conc } : {}) });
      const ms = performance.now() - t0;
      const cpu = process.cpuUsage(cpu0);
      const threads1 = threadCpuMs();
      const threads = threads0 && threads1 ? { mainCpuMs: threads1.main - threads0.main, otherCpuMs: threads1.other - threads0.other } : { mainCpuMs: null, otherCpuMs: null };
      const { logs } = await ipc(server, { cmd: 'logs' });
      const s = summarise(logs, latency, delayMs);
      return { ms, cpuMs: (cpu.user + cpu.system) / 1000, ...threads, status: summary.status, disclosures: summary.disclosures, failures: summary.failures.length, ...s, efficiency: s.idealMs / ms };
    };
    // Each repetition's first harvest reads pages no earlier harvest in this process read (the
    // same sites, marked as a new variant): what a harvest keeps between runs in memory (a
    // parse cache) must not make a later repetition cheaper than a real run, which starts afresh.
    let variant = 0;
    const runs = async (conc, label, count = reps) => {
      const out = [];
      for (let r = 0; r < count; r++) {
        generateSites(join(dir, 'sites'), forces, { variant: ++variant, listing });
        const store = join(dir, `store-${++storeN}.db`);
        const first = await harvest(store, conc);
        const again = await harvest(store, conc);
        out.push({ first, again });
        log(`crawl ${label} rep ${r + 1}/${count}: first ${first.ms.toFixed(0)} ms (ideal ${first.idealMs} ms, efficiency ${first.efficiency.toFixed(2)}, ${first.requests} requests, cpu ${first.cpuMs.toFixed(0)} ms); refresh ${again.ms.toFixed(0)} ms, ${again.requests} requests, ${again.fullDownloads} full downloads`);
      }
      const pick = (k, f) => median(out.map((o) => f(o[k])));
      return {
        concurrency: conc ?? 'default',
        first: {
          ms: pick('first', (x) => x.ms),
          idealMs: pick('first', (x) => x.idealMs),
          efficiency: pick('first', (x) => x.efficiency),
          efficiencyMinMed: minMed(out.map((o) => o.first.efficiency)),
          // CPU the crawler spends per disclosure it stores (fetching, parsing, storing), whatever the delay.
          cpuMsPerDisclosure: minMed(out.map((o) => o.first.cpuMs / Math.max(1, o.first.disclosures.new + o.first.disclosures.changed + o.first.disclosures.unchanged))),
          // The same split by thread (Linux): the main thread, and V8's / libuv's helper threads.
          threadCpuMsPerDisclosure: out[0].first.mainCpuMs === null ? null : {
            main: minMed(out.map((o) => o.first.mainCpuMs / Math.max(1, o.first.disclosures.new + o.first.disclosures.changed + o.first.disclosures.unchanged))),
            helpers: minMed(out.map((o) => o.first.otherCpuMs / Math.max(1, o.first.disclosures.new + o.first.disclosures.changed + o.first.disclosures.unchanged))),
          },
          cpuShare: pick('first', (x) => x.cpuMs / x.ms),
          requests: pick('first', (x) => x.requests),
          disclosures: out[0].first.disclosures,
          failures: out[0].first.failures,
          slowest: out[0].first.slowest,
        },
        refresh: {
          ms: pick('again', (x) => x.ms),
          requests: pick('again', (x) => x.requests),
          byStatus: out[0].again.byStatus,
          fullDownloads: Math.max(...out.map((o) => o.again.fullDownloads)),
          timeShare: median(out.map((o) => o.again.ms / o.first.ms)),
          requestShare: median(out.map((o) => o.again.requests / o.first.requests)),
          idealMs: pick('again', (x) => x.idealMs),
          disclosures: out[0].again.disclosures,
        },
        samples: out,
      };
    };
    // Warm-up (not measured): the process's first harvest also pays for loading and
    // JIT-compiling the parsers, which would otherwise land on the first repetition.
    {
      const store = join(dir, `store-${++storeN}.db`);
      await harvest(store, concurrency);
      await harvest(store, concurrency);
    }
    const main = await runs(concurrency, 'default concurrency');
    // The same crawl, more repetitions on (diagnostic): V8 goes on compiling hot code on its
    // helper threads for a thousand or so disclosures after the warm-up, so the measured
    // repetitions above are partly JIT work that a long harvest (every force, thousands of
    // pages) amortises. What the crawler costs once its code is compiled is these later ones.
    const steady = steadyReps > 0 ? await runs(concurrency, 'steady state', steadyReps) : null;
    const diagnostics = [];
    for (const c of extraConcurrency) diagnostics.push(await runs(c, `concurrency ${c}`));
    return { hosts, delayMs, latencyMs: { min: Math.min(...Object.values(latency)), max: Math.max(...Object.values(latency)) }, reps, target: { efficiency: 0.9, refreshTimeShare: 0.05 }, listing, ...main, steady: steady && { reps: steadyReps, first: steady.first, samples: steady.samples }, diagnostics };
  } finally {
    await stopCrawlServer(server);
  }
}
