#!/usr/bin/env node
// Invented tables in the shapes real attachments take (issue 12), built in memory so tests
// generate them at test time; run directly to write them to fixtures/tables/ for a look:
//   node scripts/make-table-fixtures.mjs
// - statsWorkbook(bookType): one sheet, two stacked tables (a title row, a merged two-row
//   heading over a spacer column, a footnote digit glued to a label, 'x' withheld cells, a
//   notes block, a float with a binary tail), written as XLSX, XLS (BIFF8) or ODS by SheetJS;
// - recordListCsv(): one row per crime (a record list: never officer cases);
// - streamPdf(): an unruled table whose row labels wrap over two lines (values on the last
//   line), continued on a second page under a letterhead without its heading row.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as XLSX from '@e965/xlsx';
import PDFDocument from 'pdfkit';

export const STATS_TITLE = 'Table B2: Missing incidents and individuals recorded by police forces in 2019/20';
export const STATS_TITLE_2 = 'Table B3: Missing incidents in Kent by year';

export function statsWorkbook(bookType) {
  const aoa = [
    [STATS_TITLE],
    [],
    ['', 'Incidents', '', '', 'Individuals', ''],
    ['', 'Children', 'Adults', '', 'Children', 'Adults'],
    ['England and Wales', 100, 200, '', 50, 60],
    ['Durham 1', 10, 20, '', 'x', 'x'],
    ['Kent', 5.000000000000001, 7, '', 3, 4],
    [],
    ['1. Estimates used for Durham.'],
    ['x = Not available'],
    [],
    [STATS_TITLE_2],
    ['Force', 2018, 2019, 'Total'],
    ['Kent', 3, 4, 7],
  ];
  const ws = XLSX.utils.aoa_to_sheet(aoa);
  ws['!merges'] = [XLSX.utils.decode_range('A1:F1'), XLSX.utils.decode_range('B3:C3'), XLSX.utils.decode_range('E3:F3')];
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, 'Missing people');
  return new Uint8Array(XLSX.write(wb, { type: 'buffer', bookType }));
}

const CRIMES = ['VIOLENCE AGAINST THE PERSON', 'SEXUAL OFFENCES', 'THEFT'];
const OUTCOMES = ['Charged', 'No suspect identified'];
const YEARS = ['2019/2020', '2020/2021'];

/** 30 crimes: crime type cycles over 3, outcome over 2, year over 2 (so each count is known). */
export function recordListCsv() {
  const lines = ['No.,Financial Year,Crime Type,Outcome Description'];
  for (let i = 0; i < 30; i++) lines.push([i + 1, YEARS[i % 2], CRIMES[i % 3], OUTCOMES[Math.floor(i / 15)]].join(','));
  return lines.join('\r\n') + '\r\n';
}

export const PDF_TITLE = 'Table 1 - Uses by force, 1 April 2019 to 31 March 2021';

/** Two pages: heading row, rows (one label wrapped over two lines), and a continuation under a letterhead. */
export function streamPdf() {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 40, info: { CreationDate: new Date(Date.UTC(2024, 0, 15)) } });
    const chunks = [];
    doc.on('data', (c) => chunks.push(c));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
    doc.font('Helvetica').fontSize(10);
    const cols = [300, 360, 420];
    const row = (y, label, values) => {
      if (label) doc.text(label, 50, y, { lineBreak: false });
      values.forEach((v, i) => v && doc.text(v, cols[i], y, { width: 40, align: 'right', lineBreak: false }));
    };
    doc.fontSize(12).text('Anytown Police, Police HQ, Anytown AT1 1AA', 50, 40, { lineBreak: false });
    doc.fontSize(10).text(PDF_TITLE, 50, 100, { lineBreak: false });
    row(130, 'Force', ['Drawn', 'Fired', 'Total']);
    row(146, 'Avon and Somerset Constabulary', ['12', '3', '15']);
    row(162, 'British Transport Police (including', ['', '', '']);
    row(174, 'the London Underground)', ['4', '', '4']);
    row(190, 'Cheshire Constabulary', ['7', '1', '8']);
    doc.addPage();
    doc.fontSize(12).text('Anytown Police, Police HQ, Anytown AT1 1AA', 50, 40, { lineBreak: false });
    doc.fontSize(10);
    row(100, 'Dorset Police', ['2', '-', '2']);
    row(116, 'Total', ['25', '4', '29']);
    doc.end();
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'tables');
  mkdirSync(out, { recursive: true });
  for (const t of ['xlsx', 'xls', 'ods']) writeFileSync(join(out, `stats.${t}`), statsWorkbook(t));
  writeFileSync(join(out, 'crime-list.csv'), recordListCsv());
  writeFileSync(join(out, 'uses.pdf'), await streamPdf());
  console.log(`wrote ${out}`);
}
