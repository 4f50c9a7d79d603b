// The selector-driven adapter every platform builds on: the platform's differences are
// data (platforms.json + force overrides); a platform file only adds what data cannot say.
import type * as cheerio from 'cheerio';
import { loadHtml } from '../../readers/html-tree.js';
import type { Element } from 'domhandler';
import { parseListingDate } from '../dates.js';
import type { PlatformConfig } from '../platforms.js';
import type { Adapter, AttachmentLink, ListingItem } from './types.js';

const collapse = (s: string) => s.replace(/[\s\u00a0\u200b]+/g, ' ').trim();

/** Absolute http(s) URL without its fragment, or null for mailto:, javascript:, anchors and junk. */
export function resolveLink(href: string | undefined, baseUrl: string): string | null {
  const h = (href ?? '').trim();
  if (!h || h.startsWith('#') || /^(javascript|mailto|tel|data):/i.test(h)) return null;
  try {
    const u = new URL(h, baseUrl);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    u.hash = '';
    return u.toString();
  } catch {
    return null;
  }
}

/** The file extension of a URL's path (lower case, no dot), or ''. */
export function extensionOf(url: string): string {
  const path = new URL(url).pathname;
  const last = decodeURIComponent(path.split('/').pop() ?? '');
  const dot = last.lastIndexOf('.');
  return dot > 0 ? last.slice(dot + 1).toLowerCase() : '';
}

export interface AdapterHooks {
  /** Adjusts an item after the selectors have read it (platform quirks). */
  refineItem?: (item: ListingItem, el: cheerio.Cheerio<Element>) => ListingItem | null;
}

export function selectorAdapter(cfg: PlatformConfig, hooks: AdapterHooks = {}): Adapter {
  const sel = cfg.selectors;
  const referenceRe = cfg.reference_in_title ? new RegExp(cfg.reference_in_title) : null;
  const extensions = new Set(cfg.attachment_extensions.map((e) => e.toLowerCase()));

  // One parse per page (src/readers/html-tree.ts): a listing page is read again by nextPage,
  // a disclosure page by the HTML reader once its attachments have been fetched.
  const listingItems = (html: string, baseUrl: string): ListingItem[] => {
    const $ = loadHtml(html, { keep: true });
    const items: ListingItem[] = [];
    const seen = new Set<string>();
    const self = resolveLink(baseUrl, baseUrl);
    $(sel.item).each((_, node) => {
      const el = $(node as Element);
      const a = el.is('a[href]') ? el : el.find(sel.link).first();
      const url = resolveLink(a.attr('href'), baseUrl);
      if (!url || url === self || seen.has(url)) return;
      if (cfg.item_path && !new URL(url).pathname.includes(cfg.item_path)) return;
      const titleEl = el.find(sel.title).first();
      let title = collapse(titleEl.length ? titleEl.text() : a.text()) || collapse(a.text());
      const dateEl = el.find(sel.date).first();
      const date = parseListingDate(dateEl.attr('datetime') ?? dateEl.attr('content') ?? dateEl.text(), cfg.date_order) ?? null;
      const summary = collapse(el.find(sel.summary).first().text()) || null;
      let reference: string | null = null;
      if (referenceRe) {
        const m = referenceRe.exec(title);
        if (m) {
          reference = m[1];
          title = collapse(title.slice(0, m.index)) || title;
        }
      }
      let item: ListingItem | null = { url, title, date, summary, reference };
      if (hooks.refineItem) item = hooks.refineItem(item, el);
      if (!item) return;
      seen.add(url);
      items.push(item);
    });
    return items;
  };

  const nextPage = (html: string, baseUrl: string): string | null => {
    const $ = loadHtml(html);
    const next = resolveLink($(sel.next).first().attr('href'), baseUrl);
    return next && next !== resolveLink(baseUrl, baseUrl) ? next : null;
  };

  const attachmentLinks = (html: string, baseUrl: string): AttachmentLink[] => {
    const $ = loadHtml(html, { keep: true });
    let scope = $(sel.content).first();
    if (!scope.length) scope = $('body');
    const out: AttachmentLink[] = [];
    const seen = new Set<string>();
    scope.find('a[href]').each((_, node) => {
      const a = $(node as Element);
      const url = resolveLink(a.attr('href'), baseUrl);
      if (!url || seen.has(url) || !extensions.has(extensionOf(url))) return;
      seen.add(url);
      const file = decodeURIComponent(new URL(url).pathname.split('/').pop() ?? url);
      out.push({ url, name: collapse(a.text()) || file });
    });
    return out;
  };

  return { platform: cfg.platform, listingItems, nextPage, attachmentLinks };
}
