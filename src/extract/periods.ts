// The time windows a request asks about (SPEC §4 periods), or for a news article the
// window its figures cover. Ranges ("3 March 2018 to 10 January 2024", "January
// 2010-December 2017", "2017-2021 (inclusive)"), open ranges ("since 1 January 2010",
// "from 2010 to the present date"), year lists ("calendar years 2017, 2018 and 2019"),
// financial years ("13/14"). A restatement of a window at lower precision is dropped.
import {
  FULL_DATE_SRC,
  MONTH_RE,
  MONTH_YEAR_SRC,
  parseFinancialYear,
  parseFullDate,
  parseMonthYear,
} from './dates.js';
import type { Line } from './doc-model.js';
import { tokenizeNumbers } from '../segment/tokens.js';
import { opensItem, type QuestionDraft } from './questions.js';
import { matchesOf } from '../segment/gates.js';

export interface PeriodDraft {
  start: string | null;
  end: string | null;
  questions: string[];
  text: string;
  startOffset: number;
  endOffset: number;
  /** 3 = day, 2 = month, 1 = year: what the printed bounds were precise to. */
  precision: number;
  /** "as at 31 March 2022": a point in time; one that is the first or last day of a window adds nothing. */
  snapshot?: boolean;
}

const FY = `(?:(?:19|20)\\d{2}|\\d{2})\\s*/\\s*\\d{2}(?!\\d)|(?:19|20)\\d{2}-\\d{2}(?!\\d)`;
// A year, but not the first half of "2013-14" or "13/14" (financial years).
const YEAR = `(?:19|20)\\d{2}(?!\\d)(?![/.]\\d)(?!-\\d{2}(?!\\d))`;
const FY_POINT = `(?:19|20)\\d{2}\\s*[/-]\\s*\\d{2}(?!\\d)`;
const POINT = `(?:${FULL_DATE_SRC})|(?:${MONTH_YEAR_SRC})|(?:${FY_POINT})|(?:${YEAR})`;
const OPEN_END = `(?:the\\s+)?(?:present|present date|date|today|now|current(?: date)?|the current day)`;
const END_OF = `(?:the\\s+end\\s+of\\s+)`;
const RANGE = new RegExp(
  `(?:\\b(?:from|between|for the period(?: of)?|the period(?: of)?|period(?: of)?|covering|date range)\\s+)?(${POINT})\\s*(?:to|until|till|and|through|-|–|—)\\s*(?:${END_OF})?(${POINT}|${OPEN_END})\\b(\\s*\\(inclusive\\))?`,
  'gi',
);
// "since 1 January 2010", "since it began in 2021"
// "between January and June 2023", "from April to September 2022": months sharing one year.
const MONTHS_OF_YEAR = new RegExp(`\\b(?:between|from)\\s+(${MONTH_RE})\\s+(?:and|to|until)\\s+(${MONTH_RE})\\s+((?:19|20)\\d{2})\\b`, 'gi');
const SINCE = new RegExp(`\\bsince\\s+(?:the\\s+)?(?:[a-z]+(?:\\s+[a-z]+){0,4}\\s+in\\s+)?(${POINT})`, 'gi');
const YEAR_LIST_TRIGGER = `(?:(?:calendar|financial|fiscal)\\s+years?|years|year(?=\\s*:)|for(?: each of)?(?: the)?(?: calendar| financial)?(?: years?)?|figures from|data from|in each calendar year|for each calendar year(?: for)?|\\bin|during)`;
const LIST_ITEM = `(?:${FY}|${YEAR})`;
const YEAR_LIST = new RegExp(`\\b${YEAR_LIST_TRIGGER}\\s*:?\\s*(${LIST_ITEM}(?:\\s*(?:,|and|&|,\\s*and)\\s*${LIST_ITEM})*)`, 'gi');

const ONLY_FULL_DATE = new RegExp(`^(?:${FULL_DATE_SRC})$`, 'i');
const ONLY_MONTH_YEAR = new RegExp(`^(?:${MONTH_YEAR_SRC})$`, 'i');
const ONLY_OPEN_END = new RegExp(`^${OPEN_END}$`, 'i');
const LIST_ITEMS = new RegExp(LIST_ITEM, 'g');
// A snapshot: "as of 1 January 2010", "as at 31 March 2020", "as of October 2010" is the day
// (or month) it describes; so are "April 2010 figures" and "figures for April 2012".
const SNAPSHOT = new RegExp(
  `\\bas (?:of|at)\\s+(?:the\\s+)?(${FULL_DATE_SRC}|${MONTH_YEAR_SRC})|\\b(${MONTH_YEAR_SRC})\\s+(?:figures|data|numbers|statistics)\\b|\\b(?:figures|data|numbers|statistics)\\s+(?:for|from|as of|as at)\\s+(${MONTH_YEAR_SRC})(?!\\s*(?:to|until|-|–|and)\\s*\\S)`,
  'gi',
);
// "April 2012 (i.e. 2012/13)": the parenthesis says what the point means, and replaces it.
const IE = '\\((?:i\\.?\\s?e\\.?|that is|namely)[,:]?\\s*';
const RESTATED_AS = new RegExp(`^\\s*${IE}`, 'i');
const ONLY_YEAR = /^(?:19|20)\d{2}$/;
const FY_TOKENS = new RegExp(FY_POINT, 'g');
const PRESENT_BEFORE = /\b(?:currently|still\s+[a-z]+|now|at present|presently|today)\s*\(?\s*$/i;
const EXPLAINED = new RegExp(`${IE}(${POINT})\\s*\\)`, 'gi');

function precisionOf(s: string): number {
  if (ONLY_FULL_DATE.test(s.trim())) return 3;
  if (ONLY_MONTH_YEAR.test(s.trim())) return 2;
  return 1;
}

/** A printed point as the first or last day it covers. */
function pointDate(s: string, side: 'start' | 'end'): string | null {
  const t = s.trim();
  // A bare year first (most points are one): neither parser below reads one (tests), so asking it
  // first gives the same answer without their six patterns.
  if (/^(19|20)\d{2}$/.test(t)) return side === 'start' ? `${t}-01-01` : `${t}-12-31`;
  const full = parseFullDate(t);
  if (full) return full;
  const my = parseMonthYear(t);
  if (my) return side === 'start' ? my.start : my.end;
  const fy = parseFinancialYear(t);
  if (fy) return side === 'start' ? fy.start : fy.end;
  return null;
}

export interface Hit {
  start: string | null;
  end: string | null;
  text: string;
  index: number;
  end_: number;
  precision: number;
  snapshot?: boolean;
}

// Every window above names a year ("2019", "2013/14") or a numeric date ("05/04/2022"): a line
// with neither (most lines, and most lines with numbers) holds no window.
const MAY_NAME_WINDOW = /(?:19|20)\d\d|\d\s*[./-]\s*\d/;
// The word each of the other patterns turns on, asked before the pattern itself.
const MAY_SPAN_MONTHS = /\b(?:between|from)\s/i;
const MAY_EXPLAIN = /\((?:i\.?\s?e|that is|namely)/i;
const MAY_SNAPSHOT = /\bas (?:of|at)\s|figures|data|numbers|statistics/i;
const MAY_SINCE = /\bsince\s/i;
// RANGE's gate (issue 17, start-up: RANGE holds POINT twice and costs ~5 ms to compile, bytecode
// then native, on a one-file run). Every POINT ends in a year ("2019", "March 2019") or in two
// digits after a separator ("2013/14", "05/04/22"), and a range joins two with "to", "until",
// "till", "through", a dash or "and". A hit joined by a free-standing "and" is dropped below
// unless the match says "between", so such a line needs "between", or an "and" touching a word.
// Every hit that is kept therefore implies this test (tests/unit/periods-gates.test.ts).
const POINT_END = '(?:(?:19|20)\\d\\d|[./-]\\s*\\d\\d)';
export const MAY_RANGE = new RegExp(`${POINT_END}\\s*(?:[tu\\-–—]|and\\w)|${POINT_END}and|between`, 'i');

/** The ranges ("1 May 2019 to 2020", "between 2018 and 2019") a line holds, in order; `gated` false only in tests. */
export function rangeHits(text: string, gated = true): Hit[] {
  const hits: Hit[] = [];
  if (gated && !MAY_RANGE.test(text)) return hits;
  for (const m of matchesOf(RANGE, text)) {
    const [all, a, b] = m;
    const start = pointDate(a, 'start');
    const openEnd = ONLY_OPEN_END.test(b.trim());
    let end = openEnd ? null : pointDate(b, 'end');
    // "between January 2015 and 2016": the month is understood on the second point too.
    const carried = ONLY_MONTH_YEAR.test(a.trim()) && ONLY_YEAR.test(b.trim()) ? parseMonthYear(`${a.trim().replace(/,?\s+\d{4}$/, '')} ${b.trim()}`) : null;
    if (carried && start && carried.end > start) end = carried.end;
    if (!start || (!openEnd && !end)) continue;
    if (end && end < start) continue;
    // "2 and 3" inside a list of years is a list, not a range: a range says from/between/to or is a span.
    const joiner = /\band\b/i.test(all.slice(a.length)) && !/\bbetween\b/i.test(all);
    if (joiner) continue;
    hits.push({ start, end, text: all.trim(), index: m.index!, end_: m.index! + all.length, precision: Math.min(precisionOf(a), openEnd ? 3 : precisionOf(b)) });
  }
  return hits;
}

function hitsInLine(text: string, news: boolean): Hit[] {
  if (!MAY_NAME_WINDOW.test(text)) return [];
  const hits: Hit[] = [];
  const taken: Array<[number, number]> = [];
  const free = (a: number, b: number) => taken.every(([x, y]) => b <= x || a >= y);
  for (const h of rangeHits(text)) {
    hits.push(h);
    taken.push([h.index, h.end_]);
  }
  for (const m of MAY_SPAN_MONTHS.test(text) ? matchesOf(MONTHS_OF_YEAR, text) : []) {
    if (!free(m.index!, m.index! + m[0].length)) continue;
    const a = parseMonthYear(`${m[1]} ${m[3]}`);
    const b = parseMonthYear(`${m[2]} ${m[3]}`);
    if (!a || !b || b.end < a.start) continue;
    hits.push({ start: a.start, end: b.end, text: m[0].trim(), index: m.index!, end_: m.index! + m[0].length, precision: 2 });
    taken.push([m.index!, m.index! + m[0].length]);
  }
  for (const m of MAY_EXPLAIN.test(text) ? matchesOf(EXPLAINED, text) : []) {
    const at = m.index! + m[0].indexOf(m[1]);
    const start = pointDate(m[1], 'start');
    const end = pointDate(m[1], 'end');
    if (!start || !end) continue;
    hits.push({ start, end, text: m[1], index: at, end_: at + m[1].length, precision: precisionOf(m[1]) });
    taken.push([m.index!, m.index! + m[0].length]);
  }
  for (const m of MAY_SNAPSHOT.test(text) ? matchesOf(SNAPSHOT, text) : []) {
    const point = m[1] ?? m[2] ?? m[3];
    const at = m.index! + m[0].indexOf(point);
    if (!free(at, at + point.length)) continue;
    // "currently (as of 22 Dec 2022)", "still serving as of …": the date the request was written, not a window.
    if (PRESENT_BEFORE.test(text.slice(Math.max(0, m.index! - 30), m.index!))) continue;
    const day = parseFullDate(point);
    const month = day ? null : parseMonthYear(point);
    if (!day && !month) continue;
    hits.push({ start: day ?? month!.start, end: day ?? month!.end, text: m[0].trim(), index: m.index!, end_: m.index! + m[0].length, precision: day ? 3 : 2, snapshot: true });
    taken.push([m.index!, m.index! + m[0].length]);
  }
  for (const m of MAY_SINCE.test(text) ? matchesOf(SINCE, text) : []) {
    if (!free(m.index!, m.index! + m[0].length)) continue;
    const start = pointDate(m[1], 'start');
    if (!start) continue;
    hits.push({ start, end: null, text: m[0].trim(), index: m.index!, end_: m.index! + m[0].length, precision: precisionOf(m[1]) });
    taken.push([m.index!, m.index! + m[0].length]);
  }
  if (!news) {
    for (const m of matchesOf(YEAR_LIST, text)) {
      const listStart = m.index! + m[0].indexOf(m[1]);
      if (!free(listStart, listStart + m[1].length)) continue;
      for (const item of matchesOf(LIST_ITEMS, m[1])) {
        const t = item[0];
        const fy = /[/-]/.test(t) ? parseFinancialYear(t) : null;
        const at = listStart + item.index!;
        if (fy) hits.push({ start: fy.start, end: fy.end, text: t, index: at, end_: at + t.length, precision: 1 });
        else if (/^(19|20)\d{2}$/.test(t)) hits.push({ start: `${t}-01-01`, end: `${t}-12-31`, text: t, index: at, end_: at + t.length, precision: 1 });
      }
      taken.push([listStart, listStart + m[1].length]);
    }
  }
  hits.sort((x, y) => x.index - y.index);
  // A point followed by "(i.e. …)" is restated by the window in the parenthesis: keep that one.
  return hits.filter((h, k) => {
    const next = hits[k + 1];
    if (!next) return true;
    const between = text.slice(h.end_, next.index);
    return RESTATED_AS.exec(between)?.[0].length !== between.length;
  });
}

const ym = (d: string | null) => (d ? d.slice(0, 7) : null);

function nextDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** Drop a window that restates another at lower precision (or open where the other is bounded). */
function dedupe(periods: PeriodDraft[]): PeriodDraft[] {
  const out: PeriodDraft[] = [];
  for (const p of periods) {
    if (out.some((q) => q.start === p.start && q.end === p.end)) continue;
    out.push(p);
  }
  // A span restated year by year ("Sexual Misconduct 2017-2020" over a request for 2017,
  // 2018, 2019 and 2020) is the same window: keep the years the request lists.
  const coveredByParts = (p: PeriodDraft) => {
    if (!p.start || !p.end) return false;
    const parts = out.filter((q) => q !== p && q.start && q.end && q.start >= p.start! && q.end <= p.end! && (q.start !== p.start || q.end !== p.end));
    if (parts.length < 2) return false;
    parts.sort((a, b) => a.start!.localeCompare(b.start!));
    let reach: string = p.start;
    for (const q of parts) {
      if (q.start! > nextDay(reach)) return false;
      if (q.end! > reach) reach = q.end!;
    }
    return parts[0].start === p.start && reach === p.end;
  };
  const atEdge = (p: PeriodDraft) => out.some((q) => q !== p && !q.snapshot && q.start && q.end && q.start !== q.end && (p.start === q.start || p.end === q.end));
  return out.filter((p) => {
    if (coveredByParts(p)) return false;
    if (p.snapshot && atEdge(p)) return false;
    return !out.some((q) => {
      if (q === p) return false;
      // A span of years restated precisely ("2016 to 2021" over "between 1 January 2016 and
      // 1 September 2021") agrees year by year; otherwise compare to the month.
      const byYear = p.precision === 1 && q.precision > 1 && !!p.start && !!p.end && p.start.slice(0, 4) !== p.end.slice(0, 4);
      const cut = (d: string | null) => (d ? d.slice(0, byYear ? 4 : 7) : null);
      if (cut(q.start) !== cut(p.start)) return false;
      const endsAgree = cut(q.end) === cut(p.end) || p.end === null;
      if (!endsAgree) return false;
      if (p.end === null && q.end !== null) return true; // open restated by bounded
      return q.precision > p.precision || (q.precision === p.precision && q.end === null && p.end === null && q.startOffset < p.startOffset);
    });
  });
}

function questionsFor(line: Line, lineText: string, questions: QuestionDraft[]): string[] {
  const explicit = /\bquestions?\s+(\d{1,2})\s*(?:to|-|–)\s*(\d{1,2})\b/i.exec(lineText);
  if (explicit) {
    const a = Number(explicit[1]);
    const b = Number(explicit[2]);
    return questions.filter((q) => /^\d+$/.test(q.label) && Number(q.label) >= a && Number(q.label) <= b).map((q) => q.label);
  }
  const owner = questions.find((q) => q.lines[0] === line);
  if (owner) return [owner.label];
  if (/:\s*$/.test(lineText)) {
    // An intro ("For the period …, please could you tell me:") governs the questions after it.
    const after = questions.filter((q) => q.lines[0].i > line.i);
    const out: string[] = [];
    for (const q of after) {
      if (q.lines.some((l) => l.i > line.i && l !== q.lines[0] && /:\s*$/.test(l.text) && hitsInLine(l.text, false).length)) {
        out.push(q.label);
        break;
      }
      out.push(q.label);
    }
    return out;
  }
  const within = questions.find((q) => q.lines.includes(line));
  return within ? [within.label] : [];
}

// A line that opens a list item (questions.ts's labels) starts a paragraph of its own.

interface Paragraph {
  text: string;
  /** For each joined line: where it starts in `text`. */
  parts: Array<{ line: Line; at: number }>;
}

/** Consecutive lines of one passage joined, so a window printed across a line break is read whole. */
function paragraphs(scope: Line[]): Paragraph[] {
  const out: Paragraph[] = [];
  let cur: Paragraph | null = null;
  let prev: Line | null = null;
  for (const line of scope) {
    if (line.kind === 'table_row' || line.blank) {
      cur = null;
      prev = null;
      continue;
    }
    const joins = cur && prev && line.i === prev.i + 1 && line.kind === prev.kind && !opensItem(line.text);
    if (joins && cur) {
      cur.text += ' ';
      cur.parts.push({ line, at: cur.text.length });
      cur.text += line.text;
    } else {
      cur = { text: line.text, parts: [{ line, at: 0 }] };
      out.push(cur);
    }
    prev = line;
  }
  return out;
}

function lineAt(p: Paragraph, index: number): { line: Line; offset: number } {
  let k = p.parts.length - 1;
  while (k > 0 && p.parts[k].at > index) k--;
  const part = p.parts[k];
  return { line: part.line, offset: part.line.start + Math.min(index - part.at, part.line.text.length) };
}

// News: the year a figure is given for ("42 times throughout 2008", "In 2009, there were 152",
// "rising to 657 in 2011"): the article's figures cover those years.
const COUNT_YEAR = new RegExp(`\\b(?:in|during|throughout|over|for)\\s+(?:the\\s+(?:calendar\\s+|financial\\s+)?year\\s+)?(${LIST_ITEM}(?:\\s*(?:,|and|&|,\\s*and)\\s*${LIST_ITEM})*)`, 'gi');
const NEAR = 40;
const SENTENCE = /[^.!?]+(?:[.!?]+|$)/g;

function countYears(p: Paragraph, taken: Hit[]): Hit[] {
  const out: Hit[] = [];
  if (!MAY_NAME_WINDOW.test(p.text)) return out;
  for (const sm of matchesOf(SENTENCE, p.text)) {
    const sentence = sm[0];
    const counts = tokenizeNumbers(sentence).filter((t) => t.kind === 'count');
    if (!counts.length) continue;
    for (const m of matchesOf(COUNT_YEAR, sentence)) {
      // The year of a figure stands beside it ("657 in 2011", "In 2009, there were 152"), not
      // anywhere in a long sentence.
      const near = counts.some((c) => c.index < m.index! + m[0].length + NEAR && c.end > m.index! - NEAR);
      if (!near) continue;
      const listStart = sm.index! + m.index! + m[0].indexOf(m[1]);
      if (taken.some((h) => listStart < h.end_ && listStart + m[1].length > h.index)) continue;
      for (const item of matchesOf(LIST_ITEMS, m[1])) {
        const t = item[0];
        const at = listStart + item.index!;
        const start = pointDate(t, 'start');
        const end = pointDate(t, 'end');
        if (start && end) out.push({ start, end, text: t, index: at, end_: at + t.length, precision: 1 });
      }
    }
  }
  return out;
}

/**
 * An article's window, from what its figures are given for: "since 2007" ends with the last
 * year a figure is given for; a figure's own year inside a stated window is part of it; a span
 * of calendar years whose ends are the article's first and last financial years ("between 2015
 * and 2019" over figures for 2015-16 … 2018-19) is the span of those financial years.
 */
function newsWindows(drafts: PeriodDraft[], yearly: PeriodDraft[], fys: Array<{ start: string; end: string }>): PeriodDraft[] {
  const lastYearEnd = yearly.reduce<string | null>((acc, y) => (y.end && (!acc || y.end > acc) ? y.end : acc), null);
  const windows = drafts.map((d) => {
    if (d.start && d.end === null && lastYearEnd && lastYearEnd > d.start) return { ...d, end: lastYearEnd };
    if (d.start && d.end && d.precision === 1 && fys.length) {
      const first = fys.find((f) => f.start.slice(0, 4) === d.start!.slice(0, 4));
      const last = fys.find((f) => f.end.slice(0, 4) === d.end!.slice(0, 4));
      if (first && last && first.start < last.end) return { ...d, start: first.start, end: last.end };
    }
    return d;
  });
  const inside = (y: PeriodDraft) => windows.some((w) => w.start && y.start! >= w.start && (w.end === null || y.end! <= w.end));
  return [...windows, ...yearly.filter((y) => !inside(y))].sort((a, b) => a.startOffset - b.startOffset);
}

export function extractPeriods(scope: Line[], questions: QuestionDraft[], news: boolean): PeriodDraft[] {
  const drafts: PeriodDraft[] = [];
  const yearly: PeriodDraft[] = [];
  const fys: Array<{ start: string; end: string }> = [];
  const toDraft = (p: Paragraph, h: Hit): PeriodDraft => {
    const a = lineAt(p, h.index);
    const b = lineAt(p, h.end_);
    return {
      start: h.start,
      end: h.end,
      questions: news ? [] : questionsFor(a.line, a.line.text, questions),
      text: h.text,
      startOffset: a.offset,
      endOffset: b.line === a.line ? a.offset + (h.end_ - h.index) : b.offset,
      precision: h.precision,
      snapshot: h.snapshot,
    };
  };
  for (const p of paragraphs(scope)) {
    const hits = hitsInLine(p.text, news);
    for (const h of hits) drafts.push(toDraft(p, h));
    if (news) {
      for (const h of countYears(p, hits)) yearly.push(toDraft(p, h));
      for (const m of matchesOf(FY_TOKENS, p.text)) {
        const fy = parseFinancialYear(m[0]);
        if (fy) fys.push(fy);
      }
    }
  }
  return dedupe(news ? newsWindows(drafts, dedupe(yearly), fys) : drafts);
}
