#!/usr/bin/env node
// The same documents in the other shapes they are published in, to check that a field does not
// depend on the shape (issue 11: "the same letters as a platform-shaped web page and as a PDF
// score within 0.03 of the text"). Writes OUT/<set>-html and OUT/<set>-pdf, each with corpus/
// and gold/ (a copy of the labels), for ../shared/eval/score.mjs --ext html|pdf:
//
//   node scripts/format-variants.mjs --corpus ../shared/corpus/dev-2 --out /tmp/variants
//   node ../shared/eval/score.mjs --corpus /tmp/variants/dev-2-html --ext html --cmd '…'
//
// The page wraps the text in a force website's furniture (cookie banner, navigation, breadcrumb,
// share bar, footer); the PDF sets the text in pages with pdfkit (wrapped lines, page breaks).
// Nothing is written into this repository.
import { mkdirSync, readFileSync, readdirSync, writeFileSync, createWriteStream, copyFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import PDFDocument from 'pdfkit';

const arg = (name, fallback) => {
  const k = process.argv.indexOf(name);
  return k > 0 ? process.argv[k + 1] : fallback;
};
const corpus = resolve(arg('--corpus', '../shared/corpus/dev-2'));
const out = resolve(arg('--out', '/tmp/variants'));
const set = basename(corpus);

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function page(text) {
  const lines = text.split('\n');
  const body = lines.map((l) => (l.trim() ? `<p>${esc(l)}</p>` : '')).join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Freedom of information disclosure log | Home</title></head>
<body>
<div class="cookie-banner"><p>We use cookies to make this site work. <a href="#">Accept all cookies</a> <a href="#">Reject</a></p></div>
<a class="skip" href="#main">Skip to main content</a>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/report">Report</a></li><li><a href="/contact">Contact us</a></li><li><a href="/foi">Freedom of information</a></li></ul></nav></header>
<nav class="breadcrumb"><a href="/">Home</a> &gt; <a href="/foi">Access to information</a> &gt; <a href="/foi/log">Disclosure log</a></nav>
<main id="main"><article>
${body}
</article>
<div class="share"><p>Share this page</p><a href="#">Facebook</a> <a href="#">X</a> <a href="#">Email</a></div>
<p>Was this page useful? <a href="#">Yes</a> <a href="#">No</a></p>
</main>
<footer><p>Accessibility</p><p>Privacy notice</p><p>© Copyright 2026</p></footer>
</body></html>
`;
}

function pdf(text, file) {
  return new Promise((done, fail) => {
    const doc = new PDFDocument({ size: 'A4', margin: 56, info: { CreationDate: new Date(0) } });
    const stream = createWriteStream(file);
    stream.on('finish', done);
    stream.on('error', fail);
    doc.pipe(stream);
    doc.font('Helvetica').fontSize(10.5);
    for (const para of text.split('\n')) doc.text(para.length ? para : ' ', { align: 'left' });
    doc.end();
  });
}

for (const kind of ['html', 'pdf']) {
  mkdirSync(join(out, `${set}-${kind}`, 'corpus'), { recursive: true });
  mkdirSync(join(out, `${set}-${kind}`, 'gold'), { recursive: true });
}
for (const f of readdirSync(join(corpus, 'corpus')).filter((n) => n.endsWith('.txt'))) {
  const id = f.slice(0, -4);
  // pdfkit's standard fonts are WinAnsi: characters outside it are set as what they stand for.
  const text = readFileSync(join(corpus, 'corpus', f), 'utf8');
  writeFileSync(join(out, `${set}-html`, 'corpus', `${id}.html`), page(text));
  await pdf(text.replace(/[^\x00-\xff‘’“”–—…•€]/g, '?'), join(out, `${set}-pdf`, 'corpus', `${id}.pdf`));
  for (const kind of ['html', 'pdf']) copyFileSync(join(corpus, 'gold', `${id}.json`), join(out, `${set}-${kind}`, 'gold', `${id}.json`));
}
console.log(`wrote ${out}/${set}-html and ${out}/${set}-pdf`);
