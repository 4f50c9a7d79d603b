// The header asks findForce whether a line of a page's head is a force's name only where the
// line's normal form could start like one (issue 17): wherever findForce finds a force, the gate
// must be true, and firstNormWord must be the first word of findForce's normal form.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstNormWord, mightNameForce } from '../../src/extract/header.js';
import { FORCES, findForce } from '../../src/sources/registry.js';

const normFirst = (s: string) => s.toLowerCase().replace(/&/g, 'and').replace(/[^a-z0-9]+/g, ' ').trim().split(' ')[0];

describe('mightNameForce', () => {
  it.each([
    ['kent police', 'kent'],
    ['  --Avon & Somerset', 'avon'],
    ['&c', 'andc'],
    ['a&b police', 'aandb'],
    ['é!', ''],
    ['', ''],
  ])('firstNormWord(%j) is %j', (text, word) => {
    expect(firstNormWord(text.toLowerCase())).toBe(word);
    expect(normFirst(text)).toBe(word);
  });

  it('is true for every id, name and alias of the registry, and false for a heading', () => {
    for (const f of FORCES) for (const n of [f.id, f.name, ...f.aliases]) expect(mightNameForce(n), n).toBe(true);
    expect(mightNameForce('Officers dismissed in 2023')).toBe(false);
  });

  it('is true wherever findForce finds a force (property)', () => {
    const names = FORCES.flatMap((f) => [f.id, f.name, ...f.aliases]);
    const piece = fc.oneof(fc.constantFrom(...names), fc.constantFrom(' ', '  ', '-', '&', '.', '|', 'İ', '\u212a', 'é', 'THE ', 'Police', '(', ')', '1'));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 4 }), fc.boolean(), (ps, upper) => {
        const t = upper ? ps.join('').toUpperCase() : ps.join('');
        expect(firstNormWord(t.toLowerCase()), t).toBe(normFirst(t));
        if (findForce(t) !== null) expect(mightNameForce(t), t).toBe(true);
      }),
      { numRuns: 5000, seed: 17 },
    );
  });
});
