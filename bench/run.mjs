#!/usr/bin/env node
// `npm run bench`: start-up, HTML and PDF extraction against baselines measured in the same
// run, crawl politeness efficiency and CPU per disclosure on up to 40 local hosts, the unchanged
// refresh, peak memory by corpus size, export/reparse at 10k–200k disclosures, big inputs,
// and OCR. Prints one markdown table (every row: min and median of paired runs), writes
// bench/results.json. See BENCHMARKS.md.
//   node bench/run.mjs [--only startup,html,pdf,crawl,memory,store,big,ocr] [--reps N] [--quick] [--store-sizes 10000,50000,200000] [--full]
// --quick: 3 repetitions, one crawl repetition, memory at 1k/5k/10k, stores at 10k/50k (a smoke run).
// FOI_BENCH_ROOT=<built checkout>: measure that code instead of this one (before/after).
// FOI_BENCH_BASELINE=<built checkout> (FOI_BENCH_BASELINE_LISTING=legacy for builds before the sources issue):
// the crawl rows run that build as whole `fetch` processes and as in-process windows in fresh
// processes, alternating with ours, and the PDF row its parseDocument beside ours on the same
// letters; each prints the ratio.
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { CODE_ROOT, fmt, mib, mm, withTempDir } from './lib/stats.mjs';

const args = process.argv.slice(2);
const opt = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const quick = args.includes('--quick');
const only = new Set((opt('--only') ?? 'startup,html,pdf,crawl,memory,store,big,bigtables,ocr').split(','));
const reps = Number(opt('--reps') ?? (quick ? 3 : 5));
const log = (line) => process.stderr.write(`bench: ${line}\n`);
const ROOT = new URL('..', import.meta.url).pathname;

const results = { startedAt: new Date().toISOString(), node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model ?? null, code: CODE_ROOT, quick, reps };
const t0 = performance.now();

// fn's result, or { failed } (its error's first line, logged) when it throws.
const guarded = async (name, fn) => {
  try {
    return await fn();
  } catch (e) {
    const failed = String(e?.message ?? e).split('\n')[0];
    log(`${name}: failed: ${failed}`);
    return { failed };
  }
};
// Each section is guarded: one that throws is reported as failed, and the others still run.
const section = async (name, fn) => {
  if (only.has(name)) results[name] = await guarded(name, fn);
};

await withTempDir('run', async (dir) => {
  await section('startup', async () => (await import('./startup.mjs')).benchStartup({ reps: Math.max(reps * 2, 6), log }));
  await section('html', async () => (await import('./html.mjs')).benchHtml({ reps, log }));
  await section('pdf', async () => (await import('./pdf.mjs')).benchPdf({ dir, reps, log }));
  // 250 ms between requests to a host: politeness, not CPU, bounds the run (ideal ≈ 4.6 s).
  await section('crawl', async () => ({
    ...(await (await import('./crawl.mjs')).benchCrawl({ dir, reps: quick ? 1 : 3, steadyReps: quick ? 0 : 4, delayMs: 250, extraConcurrency: [40], log })),
    // CPU per disclosure of `fetch` as whole processes (against FOI_BENCH_BASELINE when set);
    // guarded alone, so that a baseline that cannot run still leaves the rows above.
    process: await guarded('crawl process', async () => (await import('./crawl-process.mjs')).benchCrawlProcess({ dir, reps: quick ? 1 : 4, quick, log })),
    // The in-process window, ours and FOI_BENCH_BASELINE's, each in a fresh process, alternating.
    window: await guarded('crawl window', async () => (await import('./crawl-window.mjs')).benchCrawlWindow({ pairs: quick ? 1 : 3, log })),
  }));
  await section('memory', async () => (await import('./memory.mjs')).benchMemory({ dir, sizes: quick ? [1000, 5000, 10000] : [1000, 10000, 50000], log }));
  await section('store', async () =>
    (await import('./store.mjs')).benchStore({
      dir,
      sizes: opt('--store-sizes') ? opt('--store-sizes').split(',').map(Number) : quick ? [10000, 50000] : [10000, 50000, 200000],
      // Reparse parses every document again (~1 ms each on this machine): 200k only with --full.
      reparseSizes: args.includes('--full') ? undefined : [10000, 50000],
      log,
    }),
  );
  await section('big', async () => (await import('./big.mjs')).benchBig({ dir, log }));
  // Issue 14.2: one big table per format at half and full size (linear: twice the rows, twice the time).
  await section('bigtables', async () => (await import('./bigtables.mjs')).benchBigTables({ dir, quick, log }));
});

const ok = (pass) => (pass === null ? '—' : pass ? 'met' : '**missed**');
const rows = [];
const failedRow = (label, r) => rows.push([label, `failed: ${r.failed}`, '', '', '', '**failed**']);
const { startup, html, pdf, crawl, memory, store, big } = results;
if (startup?.failed) failedRow('Start-up', startup);
else if (startup) {
  rows.push([
    `Start-up: \`parse\` of a small .txt, CPU, ${startup.reps} pairs`,
    mm(startup.oursMs, 0, ' ms'),
    `\`node -e 0\`: ${mm(startup.nodeMs, 0, ' ms')}`,
    `${mm(startup.ratio, 1, '×')}`,
    `≤ ${startup.target}×`,
    ok(startup.ratio.median <= startup.target),
  ]);
}
if (html?.failed) failedRow('HTML extraction', html);
else if (html) {
  rows.push([
    `HTML extraction (${html.docs} pages), in-process`,
    `${mm(html.pipelineMsMinMed, 2, ' ms/doc')} (reader alone ${fmt(html.readMsPerDoc)})`,
    `cheerio load+text: ${fmt(html.cheerioMsPerDoc)} ms/doc`,
    `${mm(html.ratioMinMed, 1, '×')}`,
    `≤ ${html.target}×`,
    ok(html.ratioMinMed.median <= html.target),
  ]);
}
if (pdf?.failed) failedRow('PDF extraction', pdf);
else if (pdf) {
  const p = pdf.perPage;
  rows.push([
    `PDF per page, start-up amortised both sides (slope over ${pdf.generatedFiles} letters, ${pdf.generatedPages} pages)`,
    `${mm(p.oursMs, 2, ' ms/page')} (reader alone med ${fmt(p.readMs.median)}${p.oursCpuMs ? `; CPU of all threads med ${fmt(p.oursCpuMs.median)}` : ''})`,
    p.pdftotextMs ? `pdftotext: ${mm(p.pdftotextMs, 2, ' ms/page')}` : `pdftotext: skipped (${pdf.note})`,
    p.ratio ? mm(p.ratio, 1, '×') : 'n/a',
    `≤ ${pdf.target}×`,
    ok(p.ratio ? p.ratio.median <= pdf.target : null),
  ]);
  if (pdf.baseline) {
    const b = pdf.baseline;
    rows.push([
      `… beside FOI_BENCH_BASELINE (${b.root}): the ${pdf.generatedFiles} letters read 3 times over by each build in turn, in this process; ${b.pairs} pairs`,
      mm(b.oursMsPerPage, 2, ' ms/page'),
      mm(b.baselineMsPerPage, 2, ' ms/page'),
      mm(b.ratio, 2, '×'),
      '',
      'before/after',
    ]);
  }
  const w = pdf.whole;
  rows.push([
    `… both as whole processes (${pdf.files} files, ${pdf.pages} pages; diagnostic)`,
    `one \`foi-harvest parse\` of all: ${mm(w.oursMsPerPage, 1, ' ms/page')}`,
    w.pdftotextMsPerPage ? `pdftotext per file: ${mm(w.pdftotextMsPerPage, 1, ' ms/page')}` : 'n/a',
    w.ratio ? mm(w.ratio, 1, '×') : 'n/a',
    '',
    '',
  ]);
}
if (crawl?.failed) failedRow('Crawl', crawl);
else if (crawl) {
  const f = crawl.first;
  rows.push([
    `Crawl, ${crawl.hosts} hosts, delay ${crawl.delayMs} ms, latency ${crawl.latencyMs.min}–${crawl.latencyMs.max} ms, default concurrency, ${crawl.reps} runs`,
    `${fmt(f.ms / 1000)} s for ${f.requests} requests, ${f.disclosures.new} disclosures (CPU busy ${fmt(f.cpuShare * 100, 0)} %)`,
    `ideal ${fmt(f.idealMs / 1000)} s (slowest host: ${f.slowest.requests} requests × (${crawl.delayMs} + ${f.slowest.latencyMs}) ms)`,
    `efficiency ${mm(f.efficiencyMinMed)}`,
    '≥ 0.9',
    ok(f.efficiencyMinMed.median >= 0.9),
  ]);
  const p = crawl.process;
  if (p?.failed) failedRow('Crawl CPU per disclosure, whole processes', p);
  else if (p) {
    const n = (x) => x.toLocaleString('en-GB');
    const [a, b] = p.sizes.map(n);
    const c = n(p.sizes.at(-1));
    rows.push([
      `Crawl CPU per disclosure: \`fetch\` as whole processes over the same sites, slope of CPU (all threads) against disclosures, the least-squares line through ${p.sizes.slice(1).map(n).join(', ')} disclosures, ${p.reps} ${p.baseline ? 'alternating pairs' : 'runs'}, min and median of each pair's ratio (and of slopes fitted to each size's min and median CPU)`,
      mm(p.ours.settled, 2, ' ms'),
      p.baseline ? `${p.baseline.root}: ${mm(p.baseline.settled, 2, ' ms')}` : 'set FOI_BENCH_BASELINE to a built checkout of the issue-time commit',
      p.ratio ? `pairs ${mm(p.pairs.settled, 2, '×')} (${p.pairRatios.settled.map((x) => fmt(x)).join(', ')}); fits ${mm(p.ratio.settled, 2, '×')}` : '',
      '≤ 0.5× the issue-time build, median of the pairs',
      p.ratio ? ok(p.pairs.settled.median <= 0.5) : '—',
    ]);
    rows.push([
      `… the slope from ${a} to ${b} disclosures (V8 still compiling the crawler's code; diagnostic)`,
      mm(p.ours.early, 2, ' ms'),
      p.baseline ? mm(p.baseline.early, 2, ' ms') : '',
      p.ratio ? `pairs ${mm(p.pairs.early, 2, '×')}; fits ${mm(p.ratio.early, 2, '×')}` : '',
      '',
      '',
    ]);
    rows.push([
      `… a whole harvest of ${c} disclosures: its CPU (start-up and compiling included) over its disclosures (diagnostic)`,
      mm(p.ours.whole, 2, ' ms'),
      p.baseline ? mm(p.baseline.whole, 2, ' ms') : '',
      p.ratio ? `pairs ${mm(p.pairs.whole, 2, '×')} (${p.pairRatios.whole.map((x) => fmt(x)).join(', ')})` : '',
      '',
      '',
    ]);
    // Each size's CPU split by thread, medians (where /proc is there).
    const split = (t) => (t.every((x) => x.mainMs !== null) ? t.map((x) => `${n(x.disclosures)}: ${fmt(x.mainMs / 1000, 1)} / ${fmt(x.helpersMs / 1000, 1)} s`).join('; ') : '');
    if (split(p.ours.threads)) {
      rows.push([
        '… each size\'s CPU by thread, main / helpers (V8\'s compiler and GC helpers, libuv), medians (diagnostic)',
        split(p.ours.threads),
        p.baseline ? split(p.baseline.threads) : '',
        '',
        '',
        '',
      ]);
    }
  }
  rows.push([
    '… in-process, the ~400 disclosures after one warm-up harvest, in the bench\'s process (fetch, parse, store; V8 still compiling what only now became hot)',
    mm(f.cpuMsPerDisclosure, 1, ' ms'),
    '',
    '',
    '',
    '',
  ]);
  const th = f.threadCpuMsPerDisclosure;
  if (th) rows.push(['… of which main thread / helper threads (V8 compiler and GC, libuv)', `${mm(th.main, 1, ' ms')} / ${mm(th.helpers, 1, ' ms')}`, '', '', '', '']);
  const st = crawl.steady?.first;
  if (st) {
    const sth = st.threadCpuMsPerDisclosure;
    rows.push([
      `… the same, ${crawl.steady.reps} more runs straight after (V8's compiler settling; diagnostic)`,
      `${mm(st.cpuMsPerDisclosure, 1, ' ms')}${sth ? ` (main ${mm(sth.main, 1, ' ms')}, helpers ${mm(sth.helpers, 1, ' ms')})` : ''}`,
      '',
      '',
      '',
      '',
    ]);
  }
  const w = crawl.window;
  if (w?.failed) failedRow('… the in-process window, like with like', w);
  else if (w) {
    // No target since round seventeen: the window is early in a process, where V8's one-time
    // compiling of the crawler's code is a third of the CPU (BENCHMARKS.md, "what each row measures").
    rows.push([
      `… the in-process window, ours and the issue-time build each in a fresh process, ${w.pairs} alternating pairs (main thread / helper threads as ratios: ${fmt(w.mainRatio)}× / ${fmt(w.helpersRatio)}×; one-time compiling included; diagnostic)`,
      `${mm(w.ours.cpu, 1, ' ms')} (main med ${fmt(w.ours.main.median, 1)}, helpers med ${fmt(w.ours.helpers.median, 1)})`,
      `${w.baseline.root}: ${mm(w.baseline.cpu, 1, ' ms')} (main med ${fmt(w.baseline.main.median, 1)}, helpers med ${fmt(w.baseline.helpers.median, 1)})`,
      `${mm(w.ratio, 2, '×')} (pairs ${w.pairRatios.map((x) => fmt(x)).join(', ')})`,
      '',
      '',
    ]);
  }
  for (const d of crawl.diagnostics) {
    rows.push([
      `… same crawl, --concurrency ${d.concurrency} (diagnostic)`,
      `${fmt(d.first.ms / 1000)} s (CPU busy ${fmt(d.first.cpuShare * 100, 0)} %)`,
      `ideal ${fmt(d.first.idealMs / 1000)} s`,
      `efficiency ${fmt(d.first.efficiency)}`,
      '≥ 0.9',
      ok(d.first.efficiency >= 0.9),
    ]);
  }
  const r = crawl.refresh;
  const statuses = Object.entries(r.byStatus).map(([s, n]) => `${n}× ${s}`).join(', ');
  rows.push([
    'Unchanged refresh (second harvest, same store)',
    `${fmt(r.ms / 1000)} s, ${r.requests} requests (${statuses}; ${r.fullDownloads} full downloads besides robots.txt)`,
    `first harvest: ${fmt(crawl.first.ms / 1000)} s, ${crawl.first.requests} requests`,
    `${fmt(r.timeShare * 100, 0)} % of the time, ${fmt(r.requestShare * 100, 0)} % of the requests`,
    'no full download; ≤ 5 % of the time',
    ok(r.fullDownloads === 0 && r.timeShare <= 0.05),
  ]);
  for (const d of crawl.diagnostics) {
    rows.push([
      `… refresh at --concurrency ${d.concurrency} (diagnostic)`,
      `${fmt(d.refresh.ms / 1000)} s, ${d.refresh.requests} requests`,
      `ideal ${fmt(d.refresh.idealMs / 1000)} s`,
      `${fmt(d.refresh.timeShare * 100, 0)} % of the first harvest's time`,
      '≤ 5 %',
      ok(d.refresh.fullDownloads === 0 && d.refresh.timeShare <= 0.05),
    ]);
  }
}
if (memory?.failed) failedRow('Memory', memory);
else if (memory) {
  const [first] = memory.runs;
  for (const m of memory.runs) {
    rows.push([
      `Memory, ${m.n.toLocaleString('en-GB')} documents into the store`,
      `peak RSS ${fmt(mib(m.peakRss), 0)} MiB (${fmt(m.n / (m.ms / 1000), 0)} docs/s)`,
      m === first ? 'reference size' : `${first.n.toLocaleString('en-GB')} documents: ${fmt(mib(first.peakRss), 0)} MiB`,
      m === first ? '—' : `${m.growth >= 0 ? '+' : ''}${fmt(m.growth * 100, 0)} %`,
      m === first ? '' : '≤ +20 %',
      m === first ? '' : ok(m.growth <= memory.target),
    ]);
  }
  if (memory.runs.length > 2) {
    const [, mid] = memory.runs;
    const last = memory.runs.at(-1);
    rows.push([
      `… growth from ${mid.n.toLocaleString('en-GB')} to ${last.n.toLocaleString('en-GB')} documents (diagnostic)`,
      `heap in use at the end: ${fmt(mib(last.marks.at(-1).heapUsed), 0)} MiB`,
      `${mid.n.toLocaleString('en-GB')} documents: ${fmt(mib(mid.peakRss), 0)} MiB`,
      `${fmt((last.peakRss / mid.peakRss - 1) * 100, 0)} %`,
      '',
      '',
    ]);
  }
}
if (results.bigtables?.failed) failedRow('Big tables', results.bigtables);
else if (results.bigtables) {
  for (const t of results.bigtables.tables) {
    const [half, full] = t.runs;
    const failed = full.error ?? half.error;
    rows.push([
      `One ${t.kind.toUpperCase()} table of ${full.rows.toLocaleString('en-GB')} rows, ${fmt(mib(full.bytes ?? 0), 0)} MiB (parse)`,
      failed ? `failed: ${failed}` : `${fmt(full.ms / 1000, 1)} s, peak RSS ${fmt(mib(full.maxRss), 0)} MiB`,
      failed ? '—' : `half (${half.rows.toLocaleString('en-GB')} rows): ${fmt(half.ms / 1000, 1)} s, ${fmt(mib(half.maxRss), 0)} MiB`,
      t.timeRatio ? `${fmt(t.timeRatio, 2)}× the time for 2× the rows` : '—',
      '≤ 2.5× time, < 1 GiB',
      failed ? '**missed**' : ok(t.timeRatio <= results.bigtables.target.timeRatio && full.maxRss < results.bigtables.target.maxRssBytes),
    ]);
  }
}
if (!opt('--only') || only.has('ocr')) rows.push(...(await (await import('./ocr.mjs')).ocrBenchRows({ results, reps, log })));

if (store?.failed) failedRow('Export / reparse', store);
else if (store) {
  const ok1 = (xs) => xs.filter((x) => x.ok);
  const first = { export: ok1(store.runs[0]?.export ?? [])[0], reparse: ok1(store.runs[0]?.reparse ?? [])[0] };
  for (const r of store.runs) {
    for (const kind of ['export', 'reparse']) {
      const xs = r[kind];
      const label = `${kind === 'export' ? 'Export csv,json,ndjson' : 'Reparse'}, ${r.n.toLocaleString('en-GB')} disclosures`;
      if (!r.build.ok) {
        if (kind === 'export') rows.push([label, `store build failed: ${r.build.error}`, '', '', '', '**failed**']);
        continue;
      }
      if (!xs.length) continue;
      const good = ok1(xs);
      if (!good.length) {
        rows.push([label, `failed: ${xs[0].error}`, '', '', '', '**failed**']);
        continue;
      }
      const ms = { min: Math.min(...good.map((x) => x.ms)), median: good.map((x) => x.ms).sort((a, b) => a - b)[good.length >> 1] };
      const rss = good.map((x) => x.peakRss).sort((a, b) => a - b)[good.length >> 1];
      const ref = first[kind];
      const growth = ref ? rss / ref.peakRss - 1 : null;
      const extra = kind === 'export' ? `; JSON ${fmt(mib(good[0].jsonBytes), 0)} MiB` : ` (${good[0].unchanged} unchanged, ${good[0].changed} changed, ${good[0].new ?? 0} new, ${good[0].removed ?? 0} removed)`;
      rows.push([
        label,
        `${mm({ min: ms.min / 1000, median: ms.median / 1000 }, 1, ' s')}, peak RSS ${fmt(mib(rss), 0)} MiB${extra}`,
        r.n === store.runs[0].n ? 'reference size' : `${store.runs[0].n.toLocaleString('en-GB')}: ${fmt(mib(ref?.peakRss ?? NaN), 0)} MiB`,
        r.n === store.runs[0].n ? '—' : `${growth >= 0 ? '+' : ''}${fmt(growth * 100, 0)} %`,
        r.n === store.runs[0].n ? '' : '≤ +20 %',
        r.n === store.runs[0].n ? '' : ok(growth <= store.target),
      ]);
    }
  }
}
if (big?.failed) failedRow('Big inputs', big);
else if (big) {
  for (const c of big.cases) {
    rows.push([`Big input: ${c.label}`, c.ok ? `${fmt(c.ms / 1000, 1)} s, peak RSS ${fmt(mib(c.peakRss), 0)} MiB` : `failed: ${c.error}`, '', '', 'linear, bounded', c.ok ? '' : '**failed**']);
  }
}

const table = [
  '| benchmark | ours | baseline / ideal | ratio | target | |',
  '| --- | --- | --- | --- | --- | --- |',
  ...rows.map((r) => `| ${r.join(' | ')} |`),
].join('\n');
results.table = table;
// Counted at the end: the OCR rows run their bench while the table is being built.
results.totalSeconds = (performance.now() - t0) / 1000;
writeFileSync(join(ROOT, 'bench', 'results.json'), JSON.stringify(results, null, 2) + '\n');
process.stdout.write(
  `${table}\n\n${new Date().toISOString().slice(0, 10)}, Node ${results.node}, ${results.cpus} × ${results.cpu}; min and median of ${reps} paired repetitions; ${fmt(results.totalSeconds, 0)} s in all. Details: bench/results.json\n`,
);
