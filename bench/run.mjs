#!/usr/bin/env node
// `npm run bench`: HTML and PDF extraction speed against baselines measured in the same run,
// crawl politeness efficiency and unchanged-refresh cost on 40 local hosts, and peak memory
// by corpus size. Prints a markdown table, writes bench/results.json. See BENCHMARKS.md.
//   node bench/run.mjs [--only html,pdf,crawl,memory] [--reps N] [--quick]
// --quick: 3 repetitions, one crawl repetition, memory at 1k/5k/10k (a smoke run, not the reference).
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { fmt, mib, withTempDir } from './lib/stats.mjs';

const args = process.argv.slice(2);
const opt = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const quick = args.includes('--quick');
const only = new Set((opt('--only') ?? 'html,pdf,crawl,memory').split(','));
const reps = Number(opt('--reps') ?? (quick ? 3 : 5));
const log = (line) => process.stderr.write(`bench: ${line}\n`);
const ROOT = new URL('..', import.meta.url).pathname;

const results = { startedAt: new Date().toISOString(), node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model ?? null, quick, reps };
const t0 = performance.now();

await withTempDir('run', async (dir) => {
  if (only.has('html')) {
    const { benchHtml } = await import('./html.mjs');
    results.html = await benchHtml({ reps, log });
  }
  if (only.has('pdf')) {
    const { benchPdf } = await import('./pdf.mjs');
    results.pdf = await benchPdf({ dir, reps, log });
  }
  if (only.has('crawl')) {
    const { benchCrawl } = await import('./crawl.mjs');
    results.crawl = await benchCrawl({ dir, reps: quick ? 1 : 3, extraConcurrency: [40], log });
  }
  if (only.has('memory')) {
    const { benchMemory } = await import('./memory.mjs');
    results.memory = await benchMemory({ dir, sizes: quick ? [1000, 5000, 10000] : [1000, 10000, 50000], log });
  }
});
results.totalSeconds = (performance.now() - t0) / 1000;

const ok = (pass) => (pass === null ? '—' : pass ? 'met' : '**missed**');
const rows = [];
const { html, pdf, crawl, memory } = results;
if (html) {
  rows.push([
    `HTML extraction (${html.docs} pages)`,
    `${fmt(html.pipelineDocsPerSec, 0)} docs/s (${fmt(html.pipelineMsPerDoc)} ms/doc; reader alone ${fmt(html.readMsPerDoc)})`,
    `cheerio load+text: ${fmt(html.cheerioDocsPerSec, 0)} docs/s (${fmt(html.cheerioMsPerDoc)} ms/doc)`,
    `${fmt(html.ratio, 1)}× the baseline's time`,
    `≤ ${html.target}×`,
    ok(html.ratio <= html.target),
  ]);
}
if (pdf) {
  rows.push([
    `PDF extraction (${pdf.files} files, ${pdf.pages} pages)`,
    `${fmt(pdf.pipelinePagesPerSec, 0)} pages/s (${fmt(pdf.pipelineMsPerPage)} ms/page; reader alone ${fmt(pdf.readMsPerPage)})`,
    pdf.ratio === null ? `pdftotext: skipped (${pdf.note})` : `pdftotext: ${fmt(pdf.pdftotextPagesPerSec, 0)} pages/s (${fmt(pdf.pdftotextMsPerPage)} ms/page)`,
    pdf.ratio === null ? 'n/a' : `${fmt(pdf.ratio, 1)}× the baseline's time`,
    `≤ ${pdf.target}×`,
    ok(pdf.ratio === null ? null : pdf.ratio <= pdf.target),
  ]);
}
if (crawl) {
  const f = crawl.first;
  rows.push([
    `Crawl, ${crawl.hosts} hosts, delay ${crawl.delayMs} ms, latency ${crawl.latencyMs.min}–${crawl.latencyMs.max} ms, default concurrency`,
    `${fmt(f.ms / 1000)} s for ${f.requests} requests, ${f.disclosures.new} disclosures (CPU busy ${fmt(f.cpuShare * 100, 0)} %)`,
    `ideal ${fmt(f.idealMs / 1000)} s (slowest host: ${f.slowest.requests} requests × (${crawl.delayMs} + ${f.slowest.latencyMs}) ms)`,
    `efficiency ${fmt(f.efficiency)}`,
    '≥ 0.9',
    ok(f.efficiency >= 0.9),
  ]);
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
if (memory) {
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
if (!opt('--only') || only.has('ocr')) rows.push(...(await (await import('./ocr.mjs')).ocrBenchRows({ results, reps, log })));

const table = [
  '| benchmark | ours | baseline / ideal | ratio | target | |',
  '| --- | --- | --- | --- | --- | --- |',
  ...rows.map((r) => `| ${r.join(' | ')} |`),
].join('\n');
results.table = table;
writeFileSync(join(ROOT, 'bench', 'results.json'), JSON.stringify(results, null, 2) + '\n');
process.stdout.write(
  `${table}\n\nNode ${results.node}, ${results.cpus} × ${results.cpu}; medians of ${reps} repetitions; ${fmt(results.totalSeconds, 0)} s in all. Details: bench/results.json\n`,
);
