// One cheerio parse per fetched page. The crawler reads a page's listing items or attachment
// links with the platform's selectors, and later (after the attachments arrive) the HTML reader
// reads the same text: the first parse is kept here and handed to the second, which takes it.
// Only callers that know a second reader follows keep a tree (`keep: true`); kept trees are
// bounded by the size of their source text, oldest dropped first. Nobody may mutate a tree.
import * as cheerio from 'cheerio';
import type { Document } from 'domhandler';
import { parseDom } from './html-tokenizer.js';

type Tree = ReturnType<typeof cheerio.load>;

const KEEP_CHARS = 8 * 1024 * 1024;
// The document, not a cheerio wrapper: each cheerio.load makes its own class and root object
// (~0.05 ms a page, issue 17), which the readers of a kept tree do not need.
const kept = new Map<string, Document>();
let keptChars = 0;

function drop(html: string): void {
  if (kept.delete(html)) keptChars -= html.length;
}

/**
 * The parsed page: a kept parse of the same text when there is one (then no longer kept
 * unless `keep`), else a fresh parse, kept for the next reader when `keep` is true.
 */
export function loadHtml(html: string, opts: { keep?: boolean } = {}): Tree {
  // cheerio keeps a parsed document as it is given: the same tree as cheerio.load(html) builds, read in runs.
  return cheerio.load(loadRoot(html, opts));
}

/** loadHtml's document without the cheerio wrapper (for readers of nodes). */
export function loadRoot(html: string, opts: { keep?: boolean } = {}): Document {
  const hit = kept.get(html);
  if (hit) {
    drop(html);
    if (opts.keep) remember(html, hit);
    return hit;
  }
  const doc = parseDom(html);
  if (opts.keep) remember(html, doc);
  return doc;
}

/** A kept parse of this text, taken (no longer kept): its root, or null when none is kept. */
export function takeKeptRoot(html: string): Document | null {
  if (!kept.size) return null; // nothing kept (parse, reparse): the page's text is not hashed to find that out
  const hit = kept.get(html);
  if (!hit) return null;
  drop(html);
  return hit;
}

function remember(html: string, doc: Document): void {
  if (html.length > KEEP_CHARS) return;
  kept.set(html, doc);
  keptChars += html.length;
  for (const key of kept.keys()) {
    if (keptChars <= KEEP_CHARS) break;
    drop(key);
  }
}
