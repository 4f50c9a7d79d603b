// The HTML reader's parse takes runs of plain text (and of quoted attribute values) at once rather
// than one code point at a time (issue 17). It must build exactly the tree parse5's own parse builds.
import fc from 'fast-check';
import { parse, serialize } from 'parse5';
import { adapter } from 'parse5-htmlparser2-tree-adapter';
import { describe, expect, it } from 'vitest';
import { parseHtml, parsePacked, tokenizerRuns } from '../../src/readers/html-rows.js';
import { readHtml } from '../../src/readers/html.js';

const options = { treeAdapter: adapter, scriptingEnabled: true };
/** Every node: its type, name, attributes (with namespaces) and text, nesting shown by brackets. */
type Node = { type: string; name?: string; attribs?: Record<string, string>; data?: string; children?: Node[]; namespace?: string };
const dump = (n: Node): string =>
  JSON.stringify([n.type, n.name ?? null, n.namespace ?? null, n.attribs ? Object.entries(n.attribs) : null, n.data ?? null]) + (n.children ? `[${n.children.map(dump).join(',')}]` : '');
const tree = (html: string, runs: boolean) => dump(parseHtml(html, options, runs) as unknown as Node) + serialize(parseHtml(html, options, runs), { treeAdapter: adapter });
const reference = (html: string) => dump(parse(html, options) as unknown as Node) + serialize(parse(html, options), { treeAdapter: adapter });

const WORDS = ['Officers', 'dismissed', '2023/24', 'Zoë', 'Ó Briain', '£1,200', '“quoted”', '😀', '\ud800', '\udc00x', 'a\u0000b', 'x\u0001y', '\u007f', '\u0085', '\ufdd0', '\uffff', '&amp;', '&nbsp;', '&', '&#x41;', '&notin', '<', '>', '=', '"', "'", '`'];
const SPACES = [' ', '  ', '\n', '\r\n', '\r', '\t', '\f', '\u000b', '\u00a0', '\u200b', ''];
const OPEN = ['<p>', '<div class="a b">', "<div id='x&amp;y' data-x=\"1 > 2\">", '<div title=un"quoted>', '<table>', '<tr>', '<td colspan="2">', '<th>', '<a href="/x?a=1&b=2">', '<b>', '<i>', '<script>', '<style>', '<title>', '<textarea>', '<svg>', '<math>', '<template>', '<select>', '<option>', '<noscript>', '<pre>', '<h1>', '<plaintext>', '<![CDATA[', '<!-- c -->', '<!doctype html>', '<br/>', '<img alt="a\'b">', '<input value=\'q"q\'>'];
const CLOSE = ['</p>', '</div>', '</table>', '</tr>', '</td>', '</a>', '</b>', '</script>', '</style>', '</title>', '</textarea>', '</svg>', '</template>', '</select>', ']]>', '</h1>', '</i>'];
const piece = fc.oneof(fc.constantFrom(...WORDS), fc.constantFrom(...SPACES), fc.constantFrom(...OPEN), fc.constantFrom(...CLOSE), fc.string({ maxLength: 6 }));
const markup = fc.array(piece, { maxLength: 60 }).map((p) => p.join(''));

describe('parse with text runs', () => {
  it('is in effect with the parse5 installed', () => {
    expect(tokenizerRuns).toBe(true);
  });

  it.each([
    ['<p>Officers dismissed in 2023</p>'],
    ['<div class="govuk-grid-row   x" id=\'main\'>Zoë &amp; Ó Briain\r\n said “no”</div>'],
    ['<title>FOI 123/24 – Misconduct</title><script>if (a < b && c) { x = "</p>" }</script><style>p>a{color:red}</style>'],
    ['<table><tr><td>One</td><td colspan="2">Two words</td></tr>stray text</table>'],
    ['<textarea>a&amp;b <i>c</i></textarea><plaintext>rest < & of the page'],
    ['<p>surrogates 😀 \ud800 lone, NUL \u0000 here</p><svg><![CDATA[x<y]]></svg>'],
  ])('%j: the same tree as parse5', (html) => {
    expect(tree(html, true)).toBe(reference(html));
  });

  it('builds the same tree as parse5 on open-ended markup', () => {
    fc.assert(
      fc.property(markup, (html) => tree(html, true) === reference(html)),
      { numRuns: 3000 },
    );
  });

  it('gives the reader the same page with runs as without', () => {
    const html = '<html><head><title>T</title></head><body><main><h1>Request 12/34</h1><p>Officers&nbsp;dismissed: <b>4</b></p><table><tr><th>Rank</th><th>Number</th></tr><tr><td>PC</td><td>3</td></tr></table></main></body></html>';
    expect(parsePacked(html)).toBeTruthy();
    expect(readHtml(html).text).toBe('Request 12/34\nOfficers dismissed: 4\nRank | Number\nPC | 3');
  });
});
