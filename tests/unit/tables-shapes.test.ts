// Issue 12 shapes on invented tables generated at test time (scripts/make-table-fixtures.mjs):
// stacked spreadsheet tables with titles, merged headings, footnote digits, withheld cells and
// notes in XLSX, XLS and ODS; a record list; an unruled PDF table with wrapped row labels
// continued under a letterhead. Issue 14 items 2-3: big tables without argument spreads, and
// only regular files read.
import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import { PDF_TITLE, STATS_TITLE, STATS_TITLE_2, recordListCsv, statsWorkbook, streamPdf } from '../../scripts/make-table-fixtures.mjs';
import { readRegularFile } from '../../src/files/read-file.js';
import { extractAttachment } from '../../src/extract/attachment.js';
import { extractDisclosure } from '../../src/extract/disclosure.js';
import { interpretTable } from '../../src/extract/tables.js';
import { readCsv } from '../../src/readers/csv.js';
import { readHtml } from '../../src/readers/html.js';
import { readDocument } from '../../src/readers/index.js';

const SHA = 'c'.repeat(64);
const rows = async (bytes: Uint8Array, name: string) => extractAttachment(await readDocument({ bytes, name }), { sha256: SHA });
const pick = (f: { value: number; label: string | null; year: number | null; period_start: string | null; period_end: string | null; is_total: boolean; text: string; locator: string }) =>
  [f.value, f.label, f.year, f.period_start, f.period_end, f.is_total, f.text, f.locator] as const;

describe('stacked spreadsheet tables, one model for XLSX, XLS and ODS', () => {
  const B2 = ` — ${STATS_TITLE}`;
  const B3 = ` — ${STATS_TITLE_2}`;
  const FY = [2019, '2019-04-01', '2020-03-31'] as const;
  const expected = (p: string) => [
    [100, `England and Wales | Incidents Children${B2}`, ...FY, false, '100', `${p}B5`],
    [200, `England and Wales | Incidents Adults${B2}`, ...FY, false, '200', `${p}C5`],
    [50, `England and Wales | Individuals Children${B2}`, ...FY, false, '50', `${p}E5`],
    [60, `England and Wales | Individuals Adults${B2}`, ...FY, false, '60', `${p}F5`],
    // The note digit is taken off the label (there is a note 1) and kept in the text.
    [10, `Durham | Incidents Children${B2}`, ...FY, false, 'Durham 1: 10', `${p}B6`],
    [20, `Durham | Incidents Adults${B2}`, ...FY, false, 'Durham 1: 20', `${p}C6`],
    // 5.000000000000001 as stored: the float tail is not part of the figure.
    [5, `Kent | Incidents Children${B2}`, ...FY, false, '5', `${p}B7`],
    [7, `Kent | Incidents Adults${B2}`, ...FY, false, '7', `${p}C7`],
    [3, `Kent | Individuals Children${B2}`, ...FY, false, '3', `${p}E7`],
    [4, `Kent | Individuals Adults${B2}`, ...FY, false, '4', `${p}F7`],
    // The second table under the notes has its own title, headings and periods.
    [3, `Kent | 2018${B3}`, 2018, '2018-01-01', '2018-12-31', false, '3', `${p}B14`],
    [4, `Kent | 2019${B3}`, 2019, '2019-01-01', '2019-12-31', false, '4', `${p}C14`],
    [7, `Kent | Total${B3}`, null, '2018-01-01', '2019-12-31', true, '7', `${p}D14`],
  ];
  it.each(['xlsx', 'xls', 'ods'])('%s', async (kind) => {
    const out = await rows(statsWorkbook(kind), `stats.${kind}`);
    const p = `${kind}:Missing people!`;
    expect(out.figures.map(pick)).toEqual(expected(p));
    // Withheld cells are reported, never counted as zero; no officer cases.
    expect(out.warnings).toEqual([`${p}E6: "x" is not an exact figure; not counted`, `${p}F6: "x" is not an exact figure; not counted`]);
    expect(out.cases).toEqual([]);
  });
});

describe('a record list (one row per crime) is summarised, never read as officers', () => {
  it('gives counts by each category column and the list length', async () => {
    const out = await rows(new TextEncoder().encode(recordListCsv()), 'crimes.csv');
    expect(out.cases).toEqual([]);
    expect(out.figures.map((f) => [f.value, f.label, f.year, f.offence, f.is_total, f.locator])).toEqual([
      [30, 'Records listed', null, null, true, 'csv:t1'],
      [15, 'Financial Year: 2019/2020', 2019, null, false, 'csv:t1:c2'],
      [15, 'Financial Year: 2020/2021', 2020, null, false, 'csv:t1:c2'],
      [10, 'Crime Type: VIOLENCE AGAINST THE PERSON', null, 'VIOLENCE AGAINST THE PERSON', false, 'csv:t1:c3'],
      [10, 'Crime Type: SEXUAL OFFENCES', null, 'SEXUAL OFFENCES', false, 'csv:t1:c3'],
      [10, 'Crime Type: THEFT', null, 'THEFT', false, 'csv:t1:c3'],
      [15, 'Outcome Description: Charged', null, null, false, 'csv:t1:c4'],
      [15, 'Outcome Description: No suspect identified', null, null, false, 'csv:t1:c4'],
    ]);
    expect(out.warnings).toEqual(['csv:t1: a list of 30 records (one per row, not officers), summarised as counts by Financial Year, Crime Type, Outcome Description']);
  });
});

describe('an unruled PDF table: wrapped row labels, a continuation under a letterhead, the period in the title', () => {
  it('gives every figure with its row, column, title and period', async () => {
    const out = await rows(await streamPdf(), 'uses.pdf');
    const T = ` — ${PDF_TITLE}`;
    const P = [null, '2019-04-01', '2021-03-31'] as const;
    expect(out.figures.map(pick)).toEqual([
      [12, `Avon and Somerset Constabulary | Drawn${T}`, ...P, false, '12', 'pdf:p1:t1:r2:c2'],
      [3, `Avon and Somerset Constabulary | Fired${T}`, ...P, false, '3', 'pdf:p1:t1:r2:c3'],
      [15, `Avon and Somerset Constabulary | Total${T}`, ...P, true, '15', 'pdf:p1:t1:r2:c4'],
      // The label wraps over two lines; its values sit on the last; the blank cell stays blank.
      [4, `British Transport Police (including the London Underground) | Drawn${T}`, ...P, false, '4', 'pdf:p1:t1:r3:c2'],
      [4, `British Transport Police (including the London Underground) | Total${T}`, ...P, true, '4', 'pdf:p1:t1:r3:c4'],
      [7, `Cheshire Constabulary | Drawn${T}`, ...P, false, '7', 'pdf:p1:t1:r4:c2'],
      [1, `Cheshire Constabulary | Fired${T}`, ...P, false, '1', 'pdf:p1:t1:r4:c3'],
      [8, `Cheshire Constabulary | Total${T}`, ...P, true, '8', 'pdf:p1:t1:r4:c4'],
      // Page 2: no heading row, a letterhead above; the same table goes on. '-' is zero.
      [2, `Dorset Police | Drawn${T}`, ...P, false, '2', 'pdf:p2:t1:r1:c2'],
      [0, `Dorset Police | Fired${T}`, ...P, false, '-', 'pdf:p2:t1:r1:c3'],
      [2, `Dorset Police | Total${T}`, ...P, true, '2', 'pdf:p2:t1:r1:c4'],
      [25, `Total | Drawn${T}`, ...P, true, '25', 'pdf:p2:t1:r2:c2'],
      [4, `Total | Fired${T}`, ...P, true, '4', 'pdf:p2:t1:r2:c3'],
      [29, `Total | Total${T}`, ...P, true, '29', 'pdf:p2:t1:r2:c4'],
    ]);
  });
});

describe('big tables: linear readers, no argument spread over a table (issue 14.2)', () => {
  // Sizes past V8's argument limit (~120k), where `push(...rows)` and `Math.max(...rows)` threw.
  const N = 150_000;
  it(`a ${N}-row CSV reads and interprets`, () => {
    const lines = ['Offence,Year,Count'];
    for (let i = 0; i < N; i++) lines.push(`Offence ${i},${2000 + (i % 20)},${i % 97}`);
    const doc = readCsv(lines.join('\n'));
    expect(doc.tables[0].rows).toHaveLength(N + 1);
    const out = interpretTable(doc.tables[0], { sha256: SHA });
    expect(out.figures).toHaveLength(N);
    expect(out.figures[N - 1]).toMatchObject({ value: (N - 1) % 97, year: 2000 + ((N - 1) % 20), locator: `csv:r${N + 1}:c3` });
  }, 120_000);
  it(`a page of one ${N}-row table reads and extracts`, () => {
    const parts = ['<html><body><table><tr><th>Offence</th><th>2019</th></tr>'];
    for (let i = 0; i < N; i++) parts.push(`<tr><td>Offence ${i}</td><td>${i % 9}</td></tr>`);
    parts.push('</table></body></html>');
    const doc = readHtml(parts.join(''));
    expect(doc.tables[0].rows).toHaveLength(N + 1);
    const d = extractDisclosure(doc, { url: null, force: null, sha256: SHA });
    expect(d.figures).toHaveLength(N);
  }, 120_000);
});

describe('only regular files are read (issue 14.3)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'foi-files-'));
  it('refuses a symlink to /dev/zero without reading it', async () => {
    const link = join(dir, 'zero.pdf');
    symlinkSync('/dev/zero', link);
    await expect(readRegularFile(link)).rejects.toThrow(/not a regular file \(a device\)/);
  });
  it('refuses a FIFO without waiting for a writer', async () => {
    const fifo = join(dir, 'pipe.html');
    execFileSync('mkfifo', [fifo]);
    await expect(readRegularFile(fifo)).rejects.toThrow(/not a regular file \(a FIFO\)/);
  });
  it('stops at the cap while reading', async () => {
    const f = join(dir, 'big.txt');
    writeFileSync(f, 'x'.repeat(2048));
    await expect(readRegularFile(f, 1024)).rejects.toThrow(/exceeds the 1024-byte cap/);
    expect((await readRegularFile(f, 4096)).length).toBe(2048);
  });
});
