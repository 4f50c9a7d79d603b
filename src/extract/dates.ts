// UK dates as printed in disclosures: day-first always ("03.03.21" is 3 March 2021),
// ordinals ("1st January 2020"), American-style labels ("March 17, 2021"), month and
// year alone, and financial years ("2013/14"). Impossible dates ("31/02/2023") are null.
import { createRequire } from 'node:module';

// chrono's English parser only (not all its locales), loaded on first use: most documents
// never reach the fallback below, and loading it costs more than a whole small parse.
type ChronoEn = typeof import('chrono-node/en');
let chronoEn: ChronoEn | null = null;
const chrono = (): ChronoEn => (chronoEn ??= createRequire(import.meta.url)('chrono-node/en') as ChronoEn);

export const MONTHS: Record<string, number> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6, july: 7, jul: 7,
  august: 8, aug: 8, september: 9, sept: 9, sep: 9, october: 10, oct: 10, november: 11, nov: 11, december: 12, dec: 12,
};
export const MONTH_RE = '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?';
const DAY = '(?:[0-3]?\\d)(?:st|nd|rd|th)?';

/** Regex sources for a full date in the forms above (no capture groups). */
export const FULL_DATE_SRC = [
  `${DAY}(?:\\s+of\\s+|\\s*)${MONTH_RE},?\\s+(?:19|20)\\d{2}`, // 3 March 2018, 1st of January 2020, "4Nov 2019" (a PDF's lost space)
  `${MONTH_RE}\\s+${DAY},?\\s+(?:19|20)\\d{2}`, // March 17, 2021
  `[0-3]?\\d[./-][01]?\\d[./-](?:(?:19|20)\\d{2}|\\d{2})(?![\\d/])`, // 03.03.21, 05/04/2022
].join('|');
export const MONTH_YEAR_SRC = `${MONTH_RE},?\\s+(?:19|20)\\d{2}`;

const pad = (n: number) => String(n).padStart(2, '0');

export function isoOf(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1) return null;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > days) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

export function lastDayOfMonth(y: number, m: number): string {
  return `${y}-${pad(m)}-${pad(new Date(Date.UTC(y, m, 0)).getUTCDate())}`;
}

function monthNumber(s: string): number | null {
  return MONTHS[s.toLowerCase().replace(/\.$/, '')] ?? null;
}

function fullYear(y: string): number {
  const n = Number(y);
  // Two-digit years: 00–49 are this century, 50–99 the last (a fixed pivot: output never depends on the clock).
  if (y.length === 2) return n + (n < 50 ? 2000 : 1900);
  return n;
}

// Compiled once: these run for every date-like string of every document.
const DAY_MONTH_YEAR = new RegExp(`^(\\d{1,2})(?:st|nd|rd|th)?(?:\\s+of\\s+|\\s*)(${MONTH_RE}),?\\s+((?:19|20)\\d{2})$`, 'i');
const MONTH_DAY_YEAR = new RegExp(`^(${MONTH_RE})\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+((?:19|20)\\d{2})$`, 'i');
const NAMES_A_MONTH = new RegExp(MONTH_RE, 'i');
const MONTH_YEAR = new RegExp(`^(${MONTH_RE}),?\\s+((?:19|20)\\d{2})$`, 'i');

/** A full date → ISO, or null when it is not one (or is impossible). */
export function parseFullDate(s: string): string | null {
  const t = s.trim().replace(/^the\s+/i, '');
  let m = DAY_MONTH_YEAR.exec(t);
  if (m) {
    const mo = monthNumber(m[2]);
    return mo ? isoOf(Number(m[3]), mo, Number(m[1])) : null;
  }
  m = MONTH_DAY_YEAR.exec(t);
  if (m) {
    const mo = monthNumber(m[1]);
    return mo ? isoOf(Number(m[3]), mo, Number(m[2])) : null;
  }
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t); // ISO, as some logs print it
  if (m) return isoOf(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4}|\d{2})$/.exec(t);
  if (m) return isoOf(fullYear(m[3]), Number(m[2]), Number(m[1]));
  // Anything else chrono's day-first English parser is sure of (a full day, month and year);
  // only worth asking when a month is named ("Tuesday, the 3rd of March, 2020").
  if (!NAMES_A_MONTH.test(t) || !/\d/.test(t)) return null;
  const r = chrono().GB.parse(t)[0];
  if (r && r.index === 0 && r.text.length >= t.length - 1 && r.start.isCertain('day') && r.start.isCertain('month') && r.start.isCertain('year')) {
    return isoOf(r.start.get('year')!, r.start.get('month')!, r.start.get('day')!);
  }
  return null;
}

/** "March 2021" → its first and last day. */
export function parseMonthYear(s: string): { start: string; end: string } | null {
  const m = MONTH_YEAR.exec(s.trim());
  if (!m) return null;
  const mo = monthNumber(m[1]);
  if (!mo) return null;
  const y = Number(m[2]);
  return { start: isoOf(y, mo, 1)!, end: lastDayOfMonth(y, mo) };
}

/** "2013/14", "13/14", "2013-14" → the UK financial year 1 April – 31 March. */
export function parseFinancialYear(s: string): { start: string; end: string } | null {
  const m = /^((?:19|20)?\d{2})\s*[/-]\s*(\d{2}|(?:19|20)\d{2})$/.exec(s.trim());
  if (!m) return null;
  const a = fullYear(m[1]);
  const b = fullYear(m[2].length === 4 ? m[2] : m[2]);
  const bFull = m[2].length === 4 ? Number(m[2]) : Math.floor(a / 100) * 100 + Number(m[2]);
  if (bFull !== a + 1 && b !== a + 1) return null;
  return { start: `${a}-04-01`, end: `${a + 1}-03-31` };
}
