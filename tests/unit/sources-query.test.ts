// The adapters' compiled selectors (src/sources/adapters/query.ts) must find exactly what
// cheerio's .find() / .is() find: same elements, same order, from the document and from every
// element, on the fixture sites' pages and on markup written to catch scoping and nesting.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as cheerio from 'cheerio';
import type { AnyNode, Document, Element } from 'domhandler';
import { describe, expect, it } from 'vitest';
import { attrOf, hasClass, matches, selectBelow, textOf } from '../../src/sources/adapters/query.js';
import platforms from '../../src/sources/platforms.json' with { type: 'json' };

const SITES = new URL('../../fixtures/sites/', import.meta.url).pathname;
const htmlFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? htmlFiles(p) : n.endsWith('.html') ? [p] : [];
  });

const selectors = new Set<string>(['a[href]', 'body', 'a[rel~=next], link[rel~=next]', 'div p', 'ul > li a', "a[href^='/x y']", 'li:first-child', 'p, li']);
for (const p of Object.values((platforms as { platforms: Record<string, { selectors?: Record<string, string> }> }).platforms))
  for (const s of Object.values(p.selectors ?? {})) selectors.add(s);

const CRAFTED = `<html><body><div class="entry-title"><ul class="post-list"><li><h2>T</h2><a href="/a">a</a>
  <div><p class="summary">s</p><div class="entry-title"><a href="/b">b</a></div></div></li>
  <li><a href="/x y">x</a><time datetime="2024-01-02">2 Jan</time><span class="date">d</span></li></ul></div>
  <main><article class="post"><h2><a href="/c">c</a></h2><p>p <a href="/d.pdf">pdf</a></p></article></main>
  <nav class="pagination"><a class="next" href="?page=2">Next</a></nav><link rel="next" href="/n"></body></html>`;

const elementsOf = (n: AnyNode): Element[] => {
  const out: Element[] = [];
  const walk = (x: AnyNode) => {
    if (x.type === 'tag' || x.type === 'script' || x.type === 'style') out.push(x as Element);
    if ('children' in x) for (const c of x.children) walk(c);
  };
  walk(n);
  return out;
};

describe('compiled selectors find what cheerio finds', () => {
  const pages = [...htmlFiles(SITES).map((f) => readFileSync(f, 'utf8')), CRAFTED];
  it('has pages and selectors to compare', () => {
    expect(pages.length).toBeGreaterThan(20);
    expect(selectors.size).toBeGreaterThan(30);
  });
  it('from the document and from every element, all matches and the first', () => {
    let compared = 0;
    for (const html of pages) {
      const $ = cheerio.load(html);
      const doc = $.root()[0] as Document;
      for (const sel of selectors) {
        // Every element of the written page; every third of the fixtures' (keeps the test quick).
        for (const from of [doc, ...elementsOf(doc).filter((_, i) => html === CRAFTED || i % 3 === 0)]) {
          const mine = selectBelow(from, sel);
          if (mine === null) continue;
          compared++;
          const theirs = $(from).find(sel).toArray();
          expect(mine.length).toBe(theirs.length);
          mine.forEach((el, i) => expect(el === theirs[i]).toBe(true));
          const first = selectBelow(from, sel, 1)!;
          expect(first.length).toBe(Math.min(1, theirs.length));
          if (first.length) expect(first[0] === theirs[0]).toBe(true);
          if (from.type !== 'root') expect(matches(from, sel)).toBe($(from).is(sel));
        }
      }
    }
    expect(compared).toBeGreaterThan(3000);
  });
  it('text, attributes and classes read as cheerio reads them', () => {
    let compared = 0;
    for (const html of pages) {
      const $ = cheerio.load(html.replace('<body>', '<body><!-- c --><p class="a  sticky\tb" aria-label="x">t<![CDATA[z]]></p>'));
      for (const el of elementsOf($.root()[0])) {
        compared++;
        expect(textOf(el)).toBe($(el).text());
        for (const name of ['href', 'datetime', 'content', 'aria-label', 'class']) expect(attrOf(el, name)).toBe($(el).attr(name));
        for (const c of ['sticky', 'a', 'b', 'stick', 'result', 'disclosure-results']) expect(hasClass(el, c)).toBe($(el).hasClass(c));
      }
      expect(textOf($.root().toArray())).toBe($.root().text());
    }
    expect(textOf(undefined)).toBe('');
    expect(attrOf(undefined, 'href')).toBeUndefined();
    expect(compared).toBeGreaterThan(1000);
  });
  it('leaves to cheerio what a context-free query cannot answer', () => {
    const $ = cheerio.load(CRAFTED);
    const li = $('li').first()[0] as Element;
    // cheerio scopes "div p" to the li: the div must be inside it too.
    expect(selectBelow(li, 'div p')).toBeNull();
    expect(selectBelow($.root()[0] as Document, 'li:first')).toBeNull();
    expect(selectBelow(li, 'a[href')).toBeNull();
    expect(selectBelow(li, 'a[href]')!.map((a) => a.attribs.href)).toEqual(['/a', '/b']);
  });
});
