// One memory measurement: parse N generated documents into a fresh store, one at a time
// (nothing kept), then report peak RSS. Run as its own process so each size starts cold:
//   node bench/memory-child.mjs <n> <store path>
import { generatedDocument } from './documents.mjs';
import { peakRss } from './lib/stats.mjs';

const n = Number(process.argv[2]);
const storePath = process.argv[3];
const { parseDocument } = await import(new URL('../dist/pipeline/parse.js', import.meta.url).href);
const { Store } = await import(new URL('../dist/store/store.js', import.meta.url).href);

const store = Store.open(storePath);
const runId = store.startRun('bench', { n });
const checkpoints = new Set([1000, 10000, 50000, n]);
const marks = [];
let failed = 0;
const t0 = performance.now();
for (let i = 0; i < n; i++) {
  const doc = generatedDocument(i);
  try {
    const d = await parseDocument(doc);
    store.upsertDisclosure(d, [{ role: 'page', url: doc.url ?? `file:doc-${i}`, sha256: d.content_sha256, contentType: doc.contentType }], runId);
  } catch (e) {
    if (++failed <= 3) process.stderr.write(`memory bench: document ${i}: ${String(e?.message ?? e).split('\n')[0]}\n`);
  }
  if (checkpoints.has(i + 1)) marks.push({ docs: i + 1, peakRss: peakRss(), heapUsed: process.memoryUsage().heapUsed, ms: performance.now() - t0 });
}
const ms = performance.now() - t0;
store.finishRun(runId, { n }, 'ok');
const stored = store.disclosureIds().length;
store.close();
process.stdout.write(JSON.stringify({ n, ms, failed, stored, peakRss: peakRss(), marks }) + '\n');
