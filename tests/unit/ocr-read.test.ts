// The PDF reader with OCR, on our own scans (scripts/make-scanned-fixtures.mjs: greyscale
// 150 dpi, skewed, noisy): text, tables and locators as a text PDF gives them, plus the
// reported limits. Few pages on purpose: OCR is the slowest thing the suite does.
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { readDocument } from '../../src/readers/index.js';
import { shutdownOcr, type OcrOptions } from '../../src/readers/ocr/index.js';

const read = (file: string, ocr: Partial<OcrOptions> = {}) =>
  readDocument({ bytes: readFileSync(`fixtures/${file}`), name: file, ocr: { workers: 1, ...ocr } });
const rows = (t: { rows: { text: string }[][] }) => t.rows.map((r) => r.map((c) => c.text));

afterAll(() => shutdownOcr());

// OCR takes seconds a page, more on a busy machine: generous limits, never a timing assertion.
describe('OCR of scanned PDF pages', { timeout: 120_000 }, () => {
  it('a scanned letter: its lines, its table (cell locators say OCR) and its confidence', async () => {
    const doc = await read('scanned/letter-scanned.pdf');
    expect(doc.blocks.every((b) => b.locator === 'pdf:p1:ocr' && b.page === 1)).toBe(true);
    const lines = doc.blocks.map((b) => b.text);
    expect(lines.slice(0, 4)).toEqual(['Information Compliance Unit', 'Our reference: FOI 2024/0815', 'Date: 12 March 2024', 'Dear Applicant,']);
    expect(lines).toContain('2. How many police officers were suspended from duty in 2022 and in 2023?');
    expect(doc.tables.map((t) => t.locator)).toEqual(['pdf:p1:ocr:t1']);
    expect(rows(doc.tables[0])).toEqual([
      ['Year', 'Officers dismissed', 'Officers suspended'],
      ['2022', '7', '14'],
      ['2023', '11', '9'],
    ]);
    expect(doc.tables[0].rows[1][2].locator).toBe('pdf:p1:ocr:t1:r2:c3');
    expect(doc.warnings).toHaveLength(1);
    const confidence = Number(/^pdf:p1:ocr: read by OCR, confidence (\d+)\/100$/.exec(doc.warnings[0])?.[1]);
    expect(confidence).toBeGreaterThanOrEqual(80);
  });

  it('a page stored sideways (/Rotate 90) is read as displayed: same table shape, headings and row labels', async () => {
    // Its digits are the OCR's weak point (a lone "1" beside a speck can come out as "il"); the layout is what is tested here.
    const doc = await read('scanned/convictions-rotated.pdf');
    expect(doc.blocks[0].text).toBe('Freedom of Information request 123/24: response attachment.');
    expect(doc.blocks[3].text).toBe('Offence type\t2019\t2020\t2021\tTotal');
    expect(doc.tables.map((t) => [t.locator, t.rows.length, t.rows.map((r) => r.length)])).toEqual([['pdf:p1:ocr:t1', 8, [5, 5, 5, 5, 5, 5, 5, 5]]]);
    expect(rows(doc.tables[0])[0]).toEqual(['Offence type', '2019', '2020', '2021', 'Total']);
    expect(rows(doc.tables[0]).map((r) => r[0])).toEqual(['Offence type', 'Assault', 'Driving offences', 'Sexual offences', 'Burglary/ Theft', 'Data Protection Offence', 'Misconduct Public Office', 'Total']);
  });

  it('a scanned table reads as the same table as the text PDF it was printed from', async () => {
    const doc = await read('scanned/convictions-scanned.pdf');
    expect(doc.tables).toHaveLength(1);
    expect(doc.tables[0].caption).toBe('Police officers convicted of criminal offences, by offence type and year');
    expect(rows(doc.tables[0])).toEqual([
      ['Offence type', '2019', '2020', '2021', 'Total'],
      ['Assault', '2', '1', '0', '3'],
      ['Driving offences', '4', '3', '2', '9'],
      ['Sexual offences', '1', '0', '2', '3'],
      ['Burglary/ Theft', '0', '1', '1', '2'],
      ['Data Protection Offence', '1', '0', '0', '1'],
      ['Misconduct Public Office', 'None', '1', '0', '1'],
      ['Total', '8', '6', '5', '19'],
    ]);
  });

  it('auto: a scan with a line of text stamped on it is still OCR\'d; a short text page with a logo keeps its text layer', async () => {
    const stamped = await read('scanned/letter-stamped.pdf');
    expect(stamped.blocks.map((b) => b.text).slice(0, 2)).toEqual(['OFFICIAL scanned by the FOI Unit, 12/03/2024', 'Information Compliance Unit']);
    expect(rows(stamped.tables[0])[1]).toEqual(['2022', '7', '14']);
    const logo = await read('scanned/short-with-logo.pdf');
    expect(logo.blocks.map((b) => [b.locator, b.text])).toEqual([['pdf:p1', 'Annex A: figures for 2023 follow on the next page.']]);
    expect(logo.warnings).toEqual([]);
  });

  it('--ocr always reads a page that has a text layer by OCR too; a confidence under the bar is a warning to check', async () => {
    const doc = await read('scanned/letter.pdf', { mode: 'always', lowConfidence: 101 });
    expect(doc.tables.map((t) => t.locator)).toEqual(['pdf:p1:ocr:t1']);
    expect(rows(doc.tables[0])[2]).toEqual(['2023', '11', '9']);
    expect(doc.warnings).toEqual([expect.stringMatching(/^pdf:p1:ocr: read by OCR, low confidence \d+\/100; check its figures against the page$/)]);
  });

  it('--ocr never, the page cap and the time limit leave the page unread, and say so', async () => {
    const never = await read('scanned/letter-scanned.pdf', { mode: 'never' });
    expect([never.blocks, never.tables, never.warnings]).toEqual([[], [], ['pdf:p1: no text layer (scanned image?)']]);
    const capped = await read('scanned/letter-scanned.pdf', { maxPages: 0 });
    expect(capped.warnings).toEqual(['pdf:p1: no text layer (scanned image?)', 'pdf: OCR page cap (0) reached; not read: page 1']);
    const late = await read('scanned/letter-scanned.pdf', { pageTimeoutMs: 1 });
    expect(late.warnings).toEqual(['pdf:p1:ocr: OCR took longer than 0.001 s; page not read', 'pdf:p1: no text layer (scanned image?)']);
  });
});
