// The word test exitStatus asks before its exit patterns (issue 17): wherever one of them matches
// the normalised text, the test must, or an exit status would be lost.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exitGate, exitStatus } from '../../src/extract/vocab-map.js';

const { gate, patterns, norm } = exitGate();

describe('exitStatus word gate', () => {
  it.each([
    ['Dismissed', 'dismissed'],
    ['Sacked', 'dismissed'],
    ['Resigned before hearing', 'resigned'],
    ['Retired/ Resigned', 'left'],
    ['Left the force', 'left'],
    ['Leavers', 'left'],
    ['No longer serving', 'left'],
    ['Made redundant', 'left'],
    ['Medically discharged', 'left'],
    ['would have been dismissed', null],
    ['Arrested', null],
    ['2020', null],
  ])('%j → %s', (text, expected) => {
    expect(exitStatus(text)).toBe(expected);
    expect(gate.test(norm(text))).toBe(expected !== null || /would/.test(text));
  });

  it('never turns away a text an exit pattern matches (property)', () => {
    const words = ['dismiss', 'dismissed', 'dismissal', 'sacked', 'sacking', 'resigned', 'resignation', 'retired', 'retirement', 'left', 'the', 'force', 'service',
      'organisation', 'leaver', 'leavers', 'no', 'longer', 'serving', 'employed', 'redundancy', 'redundant', 'medically', 'discharged', 'from', 'or', 'and', '&',
      'officer', 'would', 'have', 'been', 'not', 'had', 'they', 'Dis.missed', 'RE-SIGNED', '/', '(', ')'];
    const word = fc.tuple(fc.constantFrom(...words), fc.boolean()).map(([w, up]) => (up ? w.toUpperCase() : w));
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 8 }), fc.constantFrom(' ', '-', '/', '. ', "'"), (ws, sep) => {
        const t = norm(ws.join(sep));
        if (patterns.some((re) => re.test(t))) expect(gate.test(t), t).toBe(true);
      }),
      { numRuns: 4000 },
    );
  });
});
