// The run-reading tokenizer (readers/html-tokenizer.ts) must build parse5's tree node for node:
// same names, attributes, namespaces, text (split the same way into nodes) and shape, and, when
// locations are asked for, the same locations. parse5's own parse() is the oracle.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as cheerio from 'cheerio';
import fc from 'fast-check';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { describe, expect, it } from 'vitest';
import { parseDocumentRuns, parseDom, readsRuns } from '../../src/readers/html-tokenizer.js';

type Node = DefaultTreeAdapterMap['node'];

/** A tree as plain data (no parent links). */
function shape(n: Node): unknown {
  const o = n as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = { name: n.nodeName };
  for (const k of ['tagName', 'namespaceURI', 'value', 'data', 'mode', 'publicId', 'systemId', 'sourceCodeLocation']) if (o[k] !== undefined) out[k] = o[k];
  if (o.attrs) out.attrs = o.attrs;
  if (o.content) out.content = shape(o.content as Node);
  if (o.childNodes) out.kids = (o.childNodes as Node[]).map(shape);
  return out;
}

const both = (html: string, sourceCodeLocationInfo = false) => [
  shape(parseDocumentRuns(html, { scriptingEnabled: true, sourceCodeLocationInfo })),
  shape(parse(html, { scriptingEnabled: true, sourceCodeLocationInfo })),
];

/** The text nodes of a body, in order. */
function texts(html: string): string[] {
  const out: string[] = [];
  const walk = (n: Node) => {
    if (n.nodeName === '#text') out.push((n as DefaultTreeAdapterMap['textNode']).value);
    for (const c of (n as { childNodes?: Node[] }).childNodes ?? []) walk(c);
  };
  walk(parseDocumentRuns(html));
  return out;
}

const ROOT = new URL('../..', import.meta.url).pathname;
function htmlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir)) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) out.push(...htmlFiles(p));
    else if (/\.html?$/i.test(e)) out.push(p);
  }
  return out.sort();
}
const pages = htmlFiles(join(ROOT, 'fixtures')).map((f) => readFileSync(f, 'utf8'));

describe('run-reading tokenizer', () => {
  it('is in effect with the pinned parse5 (else the tests below compare parse5 with itself)', () => {
    expect(readsRuns).toBe(true);
  });

  it.each([
    ['words and spaces of a paragraph are one text node', '<p>Hello  world,\tthree   words</p>', ['Hello  world,\tthree   words']],
    ['character references end a run and join its text', '<p>Fish &amp; chips &lt;3 &notit; x</p>', ['Fish & chips <3 ¬it; x']],
    ['a CR LF pair is one line feed, a lone CR too', '<p>a\r\nb\rc\n\nd</p>', ['a\nb\nc\n\nd']],
    ['the line feed after <pre> is dropped', '<pre>\n  x y\n</pre>', ['  x y\n']],
    ['text stray in a table is fostered before it', '<table>a b<tr><td>c d</td></tr></table>', ['a b', 'c d']],
    ['spaces in a table stay in it', '<table> <tr> <td>x</td> </tr> </table>', [' ', ' ', 'x', ' ', ' ']],
    ['a NUL in body text is dropped, the run around it kept', '<p>ab\u0000cd ef</p>', ['abcd ef']],
    ['astral characters end a run and are kept', '<p>ok 😀 fine</p>', ['ok 😀 fine']],
    ['text in foreign content', '<svg><desc>a b</desc><text>c  d</text></svg>', ['a b', 'c  d']],
    ['text after the body', '<body>x</body> y </html> z', ['x y  z']],
    ['spaces before text in the head stay in the head', '<html><head> x', [' ', 'x']],
    ['spaces before text before the head stay out of the tree', '<html> x', ['x']],
    ['spaces between the head and text stay between them', '<html><head></head> x', [' ', 'x']],
    ['a script is one text node, its & and < kept', '<script>if (a < b && c) { x = "y z"; }</script>', ['if (a < b && c) { x = "y z"; }']],
    ['a title reads character references', '<title>Fish &amp; chips  2024</title>', ['Fish & chips  2024']],
    ['a style and a textarea (its first line feed dropped)', '<style>p { color: red }</style><textarea>\nA &lt; b</textarea>', ['p { color: red }', 'A < b']],
    ['plain text to the end', '<plaintext>a <b> &amp; c', ['a <b> &amp; c']],
    ['text in a select', '<select> a <option> b c', [' a ', ' b c']],
  ])('%s', (_name, html, expected) => {
    expect(texts(html)).toEqual(expected);
    const [ours, theirs] = both(html);
    expect(ours).toEqual(theirs);
  });

  it('names are lower-cased and values kept as written', () => {
    const doc = parseDocumentRuns('<DIV CLASS="Big Box" Data-X=\'a&amp;b\' id=u1>t</DIV>');
    const div = (doc.childNodes[0] as DefaultTreeAdapterMap['element']).childNodes[1].childNodes[0] as DefaultTreeAdapterMap['element'];
    expect(div.tagName).toBe('div');
    expect(div.attrs).toEqual([
      { name: 'class', value: 'Big Box' },
      { name: 'data-x', value: 'a&b' },
      { name: 'id', value: 'u1' },
    ]);
  });

  it('builds the same tree as parse5 on every fixture page, with and without locations', () => {
    expect(pages.length).toBeGreaterThan(50);
    for (const page of pages) {
      const [a, b] = both(page);
      expect(a).toEqual(b);
      const [c, d] = both(page, true);
      expect(c).toEqual(d);
    }
  });

  it('hands cheerio the tree cheerio.load(html) builds (the crawler\'s listing pages)', () => {
    for (const page of pages) {
      const ours = cheerio.load(parseDom(page));
      const theirs = cheerio.load(page);
      expect(ours.html()).toBe(theirs.html());
      expect(ours('a').length).toBe(theirs('a').length);
      expect(ours.root().text()).toBe(theirs.root().text());
    }
  });

  it('builds the same tree on fixture pages cut and spliced at random places', () => {
    fc.assert(
      fc.property(fc.nat(pages.length - 1), fc.nat(), fc.nat(), fc.nat(), fc.boolean(), (p, a, b, c, loc) => {
        const page = pages[p];
        const from = a % page.length;
        const to = from + (b % 400);
        const at = c % page.length;
        const html = page.slice(0, at) + page.slice(from, to) + page.slice(at);
        const [x, y] = both(html, loc);
        expect(x).toEqual(y);
      }),
      { numRuns: 300 },
    );
  });

  it('builds the same tree on random markup', () => {
    const piece = fc.constantFrom(
      '<html>', '<head>', '</head>', '<p>', '</p>', '<div class="a b">', '</div>', '<DIV CLASS=X>', '<table>', '<tr>', '<td>', '</td>', '<caption>', '<template>', '</template>',
      '<select>', '<option>', '<pre>', '</pre>', '<textarea>', '</textarea>', '<title>', '</title>', '<script>', '</script>', '</script', '<style>', '</style>',
      '<xmp>', '</xmp>', '<noscript>', '<iframe>', '<noembed>', '<plaintext>', '<listing>', '<!--<script>', 'var a = 1;', '<svg>', '<math>', '<b>', '</b>',
      '<i>', '<a href="x&amp;y">', '</a>', '<br>', '<frameset>', '<body>', '</body>', '</html>', '<!--', '-->', '<![CDATA[', ']]>', '<!DOCTYPE html>',
      '&amp;', '&lt', '&#x41;', '&#', '&nope;', '<', '>', '&', '"', "'", '=', '/', ' ', '  ', '\t', '\n', '\r\n', '\r', '\u000c', '\u0000',
      'word', 'Two words', 'é', '😀', '\ud800', 'x', 'y z',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.boolean(), (ps, loc) => {
        const html = ps.join('');
        const [x, y] = both(html, loc);
        expect(x).toEqual(y);
      }),
      { numRuns: 3000 },
    );
  });
});
