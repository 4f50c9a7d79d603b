import { describe, expect, it } from 'vitest';
import { parseFinancialYear, parseFullDate, parseMonthYear } from '../../src/extract/dates.js';
import { findNumbers, parseNumberCell, wordsToNumber } from '../../src/extract/numbers.js';
import { yearOfPeriod } from '../../src/extract/figures.js';

describe('number words and digits', () => {
  it.each([
    ['twenty one', 21],
    ['TWENTY one', 21],
    ['Twenty-One', 21],
    ['eighteen', 18],
    ['one hundred and five', 105],
    ['none', 0],
    ['one two', null],
  ])('wordsToNumber(%j) = %j', (s, v) => expect(wordsToNumber(s)).toBe(v));

  it.each([
    ['46', 46],
    ['1,051', 1051],
    ['None', 0],
    ['Nil', 0],
    [' 7 |', 7],
    ['31/02/2023', null],
    ['S40(2) applies', null],
    ['2.5', null],
  ])('parseNumberCell(%j) = %j', (s, v) => expect(parseNumberCell(s)).toBe(v));

  it('finds digits and words with their spans, not parts of dates, money or references', () => {
    const s = 'TWENTY one officers, 1,051 staff, £450, 18/02/2021, 65A/24 and 3 cases';
    expect(findNumbers(s).map((n) => [n.value, n.text])).toEqual([
      [21, 'TWENTY one'],
      [1051, '1,051'],
      [3, '3'],
    ]);
  });
});

describe('UK dates (day first)', () => {
  it.each([
    ['3 March 2018', '2018-03-03'],
    ['1st January 2020', '2020-01-01'],
    ['2nd June 2020', '2020-06-02'],
    ['the 20th February 2019', '2019-02-20'],
    ['March 17, 2021', '2021-03-17'],
    ['03.03.21', '2021-03-03'],
    ['05/04/2022', '2022-04-05'],
    ['31/02/2023', null],
    ['30 February 2020', null],
    ['March 2021', null],
  ])('parseFullDate(%j) = %j', (s, v) => expect(parseFullDate(s)).toBe(v));

  it.each([
    ['March 2021', { start: '2021-03-01', end: '2021-03-31' }],
    ['February 2024', { start: '2024-02-01', end: '2024-02-29' }],
    ['Sept 2019', { start: '2019-09-01', end: '2019-09-30' }],
  ])('parseMonthYear(%j)', (s, v) => expect(parseMonthYear(s)).toEqual(v));

  it.each([
    ['2013/14', { start: '2013-04-01', end: '2014-03-31' }],
    ['13/14', { start: '2013-04-01', end: '2014-03-31' }],
    ['2019-20', { start: '2019-04-01', end: '2020-03-31' }],
    ['2019/21', null],
  ])('parseFinancialYear(%j)', (s, v) => expect(parseFinancialYear(s)).toEqual(v));
});

describe('yearOfPeriod: the single year a window is', () => {
  it.each([
    ['2023-01-01', '2023-12-31', 2023],
    ['2019-04-01', '2020-03-31', 2019],
    ['2021-03-03', '2022-04-30', null],
    ['2018-01-01', '2019-12-31', null],
    [null, '2019-12-31', null],
  ] as const)('%s..%s → %s', (a, b, want) => expect(yearOfPeriod(a, b)).toBe(want));
});
