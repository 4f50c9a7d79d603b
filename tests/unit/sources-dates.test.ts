import { describe, expect, it } from 'vitest';
import { parseListingDate, parseUserDate } from '../../src/sources/dates.js';

describe('parseListingDate', () => {
  it.each([
    ['2024-03-05T09:00:00+00:00', 'dmy', '2024-03-05'],
    ['Published: 12 May 2023', 'dmy', '2023-05-12'],
    ['1st January 2020', 'dmy', '2020-01-01'],
    ['February 04, 2026 | Organisational Information', 'mdy', '2026-02-04'],
    ['Sept 3, 2021', 'dmy', '2021-09-03'],
    ['05/03/2024', 'dmy', '2024-03-05'],
    ['05/03/2024', 'mdy', '2024-05-03'],
    ['16/02/26', 'dmy', '2026-02-16'],
    ['03.03.21', 'dmy', '2021-03-03'],
    ['31/02/2024', 'dmy', null],
    ['13/13/2024', 'dmy', null],
    ['Reference 337/21', 'dmy', null],
    ['', 'dmy', null],
  ] as const)('%s (%s) → %s', (text, order, want) => {
    expect(parseListingDate(text, order)).toBe(want);
  });

  it('takes the first date written when there are several', () => {
    expect(parseListingDate('Published 2 March 2024, updated 2024-04-01')).toBe('2024-03-02');
  });
});

describe('parseUserDate', () => {
  it.each([
    ['2018-01-01', '2018-01-01'],
    ['2018', '2018-01-01'],
    ['1 June 2021', '2021-06-01'],
    ['01/06/2021', '2021-06-01'],
    ['yesterday', null],
    ['2021-02-30', null],
  ])('%s → %s', (text, want) => {
    expect(parseUserDate(text)).toBe(want);
  });
});
