#!/usr/bin/env node
// Writes one invented disclosure as HTML, plain text and PDF (fixtures/parse/), so tests
// can show that the three forms give the same rows. Run: node scripts/make-parse-fixtures.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'parse');
mkdirSync(OUT, { recursive: true });

// ------------------------------------------------------------------ the disclosure (invented)
const TITLE = 'Officer Dismissals (412A/23)';
const BLOCKS = [
  ['h2', 'Request'],
  ['p', 'For each of the calendar years 2020, 2021 and 2022, could you please tell me:'],
  ['p', '1) How many police officers were dismissed following a gross misconduct hearing?'],
  ['p', '2) How many police officers resigned or retired while under investigation?'],
  ['p', '3) The names of the officers dismissed.'],
  ['h2', 'Response'],
  ['p', 'I have today decided to disclose some of the requested information. The figures for questions 1 and 2 are below.'],
  ['table', [['', '2020', '2021', '2022'], ['Dismissed', '6', '4', '9'], ['Resigned or retired', '3', '5', '2']]],
  ['p', 'The names of officers are withheld under Section 40(2) – Personal information, as disclosure would contravene the data protection principles.'],
  ['p', 'Section 40(2) is an absolute and class based exemption and there is no requirement to consider the public interest.'],
];

// ------------------------------------------------------------------ HTML: the West Midlands layout, with site furniture
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const html = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(TITLE)} | West Midlands Police FOI</title></head>
<body>
<a class="skip-link" href="#main">Skip to content</a>
<div id="cookie-banner"><p>We use cookies to make this site work.</p><button>Accept</button></div>
<nav><ul><li><a href="/">Home</a></li><li><a href="/disclosure-log/">Disclosure log</a></li></ul></nav>
<main id="main">
<h1>${esc(TITLE)}</h1>
${BLOCKS.map(([k, v]) =>
  k === 'table'
    ? `<table>\n${v.map((r, i) => `<tr>${r.map((c) => (i === 0 ? `<th>${esc(c)}</th>` : `<td>${esc(c)}</td>`)).join('')}</tr>`).join('\n')}\n</table>`
    : `<${k}>${esc(v)}</${k}>`,
).join('\n')}
</main>
<footer><p>© West Midlands Police</p></footer>
</body></html>
`;
writeFileSync(join(OUT, 'dismissals.html'), html);

// ------------------------------------------------------------------ text: as a page-to-text tool gives it
const text = [TITLE, '', ...BLOCKS.flatMap(([k, v]) => (k === 'table' ? [...v.map((r) => r.join(' ').trim()), ''] : [v, '']))].join('\n');
writeFileSync(join(OUT, 'dismissals.txt'), text);

// ------------------------------------------------------------------ PDF: the same, table laid out with whitespace (no ruling lines)
const doc = new PDFDocument({ size: 'A4', margin: 50, info: { CreationDate: new Date(Date.UTC(2024, 0, 1)), Title: TITLE } });
const chunks = [];
doc.on('data', (c) => chunks.push(c));
doc.on('end', () => writeFileSync(join(OUT, 'dismissals.pdf'), Buffer.concat(chunks)));
doc.font('Helvetica-Bold').fontSize(14).text(TITLE);
doc.moveDown();
for (const [k, v] of BLOCKS) {
  if (k === 'table') {
    const xs = [50, 250, 330, 410];
    for (const row of v) {
      const y = doc.y;
      row.forEach((c, j) => doc.font('Helvetica').fontSize(10).text(c, xs[j], y, { lineBreak: false }));
      doc.x = 50;
      doc.y = y + 16;
    }
    doc.moveDown();
  } else {
    doc.font(k === 'h2' ? 'Helvetica-Bold' : 'Helvetica').fontSize(k === 'h2' ? 12 : 10).text(v, 50, doc.y, { width: 495 });
    doc.moveDown(0.5);
  }
}
doc.end();
