// The gate extractCases asks of a line before its clause pattern (issue 17, start-up): wherever
// the clause matches, the gate must, or a case would be lost.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caseGate } from '../../src/extract/prose-cases.js';

const { gate, clause } = caseGate();
const clauseMatches = (t: string) => new RegExp(clause.source, 'i').test(t);

describe('prose cases: MAY_STATE_CASE', () => {
  it.each([
    ['a male detective constable who was convicted of theft', true, true],
    ['another PC was convicted of shoplifting', true, true],
    ['one officer, who has been dismissed', true, true],
    ['In 2014, a member of police staff had been cautioned', true, true],
    ['an employee is fined', true, true],
    ['A Female, was sacked', true, false],
    ['a female officer, was sacked', true, true],
    ['including one DS was given a final written warning', true, true],
    ['how many of those arrested were charged?', false, false],
    ['officers arrested in one year may have been charged in a later year', false, false],
    ['Three officers were dismissed', false, false],
  ])('%j → gate %s, clause %s', (text, g, c) => {
    expect(gate(text)).toBe(g);
    expect(clauseMatches(text)).toBe(c);
  });

  it('on text built from the clause’s own words (property)', () => {
    const words = ['a', 'an', 'one', 'another', 'male', 'female', 'detective', 'police', 'special', 'acting', 'former', 'chief', 'constable', 'sergeant', 'inspector',
      'superintendent', 'officer', 'PCSO', 'police community support officer', 'PC', 'DC', 'DS', 'PS', 'DI', 'member of police staff', 'staff member', 'employee',
      'who', 'was', 'were', 'had been', 'has been', 'have been', 'is', 'convicted', 'cautioned', 'charged', 'dismissed', 'sacked', 'jailed', 'fined', 'found guilty',
      'given', 'and', 'while', 'included', 'including', ',', ';', 'of', 'theft', 'in', '2014'];
    const word = fc.tuple(fc.constantFrom(...words), fc.boolean()).map(([w, up]) => (up ? w.toUpperCase() : w));
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 12 }), fc.constantFrom(' ', '  ', ', ', ','), (ws, sep) => {
        const t = ws.join(sep);
        if (clauseMatches(t)) expect(gate(t), t).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });
});
