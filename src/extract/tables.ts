// A table (from any reader) → figures and cases. Pure: the same table gives the same rows,
// whatever format it came from, so that one conviction table read from HTML, PDF, XLSX,
// DOCX or CSV yields the same figures.
//
// Two shapes are understood:
// - count tables: heading rows/columns (years, offences, gender, rank, status, role, event)
//   around numeric cells; every numeric cell is one figure, totals are kept but marked;
// - officer-level tables: one row per individual (rank, gender, offence, outcome, status …)
//   → one case per row. Names, dates of birth and personal identifiers are never copied.
import type { Cell, Table } from '../readers/types.js';
import type { EventKind, Gender, Measure, Role, Status } from '../records/vocab.js';
import type { CaseDraft, FigureDraft } from './attachment.js';
import { mapped } from './arrays.js';
import { parseFullDate } from './dates.js';
import { periodOfHeading, periodOfText, type TablePeriod } from './table-periods.js';
import { measureBySums, totalMismatch } from './totals.js';
import { eventOf, exitStatus, genderOf, measureOf, namesOtherUnit, offenceCategory, rankOf, roleOf, statusOf } from './vocab-map.js';

export interface TableContext {
  sha256: string;
  /** What the table counts, when the caller knows (from the question); else inferred or 'unknown'. */
  measure?: Measure;
  /** Which event the table counts, when the caller knows; else inferred or 'other'. */
  event?: EventKind;
  /** Label of the question the table answers. */
  question?: string | null;
  /** Figures read from earlier tables of the same document: a breakdown that adds up to one of their measures counts it. */
  earlier?: FigureDraft[];
}

export interface TableRows {
  figures: FigureDraft[];
  cases: CaseDraft[];
  warnings: string[];
}

// ---------------------------------------------------------------- cell kinds

// Runs of whitespace as one space; most cell texts need only a trim, found by a test cheaper than the replace.
const NEEDS_CLEAN = /[^\S ]|\u200b| {2}/;
const clean = (s: string | undefined) => {
  const t = s ?? '';
  return (NEEDS_CLEAN.test(t) ? t.replace(/[\s\u00a0\u200b]+/g, ' ') : t).trim();
};

/** "12", "1,051", "None", "Nil" → the count; null for anything else (dates, decimals, words). */
export function parseCount(text: string): number | null {
  const t = clean(text);
  if (/^\d{1,3}(,\d{3})+$/.test(t)) return Number(t.replace(/,/g, ''));
  if (/^\d{1,9}$/.test(t)) return Number(t);
  if (/^(none|nil|zero)$/i.test(t)) return 0;
  return null;
}

export interface YearHeading {
  year: number;
  period_start: string | null;
  period_end: string | null;
}

/** A heading as a period: "2019" (calendar year), "2013-14" / "2013/2014" / "04/05" / "FY 2013/14" (April–March), "Sep-18", "2020 (to June)" (year only). */
export function parseYearHeading(text: string): YearHeading | null {
  const p = periodOfHeading(text);
  return p && p.year !== null ? { year: p.year, period_start: p.period_start, period_end: p.period_end } : null;
}

const TOTAL = /^(grand\s+)?(sub[\s-]?)?totals?\b|^all\b(?!\s+other)|^overall\b|\btotal$/i;
const isTotal = (s: string) => TOTAL.test(clean(s));
/**
 * Withheld, suppressed or banded values are not exact figures: reported, never counted as
 * zero. "x"/"X" (not available), "c" / "[c]" (confidential), "*", "..", ".", "<5", "1-4".
 */
const SUPPRESSED = /^(<|≤|less than|fewer than|under)\s*\d+$|^\*+$|^[1-9]\s*-\s*[1-9]$|^(redacted|suppressed|withheld)$|^\[?[xcz]\]?$|^\.{1,2}$|^\[(low|u|w)\]$/i;

// ---------------------------------------------------------------- column roles (officer-level tables)

type Field = 'drop' | 'role' | 'rank' | 'gender' | 'offence' | 'disposal' | 'status_now' | 'status_at_event' | 'year' | 'date' | 'event';

/** Columns that identify a person: never read, never copied (a column headed just "Officer" or "Staff member" holds who, not what). */
const PERSONAL =
  /\b(first|last|sur|fore|full|given|family|middle|officer'?s?|employee'?s?|staff)?\s*names?\b|surname|forename|initials|date of birth|\bd\.?o\.?b\.?\b|birth ?date|\bborn\b|collar|warrant (no|number)|payroll|shoulder number|service number|employee (no|number|id)|staff (no|number|id)|personnel number|national insurance|address|post ?code|^(?:the )?(?:officer|staff member|member of staff|employee|individual|person|subject)$/i;

// Each column role and the words that give it, in the order they are asked.
const NOT_PERSONAL = /offen[cs]e|crime|unit|station|department|court|team|rank|role|hospital|location|place|premises|site|street|road|ward|school|force|area|district|region|organi[sz]ation|company|business|establishment|venue|outcome|category|type/;
const FIELDS: ReadonlyArray<readonly [Field, RegExp]> = [
  ['status_at_event', /status (at|when|on)|at (the )?time of|status then|then status/],
  ['status_now', /status|still serving|current(ly)? (position|employment)|employment|now\b|serving/],
  ['rank', /\brank\b|\bgrade\b/],
  ['role', /\brole\b|employee type|staff type|officer type|type of (employee|staff|officer)|job title|\bposition\b|\bpost\b|officer ?\/ ?staff|officer or staff/],
  ['gender', /gender|\bsex\b/],
  ['disposal', /outcome|disposal|sentence|result|penalty|punishment|court decision|verdict/],
  ['date', /\bdate\b/],
  ['year', /\byear\b/],
  ['offence', /offen[cs]e|crime|conviction|charge|nature|category|allegation/],
  ['event', /\bevent\b|\baction\b|\btype\b/],
];
// Every pattern above needs an ASCII letter (a heading is lower-cased first, and without the u
// flag no other character matches one): "2020", "2013/14", "£ (000s)" need none of them (issue 17: a table's
// year headings compiled and ran all twelve, twice on a one-file run).
const HAS_LETTER = /[a-z]/;

/** Every pattern fieldOf asks, for tests: none may match a heading without an ASCII letter. */
export function fieldPatterns(): RegExp[] {
  return [PERSONAL, NOT_PERSONAL, ...FIELDS.map(([, re]) => re)];
}

export function fieldOf(heading: string): Field | null {
  const h = clean(heading).toLowerCase();
  if (!h || !HAS_LETTER.test(h)) return null;
  // "Hospital name", "Station name": the name of a place or body, not of a person.
  if (PERSONAL.test(h) && !NOT_PERSONAL.test(h)) return 'drop';
  for (const [field, re] of FIELDS) if (re.test(h)) return field;
  return null;
}

/** fieldOf(heading) === 'drop', without the other fields' patterns: all a count table asks of its headings. */
export function isDropped(heading: string): boolean {
  const h = clean(heading).toLowerCase();
  return !!h && HAS_LETTER.test(h) && PERSONAL.test(h) && !NOT_PERSONAL.test(h);
}

// ---------------------------------------------------------------- headings as breakdowns

type Dim = 'year' | 'gender' | 'measure' | 'rank' | 'status' | 'event' | 'offence' | 'label';

interface Breakdown {
  year?: YearHeading;
  offence?: string;
  gender?: Gender;
  rank?: string;
  status?: Status;
  measure?: Measure;
  event?: EventKind;
  total?: boolean;
}

const OFFENCE_AXIS = /offen[cs]e|crime|category|type of (crime|offence)|conviction/i;

/** What a run of headings (one heading row, or one label column) breaks the figures down by. */
function dimensionOf(texts: string[], axisHeading: string): Dim {
  const vals = texts.map(clean).filter((t) => t && !isTotal(t));
  if (!vals.length) return 'label';
  const all = (f: (t: string) => unknown) => vals.every((t) => f(t) !== null);
  if (all(parseYearHeading)) return 'year';
  if (all(genderOf)) return 'gender';
  if (/gender|\bsex\b/i.test(axisHeading)) return 'gender';
  if (all(measureOf) && vals.every((t) => !statusOf(t))) return 'measure';
  if (/\brank\b/i.test(axisHeading) || all(rankOf)) return 'rank';
  if (/status/i.test(axisHeading) || all(statusOf)) return 'status';
  if (all(eventOf)) return 'event';
  if (OFFENCE_AXIS.test(axisHeading)) return 'offence';
  const placed = vals.filter((t) => offenceCategory(t) !== 'other').length;
  if (placed * 2 >= vals.length && vals.length >= 1) return 'offence';
  return 'label';
}

/** The parts as one breakdown: each field from the first part that gives it (a row's headings before its column's). */
function mergeBreakdowns(parts: Breakdown[]): Breakdown {
  const b: Breakdown = {};
  for (const part of parts) {
    if (b.year === undefined && part.year !== undefined) b.year = part.year;
    if (b.offence === undefined && part.offence !== undefined) b.offence = part.offence;
    if (b.gender === undefined && part.gender !== undefined) b.gender = part.gender;
    if (b.rank === undefined && part.rank !== undefined) b.rank = part.rank;
    if (b.status === undefined && part.status !== undefined) b.status = part.status;
    if (b.measure === undefined && part.measure !== undefined) b.measure = part.measure;
    if (b.event === undefined && part.event !== undefined) b.event = part.event;
    if (b.total === undefined && part.total !== undefined) b.total = part.total;
  }
  return b;
}

function breakdownOf(text: string, dim: Dim): Breakdown {
  const t = clean(text);
  if (!t) return {};
  if (isTotal(t)) return { total: true };
  // "Absence Days", "Cost (£)": the figures are not people, whatever the request asked about.
  if (dim !== 'year' && namesOtherUnit(t)) return { measure: 'unknown', event: 'other' };
  switch (dim) {
    case 'year': {
      const y = parseYearHeading(t);
      return y ? { year: y } : {};
    }
    case 'gender':
      return { gender: genderOf(t) ?? undefined };
    case 'measure':
      // "Allegations" names the unit and the event alike.
      return { measure: measureOf(t) ?? undefined, event: eventOf(t) ?? undefined };
    case 'rank':
      return { rank: rankOf(t) ?? t };
    case 'status':
      // "Dismissed", "Resigned or retired": an exit is what happened as well as where they are now.
      return { status: statusOf(t) ?? undefined, event: eventOf(t) ?? undefined };
    case 'event':
      // "Dismissed", "Retired/ Resigned": an exit is where they are now as well as what happened.
      return { event: eventOf(t) ?? undefined, status: exitStatus(t) ?? undefined };
    case 'offence':
      return { offence: t };
    default: {
      // A row or column of mixed labels still says what it counts where its own words do
      // ("Complaints", "Allegations", "Conducts"): the figure's own heading comes first.
      const measure = measureOf(t) ?? undefined;
      const event = eventOf(t) ?? undefined;
      const status = exitStatus(t) ?? undefined;
      return measure || event || status ? { measure, event, status } : {};
    }
  }
}

// ---------------------------------------------------------------- cells

/** A cell's number: the spreadsheet's stored value, else the printed count or decimal ("1,051", "5516.65", "-82"). */
// A cell's number and whether it is a period, kept for one interpretTable call: listShape,
// groupsOf, rowKind and the value-column tests ask them of the same cells again and again (a
// cell is never changed in place: a cell given another text is a copy, with its own entry).
let cellNumbers: Map<Cell, number | null> | null = null;
let cellPeriods: Map<Cell, boolean> | null = null;

function numberOf(cell: Cell): number | null {
  if (cellNumbers === null) return readNumber(cell);
  let v = cellNumbers.get(cell);
  if (v === undefined) cellNumbers.set(cell, (v = readNumber(cell)));
  return v;
}

function readNumber(cell: Cell): number | null {
  if (cell.merged) return null;
  if (cell.value !== undefined && cell.date === undefined) return cell.value;
  const t = clean(cell.text);
  const n = parseCount(t);
  if (n !== null) return n;
  if (/^-?\d{1,3}(,\d{3})*\.\d+$|^-?\d+\.\d+$|^-\d{1,3}(,\d{3})*$|^-\d+$/.test(t)) return Number(t.replace(/,/g, ''));
  // A count with a revision or note mark ("2~", "17*", "5¹") is that count.
  const marked = /^(\d{1,3}(?:,\d{3})+|\d{1,9})\s*(?:[~*†‡^]+|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)$/.exec(t);
  if (marked) return Number(marked[1].replace(/,/g, ''));
  // A lone dash in a count table stands for nothing recorded.
  if (/^[-–—]$/.test(t)) return 0;
  return null;
}

const isWithheld = (cell: Cell) => !cell.merged && SUPPRESSED.test(clean(cell.text));
const isValueish = (cell: Cell) => numberOf(cell) !== null || isWithheld(cell);
const readPeriodish = (cell: Cell) => cell.date !== undefined || parseYearHeading(cell.text) !== null;
function isPeriodish(cell: Cell): boolean {
  if (cellPeriods === null) return readPeriodish(cell);
  let v = cellPeriods.get(cell);
  if (v === undefined) cellPeriods.set(cell, (v = readPeriodish(cell)));
  return v;
}
/** A whole number that reads as a year (a heading), not a count. */
const isYearNumber = (cell: Cell) => {
  const n = numberOf(cell);
  return n !== null && Number.isInteger(n) && n >= 1990 && n <= 2040 && !/,/.test(cell.text);
};

// ---------------------------------------------------------------- footnotes

const SUPERSCRIPT = /[¹²³⁴⁵⁶⁷⁸⁹⁰]+$/;
const FOOTNOTE_SUPERSCRIPT = new Set([...'¹²³⁴⁵⁶⁷⁸⁹⁰'].map((c) => c.charCodeAt(0)));

/** "Durham 1" → "Durham" (when the table has a note 1), "TOTAL*" → "TOTAL", "2019¹" → "2019": the label and the marker. */
export function stripFootnote(text: string, notes: Set<string>): { label: string; marker: string | null } {
  const t = clean(text);
  // Every marker below ends the text: ")", "*", "†", "‡", "^", "~" or a superscript (the first
  // pattern, SUPERSCRIPT), or a digit that is a note's (the second and third: none without notes).
  // A label ending otherwise ("Durham", a year where the table has no notes) is its own label.
  const last = t.charCodeAt(t.length - 1);
  if (!(last === 41 || last === 42 || last === 94 || last === 126 || last === 0x2020 || last === 0x2021 || FOOTNOTE_SUPERSCRIPT.has(last) || (last >= 48 && last <= 57 && notes.size > 0))) {
    return { label: t, marker: null };
  }
  let m = /^(.*?\S)\s*(\(\*+\)|\*+|[†‡^~]+|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)$/.exec(t);
  if (m && /[A-Za-z0-9)]/.test(m[1])) return { label: m[1], marker: m[2] };
  m = /^(.*[A-Za-z)])\s+(\d{1,2}(?:\s*,\s*\d{1,2})*)$/.exec(t);
  if (m && m[2].split(/\s*,\s*/).every((d) => notes.has(d))) return { label: m[1], marker: m[2] };
  // A year with a note digit glued on: "20191", "20191(FTE)".
  m = /^((?:19|20)\d{2})(\d)(\s*\(.*\))?$/.exec(t);
  if (m && notes.has(m[2])) return { label: `${m[1]}${m[3] ?? ''}`, marker: m[2] };
  return { label: t.replace(SUPERSCRIPT, ''), marker: SUPERSCRIPT.test(t) ? t.match(SUPERSCRIPT)![0] : null };
}

// ---------------------------------------------------------------- table shape

interface Grid {
  rows: Cell[][];
  width: number;
  /** Whether the source marked merged cells (then headings are not spread by position). */
  hasMerges: boolean;
}

const blankCell = (locator: string): Cell => ({ text: '', locator });

/** Square grid; columns empty in every row dropped (layout padding in spreadsheets and PDFs). */
function gridOf(table: Table): Grid {
  let width = 0;
  for (const r of table.rows) if (r.length > width) width = r.length;
  const used = new Array<boolean>(width).fill(false);
  let hasMerges = false;
  // mapped, not map: the same array map for an empty table as for a full one (see mapped).
  const rows = mapped(table.rows, (r, i) => {
    const row: Cell[] = new Array(width);
    for (let j = 0; j < width; j++) {
      const c = r[j];
      // Copied only when its text needs cleaning: readers clean it already, and a copy of every
      // cell of a 400k-row table doubles its memory.
      const t = c ? clean(c.text) : '';
      row[j] = c ? (t === c.text ? c : { ...c, text: t }) : blankCell(`${table.locator}:r${i + 1}:c${j + 1}`);
      if (row[j].merged) hasMerges = true;
      else if (row[j].text) used[j] = true;
    }
    return row;
  });
  const keep: number[] = [];
  for (let j = 0; j < width; j++) if (used[j]) keep.push(j);
  return { rows: keep.length === width ? rows : mapped(rows, (r) => mapped(keep, (j) => r[j])), width: keep.length, hasMerges };
}

type RowKind = 'blank' | 'title' | 'header' | 'data';

/** What a row is: nothing, a title or note (one text), headings, or a row of figures. */
function rowKind(row: Cell[]): RowKind {
  let first = -1;
  let distinct: string | null = null;
  let several = false;
  for (let j = 0; j < row.length; j++) {
    if (!row[j].text) continue;
    if (first < 0) first = j;
    if (distinct === null) distinct = row[j].text;
    else if (row[j].text !== distinct) several = true;
  }
  if (first < 0) return 'blank';
  if (!several) {
    const only = row[first];
    return isValueish(only) && !isPeriodish(only) ? 'data' : isPeriodish(only) && row.filter((c) => c.text).length > 1 ? 'header' : 'title';
  }
  let rest = 0;
  let values = 0;
  let years = 0;
  for (let j = first + 1; j < row.length; j++) {
    const c = row[j];
    if (!c.text || c.merged) continue;
    rest++;
    if (isYearNumber(c)) years++;
    else if (isValueish(c) && !isPeriodish(c)) values++;
  }
  // "2019 | 2020 | 2021" over the columns is a heading row, not three counts.
  if (years >= 2 && values === 0) return 'header';
  if (rest === 0) return isValueish(row[first]) ? 'data' : 'header';
  return values > 0 && (values + years) * 2 >= rest ? 'data' : 'header';
}

/** "1. Estimates …", "* For one …", "^ This includes …", "Source: …", "x = Not available": notes, not titles. */
const NOTE_LINE = /^(?:\d{1,2}[.)]\s|\(?\d{1,2}\)\s|[*^~†‡¹²³⁴⁵⁶⁷⁸⁹⁰]|\(?[a-z]\)\s|(?:source|sources|notes?|key|symbols?|footnotes?)\b\s*[:.-]?|\S{1,4}\s*=\s|\[[a-z]+\]\s*[=:-])/i;

interface Run {
  sections: string[];
  rows: Cell[][];
}
interface Group {
  titles: string[];
  header: Cell[][];
  runs: Run[];
}

/**
 * Rows → stacked tables: a heading block after figures starts a new table; titles above a
 * heading block title it; titles between runs of figures are section headings inside it.
 */
function groupsOf(grid: Grid, caption: string | undefined): { groups: Group[]; notes: Set<string> } {
  const groups: Group[] = [];
  const notes = new Set<string>();
  let cur: Group | null = null;
  let pending: string[] = caption ? [caption] : [];
  let lastRun: Run | null = null;
  let afterBreak = false;
  for (const row of grid.rows) {
    let kind = rowKind(row);
    if (kind === 'blank') {
      afterBreak = true;
      continue;
    }
    // A row of words inside a run of figures ("Assault | not recorded") is a row, not new headings.
    if (kind === 'header' && cur && lastRun && !afterBreak && !pending.length && row[0].text && !row.some(isPeriodish)) kind = 'data';
    if (kind === 'title') {
      const t = row.find((c) => c.text)!.text;
      const note = /^(\d{1,2})[.)]\s/.exec(t);
      if (note) notes.add(note[1]);
      // Footnotes, sources and symbol keys under a table are not the next table's title.
      if (!NOTE_LINE.test(t)) pending.push(t);
    } else if (kind === 'header') {
      if (!cur || cur.runs.length) {
        cur = { titles: pending, header: [row], runs: [] };
        groups.push(cur);
        lastRun = null;
      } else {
        cur.titles.push(...pending);
        cur.header.push(row);
      }
      pending = [];
    } else {
      if (!cur) {
        cur = { titles: pending, header: [], runs: [] };
        groups.push(cur);
        pending = [];
      }
      if (!lastRun || pending.length) {
        const prev: string[] = (lastRun as Run | null)?.sections ?? [];
        lastRun = { sections: pending.length ? pending : prev, rows: [] };
        cur.runs.push(lastRun);
        pending = [];
      }
      lastRun.rows.push(row);
    }
    afterBreak = false;
  }
  return { groups, notes };
}

// ---------------------------------------------------------------- interpretation

/** Column headings: above-row texts spread over blank slots to their right (a group heading printed once), joined top to bottom. */
function headingsOf(header: Cell[][], width: number, firstValue: number, hasMerges: boolean, notes: Set<string>): { headings: string[]; raw: string[][] } {
  const raw: string[][] = [];
  for (let j = 0; j < width; j++) raw.push([]);
  header.forEach((row, k) => {
    let carry = '';
    for (let j = 0; j < width; j++) {
      let t = row[j].text;
      if (!t && !hasMerges && k < header.length - 1 && j > firstValue) t = carry;
      if (j >= firstValue) carry = t;
      if (t) raw[j].push(t);
    }
  });
  const headings = mapped(raw, (parts) => {
    const out: string[] = [];
    for (const p of parts) {
      const s = stripFootnote(p, notes).label;
      if (s && out[out.length - 1] !== s) out.push(s);
    }
    return out.join(' ');
  });
  return { headings, raw };
}

const NOT_COUNTS = /percent|%|\brate\b|\bratio\b|proportion|\baverage\b|\bmean\b|\bmedian\b|latitude|longitude|\beasting\b|\bnorthing\b/i;

// Kept only for a table of up to this many cells: a spreadsheet's 400k-row table is read once
// per cell anyway, and maps of its cells would be hundreds of megabytes.
const MEMO_CELLS = 4096;

export function interpretTable(table: Table, ctx: TableContext): TableRows {
  let cells = 0;
  for (let r = 0; r < table.rows.length && cells <= MEMO_CELLS; r++) cells += table.rows[r].length;
  if (cells > MEMO_CELLS) return interpretCells(table, ctx);
  cellNumbers = new Map();
  cellPeriods = new Map();
  try {
    return interpretCells(table, ctx);
  } finally {
    // The table's cells are not kept past the call.
    cellNumbers = null;
    cellPeriods = null;
  }
}

function interpretCells(table: Table, ctx: TableContext): TableRows {
  const out: TableRows = { figures: [], cases: [], warnings: [] };
  if (!table.rows.length) return out;
  const grid = gridOf(table);
  if (!grid.width || !grid.rows.length) return out;
  const list = listShape(grid, table);
  if (list) {
    if (list.officers) interpretCases(list.shape, list.fields, list.dropped, ctx, out);
    else summariseList(list.shape, list.headings, list.dropped, table, ctx, out);
    return out;
  }
  const { groups, notes } = groupsOf(grid, table.caption ? clean(table.caption) : undefined);
  for (const g of groups) interpretGroup(g, grid, notes, ctx, out);
  return out;
}

/** arr.map(fn).filter(Boolean).join(sep), without the two arrays (as mapped). */
function joinFilled<T>(arr: readonly T[], fn: (x: T, k: number) => string, sep: string): string {
  let out = '';
  for (let k = 0; k < arr.length; k++) {
    const t = fn(arr[k], k);
    if (t) out = out ? out + sep + t : t;
  }
  return out;
}

function interpretGroup(g: Group, grid: Grid, notes: Set<string>, ctx: TableContext, out: TableRows): void {
  const width = grid.width;
  // Loops, not flatMap or Array.from: both take V8's generic paths, slow on a table's few rows.
  const body: Cell[][] = [];
  for (const r of g.runs) for (const row of r.rows) body.push(row);
  if (!body.length) return;
  const firstHeadings = headingsOf(g.header, width, 0, grid.hasMerges, notes).headings;
  const dropped = new Set<number>();
  firstHeadings.forEach((h, j) => isDropped(h) && dropped.add(j));
  // A first column numbering the rows 1, 2, 3 … is an index, not a count.
  if (width > 1 && body.length >= 2 && /^(|no\.?|#|item|ref\.?|serial|s\/n|number)$/i.test(firstHeadings[0]) && body.every((r, i) => r[0].text === String(i + 1))) dropped.add(0);

  const share = (j: number) => {
    let filled = 0;
    let vals = 0;
    for (const r of body) {
      if (!r[j].text || r[j].merged) continue;
      filled++;
      if (isValueish(r[j])) vals++;
    }
    return filled ? vals / filled : 0;
  };
  // A column of years ("2019", "2020/21") down the side is the rows' labels.
  const yearColumn = (j: number) => (j === 0 || /year|period|date/i.test(firstHeadings[j])) && body.every((r) => !r[j].text || isYearNumber(r[j]) || isPeriodish(r[j]) || isTotal(r[j].text)) && body.some((r) => r[j].text && !isTotal(r[j].text));
  const isValueColumn = (j: number) => !dropped.has(j) && share(j) >= 0.5 && !NOT_COUNTS.test(firstHeadings[j]) && !yearColumn(j);
  let nLabel = 0;
  while (nLabel < width && !isValueColumn(nLabel)) nLabel++;
  // Numbers down the first column under a heading of words ("Age at time of test" 17, 18 …, "Grand Total") are row labels.
  if (nLabel === 0 && width > 2 && firstHeadings[0] && !parseYearHeading(firstHeadings[0])) {
    const col = body.map((r) => r[0]);
    const nums = col.map(numberOf).filter((n): n is number => n !== null);
    const increasing = nums.length >= 2 && nums.every((n, i) => i === 0 || n > nums[i - 1]) && nums.every((n) => Number.isInteger(n) && n < 1000);
    if (increasing || col.some((c) => c.text && isTotal(c.text))) nLabel = 1;
  }
  if (nLabel >= width) return;
  const valueCols: number[] = [];
  for (let j = nLabel; j < width; j++) if (isValueColumn(j) || (j >= nLabel && share(j) > 0 && !dropped.has(j) && !NOT_COUNTS.test(firstHeadings[j]) && headingLooksCounted(firstHeadings[j]))) valueCols.push(j);
  if (!valueCols.length) return;
  const { headings, raw } = headingsOf(g.header, width, nLabel, grid.hasMerges, notes);
  const labelCols: number[] = [];
  for (let j = 0; j < nLabel; j++) if (!dropped.has(j)) labelCols.push(j);

  // Group labels printed once for several rows apply to the rows below them, where those rows have a label of their own.
  // Rows are copied only where a group label is carried down into them.
  const rows = labelCols.length > 1 ? body.map((r) => r.slice()) : body;
  if (labelCols.length > 1) {
    for (let k = 0; k < labelCols.length - 1; k++) {
      const j = labelCols[k];
      const later = labelCols.slice(k + 1);
      let group = '';
      for (const r of rows) {
        const hasLater = later.some((l) => r[l].text);
        if (r[j].text) group = hasLater ? r[j].text : '';
        else if (hasLater && group) r[j] = { ...r[j], text: group };
      }
    }
  }
  const rowDims = mapped(labelCols, (j) => dimensionOf(rows.map((r) => stripFootnote(r[j].text, notes).label), headings[j]));
  const colDims = mapped(g.header, (r) => dimensionOf(mapped(valueCols, (j) => stripFootnote(r[j].text, notes).label), ''));
  const corner = joinFilled(labelCols, (j) => headings[j], ' ');
  const titleText = g.titles.join(' ');
  const tablePeriod = periodOfText(g.titles.join(' ; ')) ?? periodOfText(mapped(labelCols, (j) => raw[j].join(' ; ')).join(' ; '));
  const otherUnit = namesOtherUnit(`${titleText} ${corner}`);
  const baseMeasure: Measure = otherUnit ? 'unknown' : (ctx.measure ?? measureOf(`${titleText} ${corner}`) ?? 'unknown');
  const baseEvent: EventKind = otherUnit ? 'other' : (ctx.event ?? eventOf(titleText) ?? 'other');
  const named = /\b(?:Q|Question\s*)(\d{1,2}[a-z]?)\b/.exec(titleText);
  const question = ctx.question ?? (named ? named[1] : null);
  const colPeriod = mapped(valueCols, (j): TablePeriod | null => {
    for (let k = g.header.length - 1; k >= 0; k--) {
      const c = g.header[k][j];
      if (c.date) return { year: Number(c.date.slice(0, 4)), period_start: c.date, period_end: c.date };
      const p = c.text ? parseYearHeading(stripFootnote(c.text, notes).label) : null;
      if (p) return p;
    }
    return null;
  });
  const colTotal = mapped(valueCols, (j) => raw[j].some((t) => isTotal(stripFootnote(t, notes).label)));
  // A total column beside period columns covers them all.
  const spanOf = (ps: (YearHeading | TablePeriod | null)[]) => {
    let lo: string | null = null;
    let hi: string | null = null;
    let n = 0;
    for (const p of ps) {
      if (!p?.period_start || !p.period_end) continue;
      n++;
      if (lo === null || p.period_start < lo) lo = p.period_start;
      if (hi === null || p.period_end > hi) hi = p.period_end;
    }
    return n >= 2 && lo && hi ? { year: null, period_start: lo, period_end: hi } : null;
  };
  const colSpan = spanOf(colPeriod);
  for (let v = 0; v < valueCols.length; v++) if (colTotal[v] && !colPeriod[v] && colSpan) colPeriod[v] = colSpan;
  const colBreaks = mapped(valueCols, (j) => mergeBreakdowns(mapped(g.header, (r, k) => breakdownOf(stripFootnote(r[j].text, notes).label, colDims[k]))));

  const titleEvent = eventOf(titleText);
  // Per figure of this group: its run and row, value column, whether its own headings named the
  // measure, and the event its own headings name (for the rules after the loop).
  const groupStart = out.figures.length;
  const meta: Array<{ run: number; row: number; v: number; own: boolean; event: EventKind | undefined; rowTotal: boolean }> = [];
  let ri = 0;
  for (const [runIndex, run] of g.runs.entries()) {
    const context = [...g.titles, ...run.sections].join(' / ');
    const sectionPeriod = periodOfText(run.sections.join(' ; '));
    const rowSpan = rowDims[0] === 'year' ? spanOf(mapped(run.rows, (r) => parseYearHeading(stripFootnote(r[labelCols[0]].text, notes).label))) : null;
    for (let n = 0; n < run.rows.length; n++, ri++) {
      const row = rows[ri];
      const labels = mapped(labelCols, (j) => stripFootnote(row[j].text, notes));
      const marked = labels.some((l) => l.marker);
      let rowLabel = joinFilled(labels, (l) => l.label, ' | ');
      // A row label that is only a number (an age, a band) says what it is through the corner heading.
      if (rowLabel && /^[\d\s.+-]+$/.test(rowLabel) && corner && !isTotal(rowLabel) && !parseYearHeading(rowLabel)) rowLabel = `${corner} ${rowLabel}`;
      // The row's headings as one breakdown (the first to name each part wins), merged once per row, not per cell.
      const rowBreak = mergeBreakdowns(mapped(labelCols, (j, k) => breakdownOf(labels[k].label, rowDims[k])));
      for (let v = 0; v < valueCols.length; v++) {
        const j = valueCols[v];
        const cell = row[j];
        if (!cell.text || cell.merged) continue;
        const value = numberOf(cell);
        if (value === null) {
          if (isWithheld(cell)) out.warnings.push(`${cell.locator}: "${cell.text}" is not an exact figure; not counted`);
          continue;
        }
        const b = mergeBreakdowns([rowBreak, colBreaks[v]]);
        const period = b.year ?? colPeriod[v] ?? (b.total && rowSpan ? rowSpan : null) ?? sectionPeriod ?? tablePeriod;
        const label = rowLabel && headings[j] ? `${rowLabel} | ${headings[j]}` : rowLabel || headings[j];
        meta.push({ run: runIndex, row: n, v, own: b.measure !== undefined, event: b.event, rowTotal: b.total === true });
        out.figures.push({
          value,
          measure: b.measure ?? baseMeasure,
          event: b.event ?? eventForMeasure(b.measure, titleEvent, baseEvent),
          question,
          period_start: period?.period_start ?? null,
          period_end: period?.period_end ?? null,
          year: period?.year ?? null,
          offence: b.offence ?? null,
          offence_category: b.offence ? offenceCategory(b.offence) : null,
          gender: b.gender ?? null,
          rank: b.rank ?? null,
          status: b.status ?? null,
          label: (context ? `${label} — ${context}` : label) || null,
          is_total: b.total === true || colTotal[v],
          text: marked ? `${joinFilled(labels, (l, k) => (l.marker ? row[labelCols[k]].text : l.label), ' | ')}: ${cell.text}` : cell.text,
          locator: cell.locator,
          sha256: ctx.sha256,
        });
      }
    }
  }
  const mine = out.figures.slice(groupStart);
  // Rows that do not name their unit count what they add up to, year by year, among the figures before them.
  const inherited = mine.filter((_, k) => !meta[k].own);
  if (inherited.length && (ctx.earlier?.length || groupStart > 0)) {
    const m = measureBySums(inherited, [...(ctx.earlier ?? []), ...out.figures.slice(0, groupStart)]);
    if (m) {
      mine.forEach((f, k) => {
        if (meta[k].own) return;
        f.measure = m;
        f.event = meta[k].event ?? eventForMeasure(m, titleEvent, baseEvent);
      });
    }
  }
  markRestatedSums(mine, meta);
  checkTotals(mine, meta, out.warnings);
}

/**
 * Rows not labelled a total that restate the sum of the rows listed with them: a row equal, in
 * every column, to the rows straight below it ("Court proceedings" over "Conviction / No
 * conviction / Ongoing"), or a last row equal to all the rows above it. Needs two or more parts,
 * two or more columns and a sum of at least 10 over the row, so that small numbers agreeing by
 * chance are not read as totals.
 */
function markRestatedSums(figures: FigureDraft[], meta: Array<{ run: number; row: number; v: number; rowTotal: boolean }>): void {
  const runs = new Map<number, Map<number, Map<number, number>>>();
  figures.forEach((f, k) => {
    if (f.value === null || meta[k].rowTotal) return;
    const rows = runs.get(meta[k].run) ?? new Map<number, Map<number, number>>();
    const cols = rows.get(meta[k].row) ?? new Map<number, number>();
    cols.set(meta[k].v, f.value);
    rows.set(meta[k].row, cols);
    runs.set(meta[k].run, rows);
  });
  const restated = new Set<string>();
  for (const [run, rows] of runs) {
    const order = [...rows.keys()].sort((a, b) => a - b);
    const equalsSum = (r: number, parts: number[]) => {
      const mine = rows.get(r)!;
      if (mine.size < 2 || parts.length < 2 || [...mine.values()].reduce((a, b) => a + b, 0) < 10) return false;
      return [...mine].every(([v, x]) => parts.every((p) => rows.get(p)!.has(v)) && parts.reduce((a, p) => a + rows.get(p)!.get(v)!, 0) === x);
    };
    // A subtotal's parts are listed straight below it: up to 12 rows are tried, so long runs stay linear.
    if (order.length > 5000) continue;
    order.forEach((r, i) => {
      for (let k = i + 3; k <= Math.min(order.length, i + 13); k++) {
        if (equalsSum(r, order.slice(i + 1, k))) {
          restated.add(`${run}:${r}`);
          return;
        }
      }
    });
    const last = order[order.length - 1];
    if (order.length >= 3 && order.length <= 60 && equalsSum(last, order.slice(0, -1))) restated.add(`${run}:${last}`);
  }
  figures.forEach((f, k) => {
    if (restated.has(`${meta[k].run}:${meta[k].row}`)) f.is_total = true;
  });
}

// Units that are matters, not people: what happened to a person (the request's event) does not
// say what a count of complaints, allegations or cases is; their own headings or the title do.
const MATTERS = new Set<Measure>(['allegations', 'complaints', 'cases']);

function eventForMeasure(own: Measure | undefined, titleEvent: EventKind | null, base: EventKind): EventKind {
  return own && MATTERS.has(own) ? (titleEvent ?? 'other') : base;
}

/**
 * A total row checked against the rows it totals (one total row in a run, the same value column):
 * a warning when it does not add up, both kept.
 */
function checkTotals(figures: FigureDraft[], meta: Array<{ run: number; row: number; v: number; rowTotal: boolean }>, warnings: string[]): void {
  const cols = new Map<string, { totals: number[]; parts: number[] }>();
  figures.forEach((f, k) => {
    if (f.value === null) return;
    const key = `${meta[k].run}:${meta[k].v}`;
    const c = cols.get(key) ?? { totals: [], parts: [] };
    // A row that restates the rows under it (a subtotal) is not a part of the total again.
    if (meta[k].rowTotal) c.totals.push(k);
    else if (!f.is_total) c.parts.push(k);
    cols.set(key, c);
  });
  for (const { totals, parts } of cols.values()) {
    if (totals.length !== 1) continue;
    const t = figures[totals[0]];
    // Only the rows printed above the total are its parts (a note row under it is not).
    const above = parts.filter((k) => meta[k].row < meta[totals[0]].row);
    const w = totalMismatch({ total: t.value!, parts: above.map((k) => figures[k].value!), locator: t.locator, label: t.label });
    if (w) warnings.push(w);
  }
}

/** A heading that names a count ("Total", "Number", a year) keeps a sparse column (mostly blank cells) a value column. */
function headingLooksCounted(h: string): boolean {
  return !!h && (isTotal(h) || parseYearHeading(h) !== null || /\b(number|no\.|count|total)\b/i.test(h));
}

// ---------------------------------------------------------------- lists (one row per person, crime or search)

interface Shape {
  caption: string;
  header: Cell[][];
  body: Cell[][];
}

/** Columns whose numbers are not counts even in a list (an age, a reference, a position). */
const NOT_COUNT_COLUMN = /\bage\b|\bref(erence)?\b|\bid\b|(case|file|collar|warrant|reference|crime|incident|occurrence) (no|number)|^no\.?$|^#$|latitude|longitude|easting|northing/i;
/** List columns that are no category: identifiers, positions, dates and times. */
const LIST_SKIP = /\bref(erence)?\b|\bid\b|(case|file|collar|warrant|reference|crime|incident|occurrence) (no|number)|^no\.?$|^#$|latitude|longitude|easting|northing|\bdate\b|\btime\b/i;
/** Headings of a list of crimes, incidents, searches or members of the public: never officers. */
const RECORD_LIST = /crime (type|ref|no|number)|\bcrime\b|occurrence|incident|\bsearch|object of|victim|suspect|offender|latitude|longitude|ethnicity|age range|legislation|outcome description|location|hospital|premises|\bbeat\b|ward/i;
const ABOUT_OFFICERS = /\bofficers?\b|\bstaff\b|\bpcsos?\b|special constab|\bconstables?\b|\bemployees?\b|\bpersonnel\b/i;

/**
 * A table of words, one row per individual or record, with no count columns: officers (a
 * rank or role column, or a table about officers) give cases; anything else (crimes,
 * searches, incidents) is a record list.
 */
function listShape(grid: Grid, table: Table): { shape: Shape; headings: string[]; fields: (Field | null)[]; dropped: Set<number>; officers: boolean } | null {
  const rows = grid.rows.filter((r) => r.some((c) => c.text));
  const captions: string[] = table.caption ? [clean(table.caption)] : [];
  let k = 0;
  while (k < rows.length - 1 && rowKind(rows[k]) === 'title') {
    captions.push(rows[k].find((c) => c.text)!.text);
    k++;
  }
  const hCount = table.headerRows && table.headerRows > 0 ? Math.min(table.headerRows, rows.length - k) : 1;
  const header = rows.slice(k, k + hCount);
  const body = rows.slice(k + hCount);
  if (!header.length || !body.length || grid.width < 2) return null;
  // The heading row is words (no counts): a list's heading names its columns.
  if (header.some((r) => r.some((c) => isValueish(c) && !isPeriodish(c)))) return null;
  const headings: string[] = [];
  for (let j = 0; j < grid.width; j++) {
    const parts: string[] = [];
    for (const r of header) if (r[j].text && parts[parts.length - 1] !== r[j].text) parts.push(r[j].text);
    headings.push(parts.join(' '));
  }
  if (headings.some((h) => parseYearHeading(h) && !/year/i.test(h))) return null;
  const indexColumn = body.length >= 2 && /^(|no\.?|#|item|ref\.?|serial|s\/n|number)$/i.test(headings[0]) && body.every((r, i) => r[0].text === String(i + 1));
  // Count columns (numbers under a heading that is not an age, reference or position) make it a
  // count table, unless dropped (a personal column, a row index): whether a column is dropped is
  // asked only of a count column, before the fields of every heading are read (most tables count).
  for (let j = 0; j < grid.width; j++) {
    if (NOT_COUNT_COLUMN.test(headings[j])) continue;
    let filled = 0;
    let nums = 0;
    for (const r of body) {
      if (!r[j].text) continue;
      filled++;
      if (numberOf(r[j]) !== null && !isYearNumber(r[j])) nums++;
    }
    if (filled && nums / filled >= 0.5 && !(j === 0 && indexColumn) && fieldOf(headings[j]) !== 'drop') return null;
  }
  const fields = headings.map(fieldOf);
  const dropped = new Set<number>();
  fields.forEach((f, j) => f === 'drop' && dropped.add(j));
  if (indexColumn) dropped.add(0);
  const textCols = headings.filter((h, j) => h && !dropped.has(j)).length;
  if (textCols < 2) return null;
  const caseFields = new Set(fields.filter((f): f is Field => !!f && ['role', 'rank', 'gender', 'offence', 'disposal', 'status_now', 'status_at_event'].includes(f)));
  const shape: Shape = { caption: captions.join(' '), header, body };
  const listWords = headings.some((h) => RECORD_LIST.test(h));
  const officerColumn = fields.includes('rank') || fields.includes('role');
  const officers = caseFields.size >= 2 && (officerColumn || (!listWords && ABOUT_OFFICERS.test(shape.caption)) || (!listWords && body.length <= 2));
  if (officers) return { shape, headings, fields, dropped, officers: true };
  // Too short to be a list of records: a table of words (a request and its answer) says nothing countable.
  if (body.length < 3) return null;
  return { shape, headings, fields, dropped, officers: false };
}

/** A record list → counts by each of its category columns (values that repeat), and its length; never cases. */
function summariseList(shape: Shape, headings: string[], dropped: Set<number>, table: Table, ctx: TableContext, out: TableRows): void {
  const n = shape.body.length;
  const measure: Measure = ctx.measure ?? measureOf(shape.caption) ?? 'unknown';
  const event: EventKind = ctx.event ?? eventOf(shape.caption) ?? 'other';
  const context = shape.caption ? ` — ${shape.caption}` : '';
  const base = {
    measure,
    event,
    question: ctx.question ?? null,
    gender: null,
    rank: null,
    status: null,
    sha256: ctx.sha256,
  };
  const by: string[] = [];
  const totalRows = shape.body.filter((r) => r.some((c) => c.text && isTotal(c.text))).length;
  out.figures.push({ ...base, value: n - totalRows, period_start: null, period_end: null, year: null, offence: null, offence_category: null, label: `Records listed${context}`, is_total: true, text: `${n - totalRows} rows`, locator: table.locator });
  for (let j = 0; j < headings.length; j++) {
    if (dropped.has(j) || !headings[j] || LIST_SKIP.test(headings[j])) continue;
    const counts = new Map<string, { n: number; locator: string }>();
    for (const r of shape.body) {
      const t = r[j].text;
      if (!t || isTotal(t)) continue;
      const e = counts.get(t);
      if (e) e.n++;
      else counts.set(t, { n: 1, locator: r[j].locator });
    }
    // Categories repeat; free text (a description per row) does not.
    if (!counts.size || counts.size > Math.max(30, n / 10) || counts.size === n) continue;
    by.push(headings[j]);
    const isOffence = fieldOf(headings[j]) === 'offence';
    for (const [value, e] of counts) {
      const p = parseYearHeading(value);
      out.figures.push({
        ...base,
        value: e.n,
        period_start: p?.period_start ?? null,
        period_end: p?.period_end ?? null,
        year: p?.year ?? null,
        offence: isOffence ? value : null,
        offence_category: isOffence ? offenceCategory(value) : null,
        label: `${headings[j]}: ${value}${context}`,
        is_total: false,
        text: value,
        locator: `${table.locator}:c${j + 1}`,
      });
    }
  }
  out.warnings.push(`${table.locator}: a list of ${n - totalRows} records (one per row, not officers), summarised as counts${by.length ? ` by ${by.join(', ')}` : ''}`);
}

function interpretCases(shape: Shape, fields: (Field | null)[], dropped: Set<number>, ctx: TableContext, out: TableRows): void {
  const col = (f: Field) => fields.indexOf(f);
  const get = (row: Cell[], f: Field) => (col(f) >= 0 ? row[col(f)].text || null : null);
  const tableEvent = ctx.event ?? eventOf(shape.caption);
  const roleFromMeasure: Partial<Record<Measure, Role>> = { officers: 'police_officer', pcsos: 'pcso', staff: 'staff', specials: 'special_constable' };
  for (const row of shape.body) {
    const kept = row.filter((_, j) => !dropped.has(j));
    const cells = kept.filter((c) => c.text);
    if (!cells.length) continue;
    // A total line under an officer-level table is not an officer.
    if (cells.length <= 2 && isTotal(cells[0].text)) continue;
    const roleText = get(row, 'role');
    const rankText = get(row, 'rank');
    const offence = get(row, 'offence');
    const disposal = get(row, 'disposal');
    const yearText = get(row, 'year');
    const dateText = get(row, 'date');
    const dateCell = col('date') >= 0 ? row[col('date')] : null;
    const date = dateCell?.date ?? (dateText ? parseDate(dateText) : null);
    const year = yearText ? (parseYearHeading(yearText)?.year ?? null) : null;
    const role: Role =
      roleOf(roleText) ?? roleOf(rankText) ?? (ctx.measure ? roleFromMeasure[ctx.measure] : undefined) ?? 'unknown';
    out.cases.push({
      role,
      rank: rankOf(rankText) ?? rankOf(roleText) ?? (rankText && role === 'police_officer' ? rankText : null),
      gender: genderOf(get(row, 'gender')),
      offence,
      offence_category: offenceCategory(offence),
      event: eventOf(get(row, 'event')) ?? eventOf(disposal) ?? tableEvent ?? 'other',
      event_year: year ?? (date ? Number(date.slice(0, 4)) : null),
      event_date: date,
      disposal,
      status_at_event: statusOf(get(row, 'status_at_event')),
      status_now: statusOf(get(row, 'status_now')),
      text: cells.map((c) => c.text).join(' | '),
      locator: rowLocator(cells),
      sha256: ctx.sha256,
    });
  }
}

/** A date cell, day first as UK forces print it (03/11/1990, 3.11.90, 2021-02-28) → ISO; anything else null (never a guess). */
export function parseDate(text: string): string | null {
  const t = clean(text);
  return /^\d/.test(t) ? parseFullDate(t) : null;
}

/** Where a row stands: `pdf:p2:t1:r3` from its cells' `…:c<N>` locators, or the char span of its cells. */
export function rowLocator(cells: Cell[]): string {
  const firstLoc = cells[0].locator;
  const x = /^((?:xlsx|xls|ods):.*!)([A-Z]+)(\d+)$/.exec(firstLoc);
  const y = /^(?:xlsx|xls|ods):.*!([A-Z]+)\d+$/.exec(cells[cells.length - 1].locator);
  if (x && y) return `${x[1]}${x[2]}${x[3]}:${y[1]}${x[3]}`;
  const m = /^(.*):c\d+$/.exec(firstLoc);
  if (m) return m[1];
  if (cells.every((c) => /^char:\d+-\d+$/.test(c.locator))) {
    let lo = Infinity;
    let hi = -Infinity;
    for (const c of cells) {
      const [a, b] = c.locator.slice(5).split('-').map(Number);
      lo = Math.min(lo, a);
      hi = Math.max(hi, b);
    }
    return `char:${lo}-${hi}`;
  }
  return firstLoc;
}
