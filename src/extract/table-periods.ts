// The period a table's heading, title or caption states: a year column ("2019", "2019/20",
// "04/05", "FY 2021-22", "Sep-18"), or a window in the title ("… 2004/05 to 2019/20",
// "22 Apr 2004 - 31 Mar 2010", "as at 30 Sep 2019", "… in 2019/20"). Pure.
import { MONTHS, isoOf, lastDayOfMonth } from './dates.js';

export interface TablePeriod {
  year: number | null;
  period_start: string | null;
  period_end: string | null;
}

// Most headings need only a trim: the replace runs only where a run of whitespace is not one space.
const NEEDS_CLEAN = /[^\S ]| {2}/;
const ONLY_DIGITS = /^\d+$/;
const YEAR_ALONE = /^(?:19|20)\d{2}$/;
const clean = (s: string) => (NEEDS_CLEAN.test(s) ? s.replace(/[\s\u00a0]+/g, ' ') : s).trim();
const month = (s: string) => MONTHS[s.toLowerCase().replace(/\.$/, '')] ?? null;
const fullYear = (y: string) => (y.length === 2 ? (Number(y) < 50 ? 2000 + Number(y) : 1900 + Number(y)) : Number(y));
const fy = (y: number): TablePeriod => ({ year: y, period_start: `${y}-04-01`, period_end: `${y + 1}-03-31` });
const calendar = (y: number): TablePeriod => ({ year: y, period_start: `${y}-01-01`, period_end: `${y}-12-31` });

/** One heading cell as a period, or null: "2019" (calendar), "2013-14" / "2013/2014" / "04/05" / "FY 2013/14" (April–March), "Sep-18" (that month). */
export function periodOfHeading(text: string): TablePeriod | null {
  if (!/\d/.test(text)) return null; // every form below holds a digit
  const t = clean(text).replace(/^(?:as at:?|at)\s+/i, '');
  // Digits alone (most cells asked: counts) are a period only as a calendar year: every other form
  // below needs a separator, a letter or a qualifier.
  if (ONLY_DIGITS.test(t)) return YEAR_ALONE.test(t) ? calendar(Number(t)) : null;
  let m = /^(?:fy\s*|financial year\s*)?((?:19|20)\d{2})\s*(?:-|\/|–|—|to)\s*((?:19|20)?\d{2})$/i.exec(t);
  if (m) {
    const y = Number(m[1]);
    const end = m[2].length === 2 ? Number(m[1].slice(0, 2) + m[2]) : Number(m[2]);
    return end === y + 1 ? fy(y) : null;
  }
  // "04/05": two-digit financial years, as statistical tables abbreviate them.
  m = /^(?:fy\s*)?(\d{2})\s*[/-]\s*(\d{2})$/i.exec(t);
  if (m && (Number(m[1]) + 1) % 100 === Number(m[2])) return fy(fullYear(m[1]));
  m = /^apr(?:il)?\s+((?:19|20)\d{2})\s*(?:-|–|—|to)\s*mar(?:ch)?\s+((?:19|20)\d{2})$/i.exec(t);
  if (m && Number(m[2]) === Number(m[1]) + 1) return fy(Number(m[1]));
  m = /^(?:(?:calendar\s+)?year\s*|jan(?:uary)?\s*(?:-|–|to)\s*dec(?:ember)?\s+)?((?:19|20)\d{2})(?:\s*\(jan(?:uary)?\s*(?:-|–|to)\s*dec(?:ember)?\))?$/i.exec(t);
  if (m) return calendar(Number(m[1]));
  // A month: "Sep-18", "Sep 2018", "September 2018".
  m = /^([A-Za-z]{3,9})\.?[\s-]+((?:19|20)?\d{2})$/.exec(t);
  if (m && month(m[1])) {
    const y = fullYear(m[2]);
    const mo = month(m[1])!;
    return { year: y, period_start: isoOf(y, mo, 1), period_end: lastDayOfMonth(y, mo) };
  }
  // A year with a qualifier ("2020 (to 2 June)", "2024*") is that year, over a window we cannot state.
  m = /^((?:19|20)\d{2})(?:\s*\*+|\s*\(.*\)|\s+(?:to date|ytd|so far|partial))$/i.exec(t);
  if (m) return { year: Number(m[1]), period_start: null, period_end: null };
  return null;
}

const MON = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
const DAY_DATE = `(\\d{1,2})(?:st|nd|rd|th)?\\s+(${MON})\\s+((?:19|20)\\d{2})`;
const MONTH_YEAR = `(${MON})\\s+((?:19|20)\\d{2})`;
const FY_SRC = '(?:fy\\s*)?((?:19|20)\\d{2})\\s*[-/–]\\s*((?:19|20)?\\d{2})(?!\\d)';
// Built once (none is global, so exec keeps no state between texts).
const DAY_RANGE = new RegExp(`${DAY_DATE}\\s*(?:-|–|—|to|until)\\s*${DAY_DATE}`, 'i');
const MONTH_RANGE = new RegExp(`${MONTH_YEAR}\\s*(?:-|–|—|to|until)\\s*${MONTH_YEAR}`, 'i');
const FY_RANGE = new RegExp(`${FY_SRC}\\s*(?:-|–|—|to|until)\\s*${FY_SRC}`, 'i');
const AS_AT = new RegExp(`\\bas (?:at|of)\\s+${DAY_DATE}`, 'i');
const FY_ONE = new RegExp(FY_SRC, 'i');
const HAS_YEAR = /(?:19|20)\d{2}/;

function dayDate(d: string, mo: string, y: string): string | null {
  const m = month(mo.slice(0, 3));
  return m ? isoOf(Number(y), m, Number(d)) : null;
}

/** The window a title or caption names, or null. */
export function periodOfText(text: string): TablePeriod | null {
  // Every form below names a year (19xx or 20xx): most titles and labels name none.
  if (!HAS_YEAR.test(text)) return null;
  const t = clean(text);
  if (!t) return null;
  let m = DAY_RANGE.exec(t);
  if (m) {
    const s = dayDate(m[1], m[2], m[3]);
    const e = dayDate(m[4], m[5], m[6]);
    if (s && e) return { year: m[3] === m[6] ? Number(m[3]) : null, period_start: s, period_end: e };
  }
  m = MONTH_RANGE.exec(t);
  if (m && month(m[1].slice(0, 3)) && month(m[3].slice(0, 3))) {
    const sm = month(m[1].slice(0, 3))!;
    const em = month(m[3].slice(0, 3))!;
    return { year: m[2] === m[4] ? Number(m[2]) : null, period_start: isoOf(Number(m[2]), sm, 1), period_end: lastDayOfMonth(Number(m[4]), em) };
  }
  // "2004/05 to 2019/20": from the first April to the last March.
  m = FY_RANGE.exec(t);
  if (m) {
    const a = periodOfHeading(`${m[1]}/${m[2]}`);
    const b = periodOfHeading(`${m[3]}/${m[4]}`);
    if (a && b) return { year: null, period_start: a.period_start, period_end: b.period_end };
  }
  m = AS_AT.exec(t);
  if (m) {
    const d = dayDate(m[1], m[2], m[3]);
    if (d) return { year: Number(m[3]), period_start: d, period_end: d };
  }
  m = FY_ONE.exec(t);
  if (m) {
    const p = periodOfHeading(`${m[1]}/${m[2]}`);
    if (p) return p;
  }
  // One calendar year named alone ("… in 2019", "2019 figures"); several years say no one period.
  const years = new Set([...t.matchAll(/(?<![\d/.-])((?:19|20)\d{2})(?![\d/.-])/g)].map((x) => x[1]));
  if (years.size === 1) return calendar(Number([...years][0]));
  return null;
}
