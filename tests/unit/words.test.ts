// pieceCount and isSpaceCode stand in for `text.split(/\s+/).length` and /\s/ in the extractors'
// per-line gates: they must agree with the regex definitions on any text, not only on prose.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSpaceCode, pieceCount } from '../../src/extract/words.js';

describe('isSpaceCode', () => {
  it('is /\\s/ for every UTF-16 code unit', () => {
    const differ: string[] = [];
    for (let c = 0; c <= 0xffff; c++) if (isSpaceCode(c) !== /\s/.test(String.fromCharCode(c))) differ.push(`U+${c.toString(16)}`);
    expect(differ).toEqual([]);
  });
  it('is false past either end of a string (NaN)', () => {
    expect(isSpaceCode(''.charCodeAt(0))).toBe(false);
  });
});

describe('pieceCount', () => {
  it.each([
    ['', 1],
    ['one', 1],
    ['two words', 2],
    [' leading', 2],
    ['trailing ', 2],
    ['  a \t\n b\u00a0\u2003c  ', 5],
    ['a\u200bb', 1], // a zero-width space is not \s
  ])('%j has %i pieces', (text, n) => {
    expect(pieceCount(text)).toBe(n);
    expect(text.split(/\s+/).length).toBe(n);
  });
  it('stops counting past max', () => {
    expect(pieceCount('a b c d e f', 3)).toBe(4);
    expect(pieceCount('a b c', 3)).toBe(3);
  });
  it('agrees with split(/\\s+/) on any text up to max, and says "more" past it', () => {
    const spaces = fc.constantFrom(' ', '  ', '\t', '\n', '\u00a0', '\u2028', '\u3000', '\ufeff', '\u200b', 'x', 'word', '|', '');
    const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.array(spaces, { maxLength: 30 }).map((p) => p.join('')));
    fc.assert(
      fc.property(text, fc.integer({ min: 0, max: 12 }), (t, max) => {
        const n = t.split(/\s+/).length;
        expect(pieceCount(t)).toBe(n);
        if (n <= max) expect(pieceCount(t, max)).toBe(n);
        else expect(pieceCount(t, max)).toBeGreaterThan(max);
      }),
      { numRuns: 300, seed: 17 },
    );
  });
});
