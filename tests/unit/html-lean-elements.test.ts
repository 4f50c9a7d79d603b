// The HTML reader's elements (readers/html-rows.ts createElement, adoptAttributes): the stock
// parse5-htmlparser2 adapter's elements without its namespace and prefix maps where no attribute
// has either. The trees must be the same: same names, attributes (with namespaces and prefixes),
// text and shape, on HTML, foreign content and the second <html>/<body> tags parse5 merges.
import fc from 'fast-check';
import type { AnyNode, Element } from 'domhandler';
import { parse } from 'parse5';
import { adapter } from 'parse5-htmlparser2-tree-adapter';
import { describe, expect, it } from 'vitest';
import { adoptAttributes, createElement, parsePacked } from '../../src/readers/html-rows.js';

const lean = { ...adapter, createElement, adoptAttributes };

/** A tree as plain data: what any reader of it can see. */
function shape(n: AnyNode): unknown {
  if (n.type === 'text' || n.type === 'comment') return { t: n.type, d: (n as unknown as { data: string }).data };
  const el = n as Element;
  const kids = (el.children ?? []).map(shape);
  if (n.type === 'root' || n.type === 'directive') return { t: n.type, kids };
  return { t: el.type, name: el.name, ns: el.namespace, attribs: { ...el.attribs }, attributes: el.attributes, kids };
}

const both = (html: string) => [shape(parse(html, { treeAdapter: lean as typeof adapter, scriptingEnabled: true })), shape(parse(html, { treeAdapter: adapter, scriptingEnabled: true }))];

describe('lean elements', () => {
  it('an HTML element has its attributes and no namespace maps', () => {
    const el = createElement('a', 'http://www.w3.org/1999/xhtml', [
      { name: 'href', value: '/x' },
      { name: 'class', value: 'c' },
    ]);
    expect(el.attribs).toEqual({ href: '/x', class: 'c' });
    expect(el.attributes).toEqual([
      { name: 'href', value: '/x', namespace: undefined, prefix: undefined },
      { name: 'class', value: 'c', namespace: undefined, prefix: undefined },
    ]);
    expect('x-attribsNamespace' in el).toBe(false);
  });

  it('a namespaced attribute keeps its namespace and prefix', () => {
    const el = createElement('use', 'http://www.w3.org/2000/svg', [{ name: 'xlink:href', value: '#a', namespace: 'http://www.w3.org/1999/xlink', prefix: 'xlink' }]);
    expect(el.attributes).toEqual([{ name: 'xlink:href', value: '#a', namespace: 'http://www.w3.org/1999/xlink', prefix: 'xlink' }]);
  });

  it('keeps an attribute named __proto__ or after an Object.prototype member', () => {
    const el = createElement('div', 'http://www.w3.org/1999/xhtml', [{ name: '__proto__', value: 'p' }, { name: 'constructor', value: 'c' }]);
    expect(Object.entries(el.attribs)).toEqual([['__proto__', 'p'], ['constructor', 'c']]);
    const body = createElement('body', 'http://www.w3.org/1999/xhtml', []);
    adoptAttributes(body, [{ name: 'constructor', value: 'x' }, { name: 'tostring', value: 'y' }]);
    expect(Object.entries(body.attribs)).toEqual([['constructor', 'x'], ['tostring', 'y']]);
  });

  it('adopts only attributes the element lacks', () => {
    const el = createElement('body', 'http://www.w3.org/1999/xhtml', [{ name: 'id', value: 'a' }]);
    adoptAttributes(el, [
      { name: 'id', value: 'b' },
      { name: 'lang', value: 'en' },
    ]);
    expect(el.attribs).toEqual({ id: 'a', lang: 'en' });
  });

  it.each([
    '<p class="a" id=b>x</p>',
    '<html lang=en><body class=x><p>a</p><body id=y data-z=1><html dir=ltr>',
    '<svg><use xlink:href="#i" xml:lang="en"/></svg><math><mi xlink:title=t>x</mi></math>',
    '<b><p>mis<i>nested</b> formatting</i></p>',
    '<table><tr><td colspan=2>a<td>b</table>',
    // Attribute names Object.prototype has (the elements' attributes are object literals now).
    '<p constructor=c toString=t hasOwnProperty=h>x</p><body constructor=d valueOf=v><div __proto__=p id=i>y</div>',
  ])('parses %j as the stock adapter does', (html) => {
    const [a, b] = both(html);
    expect(a).toEqual(b);
  });

  it('parses any markup as the stock adapter does (property)', () => {
    const tag = fc.constantFrom('p', 'div', 'b', 'i', 'a', 'table', 'tr', 'td', 'svg', 'math', 'use', 'mi', 'html', 'body', 'template', 'select', 'option', 'li', 'h1');
    const attr = fc.tuple(fc.constantFrom('id', 'class', 'href', 'xlink:href', 'xml:lang', 'xmlns:xlink', 'colspan', 'definitionURL', '__proto__', 'constructor', 'tostring', 'valueof'), fc.constantFrom('', 'x', '1', 'a b')).map(([n, v]) => ` ${n}="${v}"`);
    const piece = fc.oneof(
      fc.tuple(tag, fc.array(attr, { maxLength: 3 })).map(([t, as]) => `<${t}${as.join('')}>`),
      tag.map((t) => `</${t}>`),
      fc.constantFrom('text', ' ', '&amp;', '<!-- c -->'),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 25 }), (ps) => {
        const [a, b] = both(ps.join(''));
        expect(a).toEqual(b);
      }),
      { numRuns: 400, seed: 17 },
    );
  });

  it('the reader’s parse reads attributes from its elements', () => {
    const doc = parsePacked('<div id="main" role="main"><a href="/f.pdf">f</a></div>');
    const html = doc.children.find((n) => n.type === 'tag') as Element;
    const body = html.children[1] as Element;
    const div = body.children[0] as Element;
    expect(div.attribs).toEqual({ id: 'main', role: 'main' });
    expect((div.children[0] as Element).attribs.href).toBe('/f.pdf');
  });
});
