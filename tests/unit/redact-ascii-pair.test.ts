// The name-pair pattern that sends a text to the NLP finder has an ASCII form for ASCII texts
// (issue 17: Unicode property classes cost most of its compile time). On every ASCII text both
// must find the same pairs at the same places.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asciiSource, candidatePairPatterns, redactPersonal } from '../../src/extract/redact.js';
import { matchesOf } from '../../src/segment/gates.js';

const { unicode, ascii } = candidatePairPatterns();
const pairs = (re: RegExp, t: string) => matchesOf(re, t).map((m) => [m.index, m[0], m[1], m[2]]);

describe('asciiSource', () => {
  it.each([
    ['\\p{Lu}\\p{Ll}+', '[A-Z][a-z]+'],
    ["(?<![\\p{L}\\p{N}'’])", "(?<![A-Za-z0-9'’])"],
    ['(?=[A-Z\\u00c0-\\u{10FFFF}])', '(?=[A-Z\\u00c0-\\uffff])'],
    ['[^\\S\\n]+\\.', '[^\\S\\n]+\\.'],
  ])('%s → %s', (src, out) => {
    expect(asciiSource(src)).toBe(out);
  });

  it('refuses a property it has no ASCII form for', () => {
    expect(() => asciiSource('\\p{Lt}')).toThrow(/no ASCII form/);
    expect(() => asciiSource('\\P{Lu}')).toThrow(/no ASCII form/);
  });
});

describe('name pairs in ASCII', () => {
  it.each([
    ['Please tell me how many British Transport Police officers', [[24, 'British Transport', 'British', 'Transport']]],
    ["PC John O'Neil and Sarah McDonald-Smith", [[0, 'PC John', 'PC', 'John'], [19, 'Sarah McDonald-Smith', 'Sarah', 'McDonald-Smith']]],
    ['JOHN SMITH, a serving constable', [[0, 'JOHN SMITH', 'JOHN', 'SMITH']]],
    ['Rhys ap Gruffydd', [[0, 'Rhys ap Gruffydd', 'Rhys', 'Gruffydd']]],
    ['no capitals here', []],
  ])('%j', (text, expected) => {
    expect(pairs(ascii, text)).toEqual(expected);
    expect(pairs(unicode, text)).toEqual(expected);
  });

  it('finds what the Unicode pattern finds on every ASCII text (property)', () => {
    const pieces = ['John', 'SMITH', "O'Neil", 'McDonald', 'Mac', "D'Souza", 'Smith-Jones', 'ap', 'van', 'de', 'le', 'al', 'J.', 'A', 'x', 'the', 'Police',
      ' ', '  ', '\t', '\n', '-', "'", ',', '.', '7', 'Q2', 'iPhone'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), (ps) => {
        const t = ps.join('');
        expect(pairs(ascii, t), t).toEqual(pairs(unicode, t));
      }),
      { numRuns: 8000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary-ascii', maxLength: 40 }), (t) => {
        expect(pairs(ascii, t), t).toEqual(pairs(unicode, t));
      }),
      { numRuns: 8000 },
    );
  });

  it('redacts a name in an ASCII text and in a non-ASCII one alike', () => {
    // The second text holds a non-ASCII character, so it is read by the Unicode pattern.
    expect(redactPersonal('Yesterday Sarah Williams was dismissed.')).toBe('Yesterday [redacted] was dismissed.');
    expect(redactPersonal('Yesterday Sarah Williams was dismissed. \u2014')).toBe('Yesterday [redacted] was dismissed. \u2014');
  });
});
