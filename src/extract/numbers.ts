// Numbers as forces and newspapers print them: "1,051", "TWENTY one", "twenty-one",
// "None", "Nil". Returns the value and the exact span it was read from.
import { matchesOf } from '../segment/gates.js';

const UNITS: Record<string, number> = {
  zero: 0, none: 0, nil: 0, no: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, dozen: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };

export interface NumberMatch {
  value: number;
  text: string;
  /** Offsets within the searched string. */
  index: number;
  end: number;
  /** true when printed in words. */
  words: boolean;
}

const WORD = '(?:zero|dozen|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)';
// "twenty one", "TWENTY-ONE", "one hundred and five", "a hundred"
const WORDS_RE = new RegExp(`\\b${WORD}(?:(?:[\\s-]+|\\s+and\\s+)${WORD})*\\b`, 'gi');
const DIGITS_RE = /(?<![\w.,/£$-])\d{1,3}(?:,\d{3})+(?![\w,]|\.\d)|(?<![\w.,/£$-])\d+(?![\w/]|[.,]\d)/g;

// Any number findNumbers or parseNumberCell can read holds a digit, a number word standing
// alone, "none" or "nil".
const NUMBER_WORD = new RegExp(`\\b${WORD}\\b|none|nil`, 'i');

/** Whether `s` may hold a number at all (a cheap gate: most lines of prose hold none). */
export function mayHoldNumber(s: string): boolean {
  return /\d/.test(s) || NUMBER_WORD.test(s);
}

/** Value of a run of number words ("twenty one" → 21), or null if it is not one number. */
export function wordsToNumber(s: string): number | null {
  const parts = s.toLowerCase().split(/[\s-]+/).filter((p) => p && p !== 'and');
  if (!parts.length) return null;
  let total = 0;
  let current = 0;
  let lastKind: 'unit' | 'ten' | 'hundred' | null = null;
  for (const p of parts) {
    if (p in UNITS) {
      if (lastKind === 'unit') return null; // "one two" is two numbers
      current += UNITS[p];
      lastKind = 'unit';
    } else if (p in TENS) {
      if (lastKind === 'unit' || lastKind === 'ten') return null;
      current += TENS[p];
      lastKind = 'ten';
    } else if (p === 'hundred') {
      current = (current || 1) * 100;
      lastKind = 'hundred';
    } else return null;
  }
  total += current;
  return total;
}

/** Every number in `s`, digits and words, left to right, not overlapping. */
export function findNumbers(s: string): NumberMatch[] {
  const out: NumberMatch[] = [];
  // Neither pattern matches an empty string: a plain exec loop (no array of matches made first).
  DIGITS_RE.lastIndex = 0;
  for (let m = DIGITS_RE.exec(s); m !== null; m = DIGITS_RE.exec(s)) {
    const text = m[0];
    out.push({ value: Number(text.includes(',') ? text.replace(/,/g, '') : text), text, index: m.index, end: m.index + text.length, words: false });
  }
  // The digit matches come left to right: only number words need sorting in among them.
  const digitCount = out.length;
  for (const m of matchesOf(WORDS_RE, s)) {
    const v = wordsToNumber(m[0]);
    if (v === null) {
      // A run that is several numbers ("one two"): take its first word only.
      const first = /^\S+/.exec(m[0])![0];
      const fv = wordsToNumber(first);
      if (fv !== null) out.push({ value: fv, text: first, index: m.index!, end: m.index! + first.length, words: true });
      continue;
    }
    out.push({ value: v, text: m[0], index: m.index!, end: m.index! + m[0].length, words: true });
  }
  return out.length === digitCount ? out : out.sort((a, b) => a.index - b.index);
}

/** A cell or answer that is only a number: "46", "1,051", "None", "Nil", "0". */
// Only a cell that starts with a digit, "none", "nil" or "zero" can be one (most cells and lines are words).
const MAY_BE_NUMBER_CELL = /^[\s\u00a0]*[\dnz]/i;

/** Whether `s` may be a number cell at all (parseNumberCell is null wherever this is false). */
export function mayBeNumberCell(s: string): boolean {
  return MAY_BE_NUMBER_CELL.test(s);
}

export function parseNumberCell(s: string): number | null {
  if (!MAY_BE_NUMBER_CELL.test(s)) return null;
  const t = s.replace(/[\s\u00a0]+/g, ' ').trim().replace(/\s*\|$/, '').trim();
  if (/^\d{1,3}(,\d{3})+$|^\d+$/.test(t)) return Number(t.replace(/,/g, ''));
  if (/^(none|nil|zero)(?: return(?:ed)?)?\.?$/i.test(t)) return 0;
  return null;
}

export function isYear(n: number): boolean {
  return n >= 1900 && n <= 2099;
}
