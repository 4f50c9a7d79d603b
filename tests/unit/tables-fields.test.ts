// fieldOf's column roles, and the letter test asked before its patterns (issue 17, start-up):
// a heading without an ASCII letter can match none of them.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fieldOf, fieldPatterns } from '../../src/extract/tables.js';

describe('fieldOf', () => {
  it.each([
    ['Surname', 'drop'],
    ['Station name', null],
    ['Status at time of offence', 'status_at_event'],
    ['Current status', 'status_now'],
    ['Rank', 'rank'],
    ['Officer / Staff', 'role'],
    ['Gender', 'gender'],
    ['Outcome', 'disposal'],
    ['Date of conviction', 'date'],
    ['Year', 'year'],
    ['Offence', 'offence'],
    ['Type', 'event'],
    ['2020', null],
    ['2013/14', null],
    ['£ (000s)', null],
    ['', null],
  ])('%j → %s', (heading, expected) => {
    expect(fieldOf(heading)).toBe(expected);
  });

  it('no pattern matches a heading without an ASCII letter (property)', () => {
    const patterns = fieldPatterns();
    const noLetter = fc.string({ unit: fc.constantFrom('2', '0', '1', '/', '-', ' ', '£', '%', '(', ')', '.', 'é', 'É', 'ß', 'ſ', 'K', '\u212a', 'İ', '’', '&') });
    fc.assert(
      fc.property(noLetter, (t) => {
        const h = t.replace(/\s+/g, ' ').trim().toLowerCase();
        if (/[a-z]/.test(h)) return; // "K" (Kelvin) lower-cases to an ASCII k: the gate lets it through
        for (const re of patterns) expect(re.test(h), `${re} on ${JSON.stringify(h)}`).toBe(false);
        expect(fieldOf(t)).toBe(null);
      }),
      { numRuns: 3000 },
    );
  });
});
