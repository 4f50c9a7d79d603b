// CSS selectors compiled once per selector string. cheerio parses and compiles a selector on
// every .find() / $() call, and the adapters ask the same few platforms.json selectors of every
// listing item and page (thousands of compiles a crawl, ~4.5 % of its allocations). A compiled
// query is a pure test of an element in a tree nobody mutates (html-tree.ts), so it is reused.
//
// Only where the answer is provably cheerio's: from the document, or from an element for a
// selector without combinators. cheerio scopes `el.find('a b')` to el (`:scope a b`: the `a`
// must be inside el too), which a context-free query cannot say; such calls, pseudo-classes
// (jQuery's :first, :eq …) and anything css-select rejects return null, and the caller asks
// cheerio as before.
import { compile } from 'css-select';
import type { AnyNode, Document, Element } from 'domhandler';
import { textContent } from 'domutils';

type Test = (el: Element) => boolean;

/** Per selector: its compiled test and whether it has no combinator (scope cannot matter), or null: ask cheerio. */
const compiled = new Map<string, { test: Test; flat: boolean } | null>();

function queryFor(selector: string): { test: Test; flat: boolean } | null {
  let q = compiled.get(selector);
  if (q !== undefined) return q;
  q = null;
  // Attribute values and quoted strings are not combinators: drop them before looking.
  const bare = selector.replace(/"[^"]*"|'[^']*'/g, '""').replace(/\[[^\]]*\]/g, '[]');
  if (!/[:\\()]/.test(bare)) {
    try {
      // Options as cheerio passes them for an HTML document (xmlMode off).
      // No cache of descendant tests: one compiled query serves every page, and its WeakSet of
      // elements would grow with all of them (GC work) to save a walk up a few parents.
      const test = compile<AnyNode, Element>(selector, { xmlMode: false, cacheResults: false }) as Test;
      const flat = bare.split(',').every((group) => !/[\s>+~]/.test(group.trim()));
      q = { test, flat };
    } catch {
      q = null;
    }
  }
  compiled.set(selector, q);
  return q;
}

const isTag = (n: AnyNode): n is Element => n.type === 'tag' || n.type === 'script' || n.type === 'style';

/**
 * The elements below `from` (not `from` itself) that match `selector`, in document order, at
 * most `limit` — what cheerio's `$(from).find(selector)` gives — or null when only cheerio can say.
 */
export function selectBelow(from: Document | Element, selector: string, limit = Infinity): Element[] | null {
  const q = queryFor(selector);
  if (!q) return null;
  // cheerio makes the selector relative to an element whose parent is an element (":scope …").
  if (!q.flat && from.type !== 'root' && from.parent && isTag(from.parent)) return null;
  const out: Element[] = [];
  collect(from.children, q.test, limit, out);
  return out;
}

/**
 * Depth-first, in document order: the elements of `nodes` and below them that pass `test`, into
 * `out`, until it holds `limit`. True once it does. A plain recursive function (a closure made
 * per query cost more than the walk on a small page).
 */
function collect(nodes: AnyNode[], test: Test, limit: number, out: Element[]): boolean {
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i];
    if (!isTag(n)) {
      if (n.type === 'root' && collect(n.children, test, limit, out)) return true;
      continue;
    }
    if (test(n)) {
      out.push(n);
      if (out.length >= limit) return true;
    }
    if (n.children.length && collect(n.children, test, limit, out)) return true;
  }
  return false;
}

/** Whether `el` itself matches `selector` (cheerio's `.is()`), or null when only cheerio can say. */
export function matches(el: Element, selector: string): boolean | null {
  const q = queryFor(selector);
  return q ? q.test(el) : null;
}

/** The text of `node` and all below it, as cheerio's `.text()` gives it (domutils' textContent, which it calls). */
export function textOf(node: AnyNode | AnyNode[] | undefined): string {
  return node ? textContent(node) : '';
}

/**
 * An attribute as cheerio's `.attr(name)` reads it, or undefined: for names that are not
 * boolean attributes (href, datetime, content, aria-label …), nor an option's or input's value.
 */
export function attrOf(el: Element | undefined, name: string): string | undefined {
  return el && Object.prototype.hasOwnProperty.call(el.attribs, name) ? el.attribs[name] : undefined;
}

/** Whether the class attribute lists `name` (cheerio's `.hasClass`). */
export function hasClass(el: Element, name: string): boolean {
  const cls = el.attribs.class;
  return !!cls && name.length > 0 && cls.split(/\s/).includes(name);
}
