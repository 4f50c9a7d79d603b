// PDF → page-by-page text blocks with `pdf:p<N>` locators, and tables: ruled ones from the
// drawn grid (pdf-parse's finder, fed the page's stroked paths), unruled ones rebuilt from text
// positions (pdf-layout), a table that runs onto the next page joined into one. pdf.js runs
// without eval, and the parser is always destroyed, even when the document is broken.
import { acquirePdfWorker, loadPdfParse, pdfThreads, WorkerStopped, type PdfThread } from './pdf-runtime.js';
import { pageLines, type PageRef } from './pdf-lines.js';
import { ruledGrid } from './pdf-grid.js';
import { openOwn } from './pdf-text.js';
import type { PathOps } from './pdf-paths.js';
import { findLayoutTables, groupLines, isFooterLine, type LayoutTable, type PositionedText, type TextLine } from './pdf-layout.js';
import { ocrMayRead, ocrSession, type OcrOptions } from './ocr/index.js';
import { linesToBlocks } from './text.js';
import { ReadError, type Block, type Cell, type ReadResult, type Table } from './types.js';

/** Table detection stops here: beyond it a document is a report, and its text is still read. */
const MAX_TABLE_PAGES = 300;
/** Pages whose text the worker reads ahead of the one being laid out (one more is in flight). */
const PAGES_AHEAD = 2;
/** From this many pages a document is opened on a second worker thread too, which reads some of its pages. */
const SPLIT_FROM = 4;

/** The pdf.js objects we touch (pdf-parse loads them; its own typings keep them private). */
interface TextItem {
  str?: string;
  transform?: number[];
  width?: number;
  height?: number;
  hasEOL?: boolean;
}
interface Viewport {
  transform: number[];
  convertToViewportPoint(x: number, y: number): number[];
}
interface PdfPage {
  ref?: PageRef | null;
  getTextContent(): Promise<{ items: TextItem[] }>;
  getViewport(opts: { scale: number }): Viewport;
  cleanup(): void;
}
interface PdfDoc {
  numPages: number;
  getPage(n: number): Promise<PdfPage>;
}
/** pdf-parse's ruled-table finder: lines and rectangles from the page's operator list. */
interface RuledGrid {
  normalize(): void;
  getTableData(): Array<{ findCell(x: number, y: number): { text: string[] } | null | undefined; toArray(): string[][] }>;
}
interface TableFinder {
  getPageTables(page: Pick<PdfPage, 'getViewport'> & { getOperatorList?(): Promise<PathOps> }): Promise<RuledGrid>;
}

interface PageTable {
  page: number;
  rows: string[][];
  /** Known for tables rebuilt from positions (or matched to one). */
  columns?: number[];
  ends?: number[];
  firstLine?: number;
  lastLine?: number;
  lineCount: number;
  caption?: string;
  /** Locator of the page: `pdf:p2`, or `pdf:p2:ocr` when its text was read by OCR. */
  at?: string;
}

/**
 * A PDF's text blocks and tables: read on this thread where that reading is certain (readOwn),
 * else by pdf.js (readWithPdfjs); both lay pages out alike (PageAssembler).
 */
export async function readPdf(bytes: Uint8Array, options: { ocr?: Partial<OcrOptions> } = {}): Promise<ReadResult> {
  return (await readOwn(bytes, options)) ?? readWithPdfjs(bytes, options);
}

/**
 * The document read on this thread (pdf-text), page by page as it is laid out, when that reading
 * is certain for every page and nothing else needs pdf.js: no page that OCR may be asked to read,
 * and every page that may hold a table with its drawn lines read here too (pdf-lines, pdf-grid).
 * Null, whatever was laid out so far dropped: pdf.js reads it all. Each page's items die with its
 * layout (all of them kept until the last page was most of what a long document promoted to the
 * old generation). FOI_HARVEST_PDF_TEXT=pdfjs always leaves it to pdf.js (the tests compare the two).
 */
async function readOwn(bytes: Uint8Array, options: { ocr?: Partial<OcrOptions> }): Promise<ReadResult | null> {
  if (process.env.FOI_HARVEST_PDF_TEXT === 'pdfjs') return null;
  const doc = openOwn(bytes);
  if ('why' in doc) return null;
  const linesFor = pageLines(bytes, doc.file);
  const out = new PageAssembler(doc.numPages);
  for (let n = 1; n <= doc.numPages; n++) {
    const page = doc.page(n);
    if ('why' in page || ocrMayRead(page.items, options.ocr)) return null;
    const lines = linesOf(page.items);
    const drawn = n <= out.tablePages && mayHoldTable(lines) ? linesFor(page.ref, page.content, page.paths) : null;
    if (drawn?.kind === 'pdfjs') return null;
    const viewport = viewportOf(page.view);
    // The ruled grid from the paths read here (pdf-grid: pdf-parse's finder without loading pdf.js).
    const grid = drawn?.kind === 'own' ? ruledGrid<RuledGrid>(drawn.ops, viewport.transform) : null;
    grid?.catch(() => undefined);
    await out.add(n, `pdf:p${n}`, page.items, lines, viewport, grid);
  }
  return out.result();
}

/** pdf.js's PageViewport at scale 1 for an unrotated page: the same transform, to the last bit. */
function viewportOf(viewBox: number[]): Viewport {
  // pdf.js's arithmetic with rotation [1 0 0 -1] and scale 1, its products by 1 and 0 dropped
  // (each exact), so every bit is the same: y flipped about the box's centre, x moved to its left edge.
  const centerX = (viewBox[2] + viewBox[0]) / 2;
  const centerY = (viewBox[3] + viewBox[1]) / 2;
  const transform = [1, 0, 0, -1, Math.abs(centerX - viewBox[0]) - centerX, Math.abs(centerY - viewBox[1]) + centerY];
  return { transform, convertToViewportPoint: (x, y) => [x * transform[0] + y * transform[2] + transform[4], x * transform[1] + y * transform[3] + transform[5]] };
}

/** Pages, laid out in turn, into the document's text, blocks and tables. */
class PageAssembler {
  private text = '';
  private readonly blocks: Block[] = [];
  private readonly perPage: PageTable[][] = [];
  readonly warnings: string[] = [];
  private readonly ruledFailed = { reported: false };
  /** Pages whose tables are read (the first MAX_TABLE_PAGES). */
  readonly tablePages: number;

  constructor(private readonly numPages: number) {
    this.tablePages = Math.min(numPages, MAX_TABLE_PAGES);
    if (numPages > MAX_TABLE_PAGES) this.warnings.push(`pdf: tables read from the first ${MAX_TABLE_PAGES} of ${numPages} pages only`);
  }

  async add(n: number, at: string, items: TextItem[], lines: TextLine[], viewport: Viewport, grid: Promise<RuledGrid> | null): Promise<void> {
    const pageText = pageTextOf(items, viewport);
    if (!pageText.trim()) this.warnings.push(`pdf:p${n}: no text layer (scanned image?)`);
    if (this.text) this.text += '\n';
    const offset = this.text.length;
    this.text += pageText;
    for (const b of paragraphBlocks(pageText)) {
      this.blocks.push({ kind: b.kind, text: b.text, start: b.start + offset, end: b.end + offset, locator: at, page: n });
    }
    if (n <= this.tablePages) this.perPage.push((await pageTables(grid, n, items, lines, viewport, this.warnings, this.ruledFailed)).map((t) => ({ ...t, at })));
  }

  result(): ReadResult {
    return { mediaType: 'application/pdf', text: this.text, blocks: this.blocks, tables: joinAcrossPages(this.perPage), links: [], title: null, pages: this.numPages, warnings: this.warnings };
  }
}

/**
 * With pdf.js: one text pass per page serves the page's text, the positions for unruled tables
 * and the cells of ruled ones. The drawn lines (for ruled tables) are looked for only on pages
 * whose text is laid out in columns somewhere, since a ruled table's text is too: read from the
 * page's content here where it can be (pdf-lines, pdf-paths), else from pdf.js's operator list.
 * pdf.js parses on its worker thread (two for a long document with FOI_HARVEST_PDF_THREADS=2;
 * pdf-runtime), a few pages ahead of the page laid out here.
 */
async function readWithPdfjs(bytes: Uint8Array, options: { ocr?: Partial<OcrOptions> }): Promise<ReadResult> {
  const starting = acquirePdfWorker(); // the worker thread starts while pdf-parse loads
  starting.catch(() => undefined);
  const { PDFParse } = await loadPdfParse();
  const thread = await starting;
  const threads: PdfThread[] = [thread];
  // A pdf.js call that would wait forever on a stopped worker thread fails instead.
  const live = <T>(p: Promise<T>): Promise<T> => threads.reduce((q, t) => t.live(q), p);
  const open = (t: PdfThread) => new PDFParse({ data: new Uint8Array(bytes), isEvalSupported: false, verbosity: 0, worker: t.worker } as ConstructorParameters<typeof PDFParse>[0]);
  // pdf-parse keeps the loaded document behind this accessor.
  const load = (p: InstanceType<typeof PDFParse>) => (p as unknown as { load(): Promise<PdfDoc> }).load();
  const parser = open(thread);
  const parsers = [parser];
  let closed = false;
  try {
    let doc: PdfDoc;
    try {
      doc = await live(load(parser));
    } catch (e) {
      throw readErrorOf(e);
    }
    const out = new PageAssembler(doc.numPages);
    const ocr = ocrSession(doc, out.warnings, options.ocr);
    const finder = parser as unknown as TableFinder;
    // A page's drawn lines: none where its content strokes nothing, its paths read here where they
    // can be (pdf-lines, pdf-paths), else pdf.js's operator list.
    const linesFor = pageLines(bytes);
    const gridOf = (page: PdfPage): Promise<RuledGrid> | null => {
      const known = linesFor(page.ref);
      if (known.kind === 'none') return null;
      if (known.kind === 'pdfjs') return live(finder.getPageTables(page));
      return finder.getPageTables({ getViewport: (o) => page.getViewport(o), getOperatorList: async () => known.ops });
    };
    // The pages are read on the worker threads that hold the document, each page by the one with
    // fewer pages in hand. With two threads allowed, a long document is opened on the second too, as
    // soon as that is ready (its pages go to the first until then); one it fails to open there is read on one.
    const readers: Array<{ doc: PdfDoc; inHand: number }> = [{ doc, inHand: 0 }];
    if (doc.numPages >= SPLIT_FROM && pdfThreads() > 1) {
      void (async () => {
        const t = await acquirePdfWorker(1);
        if (closed) return t.release();
        const p = open(t);
        try {
          const other = await t.live(load(p));
          if (!closed && other.numPages === doc.numPages) {
            threads.push(t);
            parsers.push(p);
            readers.push({ doc: other, inHand: 0 });
            return;
          }
        } catch {
          // read on the first thread alone
        }
        await p.destroy().catch(() => undefined);
        t.release();
      })().catch(() => undefined);
    }
    // The workers read the next pages' text while this thread lays out the current one; a page
    // whose text is laid out in columns has its drawn lines asked for as soon as its text is in,
    // so that a worker reads them while this thread is still on an earlier page.
    type Fetched = { page: PdfPage; items: TextItem[]; lines: TextLine[]; grid: Promise<RuledGrid> | null; done(): void };
    const fetchPage = (n: number): Promise<Fetched> => {
      const reader = readers.reduce((a, b) => (b.inHand < a.inHand ? b : a));
      reader.inHand++;
      const p = live(reader.doc.getPage(n)).then(async (page) => {
        const items = (await live(page.getTextContent())).items;
        const lines = linesOf(items);
        const grid = n <= out.tablePages && mayHoldTable(lines) ? gridOf(page) : null;
        grid?.catch(() => undefined); // awaited (and its failure reported) when the page is laid out
        return { page, items, lines, grid, done: () => reader.inHand-- };
      });
      p.catch(() => undefined); // awaited in turn below; a page fetched ahead of a failure is never awaited
      return p;
    };
    const ahead: Array<Promise<Fetched>> = [];
    let fetched = 0;
    const fetchAhead = () => {
      while (fetched < doc.numPages && ahead.length < (PAGES_AHEAD + 1) * readers.length) ahead.push(fetchPage(++fetched));
    };
    fetchAhead();
    for (let n = 1; n <= doc.numPages; n++) {
      let page: PdfPage;
      let items: TextItem[];
      let lines: TextLine[];
      let grid: Promise<RuledGrid> | null;
      let viewport: Viewport;
      let done: () => void;
      try {
        ({ page, items, lines, grid, done } = await ahead.shift()!);
        viewport = page.getViewport({ scale: 1 });
      } catch (e) {
        throw readErrorOf(e);
      }
      done();
      fetchAhead();
      // A page without a usable text layer is read by OCR: its words, placed as text items, go through the same logic.
      const scanned = await live(ocr.page(n, items));
      if (scanned) {
        ({ items, viewport } = scanned);
        lines = linesOf(items);
        // The drawn lines are the page's whoever read its text; asked for now if the OCR text alone has columns.
        grid = mayHoldTable(lines) ? (grid ?? gridOf(page)) : null;
      }
      const at = scanned ? `pdf:p${n}:ocr` : `pdf:p${n}`;
      try {
        await out.add(n, at, items, lines, viewport, grid);
      } finally {
        page.cleanup();
      }
    }
    ocr.finish();
    return out.result();
  } catch (e) {
    throw e instanceof WorkerStopped ? readErrorOf(e) : e;
  } finally {
    closed = true;
    await Promise.all(parsers.map((p) => live(p.destroy()).catch(() => undefined)));
    for (const t of threads) t.release();
  }
}

// A printed line that runs to the right margin wraps: the next line goes on with the same sentence,
// unless it opens a list item. Table rows (pieces set apart by tabs) are never joined.
const ITEM_OPENS = /^(?:[-•–·*▪◦●]|\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)]\s|Q\d|(?:question|request|answer)\s+\d)/i;
const WRAPS_AT = 0.8;

/**
 * The page's lines as blocks, a paragraph wrapped over several lines as one block (its text with
 * the line breaks as spaces, so offsets within it are offsets into the page text).
 */
export function paragraphBlocks(pageText: string): Block[] {
  const lines = linesToBlocks(pageText);
  let widest = 0;
  for (const l of lines) if (!l.text.includes('\t') && l.text.length > widest) widest = l.text.length;
  if (widest < 50) return lines;
  // The lines are this function's own: a block that wraps on is the first of its lines, grown.
  const out: Block[] = [];
  // The length of each block's last printed line.
  const lastLineLength: number[] = [];
  for (const l of lines) {
    const prev = out[out.length - 1];
    const wraps =
      prev &&
      lastLineLength[out.length - 1] >= WRAPS_AT * widest &&
      !prev.text.includes('\t') &&
      !l.text.includes('\t') &&
      !/:\s*$/.test(prev.text) &&
      // A sentence that ends at the margin, then a capital: most often the next paragraph.
      !(/[.?!]["”’)]?\s*$/.test(prev.text) && /^["“‘(]?[A-Z0-9]/.test(l.text)) &&
      !ITEM_OPENS.test(l.text) &&
      /^[ \t]*\r?\n[ \t]*$/.test(pageText.slice(prev.end, l.start));
    if (wraps) {
      prev.end = l.end;
      prev.text = pageText.slice(prev.start, prev.end).replace(/\r?\n/g, ' ');
      prev.kind = 'paragraph';
      prev.locator = `char:${prev.start}-${prev.end}`;
      lastLineLength[out.length - 1] = l.text.length;
    } else {
      out.push(l);
      lastLineLength.push(l.text.length);
    }
  }
  return out;
}

function readErrorOf(e: unknown): ReadError {
  if (e instanceof WorkerStopped) return new ReadError(`PDF not read: ${e.message}`);
  const msg = e instanceof Error ? e.message : String(e);
  const name = e instanceof Error ? e.name : '';
  if (/password/i.test(msg) || name === 'PasswordException') return new ReadError('encrypted PDF (password required)');
  return new ReadError(`corrupt PDF (${msg.split('\n')[0]})`);
}

// pdf-parse's getText() defaults: a line break where the baseline moves by more than
// LINE_THRESHOLD, a tab between pieces on one line more than CELL_THRESHOLD apart.
const LINE_THRESHOLD = 4.6;
const CELL_THRESHOLD = 7;

/** A page's text exactly as pdf-parse's getText() builds it (same items, same defaults), without a second pdf.js pass. */
export function pageTextOf(items: TextItem[], viewport: Pick<Viewport, 'convertToViewportPoint'>): string {
  const out: string[] = [];
  let lastX: number | undefined;
  let lastY: number | undefined;
  let lineHeight = 0;
  for (const item of items) {
    if (typeof item.str !== 'string' || !item.transform) continue;
    let str = item.str;
    const [x, y] = viewport.convertToViewportPoint(item.transform[4], item.transform[5]);
    if (lastY !== undefined && Math.abs(lastY - y) > LINE_THRESHOLD) {
      const last = out.length ? out[out.length - 1] : undefined;
      const startsLine = str.startsWith('\n') || (str.trim() === '' && item.hasEOL);
      if (last?.endsWith('\n') === false && !startsLine && Math.abs(lastY - y) - 1 > lineHeight) {
        out.push('\n');
        lineHeight = 0;
      }
    }
    if (lastY !== undefined && Math.abs(lastY - y) < LINE_THRESHOLD && lastX !== undefined && Math.abs(lastX - x) > CELL_THRESHOLD) str = `\t${str}`;
    out.push(str);
    lastX = x + (item.width ?? 0);
    lastY = y;
    lineHeight = Math.max(lineHeight, item.height ?? 0);
    if (item.hasEOL) out.push('\n');
    if (item.hasEOL || str.endsWith('\n')) lineHeight = 0;
  }
  return out.join('');
}

/** Whether a page may hold a table: two lines or more with text in separate columns. */
function mayHoldTable(lines: TextLine[]): boolean {
  let rows = 0;
  for (const l of lines) if (l.segments.length >= 2 && ++rows >= 2) return true;
  return false;
}

/** The page's text items as printed lines. */
function linesOf(items: TextItem[]): TextLine[] {
  return groupLines(items.filter((i) => typeof i.str === 'string' && i.transform).map(toPositioned));
}

/** `grid`: the page's drawn lines (pdf-parse getPageTables), asked for when `lines` may hold a table. */
async function pageTables(
  grid: Promise<RuledGrid> | null,
  n: number,
  items: TextItem[],
  lines: TextLine[],
  viewport: Viewport,
  warnings: string[],
  ruledFailed: { reported: boolean },
): Promise<PageTable[]> {
  const layout = findLayoutTables(lines);
  let grids: string[][][] = [];
  if (grid) {
    try {
      grids = ruledTables(await grid, items, viewport).filter((t) => t.length && t.some((r) => r.some((c) => c.trim())));
    } catch (e) {
      if (e instanceof WorkerStopped) throw e;
      if (!ruledFailed.reported) warnings.push(`pdf: ruled tables could not be read (${(e instanceof Error ? e.message : String(e)).split('\n')[0]})`);
      ruledFailed.reported = true;
    }
  }
  const found: PageTable[] = [];
  const matched = new Set<LayoutTable>();
  // Each layout table's cells, worked out once however many grids are matched against it.
  const layoutCells = grids.length ? layout.map(cellsOf) : [];
  for (const grid of grids) {
    const cells = nonEmptyCells(grid);
    // A ruled table is also seen by the position reader: keep the ruled cells, borrow the position.
    const twin = layout.find((l, k) => !matched.has(l) && overlap(cells, layoutCells[k]) >= 0.5);
    if (twin) matched.add(twin);
    // A grid drawn round part of a table only (its first rows): the positions hold the whole table.
    if (twin && grid.length * 2 < twin.rows.length) {
      matched.delete(twin);
      continue;
    }
    found.push({ page: n, rows: grid.map((r) => r.map(cleanCell)), columns: twin?.columns, ends: twin?.ends, firstLine: twin?.firstLine, lastLine: twin?.lastLine, lineCount: lines.length, caption: twin?.caption });
  }
  for (const l of layout) if (!matched.has(l)) found.push({ page: n, rows: l.rows, columns: l.columns, ends: l.ends, firstLine: l.firstLine, lastLine: l.lastLine, lineCount: lines.length, caption: l.caption });
  found.sort((a, b) => (a.firstLine ?? Infinity) - (b.firstLine ?? Infinity));
  return found.map((t) => ({ ...t, ...edgeInfo(t, lines) }));
}

/** pdf-parse's getTable() for one page, its cells filled from the text items we already have (as its fillPageTables does). */
function ruledTables(store: RuledGrid, items: TextItem[], viewport: Viewport): string[][][] {
  store.normalize();
  const tables = store.getTableData();
  if (!tables.length) return [];
  const v = viewport.transform;
  for (const item of items) {
    if (typeof item.str !== 'string' || !item.transform) continue;
    // pdf-parse's point: transform(transform(v, t), [1 0 0 -1 0 0])'s e and f, which are the inner
    // product's own e and f (the flip adds products by zero), worked out without three arrays per item.
    const t = item.transform;
    const x = v[0] * t[4] + v[2] * t[5] + v[4];
    const y = v[1] * t[4] + v[3] * t[5] + v[5];
    for (const table of tables) {
      const cell = table.findCell(x, y);
      if (cell) {
        cell.text.push(item.str);
        if (item.hasEOL) cell.text.push('\n');
        break;
      }
    }
  }
  return tables.map((t) => t.toArray());
}

function toPositioned(i: TextItem): PositionedText {
  const t = i.transform!;
  const size = Math.abs(i.height || 0) || Math.hypot(t[2], t[3]) || 10;
  // Rotated text (a column heading printed upwards) runs along y: across the page it is one
  // glyph high, standing left of its origin; its own width would bridge the columns beside it.
  if (Math.abs(t[1]) > Math.abs(t[0])) return { str: i.str ?? '', x: t[1] > 0 ? t[4] - size : t[4] - size * 0.5, y: t[5], width: size * 1.5, size, rise: t[1] > 0 ? (i.width ?? 0) : 0 };
  return { str: i.str ?? '', x: t[4], y: t[5], width: i.width ?? 0, size };
}

const cleanCell = (s: string) => s.replace(/[\s\u00a0]+/g, ' ').trim();

interface LayoutCells {
  /** The table's non-empty cells, cleaned. */
  set: Set<string>;
  /** Its rows' text, one after another. */
  joined: string;
}

/** A grid's non-empty cells, cleaned. */
const nonEmptyCells = (rows: string[][]) => rows.flat().map(cleanCell).filter(Boolean);

const cellsOf = (t: LayoutTable): LayoutCells => ({ set: new Set(nonEmptyCells(t.rows)), joined: t.rows.map((r) => r.join(' ')).join(' ') });

/** Share of one grid's non-empty cells (`cells`) that also stand in the other table. */
function overlap(cells: string[], other: LayoutCells): number {
  if (!cells.length) return 0;
  let shared = 0;
  for (const c of cells) if (other.set.has(c) || other.joined.includes(c)) shared++;
  return shared / cells.length;
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
  let openSource: Edged | null = null;
  for (const tables of perPage) {
    for (let k = 0; k < tables.length; k++) {
      const t = tables[k];
      const tIndex = k + 1;
      const cells = (skip: number, map?: number[], width?: number): Cell[][] =>
        t.rows.slice(skip).map((r, i) => {
          const loc = (c: number) => `${t.at ?? `pdf:p${t.page}`}:t${tIndex}:r${i + 1 + skip}:c${c + 1}`;
          if (!map || !width) return r.map((text, c) => ({ text, locator: loc(c) }));
          // Cells placed in the columns of the table they continue (a sparse page may lack some columns).
          const row: Cell[] = Array.from({ length: width }, (_, c) => ({ text: '', locator: loc(c) }));
          r.forEach((text, c) => {
            const to = map[c];
            row[to] = { text: row[to].text ? `${row[to].text} ${text}` : text, locator: loc(to) };
          });
          return row;
        });
      const map: number[] | null = open && openPart && k === 0 ? continues(openPart, t) : null;
      if (open && openPart && map) {
        const repeated = sameRow(openPart.rows[0], t.rows[0]) || sameRow(open.rows[0].map((c) => c.text), t.rows[0]);
        const width: number = openPart.rows.reduce((w, r) => Math.max(w, r.length), 0);
        const identity: boolean = map.every((to, c) => to === c) && t.rows.every((r) => r.length === width);
        for (const row of cells(repeated ? 1 : 0, identity ? undefined : map, width)) open.rows.push(row);
        // The part in the columns of the whole, so the next page compares against those.
        const placed = (r: string[]) => {
          const row = new Array<string>(width).fill('');
          r.forEach((text, c) => (row[map[c]] = text));
          return row;
        };
        openPart = identity ? t : { ...t, rows: t.rows.map(placed), columns: openPart.columns, ends: openPart.ends };
        openSource = t;
        continue;
      }
      open = { locator: `${t.at ?? `pdf:p${t.page}`}:t${tIndex}`, rows: cells(0), page: t.page, caption: t.caption };
      out.push(open);
      openPart = t;
      openSource = t;
    }
    // Only the last table of a page may run onto the next page; a page without tables ends any.
    if (!tables.length || tables[tables.length - 1] !== openSource) {
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

/**
 * Whether the first table of page p+1 continues `prev` (last table of page p), as the column
 * of `prev` each of its columns falls in; null when it does not. It does when it repeats the
 * header, or its columns fall in prev's and it sits where a continuation would or starts
 * with figures rather than headings of its own (a letterhead may stand above it).
 */
function continues(prev: Edged, next: Edged): number[] | null {
  if (next.page !== prev.page + 1) return null;
  const width = (t: Edged) => t.rows.reduce((w, r) => Math.max(w, r.length), 0);
  const wp = width(prev);
  const wn = width(next);
  if (wp === wn && sameRow(prev.rows[0], next.rows[0])) return Array.from({ length: wn }, (_, i) => i);
  if (!prev.columns || !next.columns || wn > wp || next.columns.length !== wn || prev.columns.length !== wp) return null;
  // Each column of the next part falls in one column of prev (same start, or overlapping spans), in order.
  const map: number[] = [];
  for (let c = 0; c < wn; c++) {
    const x0 = next.columns[c];
    const x1 = next.ends?.[c] ?? x0;
    let to = -1;
    for (let p = map.length ? map[map.length - 1] + 1 : 0; p < wp && to < 0; p++) {
      const p1 = prev.ends?.[p] ?? prev.columns[p];
      if (Math.abs(prev.columns[p] - x0) <= 6 || (x0 <= p1 && x1 >= prev.columns[p])) to = p;
    }
    if (to < 0) return null;
    map.push(to);
  }
  const startsWithFigures = next.rows[0]?.slice(1).some((c) => /^[-–]?\d[\d,.]*$/.test(c.trim())) ?? false;
  if (wn !== wp && !startsWithFigures) return null;
  return (prev.atBottom && next.atTop) || startsWithFigures ? map : null;
}
