#!/usr/bin/env node
// Writes fixtures/broken/: small hostile or broken inputs, all invented, reproducible bytes.
// Run: node scripts/make-broken-fixtures.mjs
// The big ones (a 20 MB page, 100k levels of nesting, a zip that inflates to far more than
// it declares) are built by the functions exported here at test time, in a temp dir, so the
// repository stays small. Truncated, encrypted and declared-size zip bombs already live in
// fixtures/attachments/ (scripts/make-fixtures.mjs) and are reused from there.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { zipOf as writeZip } from './lib/zip.mjs';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'broken');

/** Where the JavaScript in javascript.pdf would write, if anything ever ran it. */
export const PWNED_GLOBAL = '__foiHarvestPwned';

/** Deterministic bytes (xorshift), so the "random" fixtures never change between runs. */
export function pseudoRandomBytes(n, seed = 0x9e3779b9) {
  const out = Buffer.alloc(n);
  let x = seed >>> 0;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out[i] = x & 0xff;
  }
  return out;
}

/** A PDF from object bodies (1-based), with a correct xref table. */
export function pdfFromObjects(objects, trailerExtra = '') {
  let body = '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n';
  const offsets = [];
  objects.forEach((obj, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${i + 1} 0 obj\n${obj}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) body += `${String(o).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailerExtra}>>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

const stream = (dict, data) => `<< ${dict} /Length ${Buffer.byteLength(data, 'latin1')} >>\nstream\n${data}\nendstream`;

/**
 * A one-page PDF that opens with JavaScript (/OpenAction and a document-level /JS): the
 * script sets a global and writes a file. Its page also paints a shading through a
 * PostScript (type 4) function, which pdf.js compiles with `new Function` when eval is on.
 */
export function javascriptPdf() {
  const js = `globalThis.${PWNED_GLOBAL} = 1; try { require('fs').writeFileSync(process.env.FOI_HARDENING_MARK || 'foi-harvest-pwned.txt', 'pwned'); } catch (e) {} app.alert('pwned');`;
  const lines = ['Request:', 'How many officers were convicted of criminal offences in 2023?', 'Response:', '3 officers were convicted in 2023.'];
  const content = `BT /F1 12 Tf 50 700 Td 16 TL ${lines.map((l) => `(${l}) Tj T*`).join(' ')} ET\nq /Sh1 sh Q\n`;
  return pdfFromObjects([
    `<< /Type /Catalog /Pages 2 0 R /OpenAction 6 0 R /Names << /JavaScript << /Names [(pwn) 6 0 R] >> >> /AA << /WC 6 0 R >> >>`,
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> /Shading << /Sh1 7 0 R >> >> /AA << /O 6 0 R >> >>',
    stream('', content),
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Type /Action /S /JavaScript /JS (${js.replace(/[()\\]/g, (c) => '\\' + c)}) >>`,
    '<< /ShadingType 2 /ColorSpace /DeviceRGB /Coords [0 0 200 0] /Function 8 0 R /Extend [true true] >>',
    stream('/FunctionType 4 /Domain [0 1] /Range [0 1 0 1 0 1]', '{ dup 0.5 mul exch 1 exch sub }'),
  ]);
}

/** HTML nested `levels` deep, with a sentence at the bottom and one at the top. */
export function deeplyNestedHtml(levels = 100_000) {
  const top = '<p>Request:</p><p>How many officers were dismissed in 2022?</p><p>Response:</p><p>4 officers were dismissed in 2022.</p>';
  return Buffer.from(`<!doctype html><html><body>${top}${'<div>'.repeat(levels)}deep text${'</div>'.repeat(levels)}</body></html>`);
}

/** An HTML page of about `bytes` bytes: many paragraphs and table rows, then one answer. */
export function hugeHtml(bytes = 20 * 1024 * 1024) {
  const head = '<!doctype html><html><head><title>Large disclosure</title></head><body><main><h1>Large disclosure (1/25)</h1><p>Request:</p><p>How many officers were convicted in 2023?</p><p>Response:</p>';
  const tail = '<p>7 officers were convicted in 2023.</p></main></body></html>';
  const para = '<p>This paragraph is background text that repeats to make the page large, with a number 12 in it.</p>\n';
  const row = '<table><tr><th>Year</th><th>Officers</th></tr><tr><td>2019</td><td>3</td></tr></table>\n';
  const unit = para.repeat(9) + row;
  const n = Math.max(0, Math.floor((bytes - head.length - tail.length) / unit.length));
  return Buffer.from(head + unit.repeat(n) + tail);
}


/** A zip whose headers tell the truth or lie: `declared` (if set) replaces the real inflated size. */
export function zipOf(entries) {
  return writeZip(entries, { level: 9 });
}

/**
 * A zip bomb that lies: every header says its main part is 1 KiB, the part inflates to
 * `inflated` bytes. A guard that trusts the directory lets it through.
 */
export function lyingZipBomb(kind, inflated = 512 * 1024 * 1024) {
  const main = kind === 'xlsx' ? 'xl/workbook.xml' : 'word/document.xml';
  const contentTypes = Buffer.from('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  // Spaces inside an XML element inflate at ~1000:1 and keep a parser busy if it ever gets them.
  const data = Buffer.alloc(inflated, 0x20);
  data.write('<?xml version="1.0"?><x>', 0);
  return zipOf([
    { name: '[Content_Types].xml', data: contentTypes },
    { name: main, data, declared: 1024 },
  ]);
}

/** The readable-but-odd inputs all say this: a request with ’ and £ in it, and one figure (6). */
export const ODD_TEXT = 'Request:\nHow many officers did the force’s misconduct panels dismiss in 2020, and what did the hearings cost in £?\nResponse:\n6 officers were dismissed in 2020 – the cost is not held.\n';
const ODD_BODY = ODD_TEXT.trim().split('\n').map((l) => `<p>${l}</p>`).join('');

/**
 * A disclosure page whose every printable text starts like a spreadsheet formula (= + - @,
 * tab): title, request, questions, table headings and cells, an officer-level table, a link.
 */
export const CSV_INJECTION_HTML = `<!doctype html><html><head><meta charset="utf-8"><title>x</title></head><body><main>
<h1>=HYPERLINK("http://attacker.invalid","Officer convictions") (77B/24)</h1>
<h2>Request</h2>
<p>=1+2 How many officers were convicted in 2021 and 2022?</p>
<p>1) +SUM(A1:A9) How many officers were convicted in 2021?</p>
<p>2) @cmd How many were dismissed in 2022?</p>
<p>3) -2+3 between 1 January 2021 and 31 December 2022 how many were suspended?</p>
<h2>Response</h2>
<table>
<tr><th>=Offence</th><th>2021</th><th>2022</th></tr>
<tr><td>=cmd|' /C calc'!A0</td><td>3</td><td>4</td></tr>
<tr><td>+Assault</td><td>1</td><td>2</td></tr>
<tr><td>@Theft</td><td>5</td><td>0</td></tr>
<tr><td>-Drugs</td><td>2</td><td>1</td></tr>
</table>
<table>
<tr><th>Rank</th><th>Gender</th><th>Offence</th><th>Outcome</th><th>Year</th></tr>
<tr><td>=Constable</td><td>Male</td><td>=Assault occasioning actual bodily harm</td><td>@Dismissed</td><td>2021</td></tr>
<tr><td>Sergeant</td><td>Female</td><td>	Theft</td><td>+Conviction, suspended sentence</td><td>2022</td></tr>
</table>
<p>=Section 40(2) applies to the names of the officers.</p>
<p>Please see <a href="=evil.pdf">=evil.pdf</a> and <a href="/files/%2Bdata.xlsx">+data.xlsx</a>.</p>
</main></body></html>
`;

/**
 * Invented sources that print officers' names and dates of birth, in prose and in a table:
 * none of them may reach the output. `PRIVATE` lists what must never appear.
 */
export const PRIVATE = ['Gareth Pimlott', 'Pimlott', 'Rhiannon Vexley', 'Vexley', 'Neal Porter', 'Porter', 'Tobias Quenby', 'Quenby', 'Imogen Dace', 'Dace', 'Harold Fenwright', 'Fenwright', '14/07/1983', '2 March 1979', '1986-11-30', '09.09.1990'];
export const PRIVACY_PAGE_HTML = `<!doctype html><html><head><meta charset="utf-8"><title>Officers convicted (88C/24)</title></head><body><main>
<h1>Officers convicted of criminal offences (88C/24)</h1>
<h2>Request</h2>
<p>1) How many police officers were convicted of criminal offences in 2022 and 2023, including PC Gareth Pimlott (DOB 14/07/1983)?</p>
<p>2) Was Detective Sergeant Rhiannon Vexley, date of birth: 2 March 1979, one of them?</p>
<h2>Response</h2>
<p>In 2022, 3 officers were convicted; in 2023, 2 officers were convicted.</p>
<p>One was a male police constable, Gareth Pimlott, who was convicted of assault in 2022 and dismissed.</p>
<table>
<tr><th>Officer name</th><th>Date of birth</th><th>Rank</th><th>Offence</th><th>Outcome</th><th>Year</th></tr>
<tr><td>Tobias Quenby</td><td>30/11/1986</td><td>Constable</td><td>Drink driving</td><td>Fined</td><td>2022</td></tr>
<tr><td>Imogen Dace</td><td>09.09.1990</td><td>PC Imogen Dace</td><td>Harassment</td><td>Dismissed</td><td>2023</td></tr>
<tr><td>Harold Fenwright</td><td>1986-11-30</td><td>Sgt Harold Fenwright (DOB 1986-11-30)</td><td>Fraud by false representation</td><td>Dismissed</td><td>2022</td></tr>
</table>
<p>Other names are withheld under Section 40(2), personal information.</p>
</main></body></html>
`;
export const PRIVACY_NEWS_TXT = `Two officers jailed after FOI reveals convictions

Figures obtained under the Freedom of Information Act show that 5 officers were convicted of criminal offences between 2019 and 2023.

Neal Porter, a serving police officer, was jailed in 2021 for misconduct in public office.

The court heard of a male detective constable, Neal Porter, born on 2 March 1979, who was convicted of possession of a class A drug in December 2012.

Mr Quenby, a former constable (aged 34), was convicted of drink driving in 2022.

PC Imogen Dace | DOB 09.09.1990 | Harassment | 2023
`;

/** The committed set: name → bytes. */
export function brokenFixtures() {
  const files = {};
  files['empty.html'] = Buffer.alloc(0);
  // Binary noise named as a web page (NULs and control bytes throughout).
  files['garbage.html'] = pseudoRandomBytes(4096);
  // A PDF header, then noise: no xref, no objects, no trailer.
  files['corrupt.pdf'] = Buffer.concat([Buffer.from('%PDF-1.4\n'), pseudoRandomBytes(2048, 12345), Buffer.from('\n%%EOF\n')]);
  files['javascript.pdf'] = javascriptPdf();
  // The page says utf-8; its bytes are windows-1252 (0x92 = ’, 0xA3 = £, 0x96 = –).
  const cp1252 = (t) => Buffer.from(t.replace(/’/g, '\x92').replace(/£/g, '\xa3').replace(/–/g, '\x96'), 'latin1');
  files['wrong-charset.html'] = cp1252(`<!doctype html><html><head><meta charset="utf-8"><title>Misconduct costs</title></head><body>${ODD_BODY}</body></html>`);
  // Text with NUL bytes scattered in it, as a broken export leaves them.
  files['nul-bytes.txt'] = Buffer.from(ODD_TEXT.replace(/\n/g, '\u0000\n').replace('officers were', 'officers\u0000 were'), 'utf8');
  const page = `<!doctype html><html><head><title>Misconduct costs</title></head><body>${ODD_BODY}</body></html>`;
  files['utf16le.html'] = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(page, 'utf16le')]);
  files['utf16be.html'] = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(page, 'utf16le').swap16()]);
  files['utf16le.txt'] = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ODD_TEXT, 'utf16le')]);
  files['csv-injection.html'] = Buffer.from(CSV_INJECTION_HTML);
  files['privacy-page.html'] = Buffer.from(PRIVACY_PAGE_HTML);
  files['privacy-news.txt'] = Buffer.from(PRIVACY_NEWS_TXT);
  return files;
}

function main() {
  mkdirSync(OUT, { recursive: true });
  for (const [name, body] of Object.entries(brokenFixtures())) {
    writeFileSync(join(OUT, name), body);
    console.log(`wrote fixtures/broken/${name} (${body.length} bytes)`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
