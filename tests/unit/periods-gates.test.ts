// RANGE's gate in periods.ts (issue 17, start-up): asked before the range pattern, it must let
// through every text where the pattern yields a range that is kept, or a period would be lost.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseFullDate, parseMonthYear } from '../../src/extract/dates.js';
import { MAY_RANGE, rangeHits } from '../../src/extract/periods.js';
import { fixtureCorpusTexts } from '../support/corpus-texts.js';

const spans = (t: string, gated = true) => rangeHits(t, gated).map((h) => [h.start, h.end, h.text]);

describe('MAY_RANGE', () => {
  it.each([
    ['between 1 January 2020 and 31 December 2022', true, [['2020-01-01', '2022-12-31', 'between 1 January 2020 and 31 December 2022']]],
    ['from 2010 to the present date', true, [['2010-01-01', null, 'from 2010 to the present']]],
    ['January 2010-December 2017', true, [['2010-01-01', '2017-12-31', 'January 2010-December 2017']]],
    ['2013/14 until 2015/16', true, [['2013-04-01', '2016-03-31', '2013/14 until 2015/16']]],
    ['05/04/2022 – 05/04/23', true, [['2022-04-05', '2023-04-05', '05/04/2022 – 05/04/23']]],
    ['2017 THROUGH 2019', true, [['2017-01-01', '2019-12-31', '2017 THROUGH 2019']]],
    ['2019and2020', true, [['2019-01-01', '2020-12-31', '2019and2020']]],
    // Kept out: an "and" between years is a list, and a reference is no window.
    ['in each of the years 2020, 2021 and 2022', false, []],
    ['FOI 1104-23 Officers arrested', false, []],
    ['Between 2021 and 2022', true, [['2021-01-01', '2022-12-31', 'Between 2021 and 2022']]],
    ['the years 2021 and 2022 to date', true, []],
  ])('%j', (text, gate, expected) => {
    expect(MAY_RANGE.test(text)).toBe(gate);
    expect(spans(text)).toEqual(expected);
    expect(spans(text, false)).toEqual(expected);
  });

  it('on every line of the fixture corpora', () => {
    let kept = 0;
    for (const t of fixtureCorpusTexts().flatMap((text) => text.split('\n'))) {
      const ungated = spans(t, false);
      if (ungated.length) kept++;
      expect(spans(t), t).toEqual(ungated);
    }
    expect(kept).toBeGreaterThan(10);
  });

  it('on text built from dates, years and joining words (property)', () => {
    const pieces = ['2019', '2020', '1999', '13/14', '2013/14', '2013-14', '05/04/2022', '5.4.21', '1st', '3', '31', 'March', 'sept', 'Dec.', 'JANUARY', 'of',
      'to', 'TO', 'until', 'till', 'through', 'and', 'AND', '-', '–', '—', '/', 'between', 'from', 'the', 'period', 'present', 'date', 'today', 'now',
      'end', '(inclusive)', 'figures', 'officers', ',', '.', 'x', '12', '120'];
    const seps = fc.constantFrom(' ', '', '  ', ', ', '-');
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...pieces), seps), { minLength: 1, maxLength: 14 }), (parts) => {
        const t = parts.map(([p, s]) => p + s).join('');
        const ungated = spans(t, false);
        if (ungated.length) expect(MAY_RANGE.test(t), t).toBe(true);
        expect(spans(t), t).toEqual(ungated);
      }),
      { numRuns: 4000 },
    );
  });
});

describe('a bare year is read before the date parsers', () => {
  it('neither parseFullDate nor parseMonthYear reads any year 1900–2099 (so asking the year first changes nothing)', () => {
    for (let y = 1900; y <= 2099; y++) {
      expect(parseFullDate(String(y))).toBe(null);
      expect(parseMonthYear(String(y))).toBe(null);
    }
  });

  it.each([
    ['2017 to 2019', [['2017-01-01', '2019-12-31', '2017 to 2019']]],
    ['from 2010 to 31 March 2012', [['2010-01-01', '2012-03-31', 'from 2010 to 31 March 2012']]],
  ])('%j', (text, expected) => {
    expect(spans(text)).toEqual(expected);
  });
});
