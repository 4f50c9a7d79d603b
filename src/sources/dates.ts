// Dates as listing pages print them ("12 May 2023", "February 04, 2026", "05/03/2024",
// a <time datetime>) → ISO YYYY-MM-DD, or null when there is no unambiguous date.
// Numeric dates follow the site's order (UK sites are day-first; `order` says otherwise).

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const ISO = /\b(\d{4})-(\d{2})-(\d{2})(?![\d])/;
const DAY_MONTH_YEAR = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}\\.?,?\\s+(\\d{4})\\b`, 'i');
const MONTH_DAY_YEAR = new RegExp(`\\b${MONTH}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'i');
const NUMERIC = /\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})\b/;

export type DateOrder = 'dmy' | 'mdy';

function iso(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1) return null;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > days) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const monthOf = (s: string) => MONTHS[s.slice(0, 4).toLowerCase()] ?? MONTHS[s.slice(0, 3).toLowerCase()];

/** The first date written in `text`, as ISO, or null. */
export function parseListingDate(text: string | null | undefined, order: DateOrder = 'dmy'): string | null {
  if (!text) return null;
  const s = text.replace(/\s+/g, ' ');
  const candidates: Array<{ at: number; value: string | null }> = [];
  let m = ISO.exec(s);
  if (m) candidates.push({ at: m.index, value: iso(+m[1], +m[2], +m[3]) });
  m = DAY_MONTH_YEAR.exec(s);
  if (m) candidates.push({ at: m.index, value: iso(+m[3], monthOf(m[2]), +m[1]) });
  m = MONTH_DAY_YEAR.exec(s);
  if (m) candidates.push({ at: m.index, value: iso(+m[3], monthOf(m[1]), +m[2]) });
  m = NUMERIC.exec(s);
  if (m) {
    let y = +m[3];
    if (m[3].length === 2) y += y < 70 ? 2000 : 1900;
    const [d, mo] = order === 'dmy' ? [+m[1], +m[2]] : [+m[2], +m[1]];
    candidates.push({ at: m.index, value: iso(y, mo, d) });
  }
  const valid = candidates.filter((c) => c.value).sort((a, b) => a.at - b.at);
  return valid[0]?.value ?? null;
}

/** A user-given date (`--since`): ISO or any form above, day-first; null if not a date. */
export function parseUserDate(text: string): string | null {
  const t = text.trim();
  if (/^\d{4}$/.test(t)) return `${t}-01-01`;
  return parseListingDate(t, 'dmy');
}
