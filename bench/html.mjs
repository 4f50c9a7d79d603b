// HTML extraction: documents per second through the whole parse pipeline (parseDocument:
// sniff, decode, read, extract, validate) on the fixture site pages and generated variants,
// against cheerio.load(html).text() alone on the same pages, interleaved in one run.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as cheerio from 'cheerio';
import { median, rng, int, minMed, CODE_ROOT } from './lib/stats.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
const SITES = join(ROOT, 'fixtures', 'sites');

function indexPages(dir) {
  const out = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...indexPages(p));
    else if (e.name === 'index.html') out.push(p);
  }
  return out.sort();
}

/**
 * A variant of a page: every number of one to three digits in its text replaced by another
 * (years and references of four or more digits kept, so dates stay dates), so the extractor sees
 * new figures rather than the same bytes again. Tags are kept as they are: a number inside one is
 * markup, not a figure (replacing them turned `charset="utf-8"` into utf-7, utf-3 …, so one page
 * in ten went through iconv as another encoding, until round four).
 */
function variant(html, rand) {
  return html.replace(/(<[^>]*>)|(?<![\d.])\d{1,3}(?![\d.])/g, (m, tag) => tag ?? String(int(rand, 0, m.length === 1 ? 9 : 10 ** m.length - 1)));
}

/** Fixture pages (with the URL each was served under, for force detection) plus `variants` of each. */
export function htmlCorpus(variants = 4) {
  const rand = rng(7);
  const docs = [];
  for (const file of indexPages(SITES)) {
    const rel = relative(SITES, file).split('/');
    const url = `http://127.0.0.1/${rel.slice(1, -1).join('/')}/`;
    const html = readFileSync(file, 'utf8');
    docs.push({ bytes: Buffer.from(html), url });
    for (let v = 0; v < variants; v++) docs.push({ bytes: Buffer.from(variant(html, rand)), url });
  }
  return docs;
}

export async function benchHtml({ reps = 5, log = () => {} } = {}) {
  const { parseDocument } = await import(join(CODE_ROOT, 'dist', 'pipeline', 'parse.js'));
  const { readDocument } = await import(join(CODE_ROOT, 'dist', 'readers', 'index.js'));
  const docs = htmlCorpus();
  const pipeline = async () => {
    let failed = 0;
    for (const d of docs) {
      try {
        await parseDocument({ bytes: d.bytes, url: d.url, contentType: 'text/html' });
      } catch {
        failed++;
      }
    }
    return failed;
  };
  const baseline = () => {
    let chars = 0;
    // Decoding included, as the pipeline decodes bytes too.
    for (const d of docs) chars += cheerio.load(d.bytes.toString('utf8')).text().length;
    return chars;
  };
  const readOnly = async () => {
    for (const d of docs) await readDocument({ bytes: d.bytes, url: d.url, contentType: 'text/html' });
  };
  // Warm-up: JIT, lazily loaded readers.
  const failed = await pipeline();
  baseline();
  const ours = [];
  const base = [];
  const reads = [];
  for (let r = 0; r < reps; r++) {
    let t = performance.now();
    await pipeline();
    ours.push(performance.now() - t);
    t = performance.now();
    baseline();
    base.push(performance.now() - t);
    t = performance.now();
    await readOnly();
    reads.push(performance.now() - t);
    log(`html rep ${r + 1}/${reps}: pipeline ${ours.at(-1).toFixed(0)} ms, cheerio ${base.at(-1).toFixed(0)} ms`);
  }
  const oursMs = median(ours) / docs.length;
  const baseMs = median(base) / docs.length;
  return {
    docs: docs.length,
    failed,
    bytes: docs.reduce((s, d) => s + d.bytes.length, 0),
    reps,
    pipelineMsPerDoc: oursMs,
    readMsPerDoc: median(reads) / docs.length,
    cheerioMsPerDoc: baseMs,
    pipelineDocsPerSec: 1000 / oursMs,
    cheerioDocsPerSec: 1000 / baseMs,
    ratio: oursMs / baseMs,
    target: 3,
    ratioMinMed: minMed(ours.map((o, i) => o / base[i])),
    pipelineMsMinMed: minMed(ours.map((o) => o / docs.length)),
    samples: { pipelineMs: ours, cheerioMs: base, readMs: reads },
  };
}
