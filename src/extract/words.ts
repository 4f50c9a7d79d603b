// Word counts without splitting: extractors ask "at most N words?" of every line, and
// `text.split(/\s+/).length` builds an array of a long paragraph's words to answer it.

/** Whether a UTF-16 code unit is one of JavaScript's `\s` characters. */
export function isSpaceCode(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || (c > 127 && (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff));
}

/** Whether a UTF-16 code unit is an ASCII digit (what /\d/ matches). */
export const isDigitCode = (c: number) => c >= 48 && c <= 57;

/** Whether `s` holds an ASCII digit (/\d/.test(s), without a regex call per line). */
export function hasDigit(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (isDigitCode(s.charCodeAt(i))) return true;
  return false;
}

/** The text's first character that is not whitespace (its code; NaN when none): what `text.trim()` starts with. */
export function firstCode(text: string): number {
  let i = 0;
  while (i < text.length && isSpaceCode(text.charCodeAt(i))) i++;
  return text.charCodeAt(i);
}

/** The text's last character that is not whitespace (its code; NaN when none). */
export function lastCode(text: string): number {
  let e = text.length - 1;
  while (e >= 0 && isSpaceCode(text.charCodeAt(e))) e--;
  return text.charCodeAt(e);
}

/**
 * `text.split(/\s+/).length` (each run of whitespace adds one piece, leading and trailing runs
 * included), exact up to `max`; past it, counting stops at the first number above `max`:
 * "more than max" is all a caller needs to know.
 */
export function pieceCount(text: string, max = Infinity): number {
  let n = 1;
  let inSpace = false;
  for (let i = 0; i < text.length; i++) {
    const space = isSpaceCode(text.charCodeAt(i));
    if (space && !inSpace && ++n > max) return n;
    inSpace = space;
  }
  return n;
}
