// Tables that survive only as text, in the three shapes pages flatten them into:
//   space-separated rows under a year header   "2017 2018 2019" / "Complaints 3 5 3"
//   one cell per line ending in " |"            "Year |" "Dismissed |" "2010 |" "0 |"
//   one cell per line under year headings      "2013-14" "2014-15" "Total" "No action" "46" …
// Each becomes a reader-style Table whose cells point into the document (char: locators),
// so the one table interpreter serves text, HTML, PDF, XLSX and DOCX alike.
import type { Cell, Table } from '../readers/types.js';
import type { Line } from './doc-model.js';
import { parseNumberCell } from './numbers.js';

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

/** Tokens of a line with their offsets in the document. */
function tokens(line: Line): Array<{ text: string; start: number }> {
  return [...line.text.matchAll(/\S+/g)].map((m) => ({ text: m[0], start: line.start + m.index! }));
}

function isYearHeader(line: Line): boolean {
  const t = tokens(line);
  return t.length >= 2 && t.every((x) => /^(?:19|20)\d{2}$/.test(x.text) || /^total$/i.test(x.text)) && t.filter((x) => /^\d/.test(x.text)).length >= 2;
}

/** "Label words 3 5 3 4" → label + k numbers, or only k numbers. */
function splitRow(line: Line, k: number): Cell[] | null {
  const t = tokens(line);
  if (t.length < k) return null;
  const nums = t.slice(t.length - k);
  if (!nums.every((x) => NUM_TOKEN.test(x.text))) return null;
  const labelToks = t.slice(0, t.length - k);
  if (labelToks.some((x) => NUM_TOKEN.test(x.text)) && labelToks.length && NUM_TOKEN.test(labelToks[labelToks.length - 1].text)) return null;
  const label = labelToks.length ? cell(line.text.slice(labelToks[0].start - line.start, labelToks[labelToks.length - 1].start - line.start + labelToks[labelToks.length - 1].text.length), labelToks[0].start) : cell('', line.start);
  return [label, ...nums.map((x) => cell(x.text, x.start))];
}

function spaceTables(lines: Line[], out: TextTables): void {
  for (let i = 0; i < lines.length; i++) {
    const head = lines[i];
    if (out.consumed.has(head.i) || !isYearHeader(head)) continue;
    const ht = tokens(head);
    const k = ht.length;
    const rows: Cell[][] = [[cell('', head.start), ...ht.map((x) => cell(x.text, x.start))]];
    const used = [head.i];
    let caption: string | undefined;
    const prev = lines[i - 1];
    if (prev && !out.consumed.has(prev.i) && prev.text.split(/\s+/).length <= 6 && !/[.:]$/.test(prev.text) && !/\d/.test(prev.text)) {
      caption = prev.text;
      used.push(prev.i);
    }
    let j = i + 1;
    let dataRows = 0;
    for (; j < lines.length; j++) {
      const l = lines[j];
      if (isYearHeader(l)) break;
      const row = splitRow(l, k);
      if (row) {
        rows.push(row);
        used.push(l.i);
        dataRows++;
        continue;
      }
      // A group heading inside the table ("Complaints Received"): short, no digits, no full stop.
      const next = lines[j + 1];
      if (l.text.split(/\s+/).length <= 5 && !/[\d.:;,]$/.test(l.text) && !/\d/.test(l.text) && next && splitRow(next, k)) {
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

/** Cells ending in "|" one per line; a line of only "|" starts a row. */
function pipeTables(lines: Line[], out: TextTables): void {
  for (let i = 0; i < lines.length; i++) {
    // One cell per line: the only pipe is the trailing one.
    const single = (l: Line) => /^[^|]*\|\s*$/.test(l.text);
    if (out.consumed.has(lines[i].i) || !single(lines[i])) continue;
    let j = i;
    const run: Line[] = [];
    while (j < lines.length && single(lines[j])) run.push(lines[j++]);
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
    if (out.consumed.has(lines[i].i) || !YEARISH.test(lines[i].text.trim())) continue;
    let k = 0;
    while (i + k < lines.length && YEARISH.test(lines[i + k].text.trim())) k++;
    if (k < 2 || !/\d/.test(lines[i].text)) continue;
    const heads = lines.slice(i, i + k);
    const lead: Line[] = [];
    // Corner headings just above ("Offence Type", "Year"): short label lines.
    for (let b = i - 1; b >= 0 && lead.length < 2; b--) {
      const t = lines[b].text;
      if (out.consumed.has(lines[b].i) || t.split(/\s+/).length > 4 || /[.:]$/.test(t) || parseNumberCell(t) !== null) break;
      lead.unshift(lines[b]);
    }
    const rows: Cell[][] = [];
    let j = i + k;
    const used: Line[] = [...lead, ...heads];
    while (j + k < lines.length + 0 && j < lines.length) {
      const label = lines[j];
      const nums = lines.slice(j + 1, j + 1 + k);
      if (nums.length < k || parseNumberCell(label.text) !== null || label.text.split(/\s+/).length > 8) break;
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
function rowCells(line: Line): Cell[] | null {
  const t = line.text;
  const pieces: Array<{ text: string; start: number }> = [];
  if (/\S\s*\|\s*\S/.test(t) || /^\|.*\|$/.test(t.trim())) {
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
  } else if (/\S(?: {2,}|\t)\S/.test(t)) {
    for (const m of t.matchAll(/\S+(?: \S+)*/g)) pieces.push({ text: m[0], start: line.start + m.index! });
  } else return null;
  if (pieces.length < 2) return null;
  return pieces.map((p) => cell(p.text, p.start));
}

const SEPARATOR_ROW = /^[|+\s:=-]{3,}$/;

/** Rows printed one per line with pipes or aligned columns; the first row without counts is the header. */
function rowTables(lines: Line[], out: TextTables): void {
  for (let i = 0; i < lines.length; i++) {
    if (out.consumed.has(lines[i].i)) continue;
    const first = rowCells(lines[i]);
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
      const r = rowCells(lines[j]);
      if (!r || Math.abs(r.length - first.length) > 1) break;
      rows.push(r);
      used.push(lines[j]);
    }
    const withCounts = rows.filter((r) => r.some((c) => parseNumberCell(c.text) !== null && !/^(?:19|20)\d{2}$/.test(c.text)));
    if (rows.length < 2 || !withCounts.length) continue;
    const width = Math.max(...rows.map((r) => r.length));
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
function cellRowTables(lines: Line[], out: TextTables): void {
  const isCell = (l: Line) => !out.consumed.has(l.i) && l.text.split(/\s+/).length <= 6 && !/[.:;,]$/.test(l.text) && !/\|/.test(l.text);
  for (let i = 0; i < lines.length; i++) {
    if (!isCell(lines[i]) || parseNumberCell(lines[i].text) !== null) continue;
    let k = 0;
    while (i + k < lines.length && isCell(lines[i + k]) && parseNumberCell(lines[i + k].text) === null && !/^(?:19|20)\d{2}/.test(lines[i + k].text)) k++;
    if (k < 2 || k > 6) continue;
    const rows: Cell[][] = [lines.slice(i, i + k).map((l) => cell(l.text, l.start))];
    let j = i + k;
    while (j + k <= lines.length) {
      const group = lines.slice(j, j + k);
      if (!group.every(isCell) || !group.slice(1).every((g) => parseNumberCell(g.text) !== null)) break;
      rows.push(group.map((g) => cell(g.text, g.start)));
      j += k;
    }
    if (rows.length < 3) continue;
    for (let u = i; u < j; u++) out.consumed.add(lines[u].i);
    out.tables.push({ locator: `char:${lines[i].start}-${lines[j - 1].end}`, rows, headerRows: 1, start: lines[i].start, end: lines[j - 1].end });
    i = j - 1;
  }
}

export function findTextTables(lines: Line[]): TextTables {
  const out: TextTables = { tables: [], consumed: new Set() };
  const content = lines.filter((l) => !l.blank && !l.furniture && l.kind !== 'table_row');
  pipeTables(content, out);
  rowTables(content, out);
  spaceTables(content, out);
  stackedTables(content, out);
  cellRowTables(content, out);
  out.tables.sort((a, b) => (a.start ?? 0) - (b.start ?? 0));
  return out;
}
