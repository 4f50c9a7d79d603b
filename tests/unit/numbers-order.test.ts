// findNumbers sorts only where number words were found among the digits (issue 17): the
// result must be what sorting every match by its offset gives.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findNumbers, wordsToNumber } from '../../src/extract/numbers.js';

const WORD = '(?:zero|dozen|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)';
// The reading before the change: every match, then one sort by offset.
function reference(s: string) {
  const out = [];
  for (const m of s.matchAll(/(?<![\w.,/£$-])\d{1,3}(?:,\d{3})+(?![\w,]|\.\d)|(?<![\w.,/£$-])\d+(?![\w/]|[.,]\d)/g)) {
    out.push({ value: Number(m[0].replace(/,/g, '')), text: m[0], index: m.index, end: m.index + m[0].length, words: false });
  }
  for (const m of s.matchAll(new RegExp(`\\b${WORD}(?:(?:[\\s-]+|\\s+and\\s+)${WORD})*\\b`, 'gi'))) {
    const v = wordsToNumber(m[0]);
    if (v === null) {
      const first = /^\S+/.exec(m[0])![0];
      const fv = wordsToNumber(first);
      if (fv !== null) out.push({ value: fv, text: first, index: m.index, end: m.index + first.length, words: true });
      continue;
    }
    out.push({ value: v, text: m[0], index: m.index, end: m.index + m[0].length, words: true });
  }
  return out.sort((a, b) => a.index - b.index);
}

describe('findNumbers order', () => {
  it.each([
    ['1,051 officers and 12 staff', [1051, 12]],
    ['twenty-one officers, 3 staff and one hundred and five PCSOs', [21, 3, 105]],
    ['In 2019 five officers, in 2020 7', [2019, 5, 2020, 7]],
    ['none', []],
  ])('%j → %j', (text, values) => {
    expect(findNumbers(text).map((n) => n.value)).toEqual(values);
  });

  it('gives what one sort of every match gives (property)', () => {
    const pieces = ['1', '12', '1,051', '2,00', '2020', '3.5', '£5', 'one', 'Twenty', 'hundred', 'and', 'two', 'officers', 'x', '-', ',', '.', ' ', '  ', '/'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 14 }), (ps) => {
        const t = ps.join(' ');
        expect(findNumbers(t), t).toEqual(reference(t));
      }),
      { numRuns: 4000 },
    );
  });
});
