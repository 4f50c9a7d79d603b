// XLSX → one table per block of rows on every sheet (merged cells repeated into every slot
// they cover), with `xlsx:<Sheet>!C4` locators, and each row as a line of text so that the
// text extractors can read prose cells. The zip is checked for bombs before it is inflated.
import ExcelJS from 'exceljs';
import { ReadError, type Block, type Cell, type ReadResult, type Table } from './types.js';
import { assertSafeZip } from './zip-guard.js';

const MAX_CELLS = 500_000;
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' as const;

export function columnLetters(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

/** A cell's value as a person sees it: numbers plainly, dates as ISO, rich text joined. */
export function cellText(value: unknown, numFmt?: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '';
    if (numFmt && numFmt.includes('%')) return `${Number((value * 100).toPrecision(12))}%`;
    return String(Number(value.toPrecision(12)));
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText)) return (v.richText as { text?: string }[]).map((r) => r.text ?? '').join('');
    if ('result' in v) return cellText(v.result, numFmt);
    if ('formula' in v || 'sharedFormula' in v) return '';
    if (typeof v.text === 'string') return v.text;
    if (typeof v.error === 'string') return v.error;
  }
  return String(value);
}

const collapse = (s: string) => s.replace(/[\s\u00a0]+/g, ' ').trim();

export async function readXlsx(bytes: Uint8Array): Promise<ReadResult> {
  assertSafeZip(bytes, 'XLSX', 'xl/workbook.xml');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch (e) {
    throw new ReadError(`corrupt XLSX (${(e instanceof Error ? e.message : String(e)).split('\n')[0]})`);
  }
  const warnings: string[] = [];
  const blocks: Block[] = [];
  const tables: Table[] = [];
  let text = '';
  let cellBudget = MAX_CELLS;

  for (const ws of wb.worksheets) {
    const name = ws.name;
    // The extent that holds values: formatting alone can stretch a sheet's declared size to a million rows.
    const valueRows: number[] = [];
    let nCols = 0;
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      let last = 0;
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        if (cellText(cell.value) !== '' || cell.isMerged) last = Math.max(last, c);
      });
      if (last) {
        valueRows.push(r);
        nCols = Math.max(nCols, last);
      }
    });
    if (!valueRows.length || !nCols) continue;
    const nRows = valueRows[valueRows.length - 1];
    if (valueRows.length * nCols > cellBudget) {
      warnings.push(`xlsx:${name}: sheet of ${valueRows.length}×${nCols} cells is over the ${MAX_CELLS}-cell limit; skipped`);
      continue;
    }
    cellBudget -= valueRows.length * nCols;
    // Rows of cells, blank rows kept (as empty rows) for now: two in a row separate tables.
    const grid: { r: number; cells: Cell[] }[] = [];
    const hasValues = new Set(valueRows);
    for (let r = 1; r <= nRows; r++) {
      if (!hasValues.has(r)) {
        grid.push({ r, cells: [] });
        continue;
      }
      const row = ws.getRow(r);
      const cells: Cell[] = [];
      for (let c = 1; c <= nCols; c++) {
        const cell = row.getCell(c);
        // A merged cell reads its master's value, so the merged heading stands in every slot.
        const source = cell.isMerged && cell.master ? cell.master : cell;
        cells.push({ text: collapse(cellText(source.value, source.numFmt)), locator: `xlsx:${name}!${columnLetters(c)}${r}` });
      }
      grid.push({ r, cells });
    }
    // Text: each non-empty row as one line.
    for (const { cells } of grid) {
      const filled = cells.filter((c) => c.text);
      if (!filled.length) continue;
      // A merged value repeated across its slots is printed once in the line.
      const parts: Cell[] = [];
      for (const c of filled) if (!parts.length || parts[parts.length - 1].text !== c.text || !isMergedNeighbour(ws, parts[parts.length - 1], c)) parts.push(c);
      if (text) text += '\n';
      const start = text.length;
      parts.forEach((c, i) => {
        if (i) text += ' | ';
        const s = text.length;
        text += c.text;
        for (const orig of cells) if (orig === c) Object.assign(orig, { start: s, end: text.length });
      });
      const locator = parts.length === 1 ? parts[0].locator : `xlsx:${name}!${parts[0].locator.split('!')[1]}:${parts[parts.length - 1].locator.split('!')[1]}`;
      // A row of one value (a title, a note) is prose; a row of several is a table row.
      blocks.push({ kind: parts.length === 1 ? 'paragraph' : 'table_row', text: text.slice(start, text.length), start, end: text.length, locator });
    }
    // Tables: blocks of rows separated by two or more blank rows.
    let run: { r: number; cells: Cell[] }[] = [];
    let blanks = 0;
    const flush = () => {
      while (run.length && !run[run.length - 1].cells.some((c) => c.text)) run.pop();
      // A lone cell (a note, a title) is text, not a table.
      if (run.length && run.reduce((n, x) => n + x.cells.filter((c) => c.text).length, 0) >= 2) {
        const first = run[0].r;
        const last = run[run.length - 1].r;
        tables.push({ locator: `xlsx:${name}!A${first}:${columnLetters(nCols)}${last}`, rows: run.map((x) => x.cells) });
      }
      run = [];
    };
    for (const row of grid) {
      const empty = !row.cells.some((c) => c.text);
      if (empty) {
        blanks++;
        if (blanks >= 2) flush();
        else if (run.length) run.push({ r: row.r, cells: Array.from({ length: nCols }, (_, c) => ({ text: '', locator: `xlsx:${name}!${columnLetters(c + 1)}${row.r}` })) });
        continue;
      }
      blanks = 0;
      run.push(row);
    }
    flush();
  }
  if (!text) warnings.push('xlsx: no cell holds any text or number');
  return { mediaType: XLSX_TYPE, text, blocks, tables, links: [], title: null, warnings };
}

function isMergedNeighbour(ws: ExcelJS.Worksheet, a: Cell, b: Cell): boolean {
  const ca = ws.getCell(a.locator.split('!')[1]);
  const cb = ws.getCell(b.locator.split('!')[1]);
  return ca.isMerged && cb.isMerged && (ca.master?.address ?? ca.address) === (cb.master?.address ?? cb.address);
}
