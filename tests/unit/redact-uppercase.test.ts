// Redaction's capital count (a gate before the name patterns) scans with a regex per capital
// (issue 17); it must count what a code point by code point \p{Lu} test counts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { uppercaseCount } from '../../src/extract/redact.js';

const byCodePoint = (text: string, max: number) => {
  let n = 0;
  for (const ch of text) if (n < max && /^\p{Lu}$/u.test(ch)) n++;
  return n;
};

describe('uppercaseCount', () => {
  it.each([
    ['', 3, 0],
    ['no capitals here', 3, 0],
    ['PC Smith', 3, 3],
    ['PC Smith', 2, 2],
    ['one Capital', 3, 1],
    ['Zoë Ó Briain', 3, 3],
    ['ÉCOLE', 1, 1],
    ['\u{1D400}x', 3, 1], // MATHEMATICAL BOLD CAPITAL A, a surrogate pair, counted once
    ['\ud835 lone surrogate A', 3, 1],
  ])('%j (max %i) → %i', (text, max, n) => {
    expect(uppercaseCount(text, max)).toBe(n);
  });

  it('counts what a code point by code point test counts', () => {
    const text = fc.string({ unit: fc.oneof(fc.constantFrom('A', 'a', ' ', 'É', 'é', 'Ó', '’', '\u{1D400}', '\ud835', '\udc00', ','), fc.string({ unit: 'binary', maxLength: 1 })), maxLength: 30 });
    fc.assert(fc.property(text, fc.integer({ min: 1, max: 4 }), (t, max) => uppercaseCount(t, max) === byCodePoint(t, max)), { numRuns: 3000 });
  });
});
