// One force's harvest: walk its listing pages (newest first) with the platform adapter,
// pick the items wanted (--since, --match, --limit), fetch each disclosure page and its
// attachments, and turn them into stored disclosures — skipping all parsing when neither
// the page nor any attachment changed since the last run.
//
// A re-run trusts the listing: an item on a listing page that is unchanged since the last
// run (304, or the same bytes), and that the store already holds complete, is not requested
// again; once a whole listing page is like that, nothing newer was added (listings are
// newest first), so the older pages are read from the store's copies rather than the site.
// New items, items on a changed listing page, and items whose last harvest was incomplete
// are fetched as before. A page edited in place without any change to its listing is
// therefore only seen by `--recheck` (a conditional GET of every page), e.g. weekly.
import { decodeFetched } from '../documents/decode.js';
import { assembleDisclosure, type SourceDoc } from '../pipeline/assemble.js';
import { readHtml } from '../readers/html.js';
import { takeKeptRoot } from '../readers/html-tree.js';
import { adapterFor, type Adapter, type DiscoveryVia, type ListingItem } from '../sources/adapters/index.js';
import { rebaseUrl, type Force } from '../sources/registry.js';
import type { SourceRef, Store } from '../store/store.js';
import { FetchFailed, type DocumentFetcher, type Fetched } from './documents.js';
import type { Matcher } from './match.js';
import { withSource } from './source-facts.js';
import type { FetchFailure, ForceSummary } from './summary.js';

export interface HarvestLog {
  (level: 'debug' | 'info' | 'warn' | 'error', event: string, message: string, fields?: Record<string, unknown>): void;
}

/** What the store already knows of each disclosure page: the disclosure and the documents it was built from. */
export type PageIndex = Map<string, { id: string; sources: SourceRef[]; state?: string | null }>;

export interface CrawlContext {
  fetcher: DocumentFetcher;
  store: Store;
  runId: number;
  since: string | null;
  matcher: Matcher | null;
  /** At most this many disclosures per force. */
  limit: number | null;
  pageIndex: PageIndex;
  /** Conditional GET of every known page (`--recheck`), instead of trusting unchanged listing pages. */
  recheck: boolean;
  log: HarvestLog;
}

export interface ForceTarget {
  force: Force;
  listingUrl: string;
  /** The mirror or local server the force is read from (`--base-url`), or null for its own site. */
  baseUrl: string | null;
}

/**
 * A listing should never run longer than this; a site that paginates forever is stopped here,
 * with a warning. FOI_HARVEST_MAX_LISTING_PAGES lowers it (tests, a quick look at a big log).
 */
const MAX_LISTING_PAGES = 2000;
const listingCap = () => Number(process.env.FOI_HARVEST_MAX_LISTING_PAGES) || MAX_LISTING_PAGES;

/** Hosts requests (and redirects) may go to: the mirror's alone, or the force's own. */
export function allowedHostsFor(force: Force, baseUrl: string | null): string[] {
  if (baseUrl) return [new URL(baseUrl).host];
  const hosts = new Set<string>([new URL(force.disclosure_log_url).host]);
  for (const h of force.hosts) if (!h.includes('/')) hosts.add(h);
  return [...hosts];
}

function hostAllowed(url: string, allowed: string[]): boolean {
  const u = new URL(url);
  return allowed.some((h) => {
    const host = h.includes(':') ? u.host : u.hostname;
    return host === h || host.endsWith(`.${h}`);
  });
}

/**
 * On a mirror, links that point at the force's real site (WordPress prints absolute URLs)
 * are read from the mirror instead.
 */
export function toMirror(url: string, force: Force, baseUrl: string | null): string {
  if (!baseUrl) return url;
  const host = new URL(url).hostname.toLowerCase();
  const own = force.hosts.some((h) => !h.includes('/') && (host === h || host.endsWith(`.${h}`)));
  return own ? rebaseUrl(url, baseUrl) : url;
}

// Remembered for the HTML reader, which decodes the same bytes again (nothing writes to fetched bytes).
const html = (f: Fetched) => decodeFetched(f.bytes, f.contentType, true).text;

/** Keeps the first page's way of finding items, and every fallback used on any page. */
function noteDiscovery(summary: ForceSummary, via: DiscoveryVia): void {
  if (summary.discovery.items === null) summary.discovery.items = via;
  else if (via !== 'selectors' && via !== 'none' && summary.discovery.items === 'selectors') summary.discovery.items = via;
}

/** Stored with every source read: nothing to retry. */
function complete(known: { sources: SourceRef[] } | undefined): boolean {
  return !!known && known.sources.every((s) => s.sha256 !== null && !s.error);
}

export async function crawlForce(ctx: CrawlContext, target: ForceTarget, summary: ForceSummary, failures: FetchFailure[]): Promise<void> {
  const { force, baseUrl } = target;
  const adapter = adapterFor(force);
  const allowed = allowedHostsFor(force, baseUrl);
  const fail = (url: string, reason: string) => {
    summary.failures++;
    failures.push({ force: force.id, url, reason });
    ctx.log('warn', 'failure', `${force.id}: ${url}: ${reason}`, { force: force.id, url, reason });
  };
  // One debug line per disclosure outcome (shown with --verbose; the progress bar counts them).
  const outcome = (url: string, result: string, id?: string) =>
    ctx.log('debug', 'disclosure', `${force.id}: ${url}: ${result}`, { force: force.id, url, outcome: result, ...(id ? { id } : {}) });
  const seenPages = new Set<string>();
  const seenItems = new Set<string>();
  let attempted = 0;
  const builds = new BuildQueue((e) => fail(target.listingUrl, `cannot build a disclosure: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`));
  try {
    await walkListing();
  } finally {
    await builds.drain();
  }

  async function walkListing(): Promise<void> {
    // Set once a listing page was unchanged with every item on it already stored: the pages
    // after it are read from the store (still fetched when the store has no copy of one).
    let settled = false;
    let pageUrl: string | null = target.listingUrl;
    const cap = listingCap();
    while (pageUrl) {
      if (seenPages.has(pageUrl)) break;
      if (summary.listingPages >= cap) {
        // Still a next page after the cap: endless (or enormous) pagination, said, not hidden.
        summary.listingCapped = true;
        ctx.log('warn', 'listing_cap', `${force.id}: stopped after ${cap} listing pages, and the listing still had a next page (${pageUrl}): the site may paginate forever`, {
          force: force.id,
          url: pageUrl,
          pages: cap,
        });
        break;
      }
      seenPages.add(pageUrl);
      let listing: Fetched;
      try {
        listing = (settled ? ctx.fetcher.stored(pageUrl) : null) ?? (await ctx.fetcher.get(pageUrl, allowed));
      } catch (e) {
        if (e instanceof FetchFailed && e.blocked) summary.blocked = true;
        fail(pageUrl, e instanceof FetchFailed ? `listing page: ${e.reason}` : String(e));
        break;
      }
      summary.listingPages++;
      const page = html(listing);
      const found = adapter.discover(page, listing.finalUrl);
      const items = found.items.map((it) => ({ ...it, url: toMirror(it.url, force, baseUrl) }));
      summary.listed += items.length;
      noteDiscovery(summary, found.via);
      if (found.via !== 'selectors' && found.via !== 'none') {
        ctx.log(
          'warn',
          'fallback',
          `${force.id}: listing page ${pageUrl}: the "${adapter.platform}" selectors matched nothing; ${items.length} item${items.length === 1 ? '' : 's'} found by ${found.via} instead — the site has probably changed its markup`,
          { force: force.id, url: pageUrl, platform: adapter.platform, via: found.via },
        );
      }
      if (items.length === 0) {
        takeKeptRoot(page); // no discoverNext will read this page's parse: not kept
        summary.zeroItemWarnings++;
        ctx.log(
          'warn',
          'zero_items',
          `${force.id}: listing page ${pageUrl} lists no disclosures — the site has probably changed (check the "${adapter.platform}" selectors in platforms.json / forces.json)`,
          { force: force.id, url: pageUrl, platform: adapter.platform },
        );
        break;
      }
      // The next page's address now, while this page's parse is at hand: taking it here lets the
      // tree go before the items are fetched, rather than live (and be copied by every young-
      // generation GC) through seconds of polite waiting.
      const next = adapter.discoverNext(page, listing.finalUrl);
      const trustListing = !ctx.recheck && !listing.changed;
      let requested = false;
      let reachedOlder = false;
      for (const item of items) {
        if (ctx.limit !== null && attempted >= ctx.limit) break;
        if (seenItems.has(item.url)) continue;
        seenItems.add(item.url);
        // Listings are newest first: an item older than --since means the rest are older too.
        // An undated item is kept: nothing says it is too old.
        if (ctx.since && item.date && item.date < ctx.since) {
          summary.skipped.since++;
          reachedOlder = true;
          continue;
        }
        const onListing = ctx.matcher ? ctx.matcher.onListing(item.title, item.summary) : true;
        if (onListing === false) {
          summary.skipped.match++;
          continue;
        }
        if (trustListing && complete(ctx.pageIndex.get(item.url))) {
          summary.unchanged++;
          summary.disclosures++;
          attempted++;
          outcome(item.url, 'unchanged', ctx.pageIndex.get(item.url)!.id);
          continue;
        }
        const done = await fetchItem(ctx, target, adapter, allowed, item, onListing === null, summary, fail, outcome);
        if (typeof done !== 'function') outcome(item.url, done, done === 'unchanged' ? ctx.pageIndex.get(item.url)?.id : undefined);
        if (done !== 'robots') requested = true;
        if (done !== 'skipped' && done !== 'robots') attempted++;
        if (typeof done === 'function') await builds.add(done);
      }
      if (trustListing && !requested) settled = true;
      if (reachedOlder || (ctx.limit !== null && attempted >= ctx.limit)) break;
      if (next.via && next.via !== 'selectors' && !summary.discovery.paging.includes(next.via)) summary.discovery.paging.push(next.via);
      pageUrl = next.url ? toMirror(next.url, force, baseUrl) : null;
    }
  }
}

/**
 * One force's builds, run in order one after another, beside its requests; at most
 * MAX_PENDING_BUILDS wait at once (each holds a page and its attachments in memory), so a
 * fetch that outruns parsing waits for it.
 */
class BuildQueue {
  private tail: Promise<void> = Promise.resolve();
  private pending = 0;
  constructor(private readonly onError: (e: unknown) => void) {}

  async add(build: Build): Promise<void> {
    this.pending++;
    // setImmediate: let the caller queue this host's next request before the build's CPU work starts.
    this.tail = this.tail
      .then(() => new Promise<void>((r) => setImmediate(r)))
      .then(build)
      .catch(this.onError)
      .finally(() => this.pending--);
    if (this.pending >= MAX_PENDING_BUILDS) await this.tail;
  }

  drain(): Promise<void> {
    return this.tail;
  }
}

const MAX_PENDING_BUILDS = 4;

/** 'robots': disallowed by robots.txt, so nothing was requested. */
type ItemResult = 'new' | 'changed' | 'unchanged' | 'failed' | 'skipped' | 'robots';
/** Parses what was fetched and stores the disclosure (CPU and the store; no request). */
type Build = () => Promise<void>;

/**
 * Fetches an item's page and attachments. Returns the outcome when nothing is left to do,
 * or the build that turns the bytes into a stored disclosure: the caller runs it while
 * this host's next request waits out its delay, so parsing never holds a host's queue up.
 */
async function fetchItem(
  ctx: CrawlContext,
  target: ForceTarget,
  adapter: Adapter,
  allowed: string[],
  item: ListingItem,
  matchOnPage: boolean,
  summary: ForceSummary,
  fail: (url: string, reason: string) => void,
  outcome: (url: string, result: string, id?: string) => void,
): Promise<ItemResult | Build> {
  const { force, baseUrl } = target;
  if (!hostAllowed(item.url, allowed)) {
    fail(item.url, `listed page is outside the force's hosts (${allowed.join(', ')})`);
    return 'failed';
  }
  let page: Fetched;
  try {
    page = await ctx.fetcher.get(item.url, allowed);
  } catch (e) {
    if (e instanceof FetchFailed && e.robots) {
      summary.skipped.robots++;
      ctx.log('info', 'robots', `${force.id}: ${item.url}: blocked by robots.txt, not fetched`, { force: force.id, url: item.url });
      return 'robots';
    }
    fail(item.url, e instanceof FetchFailed ? e.reason : String(e));
    return 'failed';
  }
  const pageHtml = html(page);
  if (matchOnPage && !ctx.matcher!.onPage(readHtml(pageHtml, page.finalUrl).text)) {
    summary.skipped.match++;
    return 'skipped';
  }

  // Attachments: documents linked from the page's content on the force's own hosts (links
  // to ICO guidance and the like are not part of the disclosure). A mirror serves them, but
  // the disclosure cites each as the page prints it, so both harvests give the same rows.
  const links = adapter
    .attachmentLinks(pageHtml, page.url)
    .map((l) => ({ url: l.url, name: l.name, fetchUrl: toMirror(l.url, force, baseUrl) })) // a literal: a spread then a new key is V8's slow path
    .filter((l) => hostAllowed(l.fetchUrl, allowed));
  const attachments: Array<SourceDoc & { sha256: string | null; changed: boolean }> = [];
  let attachmentFailed = false;
  for (const link of links) {
    try {
      const f = await ctx.fetcher.get(link.fetchUrl, allowed);
      attachments.push({ url: link.url, bytes: f.bytes, contentType: f.contentType, name: link.name, sha256: f.sha256, changed: f.changed });
    } catch (e) {
      const failed = e instanceof FetchFailed ? e : new FetchFailed(link.fetchUrl, String(e), false);
      if (failed.robots) summary.skipped.robots++;
      else {
        fail(link.fetchUrl, `attachment: ${failed.reason}`);
        attachmentFailed = true;
      }
      // Keep what an earlier run fetched rather than replace good rows with a gap.
      const state = ctx.store.urlState(link.fetchUrl);
      const bytes = state?.sha256 ? ctx.store.getDocument(state.sha256) : null;
      if (bytes && !failed.robots) attachments.push({ url: link.url, bytes, contentType: state!.contentType, name: link.name, sha256: state!.sha256, changed: false });
      else attachments.push({ url: link.url, bytes: null, error: failed.reason, name: link.name, sha256: null, changed: true });
    }
  }

  const known = ctx.pageIndex.get(item.url);
  if (known && !page.changed && attachments.every((a) => !a.changed) && sameAttachments(known.sources, attachments)) {
    // attachmentLinks kept the page's parse for the HTML reader; no build follows to take it.
    takeKeptRoot(pageHtml);
    summary.unchanged++;
    summary.disclosures++;
    return 'unchanged';
  }

  return async () => {
    let result: 'new' | 'changed' | 'unchanged';
    try {
      const parsed = await assembleDisclosure({ url: item.url, bytes: page.bytes, contentType: page.contentType }, attachments, force.id);
      // duplicate_of is the store's to keep (linkDuplicates, end of run): a re-parse must not flip it.
      const d = withSource(parsed, { source: adapter.platform, source_state: null, duplicate_of: ctx.store.duplicateOf(parsed.id) });
      const sources: SourceRef[] = [
        { role: 'page', url: item.url, sha256: page.sha256, contentType: page.contentType },
        ...attachments.map((a) => ({ role: 'attachment' as const, url: a.url, sha256: a.sha256, contentType: a.contentType ?? null, name: a.name ?? null, error: a.error ?? null })),
      ];
      result = ctx.store.upsertDisclosure(d, sources, ctx.runId);
      // The page now yields a disclosure under another id (say, a reference is now read):
      // the old record is replaced, not left beside it as a duplicate.
      if (known && known.id !== d.id) ctx.store.removeDisclosure(known.id, ctx.runId);
      ctx.pageIndex.set(item.url, { id: d.id, sources });
    } catch (e) {
      fail(item.url, `cannot build the disclosure: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
      outcome(item.url, 'failed');
      return;
    }
    summary[result]++;
    summary.disclosures++;
    outcome(item.url, result, ctx.pageIndex.get(item.url)?.id);
  };
}

function sameAttachments(before: SourceRef[], now: Array<{ url: string; sha256: string | null }>): boolean {
  const a = before.filter((s) => s.role === 'attachment').map((s) => `${s.url} ${s.sha256}`);
  const b = now.map((s) => `${s.url} ${s.sha256}`);
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
