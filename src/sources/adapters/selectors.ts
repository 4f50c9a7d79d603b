// The selector-driven adapter every platform builds on: the platform's differences are
// data (platforms.json + force overrides); a platform file only adds what data cannot say.
import * as cheerio from 'cheerio';
import { loadHtml, loadRoot } from '../../readers/html-tree.js';
import type { Document, Element } from 'domhandler';
import { parseListingDate } from '../dates.js';
import type { PlatformConfig } from '../platforms.js';
import { attrOf, matches, selectBelow, textOf } from './query.js';
import type { Adapter, AttachmentLink, Discovery, ListingItem, PagingVia } from './types.js';

type Tree = ReturnType<typeof loadHtml>;

// The hot paths read nodes (selectBelow, textOf, attrOf) rather than cheerio objects: every
// cheerio.load makes its own cheerio class, so cheerio's methods see a new object shape per page
// (megamorphic, deoptimised and recompiled), besides compiling the selector on each call. A
// page's cheerio wrapper is made only when a query needs cheerio (a selector only it reads).

/** A parsed page: its document, and its cheerio wrapper, made on first need. */
class Page {
  private wrapped: Tree | null = null;
  constructor(readonly doc: Document) {}
  get $(): Tree {
    return (this.wrapped ??= cheerio.load(this.doc));
  }
}

/** `$(from).find(selector)` as elements, by a selector compiled once where that gives cheerio's answer. */
function allIn(page: Page, from: Document | Element, selector: string): Element[] {
  return selectBelow(from, selector) ?? (page.$(from).find(selector).toArray() as Element[]);
}

/** `$(from).find(selector).first()` as an element, or undefined. */
function firstIn(page: Page, from: Document | Element, selector: string): Element | undefined {
  const found = selectBelow(from, selector, 1);
  return found ? found[0] : (page.$(from).find(selector).first().toArray()[0] as Element | undefined);
}

/** Link texts that are navigation, never a disclosure. */
const NAV_TEXT = /^(?:next|previous|prev|older|newer|home|back|more|read more|skip to .*|page \d+|\d+|[«»‹›<>]+|first|last)(?: (?:page|posts|entries))?$/i;
/** Link texts that lead to the next (older) listing page. */
const NEXT_TEXT = /^(?:next(?: page)?|older(?: posts| entries)?|more results)\s*[»›>]*$|^[»›>]$/i;

const collapse = (s: string) => s.replace(/[\s\u00a0\u200b]+/g, ' ').trim();

/** Absolute http(s) URL without its fragment, or null for mailto:, javascript:, anchors and junk. */
export function resolveLink(href: string | undefined, baseUrl: string): string | null {
  return resolveUrl(href, baseUrl)?.href ?? null;
}

/** resolveLink's URL, parsed (its href is resolveLink's answer). */
function resolveUrl(href: string | undefined, baseUrl: string): URL | null {
  const h = (href ?? '').trim();
  if (!h || h.startsWith('#') || /^(javascript|mailto|tel|data):/i.test(h)) return null;
  try {
    const u = new URL(h, baseUrl);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    // Only the link's own text can give a fragment (a base's never carries over): no '#', none to drop.
    if (h.includes('#')) u.hash = '';
    return u;
  } catch {
    return null;
  }
}

/** The file extension of a URL's path (lower case, no dot), or ''. */
export function extensionOf(url: string): string {
  return extensionOfPath(new URL(url).pathname);
}

function extensionOfPath(path: string): string {
  const last = decodeURIComponent(path.split('/').pop() ?? '');
  const dot = last.lastIndexOf('.');
  return dot > 0 ? last.slice(dot + 1).toLowerCase() : '';
}

export interface AdapterHooks {
  /** Adjusts an item after the selectors have read it (platform quirks): `el` is the item's element, `wrapped()` the same as a cheerio object. */
  refineItem?: (item: ListingItem, el: Element | undefined, wrapped: () => cheerio.Cheerio<Element>) => ListingItem | null;
}

export function selectorAdapter(cfg: PlatformConfig, hooks: AdapterHooks = {}): Adapter {
  const sel = cfg.selectors;
  const referenceRe = cfg.reference_in_title ? new RegExp(cfg.reference_in_title) : null;
  const extensions = new Set(cfg.attachment_extensions.map((e) => e.toLowerCase()));

  // One parse per page (src/readers/html-tree.ts): a listing page is read again by nextPage,
  // a disclosure page by the HTML reader once its attachments have been fetched.
  const listingItems = (html: string, baseUrl: string): ListingItem[] => {
    const page = new Page(loadRoot(html, { keep: true }));
    const items: ListingItem[] = [];
    const seen = new Set<string>();
    const self = resolveLink(baseUrl, baseUrl);
    for (const node of allIn(page, page.doc, sel.item)) {
      const a = (matches(node, 'a[href]') ?? page.$(node).is('a[href]')) ? node : firstIn(page, node, sel.link);
      const u = resolveUrl(attrOf(a, 'href'), baseUrl);
      const url = u?.href;
      if (!url || url === self || seen.has(url)) continue;
      if (cfg.item_path && !u.pathname.includes(cfg.item_path)) continue;
      const titleEl = firstIn(page, node, sel.title);
      let title = collapse(titleEl ? textOf(titleEl) : textOf(a)) || collapse(textOf(a));
      const dateEl = firstIn(page, node, sel.date);
      const date = parseListingDate(attrOf(dateEl, 'datetime') ?? attrOf(dateEl, 'content') ?? textOf(dateEl), cfg.date_order) ?? null;
      const summary = collapse(textOf(firstIn(page, node, sel.summary))) || null;
      let reference: string | null = null;
      if (referenceRe) {
        const m = referenceRe.exec(title);
        if (m) {
          reference = m[1];
          title = collapse(title.slice(0, m.index)) || title;
        }
      }
      let item: ListingItem | null = { url, title, date, summary, reference };
      if (hooks.refineItem) item = hooks.refineItem(item, node, () => page.$(node));
      if (!item) continue;
      seen.add(url);
      items.push(item);
    }
    return items;
  };

  // Fallback discovery: the selectors matched nothing (the site changed its markup). Links in
  // the page's content whose path has the platform's disclosure shape (`item_pattern`), or —
  // failing that — links under the listing's own path whose text reads like a title.
  const itemPattern = cfg.item_pattern ? new RegExp(cfg.item_pattern, 'i') : null;
  const fallbackItems = (html: string, baseUrl: string): Discovery => {
    const $ = loadHtml(html, { keep: true });
    const base = new URL(baseUrl);
    const self = resolveLink(baseUrl, baseUrl);
    const candidates: Array<{ url: string; a: cheerio.Cheerio<Element> }> = [];
    const seen = new Set<string>();
    $('a[href]').each((_, node) => {
      const a = $(node as Element);
      if (a.closest('header, footer, nav, [role=navigation], .breadcrumbs, .pagination').length) return;
      const url = resolveLink(a.attr('href'), baseUrl);
      if (!url || url === self || seen.has(url)) return;
      const u = new URL(url);
      if (u.host !== base.host || extensions.has(extensionOf(url)) || NAV_TEXT.test(collapse(a.text()))) return;
      seen.add(url);
      candidates.push({ url, a });
    });
    const toItem = ({ url, a }: { url: string; a: cheerio.Cheerio<Element> }): ListingItem | null => {
      const holder = a.closest('li, tr, article, .card, div').first();
      const scope = holder.length ? holder : a.parent();
      const timeEl = scope.find('time[datetime]').first();
      // Text with a gap between elements: "Officers suspended" + "March 04, 2025" must not run together.
      const spaced = loadHtml((scope.html() ?? '').replace(/></g, '> <')).root().text();
      const date = parseListingDate(timeEl.attr('datetime') ?? spaced, cfg.date_order) ?? null;
      let title = collapse(a.text());
      let reference: string | null = null;
      const m = referenceRe?.exec(title);
      if (m) {
        reference = m[1];
        title = collapse(title.slice(0, m.index)) || title;
      }
      let item: ListingItem | null = { url, title, date, summary: null, reference };
      if (hooks.refineItem) item = hooks.refineItem(item, scope[0] as Element | undefined, () => scope as cheerio.Cheerio<Element>);
      return item;
    };
    const byPattern = itemPattern ? candidates.filter((c) => itemPattern.test(new URL(c.url).pathname)) : [];
    if (byPattern.length) return { items: byPattern.map(toItem).filter((x): x is ListingItem => !!x), via: 'url-pattern' };
    const listingPath = base.pathname.replace(/[^/]*$/, '');
    const byText = candidates.filter((c) => {
      const path = new URL(c.url).pathname;
      const under = path.startsWith(listingPath) && path.length > listingPath.length + 1;
      const words = collapse(c.a.text()).split(' ').filter(Boolean).length;
      return (under || (cfg.item_path !== undefined && path.includes(cfg.item_path))) && words >= 2 && words <= 30;
    });
    if (byText.length) return { items: byText.map(toItem).filter((x): x is ListingItem => !!x), via: 'link-text' };
    return { items: [], via: 'none' };
  };

  const discover = (html: string, baseUrl: string): Discovery => {
    const items = listingItems(html, baseUrl);
    return items.length ? { items, via: 'selectors' } : fallbackItems(html, baseUrl);
  };

  const discoverNext = (html: string, baseUrl: string): { url: string | null; via: PagingVia | null } => {
    // The last reader of a listing page: it takes the kept parse and keeps nothing. (Keeping it
    // again left every listing page's tree in html-tree until 8M chars of later pages pushed it
    // out: the bench's crawl kept all 114 a harvest, promoted to the old generation, for nobody.)
    const page = new Page(loadRoot(html));
    const self = resolveLink(baseUrl, baseUrl);
    const ok = (u: string | null) => (u && u !== self ? u : null);
    const doc = page.doc;
    const bySelector = ok(resolveLink(attrOf(firstIn(page, doc, sel.next), 'href'), baseUrl));
    if (bySelector) return { url: bySelector, via: 'selectors' };
    const rel = ok(resolveLink(attrOf(firstIn(page, doc, 'a[rel~=next], link[rel~=next]'), 'href'), baseUrl));
    if (rel) return { url: rel, via: 'rel-next' };
    let byText: string | null = null;
    const links = allIn(page, doc, 'a[href]');
    for (const a of links) {
      if (!byText && NEXT_TEXT.test(collapse(textOf(a)) || attrOf(a, 'aria-label') || '')) byText = ok(resolveLink(attrOf(a, 'href'), baseUrl));
    }
    if (byText) return { url: byText, via: 'next-text' };
    // A link to this listing with the page parameter one up (page numbers only, no "Next").
    const param = cfg.page_param ?? 'page';
    const here = new URL(baseUrl);
    const current = Number(here.searchParams.get(param) ?? '1') || 1;
    let byParam: string | null = null;
    for (const a of links) {
      if (byParam) break;
      // The resolved URL as parsed (what a parse of its href gives), not parsed a second time.
      const v = resolveUrl(attrOf(a, 'href'), baseUrl);
      if (v && v.pathname === here.pathname && Number(v.searchParams.get(param)) === current + 1) byParam = v.href;
    }
    return byParam ? { url: byParam, via: 'page-param' } : { url: null, via: null };
  };

  const nextPage = (html: string, baseUrl: string): string | null => discoverNext(html, baseUrl).url;

  const attachmentLinks = (html: string, baseUrl: string): AttachmentLink[] => {
    const page = new Page(loadRoot(html, { keep: true }));
    const doc = page.doc;
    // The content, else the body (the whole of each: $('body') is every body element).
    const content = firstIn(page, doc, sel.content);
    const scopes = content ? [content] : allIn(page, doc, 'body');
    const anchors = scopes.length === 1 ? allIn(page, scopes[0], 'a[href]') : (page.$(scopes).find('a[href]').toArray() as Element[]);
    const out: AttachmentLink[] = [];
    const seen = new Set<string>();
    for (const a of anchors) {
      // One parse per link: its href is resolveLink's answer, its pathname what a parse of that gives.
      const u = resolveUrl(attrOf(a, 'href'), baseUrl);
      const url = u?.href;
      if (!url || seen.has(url) || !extensions.has(extensionOfPath(u.pathname))) continue;
      seen.add(url);
      const file = decodeURIComponent(u.pathname.split('/').pop() ?? url);
      out.push({ url, name: collapse(textOf(a)) || file });
    }
    return out;
  };

  return { platform: cfg.platform, listingItems, discover, nextPage, discoverNext, attachmentLinks };
}
