// isOnlyADate: ONLY_A_DATE asked only of a text ending in a digit (issue 17, start-up). It must
// give the pattern's own answer on every text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FULL_DATE_SRC } from '../../src/extract/dates.js';
import { isOnlyADate, labelledRefGate } from '../../src/extract/header.js';

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

describe('labelled reference gate', () => {
  const { gate, re } = labelledRefGate();
  it.each([
    ['Reference no: FOI/14806', true],
    ['  Ref: 2023/0815', true],
    ['Our ref. HQ/PA/002481/23', true],
    ['your reference number 000739/19', true],
    ['Request Number: FOI/14806', true],
    ['FOI Number: 21354', true],
    ['Freedom of Information request 2024/0123', true],
    ['Arrested 6 4 7', false],
    ['2020 2021 2022', false],
  ])('%j → %s', (text, expected) => {
    expect(re.test(text)).toBe(expected);
    expect(gate.test(text)).toBe(expected);
  });

  it('never turns away a line the pattern matches (property)', () => {
    const pieces = ['', ' ', '  ', '\t', 'freedom of information', 'FOI', 'foi request', 'request', 'Request', 'our', 'YOUR', 'reference', 'ref', 'Ref.', 'no.', 'number',
      'num', 'id', ':', '-', '–', '14806', 'FOI/14806', 'HQ/PA/2481/23', '2024/0123', 'Arrested', '6', 'x'];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...pieces), fc.constantFrom(' ', '', ': ')), { maxLength: 7 }), (parts) => {
        const t = parts.map(([p, s]) => p + s).join('');
        if (re.test(t)) expect(gate.test(t), t).toBe(true);
      }),
      { numRuns: 6000 },
    );
  });
});
