// Issue 14.1/14.2 cases not covered elsewhere, each generated here and bounded in time:
// a tiny XLSX whose one huge shared string fills 300 cells, a CSV wider than V8's argument
// limit, and the HTML reader's packed rows (rows packed as the parser closes them must read
// exactly as the same rows read from a full tree).
import * as XLSX from '@e965/xlsx';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractDisclosure } from '../../src/extract/disclosure.js';
import { trailingCapitalised } from '../../src/extract/redact.js';
import { parseDocument } from '../../src/pipeline/parse.js';
import { readCsv } from '../../src/readers/csv.js';
import { readHtml } from '../../src/readers/html.js';
import { loadHtml } from '../../src/readers/html-tree.js';
import { SHEET_LIMITS, readXlsx } from '../../src/readers/sheet.js';

const SHA = 'e'.repeat(64);

describe('a small XLSX with one 1,000,000-character shared string in 300 cells (issue 14.1)', () => {
  // SheetJS refuses to write a string over Excel's limit: a placeholder is swapped in the zip.
  const aoa = [['Note', 'Count'], ...Array.from({ length: 300 }, (_, i) => ['HUGE-PLACEHOLDER', i])];
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(aoa), 'Sheet1');
  const zip = XLSX.CFB.read(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', bookSST: true, compression: true }), { type: 'buffer' });
  const sst = zip.FullPaths.findIndex((p) => p.endsWith('xl/sharedStrings.xml'));
  const xml = Buffer.from(zip.FileIndex[sst].content as Uint8Array).toString('utf8');
  zip.FileIndex[sst].content = Buffer.from(xml.replace('HUGE-PLACEHOLDER', 'A'.repeat(1_000_000)));
  const bytes = new Uint8Array(XLSX.CFB.write(zip, { fileType: 'zip', compression: true, type: 'buffer' }) as Buffer);

  it('is small on disk (the string is stored once)', () => {
    expect(bytes.length).toBeLessThan(64 * 1024);
  });
  it('reads with every cell capped and a warning, the text bounded by the caps, not 300 MB', async () => {
    const doc = await readXlsx(bytes);
    const rows = doc.tables.flatMap((t) => t.rows);
    const notes = rows.flat().filter((c) => c.text.startsWith('AAAA'));
    expect(notes.length).toBeGreaterThan(0);
    for (const c of notes) expect(c.text.length).toBe(SHEET_LIMITS.maxCellChars);
    expect(doc.warnings.some((w) => w.includes(`cell text cut at ${SHEET_LIMITS.maxCellChars} characters`))).toBe(true);
    expect(doc.text.length).toBeLessThanOrEqual(SHEET_LIMITS.maxTotalChars + 1024 * 1024);
  }, 60_000);
  it('parses through the whole pipeline (read, extract, redact, validate) with its 300 counts', async () => {
    const d = await parseDocument({ bytes, name: 'huge-shared-string.xlsx' });
    expect(d.figures.filter((f) => f.locator.startsWith('xlsx:Sheet1!B'))).toHaveLength(300);
  }, 120_000);
});

describe('a CSV of 200,000 columns (past V8’s argument limit) reads and extracts (issue 14.2)', () => {
  it('gives a figure per value without overflowing the stack', () => {
    const N = 200_000;
    const head = ['Offence', ...Array.from({ length: N }, (_, i) => String(1900 + (i % 120)))];
    const row = ['Theft', ...Array.from({ length: N }, (_, i) => String(i % 7))];
    const doc = readCsv(`${head.join(',')}\n${row.join(',')}\n`);
    expect(doc.tables[0].rows[1]).toHaveLength(N + 1);
    const d = extractDisclosure(doc, { url: null, force: null, sha256: SHA });
    expect(d.figures.length).toBeGreaterThan(0);
  }, 120_000);
});

describe('HTML rows packed while parsing read as rows of a full tree', () => {
  // Spans, links in cells, header rows, a nested table, an h1 and role=main inside cells, rows
  // left open, text between rows (fostered before the table), a form around rows.
  const PAGES = [
    `<table><tr><th>A<th>B</tr><tr><td>x <a href="/f.pdf">File  one</a><td rowspan=2>R</tr><tr><td>y</td></tr><tr><td colspan=3>z</td></tr></table>`,
    `<table><tr><td><table><tr><td>inner</td></tr></table>outer</td><td>2</td></tr></table><p>after</p>`,
    `<main><table><tr><td><h1>Title in cell</h1></td></tr><tr><td><div role="main">m</div></td></tr></table></main>`,
    `<table><tr><td>a</td>stray<td>b</td></tr>foster<tr><td>1<td>2<tr><td><b>3<td>4</b></table>`,
    `<table><caption>Cap <a href="c">l</a></caption><thead><tr><th>h</tr></thead><tbody><tr><td>1</td></tr></tbody><tfoot><tr><td>t</td></tr></tfoot></table>`,
    `<table><tr><td>1</td></tr><form><tr><td>2</td></tr></form><tr><td><script>var a=1</script>3</td></tr></table>`,
  ].map((body) => `<!doctype html><html><head><title>T</title></head><body>${body}</body></html>`);

  it.each(PAGES.map((p, i) => [i, p]))('page %i: the same blocks, tables, links and text', (_i, page) => {
    const packed = readHtml(page as string, 'https://example.org/a/');
    loadHtml(page as string, { keep: true }); // the crawler's full tree, which the reader then takes
    const full = readHtml(page as string, 'https://example.org/a/');
    expect(packed).toEqual(full);
    expect(packed.tables.length).toBeGreaterThan(0);
  });
});

describe('the split-name check reads a line’s last capitalised word in one pass', () => {
  const REGEX = (line: string) => /(\p{Lu}[\p{L}'’-]+)[^\S\n]*$/u.exec(line)?.[1];
  it('finds what the regex it replaces finds, on any short line', () => {
    const ch = fc.constantFrom('A', 'b', 'Z', 'é', 'É', "'", '’', '-', ' ', '\t', '\n', '|', '1', '𝐀', '𝐚', 'Ş', '\u00a0');
    fc.assert(
      fc.property(fc.array(ch, { maxLength: 10 }), (cs) => {
        const line = cs.join('');
        expect(trailingCapitalised(line)).toBe(REGEX(line));
      }),
      { numRuns: 3000, seed: 20261130 },
    );
  });
});
