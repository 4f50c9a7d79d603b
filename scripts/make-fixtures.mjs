#!/usr/bin/env node
// Writes the attachment fixtures (fixtures/attachments/) from invented data: one small
// conviction table in every format, a table across two PDF pages, an officer-level table
// with invented names and dates of birth (which must never reach the output), and broken
// files (scanned page, encrypted, truncated, zip bomb). Run: node scripts/make-fixtures.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateRawSync } from 'node:zlib';
import { greyPng } from './lib/png.mjs';
import { zipOf } from './lib/zip.mjs';
import PDFDocument from 'pdfkit';
import ExcelJS from 'exceljs';
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'attachments');
mkdirSync(OUT, { recursive: true });
const FIXED_DATE = new Date(Date.UTC(2024, 0, 15, 12, 0, 0));

// ------------------------------------------------------------------ data (invented)

export const CONVICTIONS = {
  title: 'Police officers convicted of criminal offences, by offence type and year',
  header: ['Offence type', '2019', '2020', '2021', 'Total'],
  rows: [
    ['Assault', '2', '1', '0', '3'],
    ['Driving offences', '4', '3', '2', '9'],
    ['Sexual offences', '1', '0', '2', '3'],
    ['Burglary/ Theft', '0', '1', '1', '2'],
    ['Data Protection Offence', '1', '0', '0', '1'],
    ['Misconduct Public Office', 'None', '1', '0', '1'],
    ['Total', '8', '6', '5', '19'],
  ],
};

const SUSPENSIONS = {
  title: 'Police officers suspended, by year and gender',
  header: ['Year', 'Male', 'Female', 'Total'],
  page1: [
    ['2015', '3', '1', '4'],
    ['2016', '5', '0', '5'],
    ['2017', '2', '2', '4'],
    ['2018', '1,051', '7', '1,058'],
  ],
  page2: [
    ['2019', '6', '1', '7'],
    ['2020', '4', '3', '7'],
    ['Total', '1,071', '14', '1,085'],
  ],
};

export const OFFICERS = {
  title: 'Officers convicted of a criminal offence while serving',
  header: ['Name', 'Date of birth', 'Role', 'Rank', 'Gender', 'Offence', 'Year', 'Outcome', 'Status'],
  rows: [
    ['Jonathan Testperson', '14/02/1981', 'Police Officer', 'PC', 'Male', 'Assault', '2019', 'Fine £500', 'Dismissed'],
    ['Imogen Fictional', '03/11/1990', 'Police Officer', 'DS', 'Female', 'Drink driving', '2020', 'Disqualified 12 months and fined', 'Still serving'],
    ['Barnaby Madeup', '22/07/1995', 'PCSO', '', 'Male', 'Shoplifting', '2020', 'Conditional discharge', 'Resigned'],
    ['Priya Notreal', '09/05/1988', 'Special Constable', 'SC', 'Female', 'Possession of a class A drug', '2021', 'Community order', 'Left'],
    ['Oswald Invented', '30/01/1979', 'Police Officer', 'Detective Constable', 'Male', 'Making indecent images of children', '2021', '18 months imprisonment', 'Dismissed'],
  ],
};

// ------------------------------------------------------------------ PDF helpers

function pdfBytes(build, opts = {}) {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 50, info: { CreationDate: FIXED_DATE, ModDate: FIXED_DATE, Title: 'fixture' }, ...opts });
    const chunks = [];
    doc.on('data', (c) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    build(doc);
    doc.end();
  });
}

/** Draws rows of cells at fixed columns; ruled = a stroked box around every cell. */
function drawTable(doc, rows, { x = 50, y, widths, ruled, rowHeight = 20, fontSize = 10, boldRows = 1 }) {
  let top = y;
  rows.forEach((row, r) => {
    let left = x;
    row.forEach((text, c) => {
      const w = widths[c];
      if (ruled) doc.lineWidth(0.75).rect(left, top, w, rowHeight).stroke();
      doc.font(r < boldRows ? 'Helvetica-Bold' : 'Helvetica').fontSize(fontSize);
      if (text) doc.text(text, left + 4, top + 6, { width: w - 8, align: c === 0 ? 'left' : 'right', lineBreak: false });
      left += w;
    });
    top += rowHeight;
  });
  return top;
}

const CONV_WIDTHS = [170, 70, 70, 70, 70];

async function convictionsPdf(ruled) {
  return pdfBytes((doc) => {
    doc.font('Helvetica').fontSize(11).text('Freedom of Information request 123/24: response attachment.', 50, 50);
    doc.text('The table below gives the number of officers convicted in each year.', 50, 68);
    doc.font('Helvetica-Bold').fontSize(11).text(CONVICTIONS.title, 50, 110, { lineBreak: false });
    const end = drawTable(doc, [CONVICTIONS.header, ...CONVICTIONS.rows], { y: 130, widths: CONV_WIDTHS, ruled });
    doc.font('Helvetica').fontSize(11).text('Figures are for calendar years and were correct when the request was answered.', 50, end + 20);
  });
}

// ------------------------------------------------------------------ zip (for the bomb)

/** The entries of a zip (stored or deflated), read through its central directory. */
function unzipEntries(buf) {
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out = [];
  for (let k = 0; k < count; k++) {
    const method = buf.readUInt16LE(p + 10);
    const compSize = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(start, start + compSize);
    out.push({ name, data: method === 8 ? inflateRawSync(raw) : Buffer.from(raw) });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/** Office files carry the time they were written (zip dates, docProps): pin both. */
function pinned(zip) {
  const stamp = FIXED_DATE.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return zipOf(
    unzipEntries(zip).map((e) =>
      e.name === 'docProps/core.xml' ? { ...e, data: Buffer.from(e.data.toString('utf8').replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*/g, `$1${stamp}`)) } : e,
    ),
  );
}

// ------------------------------------------------------------------ writers

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

function convictionsHtml() {
  const th = (cells) => `<tr>${cells.map((c) => `<th>${esc(c)}</th>`).join('')}</tr>`;
  const td = (cells) => `<tr>${cells.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`;
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>Officer convictions</title></head>
<body><main>
<h1>Officer convictions</h1>
<p>The table below gives the number of officers convicted in each year.</p>
<table>
<thead>
<tr><th colspan="5">${esc(CONVICTIONS.title)}</th></tr>
${th(CONVICTIONS.header)}
</thead>
<tbody>
${CONVICTIONS.rows.map(td).join('\n')}
</tbody>
</table>
</main></body></html>
`;
}

function csvLine(cells) {
  return cells.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',');
}

function convictionsCsv() {
  return [csvLine([CONVICTIONS.title, '', '', '', '']), csvLine(CONVICTIONS.header), ...CONVICTIONS.rows.map(csvLine)].join('\r\n') + '\r\n';
}

async function convictionsXlsx() {
  const wb = new ExcelJS.Workbook();
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  const ws = wb.addWorksheet('Convictions');
  ws.getCell('A1').value = CONVICTIONS.title;
  ws.mergeCells('A1:E1'); // the merged title: its value must reach every slot
  ws.addRow(CONVICTIONS.header.map((h, i) => (i > 0 && /^\d+$/.test(h) ? Number(h) : h)));
  for (const r of CONVICTIONS.rows) ws.addRow(r.map((v, i) => (i > 0 && /^[\d,]+$/.test(v) ? Number(v.replace(/,/g, '')) : v)));
  // A second sheet of notes: prose cells that the text extractors can read.
  const notes = wb.addWorksheet('Notes');
  notes.getCell('A1').value = 'Figures are for calendar years and were correct when the request was answered.';
  return pinned(Buffer.from(await wb.xlsx.writeBuffer()));
}

async function officersXlsx() {
  const wb = new ExcelJS.Workbook();
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  const ws = wb.addWorksheet('Officers');
  ws.getCell('A1').value = OFFICERS.title;
  ws.mergeCells('A1:I1');
  ws.addRow(OFFICERS.header);
  for (const r of OFFICERS.rows) ws.addRow(r.map((v, i) => (i === 6 ? Number(v) : v)));
  return pinned(Buffer.from(await wb.xlsx.writeBuffer()));
}

async function convictionsDocx() {
  const cell = (text, bold, span) =>
    new TableCell({
      columnSpan: span,
      width: { size: 1800, type: WidthType.DXA },
      children: [new Paragraph({ alignment: AlignmentType.LEFT, children: [new TextRun({ text, bold })] })],
    });
  const doc = new Document({
    creator: 'foi-harvest fixtures',
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Officer convictions')] }),
          new Paragraph('The table below gives the number of officers convicted in each year.'),
          new Table({
            rows: [
              new TableRow({ tableHeader: true, children: [cell(CONVICTIONS.title, true, 5)] }),
              new TableRow({ tableHeader: true, children: CONVICTIONS.header.map((h) => cell(h, true)) }),
              ...CONVICTIONS.rows.map((r) => new TableRow({ children: r.map((v) => cell(v, false)) })),
            ],
          }),
          new Paragraph('Figures are for calendar years and were correct when the request was answered.'),
        ],
      },
    ],
  });
  return pinned(Buffer.from(await Packer.toBuffer(doc)));
}

async function main() {
  const files = {};
  files['convictions.html'] = convictionsHtml();
  files['convictions.csv'] = convictionsCsv();
  files['convictions-ruled.pdf'] = await convictionsPdf(true);
  files['convictions-unruled.pdf'] = await convictionsPdf(false);
  files['convictions.xlsx'] = await convictionsXlsx();
  files['convictions.docx'] = await convictionsDocx();

  files['suspensions-two-pages.pdf'] = await pdfBytes((doc) => {
    doc.font('Helvetica').fontSize(11).text('Freedom of Information request 456/24: suspensions.', 50, 50);
    for (let i = 0; i < 22; i++) doc.text(`Paragraph ${i + 1} of the explanatory notes that come before the table.`, 50, 80 + i * 22);
    doc.font('Helvetica-Bold').fontSize(11).text(SUSPENSIONS.title, 50, 600, { lineBreak: false });
    drawTable(doc, [SUSPENSIONS.header, ...SUSPENSIONS.page1], { y: 620, widths: [120, 80, 80, 80], ruled: false });
    doc.font('Helvetica').fontSize(9).text('Page 1 of 2', 50, 780, { lineBreak: false });
    doc.addPage();
    drawTable(doc, [SUSPENSIONS.header, ...SUSPENSIONS.page2], { y: 50, widths: [120, 80, 80, 80], ruled: false });
    doc.font('Helvetica').fontSize(11).text('End of table.', 50, 220);
    doc.font('Helvetica').fontSize(9).text('Page 2 of 2', 50, 780, { lineBreak: false });
  });

  files['officers.xlsx'] = await officersXlsx();
  files['officers-ruled.pdf'] = await pdfBytes(
    (doc) => {
      doc.font('Helvetica-Bold').fontSize(11).text(OFFICERS.title, 40, 40, { lineBreak: false });
      drawTable(doc, [OFFICERS.header, ...OFFICERS.rows], { x: 40, y: 60, widths: [100, 65, 80, 80, 45, 150, 40, 165, 70], ruled: true, fontSize: 8, rowHeight: 22 });
    },
    { size: 'A4', layout: 'landscape', margin: 40 },
  );

  files['scanned.pdf'] = await pdfBytes((doc) => {
    doc.font('Helvetica').fontSize(11).text('Response to request 789/24. The scanned letter follows.', 50, 50);
    doc.addPage();
    doc.image(greyPng(200, 280, 0xc8), 50, 50, { width: 400 }); // what a scanner would leave: pixels, no text
  });

  files['encrypted.pdf'] = await pdfBytes((doc) => doc.text('Secret figures: 42 officers.', 50, 50), { userPassword: 'fixture', ownerPassword: 'fixture-owner', pdfVersion: '1.4' });

  // A PDF cut off in its first object: the header survives, nothing else does.
  files['truncated.pdf'] = Buffer.from(files['convictions-ruled.pdf']).subarray(0, 400);

  const contentTypes = Buffer.from('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  const sheet = Buffer.from('<?xml version="1.0"?><worksheet/>');
  files['zip-bomb.xlsx'] = zipOf([
    { name: '[Content_Types].xml', data: contentTypes },
    { name: 'xl/worksheets/sheet1.xml', data: sheet, declared: 0xfffffff0 },
  ]);
  files['zip-bomb.docx'] = zipOf([
    { name: '[Content_Types].xml', data: contentTypes },
    { name: 'word/document.xml', data: sheet, declared: 0xfffffff0 },
  ]);

  for (const [name, body] of Object.entries(files)) {
    writeFileSync(join(OUT, name), body);
    console.log(`wrote fixtures/attachments/${name} (${Buffer.byteLength(body)} bytes)`);
  }
}

await main();
