#!/usr/bin/env node
// Where an HTML page's time goes, this build against another, in one process (issue 17):
//   node bench/html-parts.mjs --ref /path/to/other/built/checkout [--rounds 20]
// The bench's HTML pages (bench/html.mjs), each stage timed over all of them in CPU time (user +
// system), the two builds alternating round by round; prints min and median µs per page. A
// diagnostic for before/after comparisons on a busy machine, not a row of `npm run bench`.
// It favours the build loaded first (this one) by up to ~10 % (the same build against itself gave
// 0.87–0.93): run it both ways round (from the other checkout, with --ref pointing here) and
// believe only a difference that keeps its sign.
import { join } from 'node:path';
import { htmlCorpus } from './html.mjs';
import { CODE_ROOT } from './lib/stats.mjs';

const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
const REF = opt('--ref');
if (!REF) {
  process.stderr.write('usage: node bench/html-parts.mjs --ref <built checkout> [--rounds N]\n');
  process.exit(2);
}
const rounds = Number(opt('--rounds', 20));

const load = async (root) => ({
  read: (await import(join(root, 'dist/readers/index.js'))).readDocument,
  buildDoc: (await import(join(root, 'dist/extract/doc-model.js'))).buildDoc,
  detectKind: (await import(join(root, 'dist/extract/kind.js'))).detectKind,
  segmentDoc: (await import(join(root, 'dist/segment/segment.js'))).segmentDoc,
  parse: (await import(join(root, 'dist/pipeline/parse.js'))).parseDocument,
});
const builds = { this: await load(CODE_ROOT), ref: await load(REF) };
const pages = [];
for (const d of htmlCorpus()) {
  try {
    pages.push({ d, read: await builds.ref.read({ bytes: d.bytes, url: d.url, contentType: 'text/html' }) });
  } catch {
    // a page the reader refuses is left out of every stage
  }
}
const input = (d) => ({ bytes: d.bytes, url: d.url, contentType: 'text/html' });
const stages = {
  'read (sniff, decode, parse5, walk)': async (m) => {
    for (const { d } of pages) await m.read(input(d));
  },
  'doc model (lines, regions)': async (m) => {
    for (const p of pages) m.buildDoc(p.read);
  },
  'doc model + kind + segment': async (m) => {
    for (const p of pages) {
      const doc = m.buildDoc(p.read);
      m.segmentDoc(doc, m.detectKind(doc, p.d.url));
    }
  },
  'whole pipeline (parseDocument)': async (m) => {
    for (const { d } of pages) {
      try {
        await m.parse(input(d));
      } catch {
        // as the bench: a page that fails counts its time
      }
    }
  },
};
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const stat = (v) => {
  const s = [...v].sort((a, b) => a - b);
  return `min ${s[0].toFixed(1)} / med ${s[s.length >> 1].toFixed(1)}`;
};
console.log(`${pages.length} pages, ${rounds} rounds; µs per page (CPU): this build (${CODE_ROOT}) | ref (${REF})`);
for (const [name, run] of Object.entries(stages)) {
  const t = { this: [], ref: [] };
  for (const k of ['this', 'ref']) await run(builds[k]); // warm-up
  for (let r = 0; r < rounds; r++) {
    for (const k of r % 2 ? ['this', 'ref'] : ['ref', 'this']) {
      const c = cpuMs();
      await run(builds[k]);
      t[k].push(((cpuMs() - c) * 1000) / pages.length);
    }
  }
  console.log(`${name.padEnd(36)} ${stat(t.this).padEnd(24)} | ${stat(t.ref)}`);
}
