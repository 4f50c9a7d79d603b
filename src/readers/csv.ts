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
    const counts: number[] = [];
    for (const l of lines) counts.push(countOutsideQuotes(l, d));
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

// What needs csv-parse: a quote (quoted fields, escapes), a second byte-order mark (its bom option
// takes one more), a surrogate (it reads the text as UTF-8 bytes, where a lone one becomes U+FFFD).
const NOT_PLAIN = /["\uFEFF\uD800-\uDFFF]/;

/**
 * The records csv-parse gives (the options readCsv passes) for a text without a quote, split
 * directly: csv-parse's set-up and byte-by-byte state machine cost ~0.1 ms on a ten-line file
 * (issue 17: a crawl's CSV attachments are mostly such files). As csv-parse, the record delimiter
 * is the first line break met (\r\n, \n or \r) and is the only one; a final one ends the last
 * record. null: not such a text (tests/unit/csv-plain.test.ts checks both ways agree).
 */
export function plainRecords(source: string, delimiter: string): string[][] | null {
  if (NOT_PLAIN.test(source)) return null;
  if (!source) return [];
  const n = source.indexOf('\n');
  const r = source.indexOf('\r');
  const lineBreak = r >= 0 && (n < 0 || r < n) ? (n === r + 1 ? '\r\n' : '\r') : n >= 0 ? '\n' : null;
  const lines = lineBreak ? source.split(lineBreak) : [source];
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  const records: string[][] = new Array(lines.length);
  for (let i = 0; i < lines.length; i++) records[i] = lines[i].split(delimiter);
  return records;
}

const collapse = (s: string) => s.replace(/[\s\u00a0]+/g, ' ').trim();
/** A cell's text is capped as a spreadsheet's is (Excel's limit). */
const MAX_CELL_CHARS = 32_767;

export function readCsv(input: string): ReadResult {
  const source = input.replace(/^\uFEFF/, '').replace(/\u0000/g, ' ');
  let records: string[][];
  try {
    const delimiter = sniffDelimiter(source);
    records = plainRecords(source, delimiter) ?? parse(source, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, bom: true });
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
    // A loop into a literal, not filter(): the same array map for an empty row as a full one (an
    // empty filter result has another, and each first meeting of one cost a recompile: issue 17).
    const filled: Cell[] = [];
    for (const c of cells) if (c.text) filled.push(c);
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
