// One pass over a line's text that finds every number and says what kind of number it is, so
// that no extractor has to ask again: a count, or something typed as something else — a year,
// a financial year, a date, money, a percentage, a duration, an age, a section or question
// number, a reference, a telephone number. Figures are read only from counts.
import { FULL_DATE_SRC, MONTH_RE } from '../extract/dates.js';
import { findNumbers, isYear, type NumberMatch } from '../extract/numbers.js';
import type { Sentence } from '../extract/doc-model.js';
import { matchesOf } from './gates.js';
import { isSpaceCode } from '../extract/words.js';

export type TokenKind = 'count' | 'year' | 'financial_year' | 'date' | 'money' | 'percent' | 'duration' | 'age' | 'label' | 'reference' | 'phone' | 'ordinal';

export interface NumberToken {
  kind: TokenKind;
  value: number;
  text: string;
  /** Offsets in the tokenised string. */
  index: number;
  end: number;
  words: boolean;
}

const DATE_RE = new RegExp(FULL_DATE_SRC, 'gi');
const FY_RE = /\b(?:19|20)\d{2}\s*[/-]\s*(?:(?:19|20)\d{2}|\d{2})\b/g;
const DECIMAL_RE = /(?<![\w.,/£$€-])\d{1,3}(?:,\d{3})*\.\d+(?![\w/]|\.\d)|(?<![\w.,/£$€-])\d+\.\d+(?![\w/.]\d?)/g;
const REFERENCE_RE = /\b[A-Z]{1,6}[-/ ]?\d+(?:[-/._]\d+)+\b|\b\d+[A-Z]?[/_]\d{2,4}\b|\b(?:IC|FS|FER)-?\d{4,}[\w-]*/g;
const PHONE_RE = /(?:\+44\s?|\b0)\d{2,4}[\s-]?\d{3,4}[\s-]?\d{3,4}\b/g;
// What the words either side say about a number.
export const MONEY_BEFORE = /[£$€]\s*$/;
const MONEY_AFTER = /^\s*(?:pounds|pence|p\b|k\b|m\b|bn\b)|^\s*(?:million|billion)\s+(?:pounds|in\b)/i;
const PERCENT_AFTER = /^\s*(?:%|per\s?cent|percent|pc\b)/i;
const DURATION_AFTER = /^\s*(?:-\s*)?(?:(?:working|calendar|clear|sick(?:ness)?|absence)\s+)?(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|yrs?)\b(?![- ]old)/i;
export const AGE_BEFORE = /\b(?:aged|age of|ages of|over the age of|under the age of)\s*$/i;
const AGE_AFTER = /^\s*-?\s*(?:years?|yrs?)[- ]old\b/i;
const LABEL_BEFORE = /\b(?:sections?|ss?\.|regulations?|regs?\.?|paragraphs?|paras?\.?|articles?|schedules?|parts?|chapters?|rules?|questions?|qs?\.?|points?|pages?|pp?\.|tables?|appendix|annex|items?|no\.|number|category|categories|reference|ref\.?|foi|request|decision|case|clause|level|tier|grade|band|stage|step|phase|option|figure|fig\.|line|column|row|version|v\.)\s*\(?\s*$/i;
const ORDINAL_AFTER = /^(?:st|nd|rd|th)\b/i;
const MAY_HOLD_DECIMAL = /\d\.\d/;
/** A number in four digits from 1900 to 2099: typed a year (when nothing more specific claims it), never a count. */
const isYearText = (n: NumberMatch) => !n.words && /^\d{4}$/.test(n.text) && isYear(n.value);
// What each pattern above needs, asked first (a plain year, in every table row of years, needs
// none of them): a date a month's name or a numeric date's separators, a financial year two years
// joined by a slash or dash, a reference digits joined by a separator (or an IC/FS/FER number), a
// telephone number nine digits with at most a space or dash between each two, a decimal its
// point. Wherever a pattern matches, its gate must (tests/unit/tokens-gate.test.ts).
const MAY_HOLD = new Map<RegExp, RegExp>([
  [DATE_RE, new RegExp(`${MONTH_RE}|\\d[./-]\\d\\d?[./-]`, 'i')],
  [FY_RE, /(?:19|20)\d\d\s*[/-]\s*\d\d/],
  [REFERENCE_RE, /\d[A-Z]?[-/._]\d|(?:IC|FS|FER)-?\d{4}/],
  [PHONE_RE, /\d(?:[\s-]?\d){8}/],
  [DECIMAL_RE, MAY_HOLD_DECIMAL],
]);

/** The patterns and the gate asked before each (tests: wherever a pattern matches, its gate must). */
export function tokenGates(): Array<{ pattern: RegExp; gate: RegExp }> {
  return [...MAY_HOLD].map(([pattern, gate]) => ({ pattern, gate }));
}

// The words before a number, read from their end without a regex (each number asks them; issue 17).
const isMoneyCode = (c: number) => c === 0xa3 || c === 0x24 || c === 0x20ac;
/** Where `s` ends once its trailing whitespace (/\s*$/) is left off. */
function spaceEnd(s: string): number {
  let e = s.length;
  while (e > 0 && isSpaceCode(s.charCodeAt(e - 1))) e--;
  return e;
}
/** MONEY_BEFORE.test(before): a currency sign, then only whitespace. */
export function moneyBefore(before: string): boolean {
  const e = spaceEnd(before);
  return e > 0 && isMoneyCode(before.charCodeAt(e - 1));
}
/** /[£$€]/.test(before.slice(-3)). */
export function moneyNear(before: string): boolean {
  for (let k = Math.max(0, before.length - 3); k < before.length; k++) if (isMoneyCode(before.charCodeAt(k))) return true;
  return false;
}
/** What AGE_BEFORE needs: every form ends in "aged" or "of", then only whitespace. */
export function mayBeAgeBefore(before: string): boolean {
  const e = spaceEnd(before);
  if (e < 2) return false;
  const x = before.charCodeAt(e - 2) | 32;
  const y = before.charCodeAt(e - 1) | 32;
  return (x === 101 && y === 100) || (x === 111 && y === 102);
}
/** The first span that holds [a, b) (spans.find(…), without a closure per text). */
function inside<S extends { index: number; end: number }>(spans: S[], a: number, b: number): S | undefined {
  for (let i = 0; i < spans.length; i++) if (a >= spans[i].index && b <= spans[i].end) return spans[i];
  return undefined;
}

// A sentence's numbers and tokens, found once however many extractors read the sentence
// (figures in sentences, general counts): kept on the sentence that doc-model's sentences()
// hands out, once per line.

/** findNumbers(s.text), worked out once per sentence (the same array each time: do not modify it). */
export function numbersOf(s: Sentence): NumberMatch[] {
  return (s.numbers ??= findNumbers(s.text));
}

/**
 * Whether tokensOf(s) may hold a count, asked without typing the numbers: a four-digit year in
 * digits (1900–2099) is never a count (tokenizeNumbers types it a year, or something more
 * specific before that), and a decimal is read only where a point stands between digits. A
 * table row of years and words ("PC Theft 2019 Dismissed") is answered from its numbers alone.
 */
export function mayHoldCount(s: Sentence): boolean {
  if (s.tokens) return s.tokens.some((t) => t.kind === 'count');
  for (const n of numbersOf(s)) if (!isYearText(n)) return true;
  return MAY_HOLD_DECIMAL.test(s.text);
}

/** tokenizeNumbers(s.text), worked out once per sentence (the same array each time: do not modify it). */
export function tokensOf(s: Sentence): NumberToken[] {
  return (s.tokens ??= tokenizeNumbers(s.text, numbersOf(s)));
}

/** Every number in `text`, each with its kind (`numbers`: findNumbers(text), when already known). */
export function tokenizeNumbers(text: string, numbers: NumberMatch[] = findNumbers(text)): NumberToken[] {
  const spans: Array<{ kind: TokenKind; index: number; end: number }> = [];
  // Dates, financial years, references, phones and decimals all hold a digit: a line without
  // one (most prose) can only hold number words.
  const digits = /\d/.test(text);
  // Each pattern also asked only where what it needs stands (MAY_HOLD): most numbers are none of these.
  // Pushed into a literal, not mapped: the map of an empty [] has another array map than a full one's
  // (each first meeting of it threw away this function's optimised code).
  const decimals: NumberMatch[] = [];
  if (digits && MAY_HOLD_DECIMAL.test(text)) for (const m of matchesOf(DECIMAL_RE, text)) decimals.push({ value: Number(m[0].replace(/,/g, '')), text: m[0], index: m.index!, end: m.index! + m[0].length, words: false });
  // The spans below only type numbers: a text with digits but no number (a reference, a date
  // written "2023/24" that findNumbers leaves) needs none of them.
  if (!numbers.length && !decimals.length) return [];
  const claim = (re: RegExp, kind: TokenKind) => {
    if (digits && MAY_HOLD.get(re)!.test(text)) for (const m of matchesOf(re, text)) spans.push({ kind, index: m.index!, end: m.index! + m[0].length });
  };
  claim(DATE_RE, 'date');
  claim(FY_RE, 'financial_year');
  claim(REFERENCE_RE, 'reference');
  claim(PHONE_RE, 'phone');
  const out: NumberToken[] = [];
  // findNumbers gives its numbers in order: only decimals need merging in.
  const all = decimals.length ? [...numbers, ...decimals].sort((a, b) => a.index - b.index) : numbers;
  let last = -1;
  for (const n of all) {
    if (n.index < last) continue; // a decimal's parts, already taken whole
    last = n.end;
    const before = text.slice(Math.max(0, n.index - 24), n.index);
    const after = text.slice(n.end, n.end + 32);
    const span = inside(spans, n.index, n.end);
    let kind: TokenKind = 'count';
    if (span) kind = span.kind;
    else if (moneyBefore(before) || (moneyNear(before) && MONEY_AFTER.test(after))) kind = 'money';
    else if (PERCENT_AFTER.test(after)) kind = 'percent';
    else if (ORDINAL_AFTER.test(after)) kind = 'ordinal';
    else if ((mayBeAgeBefore(before) && AGE_BEFORE.test(before)) || AGE_AFTER.test(after)) kind = 'age';
    else if (DURATION_AFTER.test(after)) kind = 'duration';
    else if (!n.words && (LABEL_BEFORE.test(before) || /[\dA-Za-z]\s*\(\s*$/.test(before))) kind = 'label'; // "section 40", the (2) of 40(2)
    else if (isYearText(n)) kind = 'year';
    else if (!n.words && /^\s*\(\s*\d|^\s*[.)]\s/.test(after) && /(?:^|\n)\s*\(?$/.test(before)) kind = 'label'; // "1) …", "2. …" opening a line
    else if (!n.words && /\./.test(n.text) && /^\s+[A-Z]/.test(after) && /(?:^|\n)\s*$/.test(before)) kind = 'label'; // "4.1 Declarations": a paragraph number
    out.push({ kind, value: n.value, text: n.text, index: n.index, end: n.end, words: n.words });
  }
  return out;
}
