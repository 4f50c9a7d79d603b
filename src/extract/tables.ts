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
import { parseFullDate } from './dates.js';
import { eventOf, genderOf, measureOf, offenceCategory, rankOf, roleOf, statusOf } from './vocab-map.js';

export interface TableContext {
  sha256: string;
  /** What the table counts, when the caller knows (from the question); else inferred or 'unknown'. */
  measure?: Measure;
  /** Which event the table counts, when the caller knows; else inferred or 'other'. */
  event?: EventKind;
  /** Label of the question the table answers. */
  question?: string | null;
}

export interface TableRows {
  figures: FigureDraft[];
  cases: CaseDraft[];
  warnings: string[];
}

// ---------------------------------------------------------------- cell kinds

const clean = (s: string | undefined) => (s ?? '').replace(/[\s\u00a0\u200b]+/g, ' ').trim();

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

/** "2019" (calendar year), "2013-14" / "2013/2014" / "FY 2013/14" (April–March), "2020 (to June)" (year only). */
export function parseYearHeading(text: string): YearHeading | null {
  const t = clean(text);
  let m = /^(?:fy\s*|financial year\s*)?((?:19|20)\d{2})\s*(?:-|\/|–|—|to)\s*((?:19|20)?\d{2})$/i.exec(t);
  if (m) {
    const y = Number(m[1]);
    const end = m[2].length === 2 ? Number(m[1].slice(0, 2) + m[2]) : Number(m[2]);
    if (end !== y + 1) return null;
    return { year: y, period_start: `${y}-04-01`, period_end: `${y + 1}-03-31` };
  }
  m = /^apr(?:il)?\s+((?:19|20)\d{2})\s*(?:-|–|—|to)\s*mar(?:ch)?\s+((?:19|20)\d{2})$/i.exec(t);
  if (m && Number(m[2]) === Number(m[1]) + 1) return { year: Number(m[1]), period_start: `${m[1]}-04-01`, period_end: `${m[2]}-03-31` };
  m = /^(?:(?:calendar\s+)?year\s*|jan(?:uary)?\s*(?:-|–|to)\s*dec(?:ember)?\s+)?((?:19|20)\d{2})(?:\s*\(jan(?:uary)?\s*(?:-|–|to)\s*dec(?:ember)?\))?$/i.exec(t);
  if (m) return { year: Number(m[1]), period_start: `${m[1]}-01-01`, period_end: `${m[1]}-12-31` };
  // A year with a qualifier ("2020 (to 2 June)", "2024*") is that year, over a window we cannot state.
  m = /^((?:19|20)\d{2})(?:\s*\*+|\s*\(.*\)|\s+(?:to date|ytd|so far|partial))$/i.exec(t);
  if (m) return { year: Number(m[1]), period_start: null, period_end: null };
  return null;
}

const TOTAL = /^(grand\s+)?(sub[\s-]?)?totals?\b|^all\b(?!\s+other)|^overall\b|\btotal$/i;
const isTotal = (s: string) => TOTAL.test(clean(s));
/** Suppressed or banded values are not exact figures: they are reported, not counted. */
const SUPPRESSED = /^(<|≤|less than|fewer than|under)\s*\d+$|^\*+$|^[1-9]\s*-\s*[1-9]$|^(redacted|suppressed|withheld)$/i;

type Kind = 'empty' | 'count' | 'year' | 'text';
function kindOf(text: string): Kind {
  const t = clean(text);
  if (!t) return 'empty';
  if (parseYearHeading(t)) return 'year';
  if (parseCount(t) !== null) return 'count';
  return 'text';
}

// ---------------------------------------------------------------- column roles (officer-level tables)

type Field = 'drop' | 'role' | 'rank' | 'gender' | 'offence' | 'disposal' | 'status_now' | 'status_at_event' | 'year' | 'date' | 'event';

/** Columns that identify a person: never read, never copied (a column headed just "Officer" or "Staff member" holds who, not what). */
const PERSONAL =
  /\b(first|last|sur|fore|full|given|family|middle|officer'?s?|employee'?s?|staff)?\s*names?\b|surname|forename|initials|date of birth|\bd\.?o\.?b\.?\b|birth ?date|\bborn\b|collar|warrant (no|number)|payroll|shoulder number|service number|employee (no|number|id)|staff (no|number|id)|personnel number|national insurance|address|post ?code|^(?:the )?(?:officer|staff member|member of staff|employee|individual|person|subject)$/i;

export function fieldOf(heading: string): Field | null {
  const h = clean(heading).toLowerCase();
  if (!h) return null;
  if (PERSONAL.test(h) && !/offen[cs]e|crime|unit|station|department|court|team|rank|role/.test(h)) return 'drop';
  if (/status (at|when|on)|at (the )?time of|status then|then status/.test(h)) return 'status_at_event';
  if (/status|still serving|current(ly)? (position|employment)|employment|now\b|serving/.test(h)) return 'status_now';
  if (/\brank\b|\bgrade\b/.test(h)) return 'rank';
  if (/\brole\b|employee type|staff type|officer type|type of (employee|staff|officer)|job title|\bposition\b|\bpost\b|officer ?\/ ?staff|officer or staff/.test(h)) return 'role';
  if (/gender|\bsex\b/.test(h)) return 'gender';
  if (/outcome|disposal|sentence|result|penalty|punishment|court decision|verdict/.test(h)) return 'disposal';
  if (/\bdate\b/.test(h)) return 'date';
  if (/\byear\b/.test(h)) return 'year';
  if (/offen[cs]e|crime|conviction|charge|nature|category|allegation/.test(h)) return 'offence';
  if (/\bevent\b|\baction\b|\btype\b/.test(h)) return 'event';
  return null;
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

function breakdownOf(text: string, dim: Dim): Breakdown {
  const t = clean(text);
  if (!t) return {};
  if (isTotal(t)) return { total: true };
  switch (dim) {
    case 'year': {
      const y = parseYearHeading(t);
      return y ? { year: y } : {};
    }
    case 'gender':
      return { gender: genderOf(t) ?? undefined };
    case 'measure':
      return { measure: measureOf(t) ?? undefined };
    case 'rank':
      return { rank: rankOf(t) ?? t };
    case 'status':
      return { status: statusOf(t) ?? undefined };
    case 'event':
      return { event: eventOf(t) ?? undefined };
    case 'offence':
      return { offence: t };
    default:
      return {};
  }
}

// ---------------------------------------------------------------- table shape

interface Shape {
  grid: Cell[][];
  width: number;
  caption: string;
  header: Cell[][];
  body: Cell[][];
}

const blankCell = (locator: string): Cell => ({ text: '', locator });

/** Square grid, empty rows dropped, title rows (one value across the table) taken as the caption. */
function shapeOf(table: Table): Shape {
  const width = Math.max(0, ...table.rows.map((r) => r.length));
  let grid = table.rows.map((r, i) => {
    const row = r.map((c) => ({ ...c, text: clean(c.text) }));
    while (row.length < width) row.push(blankCell(`${table.locator}:r${i + 1}:c${row.length + 1}`));
    return row;
  });
  let headerRows = table.headerRows;
  // Drop empty rows, keeping the declared header count in step.
  const kept: Cell[][] = [];
  grid.forEach((row, i) => {
    if (row.some((c) => c.text)) kept.push(row);
    else if (headerRows !== undefined && i < headerRows) headerRows--;
  });
  grid = kept;
  // Drop columns that are empty in every row (layout padding in spreadsheets and PDFs).
  const used = Array.from({ length: width }, (_, j) => grid.some((r) => r[j].text));
  grid = grid.map((r) => r.filter((_, j) => used[j]));
  const w = used.filter(Boolean).length;

  const captions: string[] = table.caption ? [clean(table.caption)] : [];
  while (grid.length > 1 && isTitleRow(grid[0], w)) {
    captions.push(grid[0].find((c) => c.text)!.text);
    grid = grid.slice(1);
    if (headerRows !== undefined && headerRows > 0) headerRows--;
  }
  const h = headerRows !== undefined && headerRows > 0 ? Math.min(headerRows, grid.length) : inferHeaderRows(grid);
  return { grid, width: w, caption: captions.join(' '), header: grid.slice(0, h), body: grid.slice(h) };
}

/** A row holding one text across the table (a merged title) or one long first-column title. */
function isTitleRow(row: Cell[], width: number): boolean {
  if (width < 2) return false;
  const filled = row.filter((c) => c.text);
  const distinct = new Set(filled.map((c) => c.text));
  if (distinct.size !== 1) return false;
  if (kindOf(filled[0].text) !== 'text') return false;
  if (filled.length >= 2 && filled.length === width) return true; // merged across every column
  return filled.length === 1 && row[0].text !== '' && filled[0].text.split(' ').length >= 3;
}

/** Leading rows without counts are headings; a further row is one when its first cell is blank (or repeats the one above). */
function inferHeaderRows(grid: Cell[][]): number {
  if (grid.length < 2) return 0;
  const noCounts = (r: Cell[]) => r.every((c) => kindOf(c.text) !== 'count');
  if (!noCounts(grid[0])) return 0;
  // A first row of years over counts is a heading; a first row of text over more text only
  // when the rows below do not look like it (officer-level tables have a text heading row too).
  let h = 1;
  while (h < Math.min(3, grid.length - 1)) {
    const r = grid[h];
    if (!noCounts(r)) break;
    const lead = r[0].text;
    if (lead && lead !== grid[h - 1][0].text) break;
    if (!r.slice(1).some((c) => c.text)) break;
    h++;
  }
  return h;
}

// ---------------------------------------------------------------- interpretation

export function interpretTable(table: Table, ctx: TableContext): TableRows {
  const out: TableRows = { figures: [], cases: [], warnings: [] };
  if (!table.rows.length) return out;
  const shape = shapeOf(table);
  if (!shape.body.length || shape.width === 0) return out;

  const headings = Array.from({ length: shape.width }, (_, j) => {
    const parts: string[] = [];
    for (const r of shape.header) {
      const t = r[j].text;
      if (t && parts[parts.length - 1] !== t) parts.push(t);
    }
    return parts.join(' ');
  });
  const fields = headings.map(fieldOf);
  const dropped = new Set(fields.flatMap((f, j) => (f === 'drop' ? [j] : [])));
  // A first column numbering the rows 1, 2, 3 … is an index, not a count.
  if (shape.width > 1 && shape.body.length >= 2 && /^(|no\.?|#|item|ref\.?|serial|s\/n|number)$/i.test(headings[0]) && shape.body.every((r, i) => r[0].text === String(i + 1))) dropped.add(0);

  // Label columns: leading columns of headings (text, or years down the first column).
  const colKinds = Array.from({ length: shape.width }, (_, j) => shape.body.map((r) => kindOf(r[j].text)));
  const countShare = (j: number) => {
    const filled = colKinds[j].filter((k) => k !== 'empty');
    return filled.length ? colKinds[j].filter((k) => k === 'count').length / filled.length : 0;
  };
  const isValueColumn = (j: number) => !dropped.has(j) && countShare(j) >= 0.5;
  let nLabel = 0;
  while (nLabel < shape.width && !isValueColumn(nLabel)) nLabel++;
  const valueCols = Array.from({ length: shape.width }, (_, j) => j).filter((j) => j >= nLabel && isValueColumn(j));

  const caseFields = new Set(fields.filter((f): f is Field => !!f && ['role', 'rank', 'gender', 'offence', 'disposal', 'status_now', 'status_at_event'].includes(f)));
  // Numbers beside an officer's details (age, case number) do not make it a count table.
  const countCols = valueCols.filter((j) => !/\bage\b|\bref(erence)?\b|\bid\b|(case|file|collar|warrant|reference) (no|number)|^no\.?$|^#$/i.test(headings[j]));
  const looksOfficerLevel = caseFields.size >= 2 && countCols.length === 0;
  if (looksOfficerLevel) {
    interpretCases(shape, fields, dropped, ctx, out);
    return out;
  }
  if (!valueCols.length) return out;
  interpretCounts(shape, headings, dropped, nLabel, valueCols, ctx, out);
  return out;
}

function interpretCounts(
  shape: Shape,
  headings: string[],
  dropped: Set<number>,
  nLabel: number,
  valueCols: number[],
  ctx: TableContext,
  out: TableRows,
): void {
  const labelCols = Array.from({ length: nLabel }, (_, j) => j).filter((j) => !dropped.has(j));
  // Group labels printed once for several rows (PDF, CSV) apply to the rows below them.
  const body = shape.body.map((r) => r.map((c) => ({ ...c })));
  if (labelCols.length > 1) {
    for (const j of labelCols.slice(0, -1)) {
      for (let i = 1; i < body.length; i++) if (!body[i][j].text && body[i - 1][j].text) body[i][j] = { ...body[i][j], text: body[i - 1][j].text };
    }
  }
  const rowDims = labelCols.map((j) => dimensionOf(body.map((r) => r[j].text), headings[j]));
  const colDims = shape.header.map((r) => dimensionOf(valueCols.map((j) => r[j].text), ''));
  // The corner heading (above the row labels) and the caption say what the table counts.
  const corner = labelCols.map((j) => headings[j]).join(' ');
  const context = `${shape.caption} ${corner}`;
  const measure: Measure = ctx.measure ?? measureOf(context) ?? 'unknown';
  const event: EventKind = ctx.event ?? eventOf(shape.caption) ?? 'other';

  for (const row of body) {
    const rowLabel = labelCols.map((j) => row[j].text).filter(Boolean);
    const rowBreak: Breakdown[] = labelCols.map((j, k) => breakdownOf(row[j].text, rowDims[k]));
    for (const j of valueCols) {
      const cell = row[j];
      const value = parseCount(cell.text);
      if (value === null) {
        if (SUPPRESSED.test(cell.text)) out.warnings.push(`${cell.locator}: "${cell.text}" is not an exact figure; not counted`);
        continue;
      }
      const colBreak = shape.header.map((r, k) => breakdownOf(r[j].text, colDims[k]));
      const b: Breakdown = {};
      for (const part of [...rowBreak, ...colBreak]) {
        for (const [k, v] of Object.entries(part)) if (v !== undefined && (b as Record<string, unknown>)[k] === undefined) (b as Record<string, unknown>)[k] = v;
      }
      const colLabel = headings[j];
      const label = [...rowLabel, colLabel].filter(Boolean).join(' | ') || null;
      out.figures.push({
        value,
        measure: b.measure ?? measure,
        event: b.event ?? event,
        question: ctx.question ?? null,
        period_start: b.year?.period_start ?? null,
        period_end: b.year?.period_end ?? null,
        year: b.year?.year ?? null,
        offence: b.offence ?? null,
        offence_category: b.offence ? offenceCategory(b.offence) : null,
        gender: b.gender ?? null,
        rank: b.rank ?? null,
        status: b.status ?? null,
        label,
        is_total: b.total === true,
        text: cell.text,
        locator: cell.locator,
        sha256: ctx.sha256,
      });
    }
  }
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
    const date = dateText ? parseDate(dateText) : null;
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
  const x = /^(xlsx:.*!)([A-Z]+)(\d+)$/.exec(firstLoc);
  const y = /^xlsx:.*!([A-Z]+)\d+$/.exec(cells[cells.length - 1].locator);
  if (x && y) return `${x[1]}${x[2]}${x[3]}:${y[1]}${x[3]}`;
  const m = /^(.*):c\d+$/.exec(firstLoc);
  if (m) return m[1];
  if (cells.every((c) => /^char:\d+-\d+$/.test(c.locator))) {
    const spans = cells.map((c) => c.locator.slice(5).split('-').map(Number));
    return `char:${Math.min(...spans.map((s) => s[0]))}-${Math.max(...spans.map((s) => s[1]))}`;
  }
  return firstLoc;
}
