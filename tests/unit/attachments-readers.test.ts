// The attachment readers on the committed fixtures (scripts/make-fixtures.mjs): tables and
// locators per format, the same table giving the same figures in every format, broken files.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractAttachment } from '../../src/extract/attachment.js';
import { readCsv, sniffDelimiter } from '../../src/readers/csv.js';
import { readDocument } from '../../src/readers/index.js';
import { ReadError, type ReadResult } from '../../src/readers/types.js';
import ExcelJS from 'exceljs';
import { columnLetters, readXlsx } from '../../src/readers/sheet.js';
import { assertSafeZip, zipEntries } from '../../src/readers/zip-guard.js';

const DIR = join(__dirname, '..', '..', 'fixtures', 'attachments');
const SHA = 'c'.repeat(64);
const bytesOf = (name: string) => new Uint8Array(readFileSync(join(DIR, name)));
const read = (name: string) => readDocument({ bytes: bytesOf(name), name });

/** The conviction table of every format, as (value, label, year, offence, is_total); each label ends with the table's title (issue 12). */
const TITLE = ' — Police officers convicted of criminal offences, by offence type and year';
const CONVICTION_FIGURES = ([
  [2, 'Assault | 2019', 2019, 'Assault', false],
  [1, 'Assault | 2020', 2020, 'Assault', false],
  [0, 'Assault | 2021', 2021, 'Assault', false],
  [3, 'Assault | Total', null, 'Assault', true],
  [4, 'Driving offences | 2019', 2019, 'Driving offences', false],
  [3, 'Driving offences | 2020', 2020, 'Driving offences', false],
  [2, 'Driving offences | 2021', 2021, 'Driving offences', false],
  [9, 'Driving offences | Total', null, 'Driving offences', true],
  [1, 'Sexual offences | 2019', 2019, 'Sexual offences', false],
  [0, 'Sexual offences | 2020', 2020, 'Sexual offences', false],
  [2, 'Sexual offences | 2021', 2021, 'Sexual offences', false],
  [3, 'Sexual offences | Total', null, 'Sexual offences', true],
  [0, 'Burglary/ Theft | 2019', 2019, 'Burglary/ Theft', false],
  [1, 'Burglary/ Theft | 2020', 2020, 'Burglary/ Theft', false],
  [1, 'Burglary/ Theft | 2021', 2021, 'Burglary/ Theft', false],
  [2, 'Burglary/ Theft | Total', null, 'Burglary/ Theft', true],
  [1, 'Data Protection Offence | 2019', 2019, 'Data Protection Offence', false],
  [0, 'Data Protection Offence | 2020', 2020, 'Data Protection Offence', false],
  [0, 'Data Protection Offence | 2021', 2021, 'Data Protection Offence', false],
  [1, 'Data Protection Offence | Total', null, 'Data Protection Offence', true],
  [0, 'Misconduct Public Office | 2019', 2019, 'Misconduct Public Office', false],
  [1, 'Misconduct Public Office | 2020', 2020, 'Misconduct Public Office', false],
  [0, 'Misconduct Public Office | 2021', 2021, 'Misconduct Public Office', false],
  [1, 'Misconduct Public Office | Total', null, 'Misconduct Public Office', true],
  [8, 'Total | 2019', 2019, null, true],
  [6, 'Total | 2020', 2020, null, true],
  [5, 'Total | 2021', 2021, null, true],
  [19, 'Total | Total', null, null, true],
] as const).map(([v, label, y, o, t]) => [v, label + TITLE, y, o, t]);

const figuresOf = (doc: ReadResult) => extractAttachment(doc, { sha256: SHA }).figures;
const compare = (doc: ReadResult) => figuresOf(doc).map((f) => [f.value, f.label, f.year, f.offence, f.is_total]);

describe('the same conviction table in every format', () => {
  it.each([
    ['convictions.html', 'text/html'],
    ['convictions-ruled.pdf', 'application/pdf'],
    ['convictions-unruled.pdf', 'application/pdf'],
    ['convictions.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['convictions.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['convictions.csv', 'text/csv'],
  ])('%s gives the same figures', async (name, mediaType) => {
    const doc = await read(name);
    expect(doc.mediaType).toBe(mediaType);
    expect(compare(doc)).toEqual(CONVICTION_FIGURES);
    // The title row / line names what is counted, in every format.
    expect(new Set(figuresOf(doc).map((f) => `${f.measure}/${f.event}`))).toEqual(new Set(['officers/convicted']));
    expect(figuresOf(doc).map((f) => f.offence_category).slice(0, 24).filter((_, i) => i % 4 === 0)).toEqual([
      'violence',
      'driving',
      'sexual',
      'dishonesty',
      'computer_misuse_data_protection',
      'misconduct_in_public_office',
    ]);
  });

  it.each([
    ['convictions-ruled.pdf', ['pdf:p1:t1:r2:c2', 'pdf:p1:t1:r7:c2', 'pdf:p1:t1:r8:c5']],
    ['convictions-unruled.pdf', ['pdf:p1:t1:r2:c2', 'pdf:p1:t1:r7:c2', 'pdf:p1:t1:r8:c5']],
    ['convictions.xlsx', ['xlsx:Convictions!B3', 'xlsx:Convictions!B8', 'xlsx:Convictions!E9']],
    ['convictions.docx', ['docx:t1:r3:c2', 'docx:t1:r8:c2', 'docx:t1:r9:c5']],
    ['convictions.csv', ['csv:r3:c2', 'csv:r8:c2', 'csv:r9:c5']],
  ])('%s: cell locators point at the cells (Assault 2019, the "None", the grand total)', async (name, locs) => {
    const f = figuresOf(await read(name));
    expect([f[0].locator, f[20].locator, f[27].locator]).toEqual(locs);
    expect([f[0].text, f[20].text, f[27].text]).toEqual(['2', 'None', '19']);
  });

  it('html: locators are char offsets into the document text', async () => {
    const doc = await read('convictions.html');
    for (const f of figuresOf(doc)) {
      const [s, e] = f.locator.slice(5).split('-').map(Number);
      expect(doc.text.slice(s, e)).toBe(f.text);
    }
  });
});

describe('pdf', () => {
  it('a table continued on the next page is one table, its repeated header dropped', async () => {
    const doc = await read('suspensions-two-pages.pdf');
    expect(doc.pages).toBe(2);
    expect(doc.tables).toHaveLength(1);
    expect(doc.tables[0].locator).toBe('pdf:p1:t1');
    expect(doc.tables[0].caption).toBe('Police officers suspended, by year and gender');
    expect(doc.tables[0].rows.map((r) => r.map((c) => c.text).join(' '))).toEqual([
      'Year Male Female Total',
      '2015 3 1 4',
      '2016 5 0 5',
      '2017 2 2 4',
      '2018 1,051 7 1,058',
      '2019 6 1 7',
      '2020 4 3 7',
      'Total 1,071 14 1,085',
    ]);
    const f = figuresOf(doc);
    expect(f.map((x) => [x.value, x.year, x.gender, x.is_total, x.locator])).toEqual([
      [3, 2015, 'male', false, 'pdf:p1:t1:r2:c2'],
      [1, 2015, 'female', false, 'pdf:p1:t1:r2:c3'],
      [4, 2015, null, true, 'pdf:p1:t1:r2:c4'],
      [5, 2016, 'male', false, 'pdf:p1:t1:r3:c2'],
      [0, 2016, 'female', false, 'pdf:p1:t1:r3:c3'],
      [5, 2016, null, true, 'pdf:p1:t1:r3:c4'],
      [2, 2017, 'male', false, 'pdf:p1:t1:r4:c2'],
      [2, 2017, 'female', false, 'pdf:p1:t1:r4:c3'],
      [4, 2017, null, true, 'pdf:p1:t1:r4:c4'],
      [1051, 2018, 'male', false, 'pdf:p1:t1:r5:c2'],
      [7, 2018, 'female', false, 'pdf:p1:t1:r5:c3'],
      [1058, 2018, null, true, 'pdf:p1:t1:r5:c4'],
      [6, 2019, 'male', false, 'pdf:p2:t1:r2:c2'],
      [1, 2019, 'female', false, 'pdf:p2:t1:r2:c3'],
      [7, 2019, null, true, 'pdf:p2:t1:r2:c4'],
      [4, 2020, 'male', false, 'pdf:p2:t1:r3:c2'],
      [3, 2020, 'female', false, 'pdf:p2:t1:r3:c3'],
      [7, 2020, null, true, 'pdf:p2:t1:r3:c4'],
      [1071, null, 'male', true, 'pdf:p2:t1:r4:c2'],
      [14, null, 'female', true, 'pdf:p2:t1:r4:c3'],
      [1085, null, null, true, 'pdf:p2:t1:r4:c4'],
    ]);
    expect(new Set(f.map((x) => `${x.measure}/${x.event}`))).toEqual(new Set(['officers/suspended']));
  });

  it('keeps page text blocks with pdf:p<N> locators', async () => {
    const doc = await read('suspensions-two-pages.pdf');
    expect(doc.blocks[0]).toMatchObject({ text: 'Freedom of Information request 456/24: suspensions.', locator: 'pdf:p1', page: 1 });
    expect(doc.blocks.some((b) => b.locator === 'pdf:p2' && b.text === 'End of table.')).toBe(true);
  });

  it('a page without a text layer is a warning, the rest is read', async () => {
    const doc = await read('scanned.pdf');
    expect(doc.warnings).toEqual(['pdf:p2: no text layer (scanned image?)']);
    expect(doc.pages).toBe(2);
    expect(doc.blocks.map((b) => b.text)).toEqual(['Response to request 789/24. The scanned letter follows.']);
  });

  it('encrypted and truncated PDFs are ReadErrors with the reason', async () => {
    await expect(read('encrypted.pdf')).rejects.toThrow(new ReadError('encrypted PDF (password required)'));
    await expect(read('truncated.pdf')).rejects.toThrow(/^corrupt PDF \(/);
    await expect(read('truncated.pdf')).rejects.toBeInstanceOf(ReadError);
  });
});

describe('officer-level tables', () => {
  const EXPECTED = [
    ['police_officer', 'Police Constable', 'male', 'Assault', 'violence', 'convicted', 2019, 'Fine £500', 'dismissed'],
    ['police_officer', 'Detective Sergeant', 'female', 'Drink driving', 'driving', 'convicted', 2020, 'Disqualified 12 months and fined', 'serving'],
    ['pcso', null, 'male', 'Shoplifting', 'dishonesty', 'convicted', 2020, 'Conditional discharge', 'resigned'],
    ['special_constable', 'Special Constable', 'female', 'Possession of a class A drug', 'drugs', 'convicted', 2021, 'Community order', 'left'],
    ['police_officer', 'Detective Constable', 'male', 'Making indecent images of children', 'indecent_images', 'convicted', 2021, '18 months imprisonment', 'dismissed'],
  ];
  const SECRETS = ['Testperson', 'Fictional', 'Madeup', 'Notreal', 'Invented', 'Jonathan', '14/02/1981', '03/11/1990', '22/07/1995', '09/05/1988', '30/01/1979', '1981', '1979'];

  it.each([
    ['officers.xlsx', ['xlsx:Officers!C3:I3', 'xlsx:Officers!C7:I7']],
    ['officers-ruled.pdf', ['pdf:p1:t1:r2', 'pdf:p1:t1:r6']],
  ])('%s gives one case per officer, no names or dates of birth', async (name, locs) => {
    const rows = extractAttachment(await read(name), { sha256: SHA });
    expect(rows.figures).toEqual([]);
    expect(rows.cases.map((c) => [c.role, c.rank, c.gender, c.offence, c.offence_category, c.event, c.event_year, c.disposal, c.status_now])).toEqual(EXPECTED);
    expect(rows.cases[0].text).toBe('Police Officer | PC | Male | Assault | 2019 | Fine £500 | Dismissed');
    expect(rows.cases[2].text).toBe('PCSO | Male | Shoplifting | 2020 | Conditional discharge | Resigned');
    expect([rows.cases[0].locator, rows.cases[4].locator]).toEqual(locs);
    const json = JSON.stringify(rows);
    for (const s of SECRETS) expect(json).not.toContain(s);
  });
});

describe('xlsx', () => {
  it('repeats a merged cell into every slot it covers and reads each row as a line', async () => {
    const doc = await read('convictions.xlsx');
    const title = 'Police officers convicted of criminal offences, by offence type and year';
    expect(doc.tables[0].locator).toBe('xlsx:Convictions!A1:E9');
    expect(doc.tables[0].rows[0].map((c) => [c.text, c.locator])).toEqual(['A1', 'B1', 'C1', 'D1', 'E1'].map((a) => [title, `xlsx:Convictions!${a}`]));
    expect(doc.blocks[0]).toMatchObject({ text: title, locator: 'xlsx:Convictions!A1' });
    expect(doc.blocks[2]).toMatchObject({ text: 'Assault | 2 | 1 | 0 | 3', locator: 'xlsx:Convictions!A3:E3' });
    expect(doc.text.slice(doc.blocks[2].start, doc.blocks[2].end)).toBe('Assault | 2 | 1 | 0 | 3');
    // The notes sheet: prose for the text extractors, not a table.
    expect(doc.tables).toHaveLength(1);
    expect(doc.blocks[doc.blocks.length - 1]).toMatchObject({
      text: 'Figures are for calendar years and were correct when the request was answered.',
      locator: 'xlsx:Notes!A1',
    });
  });

  it('splits a sheet into tables at two blank rows, keeps one blank row inside a table, reads dates and formulas', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Data 2021');
    ws.getCell('B2').value = 'Year';
    ws.getCell('C2').value = 'Officers';
    ws.getCell('B3').value = 2020;
    ws.getCell('C3').value = 4;
    ws.getCell('B5').value = 2021;
    ws.getCell('C5').value = { formula: 'C3+1', result: 5 };
    ws.getCell('B8').value = 'Rank';
    ws.getCell('C8').value = 'Offence';
    ws.getCell('D8').value = 'Date of conviction';
    ws.getCell('B9').value = 'PC';
    ws.getCell('C9').value = 'Theft';
    ws.getCell('D9').value = new Date(Date.UTC(2021, 5, 14));
    ws.getCell('B200').font = { bold: true }; // formatting alone does not stretch the sheet
    const doc = await readXlsx(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(doc.tables.map((t) => t.locator)).toEqual(['xlsx:Data 2021!A2:D5', 'xlsx:Data 2021!A8:D9']);
    const rows = extractAttachment(doc, { sha256: SHA });
    expect(rows.figures.map((f) => [f.value, f.year, f.measure, f.label, f.locator])).toEqual([
      [4, 2020, 'officers', '2020 | Officers', 'xlsx:Data 2021!C3'],
      [5, 2021, 'officers', '2021 | Officers', 'xlsx:Data 2021!C5'],
    ]);
    expect(rows.cases.map((c) => [c.rank, c.offence, c.event_year, c.event_date, c.locator])).toEqual([['Police Constable', 'Theft', 2021, '2021-06-14', 'xlsx:Data 2021!B9:D9']]);
  });

  it('a workbook that is not a workbook is a ReadError', async () => {
    await expect(readXlsx(bytesOf('convictions.docx'))).rejects.toThrow(new ReadError('corrupt XLSX (the archive has no xl/workbook.xml)'));
  });

  it.each([
    [1, 'A'],
    [26, 'Z'],
    [27, 'AA'],
    [702, 'ZZ'],
    [703, 'AAA'],
  ])('column %i is %s', (n, want) => expect(columnLetters(n)).toBe(want));
});

describe('zip bomb guard', () => {
  it.each([['zip-bomb.xlsx', 'XLSX'], ['zip-bomb.docx', 'DOCX']])('%s is refused before it is inflated', async (name, what) => {
    await expect(read(name)).rejects.toThrow(`${what} refused: zip entry ${what === 'XLSX' ? 'xl/worksheets/sheet1.xml' : 'word/document.xml'} declares 4294967280 bytes from 35 (zip bomb?)`);
  });

  it('reads the declared sizes of a real workbook and lets it through', () => {
    const entries = zipEntries(bytesOf('convictions.xlsx'), 'XLSX');
    expect(entries.map((e) => e.name)).toContain('xl/worksheets/sheet1.xml');
    expect(() => assertSafeZip(bytesOf('convictions.xlsx'), 'XLSX')).not.toThrow();
  });

  it('refuses what is not a zip at all', () => {
    expect(() => assertSafeZip(new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3]), 'XLSX')).toThrow('corrupt XLSX (not a complete zip archive)');
  });
});

describe('csv', () => {
  it.each([
    ['a,b,c\n1,2,3\n', ','],
    ['a;b;c\n1;2;3\n', ';'],
    ['a\tb\tc\n1\t2\t3\n', '\t'],
    ['"x, y";b\n"1,5";2\n', ';'],
    ['one column\nvalue\n', ','],
  ])('sniffs the delimiter of %j', (text, want) => expect(sniffDelimiter(text)).toBe(want));

  it('reads a semicolon CSV into one table with csv:r<R>:c<C> locators and lines of text', () => {
    const doc = readCsv('\uFEFFOffence;2019;2020\r\nAssault;"1";2\r\n\r\nTheft;0;None\r\n');
    expect(doc.tables).toHaveLength(1);
    expect(doc.tables[0].rows.map((r) => r.map((c) => `${c.text}@${c.locator}`))).toEqual([
      ['Offence@csv:r1:c1', '2019@csv:r1:c2', '2020@csv:r1:c3'],
      ['Assault@csv:r2:c1', '1@csv:r2:c2', '2@csv:r2:c3'],
      ['@csv:r3:c1'],
      ['Theft@csv:r4:c1', '0@csv:r4:c2', 'None@csv:r4:c3'],
    ]);
    expect(doc.text).toBe('Offence | 2019 | 2020\nAssault | 1 | 2\nTheft | 0 | None');
    expect(doc.blocks.map((b) => b.locator)).toEqual(['csv:r1', 'csv:r2', 'csv:r4']);
    expect(extractAttachment(doc, { sha256: SHA }).figures.map((f) => [f.value, f.label, f.locator])).toEqual([
      [1, 'Assault | 2019', 'csv:r2:c2'],
      [2, 'Assault | 2020', 'csv:r2:c3'],
      [0, 'Theft | 2019', 'csv:r4:c2'],
      [0, 'Theft | 2020', 'csv:r4:c3'],
    ]);
  });
});

describe('docx', () => {
  it('paragraphs and headings as blocks, table cells with docx locators', async () => {
    const doc = await read('convictions.docx');
    expect(doc.title).toBe('Officer convictions');
    expect(doc.blocks.slice(0, 2).map((b) => [b.kind, b.text])).toEqual([
      ['heading', 'Officer convictions'],
      ['paragraph', 'The table below gives the number of officers convicted in each year.'],
    ]);
    expect(doc.tables.map((t) => t.locator)).toEqual(['docx:t1']);
    expect(doc.tables[0].rows[2][0]).toMatchObject({ text: 'Assault', locator: 'docx:t1:r3:c1' });
  });
});
