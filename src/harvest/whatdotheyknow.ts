// One force's requests on WhatDoTheyKnow: walk the authority's request list, read each
// request's JSON and page, keep the authority's responses and their attachments, and store the
// result as a disclosure `whatdotheyknow/<url_title>` whose outcome follows described_state.
// The request list, JSON and page carry people's names, so their bytes are read and dropped,
// never stored: what is kept is the document built without names (document.ts) and the
// authority's attachments.
import { decodeText } from '../documents/decode.js';
import { takeKeptRoot } from '../readers/html-tree.js';
import { assembleDisclosure, type SourceDoc } from '../pipeline/assemble.js';
import { listingAdapter, listedState, listedUpdate, parseRequestJson, threadMessages } from '../sources/whatdotheyknow/pages.js';
import { buildRequestDocument } from '../sources/whatdotheyknow/document.js';
import type { SourceRef } from '../store/store.js';
import type { CrawlContext, ForceTarget } from './crawl.js';
import { FetchFailed, type HttpGetter } from './documents.js';
import { withSource } from './source-facts.js';
import type { FetchFailure, ForceSummary } from './summary.js';

const MAX_LISTING_PAGES = 500;

export interface WdtkTarget extends ForceTarget {
  /** The site's root (https://www.whatdotheyknow.com or a mirror). */
  wdtkBase: string;
}

async function getText(http: HttpGetter, url: string, allowed: string[]): Promise<{ text: string; finalUrl: string }> {
  try {
    const res = await http.get({ url, allowedHosts: allowed });
    if (!res.bytes) throw new Error(`HTTP ${res.status} with no body`);
    return { text: decodeText(res.bytes, res.contentType, true).text, finalUrl: res.url };
  } catch (e) {
    const err = e as { reason?: string; message?: string };
    throw new FetchFailed(url, err.reason === 'robots' ? 'disallowed by robots.txt' : (err.message ?? String(e)).split('\n')[0], err.reason === 'robots', err.reason === 'blocked');
  }
}

export async function crawlWhatDoTheyKnow(ctx: CrawlContext & { http: HttpGetter }, target: WdtkTarget, summary: ForceSummary, failures: FetchFailure[]): Promise<void> {
  const { force } = target;
  const allowed = [new URL(target.wdtkBase).host];
  const adapter = listingAdapter();
  const fail = (url: string, reason: string) => {
    summary.failures++;
    failures.push({ force: force.id, url, reason });
    ctx.log('warn', 'failure', `${force.id}: ${url}: ${reason}`, { force: force.id, url, reason, source: 'whatdotheyknow' });
  };
  const seen = new Set<string>();
  let attempted = 0;
  let pageUrl: string | null = target.listingUrl;
  while (pageUrl && summary.listingPages < MAX_LISTING_PAGES && !seen.has(pageUrl)) {
    seen.add(pageUrl);
    let listing: { text: string; finalUrl: string };
    try {
      listing = await getText(ctx.http, pageUrl, allowed);
    } catch (e) {
      const f = e as FetchFailed;
      if (f.blocked) summary.blocked = true;
      fail(pageUrl, `request list: ${f.reason ?? String(e)}`);
      return;
    }
    summary.listingPages++;
    const found = adapter.discover(listing.text, listing.finalUrl);
    if (summary.discovery.items === null || (found.via !== 'selectors' && found.via !== 'none')) summary.discovery.items = found.via;
    summary.listed += found.items.length;
    if (!found.items.length) {
      takeKeptRoot(listing.text); // kept by discover for nextPage, which is not called
      // An authority with no requests lists none on its first page: not a changed site.
      if (summary.listingPages > 1) summary.zeroItemWarnings++;
      break;
    }
    let reachedOlder = false;
    for (const item of found.items) {
      if (ctx.limit !== null && attempted >= ctx.limit) break;
      // Requests made before --since are skipped; the walk ends at one not even updated since
      // (the list may be ordered by last update rather than by request date).
      if (ctx.since && item.date && item.date < ctx.since) {
        summary.skipped.since++;
        const updated = listedUpdate(item.summary);
        if (!updated || updated < ctx.since) reachedOlder = true;
        continue;
      }
      if (ctx.matcher && ctx.matcher.onListing(item.title, null) === false) {
        summary.skipped.match++;
        continue;
      }
      attempted++;
      const known = ctx.pageIndex.get(item.url);
      const state = listedState(item.summary);
      if (!ctx.recheck && known && state && known.state === state && known.sources.every((s) => s.sha256 !== null && !s.error)) {
        summary.unchanged++;
        summary.disclosures++;
        continue;
      }
      await harvestRequest(ctx, target, allowed, item.url, summary, fail);
    }
    if (reachedOlder || (ctx.limit !== null && attempted >= ctx.limit)) {
      takeKeptRoot(listing.text); // kept by discover for nextPage, which is not called
      break;
    }
    pageUrl = adapter.nextPage(listing.text, listing.finalUrl);
  }
}

async function harvestRequest(
  ctx: CrawlContext & { http: HttpGetter },
  target: WdtkTarget,
  allowed: string[],
  requestUrl: string,
  summary: ForceSummary,
  fail: (url: string, reason: string) => void,
): Promise<void> {
  const { force } = target;
  const jsonUrl = `${requestUrl.replace(/\/+$/, '')}.json`;
  let req;
  let page;
  try {
    req = parseRequestJson((await getText(ctx.http, jsonUrl, allowed)).text);
    page = await getText(ctx.http, requestUrl, allowed);
  } catch (e) {
    const f = e instanceof FetchFailed ? e : new FetchFailed(jsonUrl, e instanceof Error ? e.message : String(e), false);
    if (f.robots) {
      summary.skipped.robots++;
      return;
    }
    fail(f.url, f.reason);
    return;
  }
  const built = buildRequestDocument(req, threadMessages(page.text, page.finalUrl), requestUrl);
  const attachments: Array<SourceDoc & { sha256: string | null }> = [];
  for (const a of built.attachments) {
    try {
      const f = await ctx.fetcher.get(a.url, allowed);
      attachments.push({ url: a.url, bytes: f.bytes, contentType: f.contentType, name: a.name, sha256: f.sha256 });
    } catch (e) {
      const f = e instanceof FetchFailed ? e : new FetchFailed(a.url, String(e), false);
      if (f.robots) summary.skipped.robots++;
      else fail(a.url, `attachment: ${f.reason}`);
      attachments.push({ url: a.url, bytes: null, error: f.reason, name: a.name, sha256: null });
    }
  }
  const bytes = new TextEncoder().encode(built.html);
  const contentType = 'text/html; charset=utf-8';
  const sha = ctx.store.putDocument(bytes, 'text/html');
  try {
    const parsed = await assembleDisclosure({ url: requestUrl, bytes, contentType }, attachments, force.id);
    const id = `whatdotheyknow/${req.url_title}`;
    const d = withSource(parsed, { source: 'whatdotheyknow', source_state: req.described_state, id, duplicate_of: ctx.store.duplicateOf(id) });
    const sources: SourceRef[] = [
      { role: 'page', url: requestUrl, sha256: sha, contentType },
      ...attachments.map((a) => ({ role: 'attachment' as const, url: a.url, sha256: a.sha256, contentType: a.contentType ?? null, name: a.name ?? null, error: a.error ?? null })),
    ];
    const result = ctx.store.upsertDisclosure(d, sources, ctx.runId);
    ctx.pageIndex.set(requestUrl, { id: d.id, sources, state: req.described_state });
    summary[result]++;
    summary.disclosures++;
  } catch (e) {
    fail(requestUrl, `cannot build the disclosure: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
  }
}
