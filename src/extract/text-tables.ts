// Tables that survive only as text, in the three shapes pages flatten them into:
//   space-separated rows under a year header   "2017 2018 2019" / "Complaints 3 5 3"
//   one cell per line ending in " |"            "Year |" "Dismissed |" "2010 |" "0 |"
//   one cell per line under year headings      "2013-14" "2014-15" "Total" "No action" "46" …
// Each becomes a reader-style Table whose cells point into the document (char: locators),
// so the one table interpreter serves text, HTML, PDF, XLSX and DOCX alike.
import type { Cell, Table } from '../readers/types.js';
import type { Line } from './doc-model.js';
import { parseNumberCell } from './numbers.js';
import { hasDigit, isDigitCode, isSpaceCode, lastCode, pieceCount } from './words.js';

export interface TextTables {
  tables: Table[];
  /** Line indexes the tables consumed (prose extractors skip them). */
  consumed: Set<number>;
}

const YEARISH = /^(?:(?:19|20)\d{2}(?:\s*[-/]\s*(?:(?:19|20)?\d{2}))?|total)$/i;
const NUM_TOKEN = /^(?:\d{1,3}(?:,\d{3})+|\d+)$/;

function cell(text: string, start: number): Cell {
  return { text, start, end: start + text.length, locator: `char:${start}-${start + text.length}` };
}

type Token = { text: string; start: number };

/**
 * Tokens of the lines findTextTables is reading, by Line.i: several shapes ask for the same
 * line's. Kept for one call (findTextTables starts it afresh), in an array rather than a WeakMap
 * keyed by the line: a lookup by index, and nothing for the collector to trace (issue 17).
 */
let tokenMemo: Array<{ line: Line; tokens: Token[] } | undefined> = [];

/** Tokens of a line with their offsets in the document (callers never mutate them). */
function tokens(line: Line): Token[] {
  const hit = tokenMemo[line.i];
  if (hit !== undefined && hit.line === line) return hit.tokens;
  const t: Token[] = [];
  const re = /\S+/g;
  for (let m = re.exec(line.text); m; m = re.exec(line.text)) t.push({ text: m[0], start: line.start + m.index });
  if (line.i >= 0 && line.i < tokenMemo.length) tokenMemo[line.i] = { line, tokens: t };
  return t;
}

/**
 * What the six finders ask of every content line, asked once per line for all of them (issue 17):
 * whether it holds a pipe (three finders asked it again), and, worked out on first asking, its
 * cells as a row (rowTables restarts a run at each of its lines) and its trailing figures under
 * a word header. By place in the lines the finders read.
 */
interface Facts {
  pipe: boolean[];
  cells: Array<Cell[] | null | undefined>;
  trailing: Array<number | undefined>;
}

function factsOf(lines: Line[]): Facts {
  const pipe = new Array<boolean>(lines.length);
  for (let u = 0; u < lines.length; u++) pipe[u] = lines[u].text.includes('|');
  return { pipe, cells: new Array(lines.length), trailing: new Array(lines.length) };
}

/** The code of a text's last character (NaN when empty): what `/[…]$/` tests, without a scan from the start. */
const endCode = (t: string) => t.charCodeAt(t.length - 1);
/** Whether the last character is one of ".:;," (`/[.:;,]$/`). */
const endsClause = (c: number) => c === 46 || c === 58 || c === 59 || c === 44;

const YEAR_OR_TOTAL = /^(?:(?:19|20)\d{2}|total)$/i;

/**
 * The start of the last run of non-space characters (a token, as /\S+/ finds them) ending at or
 * before `end`, or -1 when there is none; its end is left in runEnd. Looks at that token only,
 * for a gate before a whole line is tokenised.
 */
let runEnd = 0;
function lastRun(text: string, end: number): number {
  let e = end;
  while (e > 0 && isSpaceCode(text.charCodeAt(e - 1))) e--;
  if (e === 0) return -1;
  let b = e;
  while (b > 0 && !isSpaceCode(text.charCodeAt(b - 1))) b--;
  runEnd = e;
  return b;
}
// A cell that stands for a figure: a count, or one withheld as too small ("<5", "*").
const FIGURE_TOKEN = /^(?:\d{1,3}(?:,\d{3})+|\d+|<\s?\d+|\*)$/;


/** How many trailing year columns a header line has ("2017 2018 2019", "Standard 2018 2019 2020"); 0 if it is not one. */
function yearHeaderWidth(line: Line): number {
  // A cheap gate before the line's tokens: a header's last token is a year or "Total".
  const c = lastCode(line.text);
  if (!isDigitCode(c) && c !== 108 && c !== 76) return 0; // …9, …l/L
  // Two or more of its trailing years or totals start with a digit: its last two tokens are such
  // (a line ending in a date, "14 June 2023", is not tokenised).
  const last = lastRun(line.text, line.text.length);
  if (last < 0 || !YEAR_OR_TOTAL.test(line.text.slice(last, runEnd))) return 0;
  const second = lastRun(line.text, last);
  if (second < 0 || !YEAR_OR_TOTAL.test(line.text.slice(second, runEnd))) return 0;
  const t = tokens(line);
  let k = 0;
  while (k < t.length && YEAR_OR_TOTAL.test(t[t.length - 1 - k].text)) k++;
  if (t.slice(t.length - k).filter((x) => /^\d/.test(x.text)).length < 2) return 0;
  // Leading words are the corner heading; they must not hold figures themselves.
  return t.slice(0, t.length - k).some((x) => /\d/.test(x.text)) ? 0 : k;
}

function isYearHeader(line: Line): boolean {
  return yearHeaderWidth(line) > 0;
}

/** The last row of a document cut off mid-table: label and fewer than k numbers, padded. */
function truncatedRow(line: Line, k: number): Cell[] | null {
  const t = tokens(line);
  let n = 0;
  while (n < t.length && n < k && FIGURE_TOKEN.test(t[t.length - 1 - n].text)) n++;
  if (n < 1 || n === t.length) return null;
  const row = splitRow(line, n);
  return row ? [...row, ...Array.from({ length: k - n }, () => cell('', line.end))] : null;
}

/**
 * Rows "Constable 12 41" / "Sergeant <5 9" under a header of words ("Rank Suspended Restricted
 * duties"): label and the same number of figure cells on every line.
 */
function wordHeaderTables(lines: Line[], out: TextTables, facts: Facts): void {
  const trailingOf = (l: Line) => {
    // A row's last token is a figure ("12", "<5", "*"): a cheap gate before its tokens.
    const c = lastCode(l.text);
    if (!isDigitCode(c) && c !== 42) return 0;
    // A row's last token is a figure (a cheap look at that token before the whole line is tokenised).
    const last = lastRun(l.text, l.text.length);
    if (last < 0 || !FIGURE_TOKEN.test(l.text.slice(last, runEnd))) return 0;
    const t = tokens(l);
    let n = 0;
    while (n < t.length && FIGURE_TOKEN.test(t[t.length - 1 - n].text)) n++;
    // Joined in a loop, not slice().map().join(): an empty slice's map result has another array map
    // than a full one's, and each first meeting of one threw away the optimised code (issue 17).
    let label = '';
    for (let u = 0; u < t.length - n; u++) label = u ? `${label} ${t[u].text}` : t[u].text;
    // "Reference number: 012573", "Date of response: 14 June 2023" are fields, not table rows.
    const values = t.slice(t.length - n);
    if (/[:\d]/.test(label) || !/[A-Za-z]/.test(label) || values.some((x) => /^(?:19|20)\d{2}$/.test(x.text))) return 0;
    return n > 0 && n < t.length && !/[.:;]$/.test(l.text) && t.length - n <= 8 ? n : 0;
  };
  // A line's trailing figures are asked again by each run that could reach it: once per line.
  const trailing = (u: number) => (facts.trailing[u] ??= trailingOf(lines[u]));
  for (let i = 1; i < lines.length; i++) {
    // The row under the header first: a line ending in a figure is the rarer (trailing's own gate).
    const c = lastCode(lines[i].text);
    if (!isDigitCode(c) && c !== 42) continue;
    const head = lines[i - 1];
    const h0 = head.text.charCodeAt(0);
    // /\d|[.:;,]$/ and /^[-•–·*]/ of the heading, by character.
    if (out.consumed.has(head.i) || out.consumed.has(lines[i].i) || endsClause(endCode(head.text)) || hasDigit(head.text) || h0 === 45 || h0 === 0x2022 || h0 === 0x2013 || h0 === 0xb7 || h0 === 42 || pieceCount(head.text, 10) > 10) continue;
    const k = trailing(i);
    if (!k) continue;
    let j = i;
    const body: Cell[][] = [];
    while (j < lines.length && !out.consumed.has(lines[j].i) && trailing(j) === k) {
      body.push(splitRow(lines[j], k) ?? []);
      j++;
    }
    if (body.length < 2 || body.some((r) => !r.length)) continue;
    const words = tokens(head);
    const header = words.length === k + 1 ? words.map((w) => cell(w.text, w.start)) : [cell('', head.start), ...Array.from({ length: k }, () => cell('', head.end))];
    for (let u = i - 1; u < j; u++) out.consumed.add(lines[u].i);
    out.tables.push({ locator: `char:${head.start}-${lines[j - 1].end}`, rows: [header, ...body], headerRows: 1, start: head.start, end: lines[j - 1].end, caption: words.length === k + 1 ? undefined : head.text });
    i = j;
  }
}

/** "Label words 3 5 3 4" → label + k numbers, or only k numbers. */
function splitRow(line: Line, k: number): Cell[] | null {
  const t = tokens(line);
  if (t.length < k) return null;
  const nums = t.slice(t.length - k);
  if (!nums.every((x) => FIGURE_TOKEN.test(x.text))) return null;
  const labelToks = t.slice(0, t.length - k);
  if (labelToks.some((x) => NUM_TOKEN.test(x.text)) && labelToks.length && NUM_TOKEN.test(labelToks[labelToks.length - 1].text)) return null;
  const label = labelToks.length ? cell(line.text.slice(labelToks[0].start - line.start, labelToks[labelToks.length - 1].start - line.start + labelToks[labelToks.length - 1].text.length), labelToks[0].start) : cell('', line.start);
  const row: Cell[] = [label];
  for (const x of nums) row.push(cell(x.text, x.start));
  return row;
}

function spaceTables(lines: Line[], out: TextTables): void {
  for (let i = 0; i < lines.length; i++) {
    const head = lines[i];
    if (out.consumed.has(head.i) || !isYearHeader(head)) continue;
    const all = tokens(head);
    const k = yearHeaderWidth(head);
    const ht = all.slice(all.length - k);
    const cornerToks = all.slice(0, all.length - k);
    const corner = cornerToks.length ? cell(head.text.slice(cornerToks[0].start - head.start, ht[0].start - head.start).trim(), cornerToks[0].start) : cell('', head.start);
    const rows: Cell[][] = [[corner, ...ht.map((x) => cell(x.text, x.start))]];
    const used = [head.i];
    let caption: string | undefined;
    const prev = lines[i - 1];
    if (prev && !out.consumed.has(prev.i) && pieceCount(prev.text, 6) <= 6 && !/[.:]$/.test(prev.text) && !/\d/.test(prev.text)) {
      caption = prev.text;
      used.push(prev.i);
    }
    let j = i + 1;
    let dataRows = 0;
    for (; j < lines.length; j++) {
      const l = lines[j];
      if (isYearHeader(l)) break;
      const row = splitRow(l, k) ?? (j === lines.length - 1 ? truncatedRow(l, k) : null);
      if (row) {
        rows.push(row);
        used.push(l.i);
        dataRows++;
        continue;
      }
      // A group heading inside the table ("Complaints Received"): short, no digits, no full stop.
      const next = lines[j + 1];
      if (pieceCount(l.text, 5) <= 5 && !/[\d.:;,]$/.test(l.text) && !/\d/.test(l.text) && next && splitRow(next, k)) {
        rows.push([cell(l.text, l.start), ...Array.from({ length: k }, () => cell('', l.end))]);
        used.push(l.i);
        continue;
      }
      break;
    }
    if (dataRows === 0) continue;
    for (const u of used) out.consumed.add(u);
    const t0 = rows.flat().find((c) => c.text);
    out.tables.push({ locator: `char:${t0?.start ?? head.start}-${lines[j - 1].end}`, rows, headerRows: 1, start: head.start, end: lines[j - 1].end, caption });
    i = j - 1;
  }
}

/** One cell per line: the only pipe is the trailing one. */
const singlePipeCell = (lines: Line[], facts: Facts, u: number) => facts.pipe[u] && /^[^|]*\|\s*$/.test(lines[u].text);

/** Whether the trimmed text may match YEARISH: it starts "19", "20" or "to" (either case). */
function mayBeYearish(t: string): boolean {
  let i = 0;
  while (i < t.length && isSpaceCode(t.charCodeAt(i))) i++;
  const c = t.charCodeAt(i);
  const d = t.charCodeAt(i + 1);
  return (c === 49 && d === 57) || (c === 50 && d === 48) || ((c === 116 || c === 84) && (d === 111 || d === 79));
}

/** Cells ending in "|" one per line; a line of only "|" starts a row. */
function pipeTables(lines: Line[], out: TextTables, facts: Facts): void {
  for (let i = 0; i < lines.length; i++) {
    if (out.consumed.has(lines[i].i) || !singlePipeCell(lines, facts, i)) continue;
    let j = i;
    const run: Line[] = [];
    while (j < lines.length && singlePipeCell(lines, facts, j)) run.push(lines[j++]);
    if (run.length < 4) continue;
    const rows: Cell[][] = [];
    const hasMarkers = run.some((l) => /^\|\s*$/.test(l.text));
    const cellsOf = (l: Line) => {
      const text = l.text.replace(/\s*\|\s*$/, '').trim();
      return cell(text, l.start + l.text.indexOf(text));
    };
    if (hasMarkers) {
      let row: Cell[] | null = null;
      for (const l of run) {
        if (/^\|\s*$/.test(l.text)) {
          if (row?.length) rows.push(row);
          row = [];
        } else (row ??= []).push(cellsOf(l));
      }
      if (row?.length) rows.push(row);
    } else {
      const cells = run.map(cellsOf);
      let width = 0;
      while (width < cells.length && parseNumberCell(cells[width].text) === null) width++;
      if (width < 1 || width > 12) continue;
      for (let k = 0; k < cells.length; k += width) rows.push(cells.slice(k, k + width));
    }
    for (const l of run) out.consumed.add(l.i);
    out.tables.push({ locator: `char:${run[0].start}-${run[run.length - 1].end}`, rows, start: run[0].start, end: run[run.length - 1].end });
    i = j - 1;
  }
}

/** One cell per line: a run of year/Total headings, then label + one number per heading, repeated. */
function stackedTables(lines: Line[], out: TextTables): void {
  for (let i = 0; i < lines.length; i++) {
    // A year or "Total" starts "19", "20", "to" or "TO" (either case): most lines, "The …" among
    // them, are passed over without a trimmed copy.
    if (!mayBeYearish(lines[i].text)) continue;
    if (out.consumed.has(lines[i].i) || !YEARISH.test(lines[i].text.trim())) continue;
    let k = 0;
    while (i + k < lines.length && YEARISH.test(lines[i + k].text.trim())) k++;
    if (k < 2 || !/\d/.test(lines[i].text)) continue;
    const heads = lines.slice(i, i + k);
    const lead: Line[] = [];
    // Corner headings just above ("Offence Type", "Year"): short label lines.
    for (let b = i - 1; b >= 0 && lead.length < 2; b--) {
      const t = lines[b].text;
      if (out.consumed.has(lines[b].i) || pieceCount(t, 4) > 4 || /[.:]$/.test(t) || parseNumberCell(t) !== null) break;
      lead.unshift(lines[b]);
    }
    const rows: Cell[][] = [];
    let j = i + k;
    const used: Line[] = [...lead, ...heads];
    while (j + k < lines.length + 0 && j < lines.length) {
      const label = lines[j];
      const nums = lines.slice(j + 1, j + 1 + k);
      if (nums.length < k || parseNumberCell(label.text) !== null || pieceCount(label.text, 8) > 8) break;
      if (!nums.every((n) => parseNumberCell(n.text) !== null)) break;
      rows.push([cell(label.text, label.start), ...nums.map((n) => cell(n.text, n.start))]);
      used.push(label, ...nums);
      j += 1 + k;
    }
    if (!rows.length) continue;
    const corner = lead.length ? lead[0] : null;
    const header = [corner ? cell(corner.text, corner.start) : cell('', heads[0].start), ...heads.map((h) => cell(h.text, h.start))];
    for (const u of used) out.consumed.add(u.i);
    const caption = lead.length > 1 ? lead.map((l) => l.text).join(' ') : undefined;
    out.tables.push({ locator: `char:${used[0].start}-${lines[j - 1].end}`, rows: [header, ...rows], headerRows: 1, start: used[0].start, end: lines[j - 1].end, caption });
    i = j - 1;
  }
}

/** Cells of a row printed on one line: between pipes ("| a | b |", "|2018|23|", "2018/19 | 8") or runs of 2+ spaces. */
function rowCells(line: Line, pipe: boolean): Cell[] | null {
  const t = line.text;
  const pieces: Array<{ text: string; start: number }> = [];
  if (pipe && (/\S\s*\|\s*\S/.test(t) || /^\|.*\|$/.test(t.trim()))) {
    let pos = 0;
    for (const part of t.split('|')) {
      const text = part.trim();
      if (text) pieces.push({ text, start: line.start + pos + part.indexOf(text) });
      pos += part.length + 1;
    }
    // "| a |  | c |": keep empty cells between pipes so columns line up.
    const inner = t.trim().replace(/^\||\|$/g, '').split('|');
    if (inner.length !== pieces.length) {
      pieces.length = 0;
      let p2 = t.indexOf(t.trim().replace(/^\|/, ''));
      for (const part of inner) {
        const text = part.trim();
        pieces.push({ text, start: line.start + p2 + (text ? part.indexOf(text) : 0) });
        p2 += part.length + 1;
      }
    }
  } else if ((t.includes('  ') || t.includes('\t')) && /\S(?: {2,}|\t)\S/.test(t)) {
    for (const m of t.matchAll(/\S+(?: \S+)*/g)) pieces.push({ text: m[0], start: line.start + m.index! });
  } else return null;
  if (pieces.length < 2) return null;
  return pieces.map((p) => cell(p.text, p.start));
}

const SEPARATOR_ROW = /^[|+\s:=-]{3,}$/;

/** Rows printed one per line with pipes or aligned columns; the first row without counts is the header. */
function rowTables(lines: Line[], out: TextTables, facts: Facts): void {
  // A line's cells, asked again from each line of a run that does not make a table: once per line.
  const cellsAt = (u: number) => {
    const c = facts.cells[u];
    return c !== undefined ? c : (facts.cells[u] = rowCells(lines[u], facts.pipe[u]));
  };
  for (let i = 0; i < lines.length; i++) {
    if (out.consumed.has(lines[i].i)) continue;
    const first = cellsAt(i);
    if (!first) continue;
    const rows: Cell[][] = [first];
    const used = [lines[i]];
    let j = i + 1;
    for (; j < lines.length; j++) {
      if (out.consumed.has(lines[j].i)) break;
      if (SEPARATOR_ROW.test(lines[j].text)) {
        used.push(lines[j]);
        continue;
      }
      const r = cellsAt(j);
      if (!r || Math.abs(r.length - first.length) > 1) break;
      rows.push(r);
      used.push(lines[j]);
    }
    const withCounts = rows.filter((r) => r.some((c) => parseNumberCell(c.text) !== null && !/^(?:19|20)\d{2}$/.test(c.text)));
    if (rows.length < 2 || !withCounts.length) continue;
    const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
    // A header with no corner cell ("   2020   2021") is one cell short: pad it on the left.
    const padded = rows.map((r) => (r.length < width ? [cell('', r[0].start ?? 0), ...r] : r));
    for (const u of used) out.consumed.add(u.i);
    const headerRows = parseNumberCell(padded[0][1]?.text ?? '') === null || /^(?:19|20)\d{2}$/.test(padded[0][1]?.text ?? '') ? 1 : 0;
    out.tables.push({ locator: `char:${used[0].start}-${used[used.length - 1].end}`, rows: padded, headerRows: headerRows || undefined, start: used[0].start, end: used[used.length - 1].end });
    i = j - 1;
  }
}

/**
 * One cell per line with text headings: "Year" "Assaults" "Injured" then "2020" "301" "118" …
 * The headings fix the width k; each row is a label (a year or words) and k-1 numbers.
 */
export function cellRowTables(lines: Line[], out: TextTables, longest = 7, facts: Facts = factsOf(lines)): void {
  // What each line is as a cell, worked out once up front (issue 17): the runs below ask it of
  // each line again from every start that could reach it. Only lines this loop has passed are
  // consumed while it runs, so a line's state at the start is its state whenever it is asked.
  //   cellAt: not consumed, no pipe, no closing ".:;,", at most six words
  //   numAt: its number as a cell (parseNumberCell), where cellAt
  //   headAt: cellAt, no number, not starting with a year
  const n = lines.length;
  const cellAt = new Uint8Array(n);
  const headAt = new Uint8Array(n);
  const numAt: Array<number | null> = new Array(n).fill(null);
  for (let u = 0; u < n; u++) {
    const t = lines[u].text;
    if (out.consumed.has(lines[u].i) || endsClause(endCode(t)) || facts.pipe[u] || pieceCount(t, 6) > 6) continue;
    cellAt[u] = 1;
    const v = parseNumberCell(t);
    numAt[u] = v;
    if (v === null && !/^(?:19|20)\d{2}/.test(t)) headAt[u] = 1;
  }
  for (let i = 0; i < n; i++) {
    if (!cellAt[i] || numAt[i] !== null) continue;
    // The heading run is counted up to 7 (`longest`, Infinity in tests): past 6 the run is no
    // heading, however long it is, and counting a long run of short lines (a menu) to its end
    // again from each of its lines was quadratic (issue 17).
    let k = 0;
    while (k < longest && i + k < n && headAt[i + k]) k++;
    if (k < 2 || k > 6) continue;
    let j = i + k;
    while (j + k <= n) {
      let fits = true;
      for (let u = j; u < j + k && fits; u++) fits = cellAt[u] === 1 && (u === j || numAt[u] !== null);
      if (!fits) break;
      j += k;
    }
    // The heading and at least two rows: cells are made only for a table.
    if (j - i < 3 * k) continue;
    const rows: Cell[][] = [];
    for (let r = i; r < j; r += k) rows.push(lines.slice(r, r + k).map((l) => cell(l.text, l.start)));
    for (let u = i; u < j; u++) out.consumed.add(lines[u].i);
    out.tables.push({ locator: `char:${lines[i].start}-${lines[j - 1].end}`, rows, headerRows: 1, start: lines[i].start, end: lines[j - 1].end });
    i = j - 1;
  }
}

export function findTextTables(lines: Line[]): TextTables {
  const out: TextTables = { tables: [], consumed: new Set() };
  const content: Line[] = [];
  let top = -1;
  for (const l of lines) {
    if (l.blank || l.furniture || l.kind === 'table_row') continue;
    content.push(l);
    if (l.i > top) top = l.i;
  }
  tokenMemo = new Array(top + 1);
  const facts = factsOf(content);
  try {
    pipeTables(content, out, facts);
    rowTables(content, out, facts);
    spaceTables(content, out);
    wordHeaderTables(content, out, facts);
    stackedTables(content, out);
    cellRowTables(content, out, 7, facts);
  } finally {
    tokenMemo = []; // the document's lines are not kept past the call
  }
  out.tables.sort((a, b) => (a.start ?? 0) - (b.start ?? 0));
  return out;
}
