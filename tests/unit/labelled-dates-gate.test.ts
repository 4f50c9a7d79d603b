// The date test labelled-dates.ts asks of a line before its label patterns (issue 17, start-up):
// every pattern holds a full date or a year, so wherever one matches, the test must too.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { labelledDateGates } from '../../src/extract/labelled-dates.js';
import { fixtureCorpusTexts } from '../support/corpus-texts.js';

const { gate, patterns } = labelledDateGates();
const anyMatch = (t: string) => patterns.some((re) => re.test(t));

describe('labelled dates: MAY_HOLD_DATE', () => {
  it.each([
    ['Date of request: 3 March 2018', true],
    ['Your email dated 05/04/22 asked', true],
    ['Request received 1999-02-03', true],
    ['Published: 4th of Dec. 2020', true],
    ['requests received on 4 November and 19 November 2019', true],
    ['On 3 January 2023, the complainant wrote to the force', true],
    ['FOI 1104-23 Officers arrested Request:', false],
    ['Arrested 6 4 7', false],
    ['Reference 12/34', false],
  ])('%j → %s', (text, expected) => {
    expect(gate.test(text)).toBe(expected);
    if (!expected) expect(anyMatch(text)).toBe(false);
  });

  it('lets through every example a pattern matches', () => {
    for (const t of ['Date of request: 3 March 2018', 'Your email dated 05/04/22 asked', 'Request received 1999-02-03', 'Published: 4th of Dec. 2020',
      'requests received on 4 November and 19 November 2019', 'On 3 January 2023, the complainant wrote to the force']) {
      expect(anyMatch(t), t).toBe(true);
    }
  });

  it('on every line (and every two lines joined) of the fixture corpora', () => {
    let matched = 0;
    for (const text of fixtureCorpusTexts()) {
      const lines = text.split('\n');
      for (let k = 0; k < lines.length; k++) {
        for (const t of [lines[k], `${lines[k]} ${lines[k + 1] ?? ''}`]) {
          if (!anyMatch(t)) continue;
          matched++;
          expect(gate.test(t), t).toBe(true);
        }
      }
    }
    expect(matched).toBeGreaterThan(10);
  });

  it('on text built from labels and date pieces (property)', () => {
    const pieces = ['date', 'Date', 'of', 'request', 'received', 'response', 'responded', 'on', 'published', 'posted', 'sent', 'email', 'letter', 'dated', 'the',
      'complainant', 'wrote', 'replied', 'and', ':', '-', '3', '03', '31st', '1104-23', '12/34', '5/4/22', '05.04.2021', '2019', '1999-02-03', 'March', 'Dec.', 'November', '19', '20', '23'];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...pieces), fc.constantFrom(' ', '', ', ')), { minLength: 1, maxLength: 12 }), (parts) => {
        const t = parts.map(([p, s]) => p + s).join('');
        if (anyMatch(t)) expect(gate.test(t), t).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });
});
