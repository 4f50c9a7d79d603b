// Spreadsheets (XLSX, XLS, ODS) → one table per block of rows on every sheet, through one
// reader: SheetJS (@e965/xlsx, the maintained 0.20.x line republished on npm; the npm
// `xlsx@0.18.5` has known CVEs). Cells keep the text the sheet displays and, for numbers,
// the stored value (a formula's cached result) cleaned of binary-float tails; a merged cell
// is repeated into every slot it covers, the copies flagged `merged`. Memory is bounded: a
// cell's text is capped at Excel's own limit, and the document's text and cell count too.
import * as XLSX from '@e965/xlsx';
import { ReadError, type Block, type Cell, type MediaType, type ReadResult, type Table } from './types.js';
import { assertSafeZip } from './zip-guard.js';
import { rowLine } from './row-line.js';

export type SheetKind = 'xlsx' | 'xls' | 'ods';

const MEDIA: Record<SheetKind, MediaType> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  xls: 'application/vnd.ms-excel',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
};

export const SHEET_LIMITS = {
  /** Excel's own limit on a cell's text. */
  maxCellChars: 32_767,
  /** All cells' text together. */
  maxTotalChars: 32 * 1024 * 1024,
  /** Cells kept across the workbook (blank slots inside a table count). */
  maxCells: 4_000_000,
};

export function columnLetters(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

const collapse = (s: string) => s.replace(/[\s\u00a0]+/g, ' ').trim();

/** A stored number without its binary-float tail (5516.6500000000015 → 5516.65). */
export function cleanNumber(v: number): number {
  return Number(v.toPrecision(12));
}

interface SheetCell {
  t: string;
  v?: unknown;
  w?: string;
  z?: string | number;
}

/** A cell as a person sees it, and its typed value. */
export function sheetCell(c: SheetCell | undefined): { text: string; value?: number; date?: string } {
  if (!c || c.v === undefined || c.v === null) return { text: '' };
  switch (c.t) {
    case 'n': {
      const v = c.v as number;
      if (!Number.isFinite(v)) return { text: '' };
      // A plain rendering of the stored float ("5.000000000000001") is no display format: clean it.
      const shown = c.w && c.w !== String(v) ? c.w : String(cleanNumber(v));
      // Percentages are shares, not counts: keep the printed text only.
      if (/%/.test(shown) || (typeof c.z === 'string' && c.z.includes('%'))) return { text: shown };
      return { text: shown, value: cleanNumber(v) };
    }
    case 'd': {
      const d = c.v instanceof Date ? c.v : new Date(String(c.v));
      if (Number.isNaN(d.getTime())) return { text: c.w ?? '' };
      // SheetJS builds dates in local time; the calendar day is what the sheet means.
      const iso = new Date(d.getTime() - d.getTimezoneOffset() * 60000).toISOString().slice(0, 10);
      // Excel's built-in short date (format 14) shows in the reader's locale: print it unambiguously.
      const localeShort = c.z === undefined || c.z === 14 || (typeof c.z === 'string' && /^m+\/d+\/y+$/i.test(c.z));
      return { text: localeShort || !c.w ? iso : c.w, date: iso };
    }
    case 'b':
      return { text: c.v ? 'TRUE' : 'FALSE' };
    case 'e':
      return { text: c.w ?? '#ERROR' };
    default:
      return { text: typeof c.v === 'string' ? c.v : (c.w ?? String(c.v)) };
  }
}

export async function readXlsx(bytes: Uint8Array): Promise<ReadResult> {
  return readSpreadsheet(bytes, 'xlsx');
}

export async function readSpreadsheet(bytes: Uint8Array, kind: SheetKind): Promise<ReadResult> {
  if (kind === 'xlsx') assertSafeZip(bytes, 'XLSX', 'xl/workbook.xml');
  if (kind === 'ods') assertSafeZip(bytes, 'ODS', 'content.xml');
  let wb: XLSX.WorkBook;
  try {
    wb = XLSX.read(bytes, { type: 'array', dense: true, cellDates: true, cellText: true, cellNF: true, cellFormula: false, cellHTML: false, cellStyles: false, WTF: false });
  } catch (e) {
    throw new ReadError(`corrupt ${kind.toUpperCase()} (${(e instanceof Error ? e.message : String(e)).split('\n')[0]})`);
  }
  const warnings: string[] = [];
  const blocks: Block[] = [];
  const tables: Table[] = [];
  // The text is built from parts joined once at the end: growing one string and slicing it
  // per row would flatten it each time (quadratic).
  const parts: string[] = [];
  let length = 0;
  let cellBudget = SHEET_LIMITS.maxCells;
  let charBudget = SHEET_LIMITS.maxTotalChars;
  let capped = false;

  const hidden = new Map((wb.Workbook?.Sheets ?? []).map((s) => [s.name, s.Hidden ?? 0]));
  for (const name of wb.SheetNames) {
    const ws = wb.Sheets[name];
    if (!ws) continue;
    if (hidden.get(name)) warnings.push(`${kind}:${name}: hidden sheet (read all the same)`);
    const data = ((ws as unknown as { '!data'?: (SheetCell | undefined)[][] })['!data'] ?? []) as (SheetCell | undefined)[][];
    // The extent that holds values: formatting alone can stretch a sheet's declared size to a million rows.
    let nCols = 0;
    let nRows = 0;
    for (let r = 0; r < data.length; r++) {
      const row = data[r];
      if (!row) continue;
      for (let c = row.length - 1; c >= nCols; c--) {
        if (sheetCell(row[c]).text !== '') {
          nCols = c + 1;
          break;
        }
      }
      if (row.some((c) => sheetCell(c).text !== '')) nRows = r + 1;
    }
    if (!nRows || !nCols) continue;
    const prefix = `${kind}:${name}!`;
    const loc = (r: number, c: number) => [prefix, columnLetters(c + 1), r + 1].join(''); // joined: flat, not a tree of pieces
    // Merged ranges: the first cell's value in every slot (flagged), for headings that span columns.
    const masters = new Map<string, { r: number; c: number }>();
    for (const m of (ws['!merges'] ?? []) as XLSX.Range[]) {
      const r1 = Math.min(m.e.r, nRows - 1);
      const c1 = Math.min(m.e.c, nCols - 1);
      if ((r1 - m.s.r + 1) * (c1 - m.s.c + 1) > 100_000) continue;
      for (let r = m.s.r; r <= r1; r++) for (let c = m.s.c; c <= c1; c++) if (r !== m.s.r || c !== m.s.c) masters.set(`${r},${c}`, { r: m.s.r, c: m.s.c });
    }
    const cellAt = (r: number, c: number): Cell => {
      const master = masters.get(`${r},${c}`);
      const src = master ? data[master.r]?.[master.c] : data[r]?.[c];
      const read = sheetCell(src);
      let text = collapse(read.text);
      if (text.length > SHEET_LIMITS.maxCellChars) {
        text = text.slice(0, SHEET_LIMITS.maxCellChars);
        if (!capped) warnings.push(`${loc(r, c)}: cell text cut at ${SHEET_LIMITS.maxCellChars} characters`);
        capped = true;
      }
      if (text.length > charBudget) {
        if (charBudget >= 0) warnings.push(`${kind}: over ${SHEET_LIMITS.maxTotalChars} characters of cell text; the rest is not read`);
        charBudget = -1;
        text = '';
      } else charBudget -= text.length;
      const cell: Cell = { text, locator: loc(r, c) };
      if (read.value !== undefined) cell.value = read.value;
      if (read.date) cell.date = read.date;
      if (master) cell.merged = true;
      return cell;
    };

    const grid: { r: number; cells: Cell[] }[] = [];
    for (let r = 0; r < nRows; r++) {
      const row = data[r];
      const anyHere = !!row && row.some((c) => sheetCell(c).text !== '');
      let anyMerged = false;
      if (!anyHere) for (let c = 0; c < nCols && !anyMerged; c++) anyMerged = masters.has(`${r},${c}`);
      if (!anyHere && !anyMerged) {
        grid.push({ r, cells: [] });
        continue;
      }
      if (cellBudget < nCols) {
        warnings.push(`${kind}:${name}: over the ${SHEET_LIMITS.maxCells}-cell limit from row ${r + 1}; the rest is not read`);
        break;
      }
      cellBudget -= nCols;
      const cells: Cell[] = [];
      for (let c = 0; c < nCols; c++) cells.push(cellAt(r, c));
      grid.push({ r, cells });
    }

    // Text: each non-empty row as one line; a merged value is printed once.
    for (const { cells } of grid) {
      const shown = cells.filter((c) => c.text && !c.merged);
      if (!shown.length) continue;
      if (length) {
        parts.push('\n');
        length += 1;
      }
      const start = length;
      const line = rowLine(shown, start);
      parts.push(line);
      length += line.length;
      const first = shown[0].locator;
      const last = shown[shown.length - 1].locator;
      const locator = shown.length === 1 ? first : `${first}:${last.slice(prefix.length)}`;
      // A row of one value (a title, a note) is prose; a row of several is a table row.
      blocks.push({ kind: shown.length === 1 ? 'paragraph' : 'table_row', text: line, start, end: length, locator });
    }

    // Tables: blocks of rows separated by two or more blank rows (one blank row stays inside,
    // as an empty row: the table interpreter splits stacked tables there when a new heading follows).
    let run: { r: number; cells: Cell[] }[] = [];
    let blanks = 0;
    // Lone lines since the last table (a sheet title set apart by blank rows): the next table's caption.
    let titles: string[] = [];
    const flush = () => {
      while (run.length && !run[run.length - 1].cells.some((c) => c.text)) run.pop();
      let filled = 0;
      for (const x of run) for (const c of x.cells) if (c.text && !c.merged) filled++;
      // A lone cell (a note, a title) is text, not a table.
      if (run.length && filled >= 2) {
        const table: Table = { locator: `${prefix}A${run[0].r + 1}:${columnLetters(nCols)}${run[run.length - 1].r + 1}`, rows: run.map((x) => x.cells) };
        if (titles.length) table.caption = titles.join(' ');
        tables.push(table);
        titles = [];
      } else if (run.length) for (const x of run) for (const c of x.cells) if (c.text && !c.merged) titles.push(c.text);
      run = [];
    };
    for (const row of grid) {
      if (!row.cells.some((c) => c.text)) {
        blanks++;
        if (blanks >= 2) flush();
        else if (run.length) run.push({ r: row.r, cells: Array.from({ length: nCols }, (_, c) => ({ text: '', locator: loc(row.r, c) })) });
        continue;
      }
      blanks = 0;
      run.push(row);
    }
    flush();
  }
  const text = parts.join('');
  if (!text) warnings.push(`${kind}: no cell holds any text or number`);
  return { mediaType: MEDIA[kind], text, blocks, tables, links: [], title: null, warnings };
}
