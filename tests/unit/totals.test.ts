import { describe, expect, it } from 'vitest';
import type { FigureDraft } from '../../src/extract/attachment.js';
import { markYearTotals, measureBySums, restatesSum, totalMismatch } from '../../src/extract/totals.js';

const f = (value: number, year: number | null, measure?: 'allegations' | 'complaints' | 'cases' | 'officers', is_total = false) => ({ value, year, measure, is_total });

describe('measureBySums: a breakdown counts what it adds up to', () => {
  // Earlier table: complaints and allegations from the public, then matters the force raised itself.
  const earlier = [f(4, 2021, 'complaints'), f(7, 2021, 'allegations'), f(9, 2021, 'cases'), f(12, 2021, 'allegations'), f(2, 2022, 'complaints'), f(6, 2022, 'allegations'), f(3, 2022, 'cases'), f(1, 2022, 'allegations')];
  it('outcomes summing year by year to all allegations count allegations', () => {
    // 2021: 7 + 12 = 19; 2022: 6 + 1 = 7.
    const outcomes = [f(11, 2021), f(5, 2021), f(3, 2021), f(4, 2022), f(3, 2022)];
    expect(measureBySums(outcomes, earlier)).toBe('allegations');
  });
  it('one year that does not agree is no match', () => {
    expect(measureBySums([f(19, 2021), f(8, 2022)], earlier)).toBeNull();
  });
  it('needs two years', () => {
    expect(measureBySums([f(4, 2021)], earlier)).toBeNull();
  });
  it('two measures that both fit say nothing', () => {
    const tie = [f(5, 2021, 'complaints'), f(5, 2021, 'cases'), f(2, 2022, 'complaints'), f(2, 2022, 'cases')];
    expect(measureBySums([f(5, 2021), f(2, 2022)], tie)).toBeNull();
  });
  it('totals are not parts', () => {
    const withTotal = [f(3, 2021, 'officers'), f(3, 2021, 'officers', true), f(1, 2022, 'officers'), f(1, 2022, 'officers', true)];
    expect(measureBySums([f(3, 2021), f(1, 2022)], withTotal)).toBe('officers');
  });
});

describe('totalMismatch and restatesSum', () => {
  it('a total that adds up gives no warning', () => {
    expect(totalMismatch({ total: 9, parts: [4, 5], locator: 'pdf:p1:t1:r4:c2', label: 'Total | 2020' })).toBeNull();
  });
  it('a total that does not add up is warned about, naming both sums', () => {
    expect(totalMismatch({ total: 8, parts: [4, 3, 3], locator: 'pdf:p1:t1:r5:c2', label: 'Total | 2011' })).toBe(
      'pdf:p1:t1:r5:c2: the printed total 8 (Total | 2011) is not the sum of the 3 figures beside it (10); both kept',
    );
  });
  it('one part is nothing to check', () => {
    expect(totalMismatch({ total: 8, parts: [3], locator: 'x', label: null })).toBeNull();
  });
  it('a figure equal to the sum of two or more others restates them', () => {
    expect(restatesSum(61, [38, 10, 3, 10])).toBe(true);
    expect(restatesSum(60, [38, 10, 3, 10])).toBe(false);
    expect(restatesSum(5, [5])).toBe(false);
    expect(restatesSum(0, [0, 0])).toBe(false);
  });
});

describe('markYearTotals: yearly answer lines over a table that breaks each year down', () => {
  const fig = (value: number, year: number, text: string, locator: string): FigureDraft => ({
    value, measure: 'officers', event: 'convicted', question: null, period_start: null, period_end: null, year, offence: null, offence_category: null,
    gender: null, rank: null, status: null, label: null, is_total: false, text, locator, sha256: 'c'.repeat(64),
  });
  it('marks each yearly line a total and warns for the year that does not add up', () => {
    const figures = [
      fig(6, 2018, '2018 = 6', 'char:10-18'),
      fig(4, 2019, '2019 = 4', 'char:19-27'),
      fig(2, 2018, '2', 't:r2:c2'), fig(4, 2018, '4', 't:r3:c2'),
      fig(3, 2019, '3', 't:r2:c3'), fig(2, 2019, '2', 't:r3:c3'),
    ];
    expect(markYearTotals(figures)).toEqual(['char:19-27: the printed total 4 (2019 = 4) is not the sum of the 2 figures beside it (5); both kept']);
    expect(figures.map((f) => f.is_total)).toEqual([true, true, false, false, false, false]);
  });
  it('a yearly series with nothing beneath it is left alone', () => {
    const figures = [fig(6, 2018, '2018 = 6', 'a'), fig(4, 2019, '2019 = 4', 'b')];
    expect(markYearTotals(figures)).toEqual([]);
    expect(figures.some((f) => f.is_total)).toBe(false);
  });
});
