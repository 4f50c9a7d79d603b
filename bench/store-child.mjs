// One store measurement in its own process (so peak RSS is this step's alone):
//   node bench/store-child.mjs build <store> <n>    a synthetic store of n disclosures
//   node bench/store-child.mjs export <store> <out> export csv,json,ndjson (the daily export)
//   node bench/store-child.mjs reparse <store>      rebuild every disclosure from stored bytes
// The store is synthetic so that 200k disclosures take a minute, not the hour a crawl would:
// three response letters are parsed once, each with a 7-digit placeholder in its reference;
// disclosure i is a copy with i in its place — in the document bytes (same length, so every
// locator holds), the record (id, reference, texts) and the sha256s. Reparsing disclosure i's
// bytes gives its record back. Build ends as if the store had been exported once, so the
// measured export is the daily one (its changes window is empty).
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { CODE_ROOT, peakRss } from './lib/stats.mjs';

const [mode, storePath, arg] = process.argv.slice(2);
const dist = (p) => join(CODE_ROOT, 'dist', p);
const { Store } = await import(dist('store/store.js'));
const PLACEHOLDER = '9999999';
const sha = (b) => createHash('sha256').update(b).digest('hex');
/** The URL part of disclosure ids: the first 8 hex of sha256 of the letter's path. */
const urlHash = (ref) => sha(`/letters/${ref}.txt`).slice(0, 8);

function letter(k) {
  const y = 2018 + k;
  return `Officer Dismissals (${PLACEHOLDER}A/23)

Request

For each of the calendar years ${y}, ${y + 1} and ${y + 2}, could you please tell me:

1) How many police officers were dismissed following a gross misconduct hearing?

2) How many police officers resigned or retired while under investigation?

Response

I have today decided to disclose the requested information.

In ${y} ${3 + k} officers were dismissed and ${7 + k} resigned. In ${y + 1} ${11 + k} officers were dismissed; ${2 + k} were still serving.

Section 40(2) is an absolute and class based exemption and there is no requirement to consider the public interest.
`;
}

async function build(n) {
  const { parseDocument } = await import(dist('pipeline/parse.js'));
  const templates = [];
  for (let k = 0; k < 3; k++) {
    const body = letter(k);
    const d = await parseDocument({ bytes: Buffer.from(body), url: `https://example.invalid/letters/${PLACEHOLDER}.txt`, contentType: 'text/plain' });
    templates.push({ body, json: JSON.stringify(d), sha: d.content_sha256, urlHash: urlHash(PLACEHOLDER) });
  }
  const store = Store.open(storePath);
  const runId = store.startRun('fetch', { bench: n });
  const add = (i) => {
    const t = templates[i % templates.length];
    const ref = String(i).padStart(7, '0');
    const bytes = Buffer.from(t.body.replaceAll(PLACEHOLDER, ref));
    const docSha = store.putDocument(bytes, 'text/plain');
    // The id ends in a hash of the page's URL path (src/extract/disclosure.ts): the copy's own.
    const d = JSON.parse(t.json.replaceAll(PLACEHOLDER, ref).replaceAll(t.sha, docSha).replaceAll(t.urlHash, urlHash(ref)));
    store.upsertDisclosure(d, [{ role: 'page', url: `https://example.invalid/letters/${ref}.txt`, sha256: docSha, contentType: 'text/plain' }], runId);
  };
  // A thousand disclosures per transaction where the store can batch (else one commit each).
  for (let i = 0; i < n; i += 1000) {
    const upTo = Math.min(n, i + 1000);
    const step = () => {
      for (let j = i; j < upTo; j++) add(j);
    };
    if (store.batch) store.batch(step);
    else step();
  }
  store.finishRun(runId, { n }, 'ok');
  const exp = store.startRun('export', { bench: true });
  store.finishRun(exp, { changes_window: { after: 0, through: runId } }, 'ok');
  // …and a later harvest found nothing new: the next export's window is empty (the daily case).
  store.finishRun(store.startRun('fetch', { bench: 'unchanged' }), {}, 'ok');
  const count = store.countDisclosures();
  store.close();
  return { n, stored: count };
}

async function exportIt(out) {
  const { exportStore } = await import(dist('cli/export-run.js'));
  const store = Store.open(storePath);
  try {
    const r = await exportStore(store, { out, formats: ['csv', 'json', 'ndjson'] });
    return { disclosures: r.disclosures, files: r.files.length, changes: r.changes.counts };
  } finally {
    store.close();
  }
}

async function reparse() {
  const { reparseStore } = await import(dist('cli/reparse-run.js'));
  const store = Store.open(storePath);
  let firstError = null;
  try {
    const { stats } = await reparseStore(store, { onFailure: (id, e) => (firstError ??= `${id}: ${String(e?.message ?? e).split('\n')[0]}`) });
    return { ...stats, firstError };
  } finally {
    store.close();
  }
}

const t0 = performance.now();
let result;
try {
  if (mode === 'build') result = await build(Number(arg));
  else if (mode === 'export') result = await exportIt(arg);
  else if (mode === 'reparse') result = await reparse();
  else throw new Error(`unknown mode ${mode}`);
  process.stdout.write(JSON.stringify({ ok: true, mode, ms: performance.now() - t0, peakRss: peakRss(), ...result }) + '\n');
} catch (e) {
  process.stdout.write(JSON.stringify({ ok: false, mode, error: String(e?.message ?? e).split('\n')[0], ms: performance.now() - t0, peakRss: peakRss() }) + '\n');
  process.exitCode = 1;
}
