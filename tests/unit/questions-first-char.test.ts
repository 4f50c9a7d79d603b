// labelOf and the "Request 1" heading test skip lines by their first character (issue 17): the
// same label as asking every pattern, on any line.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { headedPattern, labelOf, labelOfAll } from '../../src/extract/questions.js';

describe('labelOf first-character shortcut', () => {
  it.each([
    ['1) How many officers', { kind: 'number', label: '1' }],
    ['Q2a. What', { kind: 'number', label: 'Q2a' }],
    ['Question 3: Which', { kind: 'number', label: 'Q3' }],
    ['(ii) the number', { kind: 'roman', label: 'ii' }],
    ['IV. Details', { kind: 'roman', label: 'IV' }],
    ['b) dismissed', { kind: 'letter', label: 'b' }],
    ['• A bullet', { kind: 'bullet', label: '' }],
    ['> > 4. quoted', { kind: 'number', label: '4' }],
    ['How many officers were dismissed?', null],
    ['Xmas rota', null],
  ])('%j → %j', (text, want) => {
    const got = labelOf(text);
    expect(got && { kind: got.kind, label: got.label }).toEqual(want);
    expect(labelOfAll(text)).toEqual(got);
  });

  it('gives what every pattern gives, on any line (property)', () => {
    const piece = fc.constantFrom('Q', 'q', 'Question', 'I', 'V', 'X', 'i', 'v', 'x', 'A', 'B', 'Z', 'a', 'b', '1', '12', '(', ')', '.', ':', ',', '/', '-', ' – ', ' ', '  ', '>', '“', '"', "'", '•', '*', 'How', 'many', 'March', 'Request', 'request', '3', '\t', 'é', 'É');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (ps) => {
        const t = ps.join('');
        expect(labelOf(t), t).toEqual(labelOfAll(t));
        const c = t.charCodeAt(0) | 32;
        if (headedPattern().test(t)) expect(c === 113 || c === 114, t).toBe(true);
      }),
      { numRuns: 8000, seed: 17 },
    );
  });
});
