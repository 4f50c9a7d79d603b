// The cheap gates the extractors ask before their pattern families (segment/gates.ts, issue 17):
// each must give exactly the answer of what it stands in for, or output would change.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyOf, firstOf, matchesOf } from '../../src/segment/gates.js';
import { findNumbers, mayHoldNumber, parseNumberCell } from '../../src/extract/numbers.js';
import { sentences, type Line } from '../../src/extract/doc-model.js';
import { numbersOf, tokenizeNumbers, tokensOf } from '../../src/segment/tokens.js';

const line = (text: string, start = 0): Line => ({ i: 0, text, start, end: start + text.length, locator: `char:${start}-${start + text.length}`, kind: 'paragraph', furniture: false, blank: false });
const shape = (ms: RegExpMatchArray[]) => ms.map((m) => ({ index: m.index, all: [...m], groups: m.groups ? { ...m.groups } : undefined }));

describe('matchesOf gives what matchAll gives', () => {
  it.each([
    [/\d+/g, 'In 2019 there were 14 and in 2020, 1,051.'],
    [/(?<y>(?:19|20)\d{2})\s*\/\s*(\d{2})/g, '2013/14, 2014 / 15 and 15/16'],
    [/x*/g, 'axxbx'], // empty matches move on by one character
    [/\b/g, 'two words'],
    [/(?:)/gu, 'a😀b'], // under u an empty match moves on by a whole code point
    [/[a-z]+/gi, ''],
    [/officers?/gi, 'No officer was named; OFFICERS were.'],
  ])('%s on %j', (re, text) => {
    expect(shape(matchesOf(re, text))).toEqual(shape([...text.matchAll(re)]));
    expect(re.lastIndex).toBe(0);
  });

  it('leaves the pattern ready for the next caller, even when a match list is read inside another', () => {
    const re = /\d/g;
    const outer = matchesOf(re, 'a1b2');
    const inner = outer.map((m) => matchesOf(re, `${m[0]}${m[0]}`).length);
    expect(inner).toEqual([2, 2]);
    expect(re.lastIndex).toBe(0);
  });

  it('refuses a pattern without the g flag', () => {
    expect(() => matchesOf(/\d/, '1')).toThrow(/not global/);
  });

  it('agrees with matchAll on any text (property)', () => {
    const patterns = [/\d{1,3}(?:,\d{3})*/g, /\b(?:one|two|none)\b/gi, /[.!?]\s+/g, /a*/g, /(?<=\s)\d+(?=\s|$)/g];
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z0-9 ,.!?ANOE-]{0,40}$/), fc.constantFrom(...patterns), (text, re) => {
        expect(shape(matchesOf(re, text))).toEqual(shape([...text.matchAll(re)]));
      }),
    );
  });
});

describe('anyOf and firstOf answer as the patterns one by one do', () => {
  const res = [/^skip to (main )?content\b/i, /cookie/i, /^Home(?:\s+[A-Z][\w&'’-]*){1,6}$/, /(?<y>20\d\d)-(?<m>\d\d)/, /(?<![\w-])sections?\s*(?=\d)/i];
  const any = anyOf(res);
  it.each([
    ['Skip to main content', true],
    ['We use COOKIES on this site', true],
    ['Home Disclosure Log Police', true],
    ['home disclosure log', false], // the case-sensitive pattern keeps its case
    ['published 2021-03', true],
    ['under Section 40(2)', true],
    ['sub-section 4', false],
    ['Nothing to see', false],
    ['', false],
  ])('%j → %s', (text, expected) => {
    expect(any(text)).toBe(expected);
    expect(res.some((re) => re.test(text))).toBe(expected);
  });

  it('gives the first cue that matches, as find does', () => {
    const cues = [
      { family: 'a', re: /officer/i },
      { family: 'b', re: /^the officer\b/i },
      { family: 'c', re: /staff$/ },
    ];
    const first = firstOf(cues);
    for (const t of ['The officer and staff', 'the staff', 'nothing', 'THE OFFICER']) expect(first(t)).toBe(cues.find((c) => c.re.test(t)));
  });

  it('refuses stateful patterns and patterns that refer to their own groups', () => {
    expect(() => anyOf([/a/g])).toThrow(/stateful/);
    expect(() => anyOf([/(a)\1/])).toThrow(/own groups/);
    expect(() => anyOf([/(?<x>a)\k<x>/])).toThrow(/own groups/);
    expect(anyOf([])('anything')).toBe(false);
  });
});

describe('the number gate lets through every line that holds a number', () => {
  it.each([
    ['Twenty one officers', true],
    ['None', true],
    ['nil return', true],
    ['14', true],
    ['Someone was there', false],
    ['The officers were dismissed', false],
    ['Tenure and nineteenth-century houses', false],
  ])('%j → %s', (text, expected) => expect(mayHoldNumber(text)).toBe(expected));

  it('never turns away a text with a number findNumbers or parseNumberCell reads (property)', () => {
    const piece = fc.constantFrom('one', 'Twenty-one', 'hundred', 'none', 'Nil', 'zero', 'someone', 'often', 'tenth', '12', '1,051', 'officers', ' ', '-', '.', 'and');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (parts) => {
        const text = parts.join('');
        if (findNumbers(text).length || parseNumberCell(text) !== null) expect(mayHoldNumber(text)).toBe(true);
      }),
    );
  });
});

describe('a line is read once', () => {
  it('splits a line into sentences once and keeps each sentence its numbers and tokens', () => {
    const l = line('In 2019, 14 officers were dismissed. Two more resigned on 3 March 2020.', 100);
    const s = sentences(l);
    expect(sentences(l)).toBe(s);
    expect(s.map((x) => [x.text, x.start, x.end])).toEqual([
      ['In 2019, 14 officers were dismissed.', 100, 136],
      ['Two more resigned on 3 March 2020.', 137, 171],
    ]);
    expect(numbersOf(s[0])).toBe(numbersOf(s[0]));
    expect(numbersOf(s[0])).toEqual(findNumbers(s[0].text));
    expect(tokensOf(s[1])).toBe(tokensOf(s[1]));
    expect(tokensOf(s[1])).toEqual(tokenizeNumbers(s[1].text));
    expect(tokensOf(s[1]).map((t) => `${t.kind}:${t.text}`)).toEqual(['count:Two', 'date:3', 'date:2020']);
  });

  it('keeps a line with no stop and space whole', () => {
    expect(sentences(line('  Figures for 2019: 14  ', 10)).map((x) => [x.text, x.start, x.end])).toEqual([['Figures for 2019: 14', 12, 32]]);
    expect(sentences(line('   ', 0))).toEqual([]);
  });
});
