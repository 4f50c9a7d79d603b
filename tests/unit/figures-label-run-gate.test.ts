// answerLineFigures tries LABEL_RUN ("White British 38 Black British 4 …") only on lines whose
// matches could cover them (issue 17): the gate must never turn away a line the run covers.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { labelRunCovers, mayBeLabelRun } from '../../src/extract/figures.js';

describe('mayBeLabelRun', () => {
  it.each([
    ['White British 38 Black/Black British 4 Asian/Asian British 3 Mixed 2 Other', true, true],
    ['Constable 6 Sergeant 2 Inspector 1', true, true],
    ['dismissed 4 resigned 2', true, true],
    ['Total 1,204 officers 17 staff 3', true, true],
    // A paragraph quoting a few numbers: far more text than three labels and figures can cover.
    [
      'Section 12(1) of the Act allows a public authority to refuse to comply with a request for information where the authority estimates that the cost of complying with the request would exceed the appropriate limit set out in the regulations, which for a police force is 450 pounds, or about 18 hours of work by members of staff who would have to locate, retrieve and extract the information requested.',
      false,
      false,
    ],
    ['', true, false],
  ])('%j → gate %s, covered %s', (text, gate, covers) => {
    expect(mayBeLabelRun(text)).toBe(gate);
    expect(labelRunCovers(text)).toBe(covers);
  });

  it('never turns away a line the run covers (property)', () => {
    const pieces = ['White', 'British', 'Black/Black', 'Asian', 'Mixed', 'Other', 'Sergeant', "O'Neil", 'A&E', 'x', 'the', 'officers', 'were',
      'dismissed', '38', '4', '1,204', '12,345,678', '2020', '0', '(a)', '.', ',', ';', '—', '-', 'é', '£', '\u00a0', '\t', 'Section 12(1) of the Act'];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...pieces), fc.constantFrom(' ', '  ', '', ' \u2003')), { maxLength: 24 }), (parts) => {
        const t = parts.map(([p, s]) => p + s).join('');
        if (labelRunCovers(t)) expect(mayBeLabelRun(t), t).toBe(true);
      }),
      { numRuns: 8000 },
    );
  });

  it('never turns away a long label run (property)', () => {
    const label = fc.stringMatching(/^[A-Za-z][A-Za-z/&' -]{1,40}$/);
    const figure = fc.oneof(fc.integer({ min: 0, max: 99999 }).map(String), fc.constant('1,234,567'));
    fc.assert(
      fc.property(fc.array(fc.tuple(label, figure), { minLength: 2, maxLength: 12 }), fc.string({ maxLength: 20 }), (pairs, tail) => {
        const t = pairs.map(([l, n]) => `${l} ${n}`).join(' ') + tail;
        if (labelRunCovers(t)) expect(mayBeLabelRun(t), t).toBe(true);
      }),
      { numRuns: 4000 },
    );
  });
});
