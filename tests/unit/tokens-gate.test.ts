// The cheap tests tokens.ts asks of a line before each typing pattern (issue 17: a plain year, in
// every row of a table of years, ran all four patterns): wherever a pattern matches, its gate must.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mayHoldCount, tokenGates, tokenizeNumbers } from '../../src/segment/tokens.js';
import { fixtureCorpusTexts } from '../support/corpus-texts.js';

const gates = tokenGates();
const holds = (re: RegExp, t: string) => {
  re.lastIndex = 0;
  const ok = re.test(t);
  re.lastIndex = 0;
  return ok;
};
const check = (t: string): number => {
  let matched = 0;
  for (const { pattern, gate } of gates) {
    if (!holds(pattern, t)) continue;
    matched++;
    expect(holds(gate, t), `${pattern.source.slice(0, 40)} … on ${JSON.stringify(t)}`).toBe(true);
  }
  return matched;
};

describe('number tokens: the gates before the typing patterns', () => {
  const NAMES = ['date', 'financial_year', 'reference', 'phone', 'decimal'];
  it.each([
    ['PC Theft 2019 Dismissed', []],
    ['In 2019/20 there were 4', ['financial_year', 'reference']],
    ['On 3 March 2018 we received 12 requests', ['date']],
    ['March 17, 2021: 5 officers', ['date']],
    ['05/04/2022 and 6 cases', ['date', 'reference']],
    ['Reference FOI-2023/0456 asked for 3', ['reference']],
    ['Call 01234 567890 for 2 copies', ['phone']],
    ['Call +44 20 7946 0958 for 2 copies', ['phone']],
    ['IC-123456-A7B8 held 7', ['reference']],
    ['A rate of 4.5 per cent', ['decimal']],
  ])('%j: %j match, and their gates let the line through', (text, kinds) => {
    expect(NAMES.filter((_, k) => holds(gates[k].pattern, text))).toEqual(kinds);
    check(text);
  });

  it('a year on its own opens none of the gates', () => {
    for (const t of ['PC Theft 2019 Dismissed', 'DS Harassment 2024 Resigned 3', 'Year 2015 and 2016']) {
      for (const { gate } of gates.slice(0, 4)) expect(holds(gate, t), `${gate} on ${t}`).toBe(false);
    }
  });

  it('on every line (and every two lines joined) of the fixture corpora', () => {
    let matched = 0;
    for (const text of fixtureCorpusTexts()) {
      const lines = text.split('\n');
      for (let k = 0; k < lines.length; k++) for (const t of [lines[k], `${lines[k]}\n${lines[k + 1] ?? ''}`]) matched += check(t);
    }
    expect(matched).toBeGreaterThan(20);
  });

  it('on text built from number pieces (property)', () => {
    const pieces = ['3', '03', '31st', '1st of', '2019', '19', '2019/20', '2019-2020', '05.04.2021', '5/4/22', 'March', 'Dec.', 'sept', 'MAY', 'on', 'ref', 'FOI',
      'IC-', 'FS', 'FER', '0456', '/', '-', '_', '.', '01234', '567890', '567', '890', '+44', '20', '7946', '0958', '12A/2023', 'AB12-34', 'officers', '£', '%', ','];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...pieces), fc.constantFrom(' ', '', ', ', '-', '\n')), { minLength: 1, maxLength: 14 }), (parts) => {
        check(parts.map(([p, s]) => p + s).join(''));
      }),
      { numRuns: 20000 },
    );
  });

  const sentence = (text: string) => ({ text, start: 0, end: text.length });
  const hasCount = (text: string) => tokenizeNumbers(text).some((t) => t.kind === 'count');

  it.each([
    ['PC Theft 2019 Dismissed', false],
    ['Years 1999, 2000 and 2024', false],
    ['In 2019 there were 4 officers', true],
    ['2019 officers were dismissed', false], // a year, as tokenizeNumbers types it
    ['seven officers in 2019', true],
    ['A rate of 2019.5', true],
    ['Case 12 of 2019', true],
  ])('mayHoldCount(%j) is %s', (text, expected) => {
    expect(mayHoldCount(sentence(text))).toBe(expected);
    if (!expected) expect(hasCount(text)).toBe(false);
  });

  it('mayHoldCount is false only where the tokens hold no count (fixture corpora and built texts)', () => {
    let passed = 0;
    for (const t of fixtureCorpusTexts().flatMap((text) => text.split('\n'))) {
      if (mayHoldCount(sentence(t))) continue;
      passed++;
      expect(hasCount(t), t).toBe(false);
    }
    expect(passed).toBeGreaterThan(100);
    const pieces = ['2019', '1899', '2100', '19', '2019.5', '4.5', 'seven', 'one hundred', '£', '%', 'officers', 'in', 'section', 'aged', 'days', '(', ')', '1,999', '2,019', '.', '-', '/', 'March', 'Q'];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...pieces), fc.constantFrom(' ', '', ', ', '\n')), { minLength: 1, maxLength: 10 }), (parts) => {
        const t = parts.map(([p, s]) => p + s).join('');
        if (!mayHoldCount(sentence(t))) expect(hasCount(t), t).toBe(false);
      }),
      { numRuns: 20000 },
    );
  });
});
