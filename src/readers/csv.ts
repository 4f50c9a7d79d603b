// CSV → one table (locators `csv:r3:c2`) and each record as a line of text. The delimiter
// is sniffed (comma, semicolon or tab): forces export from Excel in whichever locale.
import { parse } from 'csv-parse/sync';
import { readText } from './text.js';
import type { Block, Cell, ReadResult } from './types.js';
import { rowLine } from './row-line.js';

const DELIMITERS = [',', ';', '\t'] as const;

/** The delimiter that splits the first lines into the most fields, the same number on each line. */
export function sniffDelimiter(text: string): string {
  // The first lines only: splitting a 400k-row file whole to look at twenty is waste.
  const lines = text.slice(0, 1 << 16).split(/\r?\n/).filter((l) => l.trim()).slice(0, 20);
  let best: string = ',';
  let bestScore = 0;
  for (const d of DELIMITERS) {
    const counts = lines.map((l) => countOutsideQuotes(l, d));
    if (!counts.length || counts[0] === 0) continue;
    const agree = counts.filter((c) => c === counts[0]).length / counts.length;
    const score = agree * (counts[0] + 1);
    if (score > bestScore) {
      bestScore = score;
      best = d;
    }
  }
  return best;
}

function countOutsideQuotes(line: string, d: string): number {
  let n = 0;
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === d && !quoted) n++;
  }
  return n;
}

const collapse = (s: string) => s.replace(/[\s\u00a0]+/g, ' ').trim();
/** A cell's text is capped as a spreadsheet's is (Excel's limit). */
const MAX_CELL_CHARS = 32_767;

export function readCsv(input: string): ReadResult {
  const source = input.replace(/^\uFEFF/, '').replace(/\u0000/g, ' ');
  let records: string[][];
  try {
    records = parse(source, { delimiter: sniffDelimiter(source), relax_column_count: true, relax_quotes: true, skip_empty_lines: false, bom: true });
  } catch (e) {
    const doc = readText(source, 'text/csv');
    doc.warnings.push(`csv: not read as a table (${(e instanceof Error ? e.message : String(e)).split('\n')[0]}); read as text`);
    return doc;
  }
  const blocks: Block[] = [];
  const rows: Cell[][] = [];
  // The text is built from parts joined once: growing one string and slicing it per record
  // flattens it each time (quadratic: 400k rows never finished).
  const parts: string[] = [];
  let length = 0;
  for (let r = 0; r < records.length; r++) {
    const rec = records[r];
    records[r] = []; // each record let go once read: a big file's parsed fields and cells are not both held
    const cells: Cell[] = new Array(rec.length);
    // Locators joined, not templated: a template leaves a tree of string pieces (~250 bytes each).
    for (let c = 0; c < rec.length; c++) cells[c] = { text: collapse(rec[c] ?? '').slice(0, MAX_CELL_CHARS), locator: ['csv:r', r + 1, ':c', c + 1].join('') };
    rows.push(cells);
    const filled = cells.filter((c) => c.text);
    if (!filled.length) continue;
    if (length) {
      parts.push('\n');
      length++;
    }
    const start = length;
    const line = rowLine(filled, start);
    parts.push(line);
    length += line.length;
    blocks.push({ kind: filled.length === 1 ? 'paragraph' : 'table_row', text: line, start, end: length, locator: filled.length === 1 ? filled[0].locator : ['csv:r', r + 1].join('') });
  }
  const text = parts.join('');
  const tables = rows.some((r) => r.some((c) => c.text)) ? [{ locator: 'csv:t1', rows }] : [];
  return { mediaType: 'text/csv', text, blocks, tables, links: [], title: null, warnings: tables.length ? [] : ['csv: no values'] };
}
