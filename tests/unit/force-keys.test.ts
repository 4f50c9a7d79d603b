// detectForceNoted picks its name patterns by the keys a text holds. The key pattern consumes the
// character before a key instead of looking behind at every position (issue 17): it must find the
// same keys as the look-behind form, in the same order.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectForce, forceKeysIn, forceKeysLookbehind, needsIn, overlaps } from '../../src/extract/force.js';
import { matchesOf } from '../../src/segment/gates.js';

const lookbehind = (t: string) => [...new Set(matchesOf(forceKeysLookbehind(), t).map((m) => m[0]))];

describe('forceKeysIn', () => {
  it.each([
    ['kent police holds the information', ['kent', 'police']],
    ['kent/met', ['kent', 'met']],
    ['essex and kent', ['essex', 'kent']],
    ['kentish town', []],
    ["o'kent police", ['police']],
    ['north wales police\nsouth yorkshire', ['north', 'police', 'south']],
    ['', []],
  ])('%j → %j', (text, keys) => {
    expect([...forceKeysIn(text)]).toEqual(keys);
    expect(lookbehind(text)).toEqual(keys);
  });

  it('finds what the look-behind pattern finds, in the same order (property)', () => {
    const pieces = ['kent', 'police', 'met', 'north', 'wales', 'essex', 'thames', 'valley', 'psni', 'btp', 'city', 'x', 'kentish', 'the',
      ' ', '  ', '\n', '/', '&', "'", '’', '-', '.', '9', 'é', '(', ')'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 16 }), (ps) => {
        const t = ps.join('');
        expect([...forceKeysIn(t)], t).toEqual(lookbehind(t));
      }),
      { numRuns: 8000 },
    );
  });

  it('still detects a force by name', () => {
    expect(detectForce('Kent Police holds the information you requested.', null)).toBe('kent');
  });
});

// A key's needs are looked for in one scan where none can overlap another (issue 17): the same
// answers as one search each.
describe('needsIn', () => {
  it('knows which words can overlap', () => {
    expect(overlaps('service', 'scotland')).toBe(false);
    expect(overlaps('correspondence', 'respon')).toBe(true);
    expect(overlaps('midlands', 'lands')).toBe(true);
    expect(overlaps('abc', 'cde')).toBe(true);
  });

  it.each(['police', 'west', 'north', 'south', 'avon', 'essex', 'city', 'kent', 'psni', 'nokey'])('finds what includes finds for the needs of %j (property)', (key) => {
    const words = ['police', 'service', 'northern', 'scotland', 'mercia', 'midlands', 'yorkshire', 'constabulary', 'somerset', 'london', 'wales', 'servic', 'scot', 'north', 'x', ' ', '-'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { maxLength: 10 }), (ps) => {
        const t = ps.join('');
        for (const [need, found] of needsIn(t, key)) expect(found, `${key}: ${need} in ${t}`).toBe(t.includes(need));
      }),
      { numRuns: 1000, seed: 17 },
    );
  });
});
