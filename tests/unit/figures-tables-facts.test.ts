// Issue 17, round 8: the quick tests the figure and table rules now ask first must never turn away
// what the full test accepts: a text's first code as trimming gives it, a cell parseNumberCell
// reads as a number, a heading fieldOf drops. (Those rules' rows were checked against the rules
// as they were, on generated input, before landing; compare-output checks every fixture and corpus
// document against a reference build.)
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fieldOf, isDropped } from '../../src/extract/tables.js';
import { mayBeNumberCell, parseNumberCell } from '../../src/extract/numbers.js';
import { firstCode } from '../../src/extract/words.js';

describe('firstCode', () => {
  it.each([
    ['Q1', 81],
    ['  Request 2', 82],
    ['\u00a0\t\u2003q', 113],
    ['\ufeffTotal', 84],
  ])('%j → %i', (t, code) => expect(firstCode(t)).toBe(code));
  it('is NaN for a blank text', () => {
    expect(firstCode('')).toBeNaN();
    expect(firstCode(' \n\u00a0')).toBeNaN();
  });
  it('is the first code of the trimmed text (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(' ', '\t', '\n', '\u00a0', '\u2028', '\ufeff', '\u200b', 'Q', 'a', '1', '.') }), (t) => {
        expect(firstCode(t)).toEqual(t.trim().charCodeAt(0));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('mayBeNumberCell', () => {
  it.each([
    ['46', true],
    [' None', true],
    ['\u00a0nil', true],
    ['zero', true],
    ['Total', false],
    ['', false],
    ['- 4', false],
  ])('%j → %s', (t, expected) => expect(mayBeNumberCell(t)).toBe(expected));
  it('is true wherever parseNumberCell reads a number (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(' ', '\u00a0', '1', '0', ',', 'n', 'o', 'e', 'N', 'i', 'l', 'z', 'r', '|', '.', 'x') }), (t) => {
        if (parseNumberCell(t) !== null) expect(mayBeNumberCell(t)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('isDropped', () => {
  it.each([
    ['Surname', true],
    ['Officer name', true],
    ['Station name', false],
    ['Rank', false],
    ['2020', false],
    ['', false],
  ])('%j → %s', (h, expected) => expect(isDropped(h)).toBe(expected));
  it("is fieldOf(heading) === 'drop' (property)", () => {
    const piece = fc.constantFrom('name', 'Surname', 'officer', 'Officer', 'staff', 'station', 'hospital', 'rank', 'date of birth', 'DOB', 'address', 'crime', 'status', ' ', '  ', '\u00a0', '2020', 'number', 'no', 'employee', 'id');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 5 }).map((ps) => ps.join(' ')), (h) => {
        expect(isDropped(h)).toBe(fieldOf(h) === 'drop');
      }),
      { numRuns: 3000 },
    );
  });
});
