// With FOI_HARVEST_PDF_THREADS=2 a long PDF is read on two pdf.js worker threads (pages to
// whichever has fewer in hand), a short one, or any by default, on one: either way the pages come out in order, each page's text and table rows its own,
// a table running over pages joined into one. The letters are made here with pdfkit, their
// expected text and rows taken from what was drawn.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readPdf } from '../../src/readers/pdf.js';
import { pdfOf } from '../support/pdfkit.js';

const ROWS_PER_PAGE = 6;
const row = (p: number, r: number) => [`Officer ${p}-${r}`, String(2000 + p * 10 + r), r % 2 ? 'Dismissed' : 'Resigned'];

/** `pages` pages: a heading naming the page, then a ruled (even pages) or unruled (odd) table that continues from page to page with its header repeated. */
function letter(pages: number): Promise<Uint8Array> {
  return pdfOf((doc) => {
    for (let p = 1; p <= pages; p++) {
      if (p > 1) doc.addPage();
      doc.font('Helvetica-Bold').fontSize(12).text(`Disclosure schedule, page ${p} of ${pages}`, 50, 50);
      const rows = [['Officer', 'Year', 'Outcome'], ...Array.from({ length: ROWS_PER_PAGE }, (_, r) => row(p, r + 1))];
      let top = 100;
      for (const [i, cells] of rows.entries()) {
        let left = 50;
        for (const text of cells) {
          if (p % 2 === 0) doc.lineWidth(0.75).rect(left, top, 150, 18).stroke();
          doc.font(i === 0 ? 'Helvetica-Bold' : 'Helvetica').fontSize(9).text(text, left + 4, top + 5, { width: 142, lineBreak: false });
          left += 150;
        }
        top += 18;
      }
    }
  });
}

/** `run` with FOI_HARVEST_PDF_THREADS set to `threads` (unset: the default). */
async function withThreads<T>(threads: string | undefined, run: () => Promise<T>): Promise<T> {
  const before = process.env.FOI_HARVEST_PDF_THREADS;
  if (threads === undefined) delete process.env.FOI_HARVEST_PDF_THREADS;
  else process.env.FOI_HARVEST_PDF_THREADS = threads;
  try {
    return await run();
  } finally {
    if (before === undefined) delete process.env.FOI_HARVEST_PDF_THREADS;
    else process.env.FOI_HARVEST_PDF_THREADS = before;
  }
}

// These letters' text pdf-text reads without pdf.js; here pdf.js reads them, on its threads.
beforeAll(() => vi.stubEnv('FOI_HARVEST_PDF_TEXT', 'pdfjs'));
afterAll(() => vi.unstubAllEnvs());

describe('readPdf on one thread and on two', () => {
  it.each([
    [1, undefined],
    [9, undefined],
    [1, '2'],
    [3, '2'],
    [4, '2'],
    [9, '2'],
  ])('%i page(s), FOI_HARVEST_PDF_THREADS=%s: pages in order, one table over all of them', async (pages, threads) => {
    const read = await withThreads(threads, async () => readPdf(await letter(pages)));
    expect(read.pages).toBe(pages);
    // Each page's heading, in page order, on its own page.
    const headings = read.blocks.filter((b) => b.text.startsWith('Disclosure schedule'));
    expect(headings.map((b) => [b.text, b.locator])).toEqual(Array.from({ length: pages }, (_, i) => [`Disclosure schedule, page ${i + 1} of ${pages}`, `pdf:p${i + 1}`]));
    const at = (s: string) => read.text.indexOf(s);
    for (let p = 1; p < pages; p++) expect(at(`page ${p} of`)).toBeLessThan(at(`page ${p + 1} of`));
    // The table: its header once, then every page's rows in order.
    expect(read.tables).toHaveLength(1);
    const rows = read.tables[0].rows.map((r) => r.map((c) => c.text));
    expect(rows).toEqual([['Officer', 'Year', 'Outcome'], ...Array.from({ length: pages }, (_, p) => Array.from({ length: ROWS_PER_PAGE }, (_, r) => row(p + 1, r + 1))).flat()]);
  });

  it('a long letter reads the same on two threads as on one', async () => {
    const bytes = await letter(9);
    const one = await withThreads('1', () => readPdf(bytes));
    expect(await withThreads('2', () => readPdf(bytes))).toEqual(one);
  });

  it('several long documents at once on two threads each read as alone on one', async () => {
    const bytes = await Promise.all([4, 6, 9].map(letter));
    const alone = [];
    for (const b of bytes) alone.push(await withThreads('1', () => readPdf(b)));
    const together = await withThreads('2', () => Promise.all([...bytes, ...bytes].map((b) => readPdf(b))));
    expect(together).toEqual([...alone, ...alone]);
  });
});
