#!/usr/bin/env node
// Writes the scanned fixtures (fixtures/scanned/): an invented FOI response letter as a text
// PDF, and image-only "scans" of it and of the unruled convictions table
// (fixtures/attachments/convictions-unruled.pdf): greyscale 150 dpi, a slight skew, a little
// noise, as forces print, sign and scan their letters. Deterministic (seeded).
// Run: node scripts/make-scanned-fixtures.mjs (after scripts/make-fixtures.mjs)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';
import { greyPng } from './lib/png.mjs';
import { rasterise } from './lib/rasterise.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
const OUT = join(ROOT, 'scanned');
mkdirSync(OUT, { recursive: true });
const FIXED_DATE = new Date(Date.UTC(2024, 0, 15, 12, 0, 0));

// ------------------------------------------------------------------ the letter (invented)
export const LETTER = {
  reference: 'FOI 2024/0815',
  date: '12 March 2024',
  received: '14 February 2024',
  questions: [
    '1. How many police officers were dismissed following a gross misconduct hearing in 2022 and in 2023?',
    '2. How many police officers were suspended from duty in 2022 and in 2023?',
  ],
  table: [
    ['Year', 'Officers dismissed', 'Officers suspended'],
    ['2022', '7', '14'],
    ['2023', '11', '9'],
  ],
};

function letterPdf() {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 60, info: { CreationDate: FIXED_DATE, ModDate: FIXED_DATE, Title: 'fixture' } });
    const chunks = [];
    doc.on('data', (c) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    const p = (text, o = {}) => doc.font(o.bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(o.size ?? 11).text(text, 60, doc.y, { width: 475 }).moveDown(0.6);
    p('Information Compliance Unit', { bold: true });
    p(`Our reference: ${LETTER.reference}`);
    p(`Date: ${LETTER.date}`);
    doc.moveDown();
    p('Dear Applicant,');
    p('Freedom of Information Request', { bold: true, size: 12 });
    p(`I write in response to your request for information received on ${LETTER.received}, in which you asked:`);
    for (const q of LETTER.questions) p(q);
    p('Response', { bold: true, size: 12 });
    p('I can confirm that the information you requested is held and is provided below.');
    const xs = [60, 200, 360];
    for (const [r, row] of LETTER.table.entries()) {
      const y = doc.y;
      row.forEach((c, j) => doc.font(r === 0 ? 'Helvetica-Bold' : 'Helvetica').fontSize(11).text(c, xs[j], y, { lineBreak: false }));
      doc.x = 60;
      doc.y = y + 20;
    }
    doc.moveDown();
    p('Yours sincerely,');
    p('Information Compliance Officer');
    doc.end();
  });
}

/** A grey square "crest" and a short line of text. */
function logoPage() {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 60, info: { CreationDate: FIXED_DATE, ModDate: FIXED_DATE, Title: 'fixture' } });
    const chunks = [];
    doc.on('data', (c) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.image(greyPng(40, 40), 60, 60, { width: 60 });
    doc.font('Helvetica').fontSize(11).text('Annex A: figures for 2023 follow on the next page.', 60, 140);
    doc.end();
  });
}


const letter = await letterPdf();
writeFileSync(join(OUT, 'letter.pdf'), letter);
writeFileSync(join(OUT, 'letter-scanned.pdf'), await rasterise(letter, { dpi: 150, skewDegrees: 0.8, noise: 0.06, specks: 30, seed: 18 }));
// The same scan with a line of real text stamped on it: too much text to call the page empty, yet not the letter.
writeFileSync(join(OUT, 'letter-stamped.pdf'), await rasterise(letter, { dpi: 150, skewDegrees: 0.8, noise: 0.06, specks: 30, seed: 18, stamp: 'OFFICIAL - scanned by the FOI Unit, 12/03/2024' }));
// A short text page with a logo: its text layer is the page's text, and stays so.
writeFileSync(join(OUT, 'short-with-logo.pdf'), await logoPage());
const table = readFileSync(join(ROOT, 'attachments', 'convictions-unruled.pdf'));
writeFileSync(join(OUT, 'convictions-scanned.pdf'), await rasterise(table, { dpi: 150, skewDegrees: -0.6, noise: 0.06, specks: 30, seed: 12 }));
// The same scan (same pixels) stored sideways on a page turned by /Rotate 90, as scanners store landscape pages.
writeFileSync(join(OUT, 'convictions-rotated.pdf'), await rasterise(table, { dpi: 150, skewDegrees: -0.6, noise: 0.06, specks: 30, seed: 12, rotate: 90 }));
