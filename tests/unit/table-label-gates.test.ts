// The cheap looks in front of two per-cell readers of tables (issue 17): stripFootnote answers a
// label that ends in no marker character without its patterns, and periodOfHeading a cell of
// digits alone without its forms. Exact answers, both for the texts the looks turn away and for
// those they let through.
import { describe, expect, it } from 'vitest';
import { stripFootnote } from '../../src/extract/tables.js';
import { periodOfHeading } from '../../src/extract/table-periods.js';

describe('stripFootnote', () => {
  it.each([
    ['Durham', [], 'Durham', null],
    ['Durham 1', ['1'], 'Durham', '1'],
    ['Durham 1', [], 'Durham 1', null],
    ['Durham 1, 2', ['1', '2'], 'Durham', '1, 2'],
    ['TOTAL*', [], 'TOTAL', '*'],
    ['Officers (*)', [], 'Officers', '(*)'],
    ['Officers (FTE)', [], 'Officers (FTE)', null],
    ['Cases (a)†', [], 'Cases (a)', '†'],
    ['Cases^', [], 'Cases', '^'],
    ['Cases ~', [], 'Cases', '~'],
    ['2019¹', [], '2019', '¹'],
    ['20191', ['1'], '2019', '1'],
    ['20191(FTE)', ['1'], '2019(FTE)', '1'],
    ['2019', [], '2019', null],
    ['2019', ['9'], '2019', null],
    ['  Durham\u00a0 ', [], 'Durham', null],
    ['', [], '', null],
  ])('%j with notes %j → %j, %j', (text, notes, label, marker) => {
    expect(stripFootnote(text, new Set(notes))).toEqual({ label, marker });
  });
});

describe('periodOfHeading', () => {
  it.each([
    ['2019', { year: 2019, period_start: '2019-01-01', period_end: '2019-12-31' }],
    [' 1999 ', { year: 1999, period_start: '1999-01-01', period_end: '1999-12-31' }],
    ['as at 2020', { year: 2020, period_start: '2020-01-01', period_end: '2020-12-31' }],
    ['11', null],
    ['2100', null],
    ['0420', null],
    ['20190', null],
    ['1,204', null],
    ['2019/20', { year: 2019, period_start: '2019-04-01', period_end: '2020-03-31' }],
    ['04/05', { year: 2004, period_start: '2004-04-01', period_end: '2005-03-31' }],
    ['2024*', { year: 2024, period_start: null, period_end: null }],
  ])('%j → %j', (text, want) => {
    expect(periodOfHeading(text)).toEqual(want);
  });
});
