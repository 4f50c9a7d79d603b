// withoutTrailingRef replaces a regex built per document from the reference: it must cut exactly
// what that regex cut, whatever the title, the reference and the whitespace and brackets around them.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withoutTrailingRef } from '../../src/extract/header.js';

const byRegex = (title: string, ref: string) => title.replace(new RegExp(`\\s*\\(?${ref.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\)?\\s*$`), '');

describe('withoutTrailingRef', () => {
  it.each([
    ['Officer Convictions (266A/20)', '266A/20', 'Officer Convictions'],
    ['Officer Convictions 266A/20', '266A/20', 'Officer Convictions'],
    ['Drones (4714_14) ', '4714_14', 'Drones'],
    ['Drones', '4714_14', 'Drones'],
    ['(123) then (123)', '123', '(123) then'],
    ['FOI 1.2 (1.2)', '1.2', 'FOI 1.2'],
    ['Title\u00a0 (R1)\t', 'R1', 'Title'],
  ])('%j without %j is %j', (title, ref, out) => {
    expect(withoutTrailingRef(title, ref)).toBe(out);
    expect(byRegex(title, ref)).toBe(out);
  });
  it('cuts what the regex cuts on any title and reference', () => {
    const piece = fc.constantFrom(' ', '  ', '\t', '\u00a0', '(', ')', 'A', '1', '12', '/', '.', '*', 'x', '');
    const ref = fc.array(fc.constantFrom('1', '2', 'A', '/', '.', '(', ')', ' ', '*', '$'), { minLength: 1, maxLength: 5 }).map((p) => p.join(''));
    const title = fc.array(piece, { maxLength: 14 }).map((p) => p.join(''));
    fc.assert(
      fc.property(title, ref, fc.boolean(), (t, r, append) => {
        const tt = append ? `${t}${r}` : t; // half the titles end with the reference
        expect(withoutTrailingRef(tt, r)).toBe(byRegex(tt, r));
      }),
      { numRuns: 1000, seed: 17 },
    );
  });
});
