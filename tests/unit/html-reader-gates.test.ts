// The HTML reader's cheap paths must give what the full work gives: collapse's test-before-replace,
// and flattenDeepMarkup's count of "<" before its tag scan.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BLANK_TEXT, flattenDeepMarkup, readHtml } from '../../src/readers/html.js';
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
  it('returns a text of at most three characters a level as it is, and reads one just longer', () => {
    expect(flattenDeepMarkup('<b><i>xx', 2)).toBe('<b><i>xx'); // 8 characters, 2 levels
    expect(flattenDeepMarkup('<b><i><u>', 2)).toBe('<b><i>'); // 9 = 3 × (2 + 1): the shortest text that nests past 2
  });
  it('answers as the whole tag scan does, on any markup (property)', () => {
    // The scan alone, without the length and "<" count bounds (flattenDeepMarkup before issue 17).
    const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
    const AUTO = new Set(['p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option', 'optgroup', 'thead', 'tbody', 'tfoot', 'colgroup', 'caption', 'rb', 'rt', 'rp', 'html', 'head', 'body']);
    const scan = (html: string, limit: number) => {
      const re = /<(\/?)([a-zA-Z][\w:-]*)(?:[^>"']|"[^"]*"|'[^']*')*?(\/?)>/g;
      let depth = 0;
      let last = 0;
      let out = '';
      for (let m = re.exec(html); m; m = re.exec(html)) {
        const name = m[2].toLowerCase();
        if (m[3] || VOID.has(name) || AUTO.has(name)) continue;
        const closing = m[1] === '/';
        const level = closing ? depth : depth + 1;
        depth = closing ? Math.max(0, depth - 1) : depth + 1;
        if (level <= limit) continue;
        out += html.slice(last, m.index);
        last = m.index + m[0].length;
      }
      return out + html.slice(last);
    };
    const piece = fc.constantFrom('<b>', '<i>', '<u>', '</b>', '</i>', '<div class="a">', '</div>', '<br>', '<p>', '<img/>', 'x', ' ', '<', '>', '<<');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.integer({ min: 1, max: 6 }), (ps, limit) => {
        const html = ps.join('');
        expect(flattenDeepMarkup(html, limit)).toBe(scan(html, limit));
      }),
      { numRuns: 3000, seed: 17 },
    );
  });
  it('counts "<" that open no tag as tags too (a cheap bound, never a wrong answer)', () => {
    expect(flattenDeepMarkup('a < b < c <b>x</b>', 2)).toBe('a < b < c <b>x</b>');
  });
});

describe('blank text before a block’s first text', () => {
  it('is what collapse trims: collapse(blank + rest) is collapse(rest) (property)', () => {
    const blank = fc.array(fc.constantFrom(' ', '\n', '\t', '\r', '\u00a0', '\u200b', '\u2003', '\u3000', '\ufeff'), { maxLength: 6 }).map((p) => p.join(''));
    const piece = fc.constantFrom(' ', '  ', '\n', '\u00a0', '\u200b', 'a', 'word', '.', '');
    fc.assert(
      fc.property(blank, fc.array(piece, { maxLength: 10 }).map((p) => p.join('')), (w, rest) => {
        expect(BLANK_TEXT.test(w)).toBe(true);
        expect(collapse(w + rest)).toBe(collapse(rest));
      }),
      { numRuns: 2000, seed: 17 },
    );
  });
  it.each([
    ['x', false],
    [' \u00a0x ', false],
    ['', true],
    ['\n    \u200b\u00a0', true],
  ])('%j blank: %s', (t, blank) => expect(BLANK_TEXT.test(t)).toBe(blank));
  it('reads indented markup as the same blocks', () => {
    const html = '<html><body>\n  <div>\n    <h1>\n      Officer\n      misconduct\n    </h1>\n    <p>  3  officers\u00a0 were <b>dismissed</b> </p>\n \u200b <ul>\n<li> a </li>\n<li>\n</li></ul>\n  </div>\n</body></html>';
    const r = readHtml(html);
    expect(r.blocks.map((b) => [b.kind, b.text, b.start, b.end])).toEqual([
      ['heading', 'Officer misconduct', 0, 18],
      ['paragraph', '3 officers were dismissed', 19, 44],
      ['list_item', 'a', 45, 46],
    ]);
    expect(r.text).toBe('Officer misconduct\n3 officers were dismissed\na');
  });
});
