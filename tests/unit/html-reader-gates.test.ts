// The HTML reader's cheap paths must give what the full work gives: collapse's test-before-replace,
// and flattenDeepMarkup's count of "<" before its tag scan.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { flattenDeepMarkup } from '../../src/readers/html.js';
import { collapse } from '../../src/readers/html-rows.js';

describe('collapse', () => {
  it.each([
    ['plain words', 'plain words'],
    ['  padded  ', 'padded'],
    ['two  spaces', 'two spaces'],
    ['line\nbreak', 'line break'],
    ['nbsp\u00a0here', 'nbsp here'],
    ['zero\u200bwidth', 'zero width'],
    ['tab\tand \u2003 em', 'tab and em'],
  ])('%j → %j', (input, out) => expect(collapse(input)).toBe(out));
  it('is the whitespace-run replace on any text', () => {
    const piece = fc.constantFrom(' ', '  ', '\n', '\t', '\u00a0', '\u200b', '\u2028', 'a', 'word', '');
    const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 30 }), fc.array(piece, { maxLength: 20 }).map((p) => p.join('')));
    fc.assert(fc.property(text, (t) => {
        expect(collapse(t)).toBe(t.replace(/[\s\u00a0\u200b]+/g, ' ').trim());
      }), { numRuns: 300, seed: 17 });
  });
});

describe('flattenDeepMarkup', () => {
  it('leaves markup with no more tags than the limit as it is', () => {
    const html = '<div><div>x</div></div>';
    expect(flattenDeepMarkup(html, 4)).toBe(html);
  });
  it('drops the tags nested past the limit, text kept, when there are just enough tags to get there', () => {
    expect(flattenDeepMarkup('<b><i><u>x', 2)).toBe('<b><i>x');
    expect(flattenDeepMarkup('<b><i><u>x</u></i></b>', 2)).toBe('<b><i>x</i></b>');
  });
  it('counts "<" that open no tag as tags too (a cheap bound, never a wrong answer)', () => {
    expect(flattenDeepMarkup('a < b < c <b>x</b>', 2)).toBe('a < b < c <b>x</b>');
  });
});
