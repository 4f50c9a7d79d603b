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
import type { QuestionDraft } from './questions.js';

export interface PeriodDraft {
  start: string | null;
  end: string | null;
  questions: string[];
  text: string;
  startOffset: number;
  endOffset: number;
  /** 3 = day, 2 = month, 1 = year: what the printed bounds were precise to. */
  precision: number;
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

function precisionOf(s: string): number {
  if (ONLY_FULL_DATE.test(s.trim())) return 3;
  if (ONLY_MONTH_YEAR.test(s.trim())) return 2;
  return 1;
}

/** A printed point as the first or last day it covers. */
function pointDate(s: string, side: 'start' | 'end'): string | null {
  const t = s.trim();
  const full = parseFullDate(t);
  if (full) return full;
  const my = parseMonthYear(t);
  if (my) return side === 'start' ? my.start : my.end;
  if (/^(19|20)\d{2}$/.test(t)) return side === 'start' ? `${t}-01-01` : `${t}-12-31`;
  const fy = parseFinancialYear(t);
  if (fy) return side === 'start' ? fy.start : fy.end;
  return null;
}

interface Hit {
  start: string | null;
  end: string | null;
  text: string;
  index: number;
  end_: number;
  precision: number;
}

function hitsInLine(text: string, news: boolean): Hit[] {
  const hits: Hit[] = [];
  const taken: Array<[number, number]> = [];
  const free = (a: number, b: number) => taken.every(([x, y]) => b <= x || a >= y);
  for (const m of text.matchAll(RANGE)) {
    const [all, a, b] = m;
    const start = pointDate(a, 'start');
    const openEnd = ONLY_OPEN_END.test(b.trim());
    const end = openEnd ? null : pointDate(b, 'end');
    if (!start || (!openEnd && !end)) continue;
    if (end && end < start) continue;
    // "2 and 3" inside a list of years is a list, not a range: a range says from/between/to or is a span.
    const joiner = /\band\b/i.test(all.slice(a.length)) && !/\bbetween\b/i.test(all);
    if (joiner) continue;
    hits.push({ start, end, text: all.trim(), index: m.index!, end_: m.index! + all.length, precision: Math.min(precisionOf(a), openEnd ? 3 : precisionOf(b)) });
    taken.push([m.index!, m.index! + all.length]);
  }
  for (const m of text.matchAll(MONTHS_OF_YEAR)) {
    if (!free(m.index!, m.index! + m[0].length)) continue;
    const a = parseMonthYear(`${m[1]} ${m[3]}`);
    const b = parseMonthYear(`${m[2]} ${m[3]}`);
    if (!a || !b || b.end < a.start) continue;
    hits.push({ start: a.start, end: b.end, text: m[0].trim(), index: m.index!, end_: m.index! + m[0].length, precision: 2 });
    taken.push([m.index!, m.index! + m[0].length]);
  }
  for (const m of text.matchAll(SINCE)) {
    if (!free(m.index!, m.index! + m[0].length)) continue;
    const start = pointDate(m[1], 'start');
    if (!start) continue;
    hits.push({ start, end: null, text: m[0].trim(), index: m.index!, end_: m.index! + m[0].length, precision: precisionOf(m[1]) });
    taken.push([m.index!, m.index! + m[0].length]);
  }
  if (!news) {
    for (const m of text.matchAll(YEAR_LIST)) {
      const listStart = m.index! + m[0].indexOf(m[1]);
      if (!free(listStart, listStart + m[1].length)) continue;
      for (const item of m[1].matchAll(LIST_ITEMS)) {
        const t = item[0];
        const fy = /[/-]/.test(t) ? parseFinancialYear(t) : null;
        const at = listStart + item.index!;
        if (fy) hits.push({ start: fy.start, end: fy.end, text: t, index: at, end_: at + t.length, precision: 1 });
        else if (/^(19|20)\d{2}$/.test(t)) hits.push({ start: `${t}-01-01`, end: `${t}-12-31`, text: t, index: at, end_: at + t.length, precision: 1 });
      }
      taken.push([listStart, listStart + m[1].length]);
    }
  }
  return hits.sort((x, y) => x.index - y.index);
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
  return out.filter((p) => {
    if (coveredByParts(p)) return false;
    return !out.some((q) => {
      if (q === p) return false;
      if (ym(q.start) !== ym(p.start)) return false;
      const endsAgree = ym(q.end) === ym(p.end) || p.end === null;
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

export function extractPeriods(scope: Line[], questions: QuestionDraft[], news: boolean): PeriodDraft[] {
  const drafts: PeriodDraft[] = [];
  for (const line of scope) {
    if (line.kind === 'table_row') continue;
    for (const h of hitsInLine(line.text, news)) {
      drafts.push({
        start: h.start,
        end: h.end,
        questions: news ? [] : questionsFor(line, line.text, questions),
        text: h.text,
        startOffset: line.start + h.index,
        endOffset: line.start + h.end_,
        precision: h.precision,
      });
    }
  }
  return dedupe(drafts);
}

