// PDF → page-by-page text blocks with `pdf:p<N>` locators, and tables: ruled ones from the
// drawn grid (pdf-parse getTable), unruled ones rebuilt from text positions (pdf-layout),
// a table that runs onto the next page joined into one. pdf.js runs without eval, and the
// parser is always destroyed, even when the document is broken.
import { PDFParse } from 'pdf-parse';
import { findLayoutTables, groupLines, isFooterLine, type LayoutTable, type PositionedText, type TextLine } from './pdf-layout.js';
import { linesToBlocks } from './text.js';
import { ReadError, type Block, type Cell, type ReadResult, type Table } from './types.js';

/** Table detection stops here: beyond it a document is a report, and its text is still read. */
const MAX_TABLE_PAGES = 300;

/** The pdf.js objects we touch (pdf-parse loads them; its own typings keep them private). */
interface PdfPage {
  getTextContent(): Promise<{ items: Array<{ str?: string; transform?: number[]; width?: number; height?: number }> }>;
  cleanup(): void;
}
interface PdfDoc {
  numPages: number;
  getPage(n: number): Promise<PdfPage>;
}

interface PageTable {
  page: number;
  rows: string[][];
  /** Known for tables rebuilt from positions (or matched to one). */
  columns?: number[];
  firstLine?: number;
  lastLine?: number;
  lineCount: number;
  caption?: string;
}

export async function readPdf(bytes: Uint8Array): Promise<ReadResult> {
  const parser = new PDFParse({ data: new Uint8Array(bytes), isEvalSupported: false, verbosity: 0 } as ConstructorParameters<typeof PDFParse>[0]);
  try {
    let result;
    try {
      result = await parser.getText();
    } catch (e) {
      throw readErrorOf(e);
    }
    const warnings: string[] = [];
    const blocks: Block[] = [];
    let text = '';
    for (const page of result.pages) {
      const pageText = page.text ?? '';
      if (!pageText.trim()) warnings.push(`pdf:p${page.num}: no text layer (scanned image?)`);
      if (text) text += '\n';
      const offset = text.length;
      text += pageText;
      for (const b of linesToBlocks(pageText)) {
        blocks.push({ ...b, start: b.start + offset, end: b.end + offset, locator: `pdf:p${page.num}`, page: page.num });
      }
    }
    const tables = await readTables(parser, result.pages.length, warnings);
    return { mediaType: 'application/pdf', text, blocks, tables, links: [], title: null, pages: result.pages.length, warnings };
  } finally {
    await parser.destroy().catch(() => undefined);
  }
}

function readErrorOf(e: unknown): ReadError {
  const msg = e instanceof Error ? e.message : String(e);
  const name = e instanceof Error ? e.name : '';
  if (/password/i.test(msg) || name === 'PasswordException') return new ReadError('encrypted PDF (password required)');
  return new ReadError(`corrupt PDF (${msg.split('\n')[0]})`);
}

async function readTables(parser: PDFParse, numPages: number, warnings: string[]): Promise<Table[]> {
  const pages = Math.min(numPages, MAX_TABLE_PAGES);
  if (numPages > MAX_TABLE_PAGES) warnings.push(`pdf: tables read from the first ${MAX_TABLE_PAGES} of ${numPages} pages only`);
  let ruled: { num: number; tables: string[][][] }[] = [];
  try {
    ruled = (await parser.getTable({ first: pages })).pages;
  } catch (e) {
    warnings.push(`pdf: ruled tables could not be read (${(e instanceof Error ? e.message : String(e)).split('\n')[0]})`);
  }
  // The document is loaded by now; pdf-parse keeps it behind a private accessor.
  const doc = await (parser as unknown as { load(): Promise<PdfDoc> }).load();
  const perPage: PageTable[][] = [];
  for (let n = 1; n <= pages; n++) {
    let lines: TextLine[] = [];
    try {
      const page = await doc.getPage(n);
      try {
        const content = await page.getTextContent();
        lines = groupLines(content.items.filter((i) => typeof i.str === 'string' && i.transform).map(toPositioned));
      } finally {
        page.cleanup();
      }
    } catch (e) {
      // One unreadable page loses its unruled tables, not the document.
      warnings.push(`pdf:p${n}: text positions could not be read (${(e instanceof Error ? e.message : String(e)).split('\n')[0]})`);
    }
    const layout = findLayoutTables(lines);
    const found: PageTable[] = [];
    const grids = (ruled.find((p) => p.num === n)?.tables ?? []).filter((t) => t.length && t.some((r) => r.some((c) => c.trim())));
    const matched = new Set<LayoutTable>();
    for (const grid of grids) {
      // A ruled table is also seen by the position reader: keep the ruled cells, borrow the position.
      const twin = layout.find((l) => !matched.has(l) && overlap(grid, l.rows) >= 0.5);
      if (twin) matched.add(twin);
      found.push({ page: n, rows: grid.map((r) => r.map(cleanCell)), columns: twin?.columns, firstLine: twin?.firstLine, lastLine: twin?.lastLine, lineCount: lines.length, caption: twin?.caption });
    }
    for (const l of layout) if (!matched.has(l)) found.push({ page: n, rows: l.rows, columns: l.columns, firstLine: l.firstLine, lastLine: l.lastLine, lineCount: lines.length, caption: l.caption });
    found.sort((a, b) => (a.firstLine ?? Infinity) - (b.firstLine ?? Infinity));
    perPage.push(found.map((t) => ({ ...t, ...edgeInfo(t, lines) })));
  }
  return joinAcrossPages(perPage);
}

function toPositioned(i: { str?: string; transform?: number[]; width?: number; height?: number }): PositionedText {
  const t = i.transform!;
  const size = Math.abs(i.height || 0) || Math.hypot(t[2], t[3]) || 10;
  return { str: i.str ?? '', x: t[4], y: t[5], width: i.width ?? 0, size };
}

const cleanCell = (s: string) => s.replace(/[\s\u00a0]+/g, ' ').trim();

/** Share of one grid's non-empty cells that also stand in the other. */
function overlap(a: string[][], b: string[][]): number {
  const cells = a.flat().map(cleanCell).filter(Boolean);
  const other = new Set(b.flat().map(cleanCell).filter(Boolean));
  const joined = b.map((r) => r.join(' ')).join(' ');
  if (!cells.length) return 0;
  return cells.filter((c) => other.has(c) || joined.includes(c)).length / cells.length;
}

/** Whether a table is the last thing on its page and the first (footers aside): a split candidate. */
function edgeInfo(t: PageTable, lines: TextLine[]): { atTop?: boolean; atBottom?: boolean } {
  if (t.firstLine === undefined || t.lastLine === undefined) return {};
  const content = (from: number, to: number) => lines.slice(from, to).some((l) => !isFooterLine(l));
  const captionLines = t.caption ? 1 : 0;
  return { atTop: !content(0, t.firstLine - captionLines), atBottom: !content(t.lastLine + 1, lines.length) };
}

type Edged = PageTable & { atTop?: boolean; atBottom?: boolean };

/** Page tables → Tables with cell locators; a table continued on the next page becomes one, its repeated header dropped. */
function joinAcrossPages(perPage: Edged[][]): Table[] {
  const out: Table[] = [];
  let open: Table | null = null;
  let openPart: Edged | null = null;
  for (const tables of perPage) {
    for (let k = 0; k < tables.length; k++) {
      const t = tables[k];
      const tIndex = k + 1;
      const cells = (skip: number): Cell[][] =>
        t.rows.slice(skip).map((r, i) => r.map((text, c) => ({ text, locator: `pdf:p${t.page}:t${tIndex}:r${i + 1 + skip}:c${c + 1}` })));
      if (open && openPart && k === 0 && continues(openPart, t)) {
        const repeated = sameRow(openPart.rows[0], t.rows[0]) || sameRow(open.rows[0].map((c) => c.text), t.rows[0]);
        open.rows.push(...cells(repeated ? 1 : 0));
        openPart = t;
        continue;
      }
      open = { locator: `pdf:p${t.page}:t${tIndex}`, rows: cells(0), page: t.page, caption: t.caption };
      out.push(open);
      openPart = t;
    }
    // Only the last table of a page may run onto the next page; a page without tables ends any.
    if (!tables.length || tables[tables.length - 1] !== openPart) {
      open = null;
      openPart = null;
    }
  }
  return out;
}

function sameRow(a: string[] | undefined, b: string[] | undefined): boolean {
  if (!a || !b || a.length !== b.length) return false;
  return a.every((x, i) => cleanCell(x).toLowerCase() === cleanCell(b[i]).toLowerCase()) && a.some((x) => x.trim());
}

/** The first table of page p+1 continues `prev` (last table of page p) when the columns agree and it repeats the header or sits where a continuation would. */
function continues(prev: Edged, next: Edged): boolean {
  if (next.page !== prev.page + 1) return false;
  const width = (t: Edged) => Math.max(...t.rows.map((r) => r.length));
  if (width(prev) !== width(next)) return false;
  if (sameRow(prev.rows[0], next.rows[0])) return true;
  if (!prev.columns || !next.columns || !prev.atBottom || !next.atTop) return false;
  return prev.columns.every((x, i) => Math.abs(x - next.columns![i]) <= 6);
}
