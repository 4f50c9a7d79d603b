// isOnlyADate: ONLY_A_DATE asked only of a text ending in a digit (issue 17, start-up). It must
// give the pattern's own answer on every text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FULL_DATE_SRC } from '../../src/extract/dates.js';
import { isOnlyADate } from '../../src/extract/header.js';

const pattern = new RegExp(`^(?:${FULL_DATE_SRC})$`, 'i');

describe('isOnlyADate', () => {
  it.each([
    ['3 March 2018', true],
    ['1st of January 2020', true],
    ['March 17, 2021', true],
    ['05/04/2022', true],
    ['03.03.21', true],
    ['FOI 1104-23 Officers arrested', false],
    ['March 2021', false],
    ['3 March 2018 update', false],
    ['', false],
  ])('%j → %s', (text, expected) => {
    expect(isOnlyADate(text)).toBe(expected);
    expect(pattern.test(text)).toBe(expected);
  });

  it('agrees with the pattern on text built from date pieces (property)', () => {
    const pieces = ['3', '03', '31st', '1st', 'of', 'March', 'DEC.', 'Sept', 'may', '2018', '1999', '21', '/', '.', '-', ',', ' ', 'Officers', 'x', '0'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 9 }), (ps) => {
        const t = ps.join('');
        expect(isOnlyADate(t), t).toBe(pattern.test(t));
      }),
      { numRuns: 6000 },
    );
  });
});
