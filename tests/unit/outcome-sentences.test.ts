// extractOutcome reads the response's sentences one at a time up to the first about cost, and
// takes the joined response text from its caller where it is the same (issue 17): the same
// answers as splitting every sentence and joining the lines again.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isJoinOf, someSentence } from '../../src/extract/outcome.js';
import type { Line } from '../../src/extract/doc-model.js';

const split = (t: string) => t.split(/(?<=[.!?])\s+|\n/);
const pieces = fc.constantFrom('a', 'It costs.', ' ', '  ', '\n', '.', '!', '?', 'x. y', '\t', 'exceed', '');
const text = fc.array(pieces, { maxLength: 14 }).map((p) => p.join(''));
const line = (t: string): Line => ({ i: 0, text: t, start: 0, end: t.length, locator: '', kind: 'paragraph', furniture: false, blank: false }) as Line;

describe('someSentence', () => {
  it.each([
    ['One. Two', ['One.', 'Two']],
    ['One.\n\nTwo', ['One.', 'Two']],
    ['a\n\nb', ['a', '', 'b']],
    ['', ['']],
  ])('%j reads %j', (t, out) => {
    const seen: string[] = [];
    expect(someSentence(t, (s) => (seen.push(s), false))).toBe(false);
    expect(seen).toEqual(out);
    expect(split(t)).toEqual(out);
  });

  it('reads the pieces split gives, up to the first that passes (property)', () => {
    fc.assert(
      fc.property(text, fc.nat(6), (t, n) => {
        const seen: string[] = [];
        const all = split(t);
        const test = (s: string) => (seen.push(s), seen.length > n);
        const got = someSentence(t, test);
        expect(got, t).toBe(all.length > n);
        expect(seen, t).toEqual(all.slice(0, Math.min(all.length, n + 1)));
      }),
      { numRuns: 5000, seed: 17 },
    );
  });
});

describe('isJoinOf', () => {
  it('is true exactly where the texts joined by a line break are the text (property)', () => {
    expect(isJoinOf([], '')).toBe(true);
    expect(isJoinOf([line('a'), line('b')], 'a\nb')).toBe(true);
    expect(isJoinOf([line('a'), line('b')], 'a\nbc')).toBe(false);
    expect(isJoinOf([line('a\n'), line('b')], 'a\n\nb')).toBe(true);
    fc.assert(
      fc.property(fc.array(text, { maxLength: 5 }), text, fc.boolean(), (ts, other, same) => {
        const joined = same ? ts.join('\n') : other;
        expect(isJoinOf(ts.map(line), joined), JSON.stringify([ts, joined])).toBe(ts.join('\n') === joined);
      }),
      { numRuns: 5000, seed: 17 },
    );
  });
});
