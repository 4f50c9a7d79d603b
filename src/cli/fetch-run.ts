// `fetch`: discover disclosures on force websites, download pages and attachments politely,
// parse them and keep everything in the store. `refresh` calls runFetch too.
import { UsageError } from './errors.js';
import { createLog, type Log } from './log.js';
import { startHarvestProgress, wantsProgress } from './progress.js';
import { parseUserDate } from '../sources/dates.js';
import { platformConfig } from '../sources/platforms.js';
import { FORCES, findForce, listingUrl, supportedForces, type Force } from '../sources/registry.js';
import type { Store } from '../store/store.js';
import type { CrawlContext, ForceTarget, PageIndex } from '../harvest/crawl.js';
import { emptyForceSummary, statusClasses, type FetchFailure, type FetchSummary, type ForceSummary } from '../harvest/summary.js';

export type { FetchSummary } from '../harvest/summary.js';

export interface FetchOptions {
  /** Force ids or aliases; default: every supported force (or, with --base-url, the forces it names). */
  force?: string[];
  since?: string;
  match?: string;
  limit?: string | number;
  /** Store path, default ./foi-harvest.db. */
  store?: string;
  userAgent?: string;
  /** Per-host delay between requests, ms (default 1000). */
  delay?: string | number;
  /** Requests in flight across hosts (default: one per host fetched, at most 64). */
  concurrency?: string | number;
  /** `<force>=<url>`, repeatable; `whatdotheyknow=<url>` points --source whatdotheyknow at a mirror. */
  baseUrl?: string[];
  /** `forces` (default: the forces' own disclosure logs) or `whatdotheyknow` (their requests there). */
  source?: string;
  /**
   * Conditional GET of every known page and a fresh robots.txt (the full check, e.g. weekly),
   * instead of trusting listing pages that did not change and robots.txt fetched within 24 h.
   */
  recheck?: boolean;
  logFormat?: string;
  /** Debug lines too: one per disclosure outcome (`--verbose`). */
  verbose?: boolean;
  /** A progress bar on stderr (default: when stderr is a terminal and the log is text). */
  progress?: boolean;
  /** For callers in code (tests, demo): backoff base and per-request timeout of the HTTP client. */
  retryBaseMs?: number;
  timeoutMs?: number;
  /** Where log lines go; default: stderr, as text or JSON lines per logFormat (a refresh passes its own, so one run id). */
  log?: Log;
}

interface Plan {
  source: 'forces' | 'whatdotheyknow';
  targets: Array<ForceTarget & { wdtkBase?: string }>;
  since: string | null;
  limit: number | null;
  delayMs: number;
  concurrency: number;
  recheck: boolean;
  logFormat: 'text' | 'json';
}

function positiveInt(name: string, v: string | number | undefined, min: number): number | null {
  if (v === undefined || v === null || v === '') return null;
  const n = typeof v === 'number' ? v : Number(String(v).trim());
  if (!Number.isInteger(n) || n < min) throw new UsageError(`fetch: ${name} must be a whole number${min > 0 ? ` of at least ${min}` : ' (0 or more)'}, not "${v}"`);
  return n;
}

function lookupForce(key: string): Force {
  const f = findForce(key);
  if (!f) throw new UsageError(`fetch: unknown force "${key}" (run "foi-harvest forces" for the list)`);
  return f;
}

/**
 * The default --concurrency never exceeds this, so a run of many hosts keeps a bounded number
 * of sockets and parses in flight. 64 covers every host of a national run (the registry lists
 * 48 forces): at 32, 38 hosts left 6 waiting for a slot (crawl efficiency 0.8 vs 0.97, BENCHMARKS.md).
 */
export const MAX_DEFAULT_CONCURRENCY = 64;

/**
 * One request in flight per host fetched (capped): each host is already limited to one
 * request at a time with the delay between, so the global limit only needs to keep every
 * host busy. A fixed 4 left 40 hosts waiting on each other (BENCHMARKS.md, crawl efficiency).
 */
export function defaultConcurrency(targets: ForceTarget[]): number {
  const hosts = new Set(targets.map((t) => new URL(t.listingUrl).host));
  return Math.min(MAX_DEFAULT_CONCURRENCY, Math.max(1, hosts.size));
}

/** Checks every option before anything is fetched: bad usage is exit 2 with one line. */
export function planFetch(opts: FetchOptions): Plan {
  const source = (opts.source ?? 'forces').trim().toLowerCase();
  if (source !== 'forces' && source !== 'whatdotheyknow') throw new UsageError(`fetch: --source must be forces or whatdotheyknow, not "${opts.source}"`);
  const bases = new Map<string, string>();
  let wdtkBase = platformConfig('whatdotheyknow')!.base_url!;
  for (const spec of opts.baseUrl ?? []) {
    const eq = spec.indexOf('=');
    if (eq <= 0) throw new UsageError(`fetch: --base-url "${spec}" must be <force>=<url>`);
    const key = spec.slice(0, eq).trim();
    if (key.toLowerCase() === 'whatdotheyknow') {
      const url = spec.slice(eq + 1).trim();
      let u: URL;
      try {
        u = new URL(url);
      } catch {
        throw new UsageError(`fetch: --base-url for whatdotheyknow: "${url}" is not a URL`);
      }
      if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new UsageError(`fetch: --base-url for whatdotheyknow: "${url}" must be http(s)`);
      wdtkBase = `${u.origin}${u.pathname.replace(/\/+$/, '')}`;
      continue;
    }
    const force = lookupForce(key);
    const url = spec.slice(eq + 1).trim();
    let u: URL;
    try {
      u = new URL(url);
    } catch {
      throw new UsageError(`fetch: --base-url for ${force.id}: "${url}" is not a URL`);
    }
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new UsageError(`fetch: --base-url for ${force.id}: "${url}" must be http(s)`);
    bases.set(force.id, u.toString());
  }
  let forces: Force[];
  if (opts.force?.length) {
    forces = [];
    for (const key of opts.force.flatMap((k) => k.split(',')).map((k) => k.trim()).filter(Boolean)) {
      const f = lookupForce(key);
      if (source === 'whatdotheyknow') {
        if (!f.whatdotheyknow) throw new UsageError(`fetch: force "${f.id}" has no WhatDoTheyKnow authority in the registry`);
      } else if (!f.supported && !bases.has(f.id)) throw new UsageError(`fetch: force "${f.id}" is not supported yet (its disclosures are not on a site fetch can read)`);
      if (!forces.includes(f)) forces.push(f);
    }
  } else if (source === 'whatdotheyknow') {
    // Every force has an authority there, supported own log or not.
    forces = FORCES.filter((f) => f.whatdotheyknow);
  } else if (bases.size) {
    // Pointing forces at a mirror without --force means "fetch those": never the whole web.
    forces = [...bases.keys()].map((id) => lookupForce(id));
  } else forces = supportedForces();

  let since: string | null = null;
  if (opts.since !== undefined && opts.since !== '') {
    since = parseUserDate(String(opts.since));
    if (!since) throw new UsageError(`fetch: --since "${opts.since}" is not a date (use YYYY-MM-DD)`);
  }
  const logFormat = (opts.logFormat ?? 'text').toLowerCase();
  if (logFormat !== 'text' && logFormat !== 'json') throw new UsageError(`fetch: --log-format must be text or json, not "${opts.logFormat}"`);
  if (opts.match !== undefined && !String(opts.match).trim()) throw new UsageError('fetch: --match needs a text or a topic id');
  const targets = forces.map((force) => {
    if (source === 'whatdotheyknow') return { force, baseUrl: wdtkBase, wdtkBase, listingUrl: `${wdtkBase}/body/${force.whatdotheyknow!.url_name}` };
    const baseUrl = bases.get(force.id) ?? null;
    // --since goes to the listing's own date filter where it has one; item dates are still checked.
    return { force, baseUrl, listingUrl: listingUrl(force, baseUrl, since) };
  });
  return {
    source,
    targets,
    since,
    limit: positiveInt('--limit', opts.limit, 1),
    delayMs: positiveInt('--delay', opts.delay, 0) ?? 1000,
    concurrency: positiveInt('--concurrency', opts.concurrency, 1) ?? defaultConcurrency(targets),
    recheck: opts.recheck === true,
    logFormat,
  };
}

function buildPageIndex(store: Store): PageIndex {
  const index: PageIndex = new Map();
  const states = store.sourceStates();
  for (const id of store.disclosureIds()) {
    const sources = store.sourcesOf(id);
    const page = sources.find((s) => s.role === 'page');
    if (page) index.set(page.url, { id, sources, state: states.get(id) ?? null });
  }
  return index;
}

export async function runFetch(opts: FetchOptions): Promise<FetchSummary> {
  const plan = planFetch(opts);
  const log = opts.log ?? createLog({ format: plan.logFormat, verbose: opts.verbose });
  const { Store } = await import('../store/store.js');
  const { PoliteClient } = await import('../http/client.js');
  const { DocumentFetcher } = await import('../harvest/documents.js');
  const { crawlForce } = await import('../harvest/crawl.js');
  const { crawlWhatDoTheyKnow } = await import('../harvest/whatdotheyknow.js');
  const { makeMatcher } = await import('../harvest/match.js');

  const storePath = opts.store ?? './foi-harvest.db';
  const store = Store.open(storePath);
  const client = new PoliteClient({
    userAgent: opts.userAgent,
    delayMs: plan.delayMs,
    concurrency: plan.concurrency,
    ...(opts.retryBaseMs !== undefined ? { retryBaseMs: opts.retryBaseMs } : {}),
    ...(opts.timeoutMs !== undefined ? { timeoutMs: opts.timeoutMs } : {}),
    robotsCache: {
      // --recheck asks every host again (and keeps the new answer).
      get: (origin) => (plan.recheck ? null : store.cachedRobots(origin)),
      put: (origin, status, body) => store.putRobots(origin, status, body),
    },
  });
  const args = {
    source: plan.source,
    force: plan.targets.map((t) => t.force.id),
    since: plan.since,
    match: opts.match ?? null,
    limit: plan.limit,
    delay: plan.delayMs,
    concurrency: plan.concurrency,
    recheck: plan.recheck,
    baseUrl: Object.fromEntries(plan.targets.filter((t) => t.baseUrl).map((t) => [t.force.id, t.baseUrl])),
  };
  const runId = store.startRun('fetch', args);
  log('info', 'run-start', `fetch: ${plan.targets.length} force${plan.targets.length === 1 ? '' : 's'} into ${storePath}`, { command: 'fetch', store: storePath, store_run: runId, args });
  store.groupCommits(); // one commit per group of writes, not per document (perf)
  const failures: FetchFailure[] = [];
  const forces: Record<string, ForceSummary> = {};
  const bar = await startHarvestProgress(plan.targets.length, opts.progress ?? wantsProgress({ isTTY: process.stderr.isTTY, env: process.env, logFormat: plan.logFormat }));
  const ticker = setInterval(() => bar.requests(client.stats.requests), 250);
  ticker.unref();
  // The bar follows the crawl through its log: every disclosure outcome is a debug line.
  const crawlLog: Log = Object.assign(
    (level: Parameters<Log>[0], event: string, message: string, fields: Record<string, unknown> = {}) => {
      if (event === 'disclosure' && typeof fields.force === 'string' && fields.outcome !== 'robots' && fields.outcome !== 'skipped') bar.disclosure(fields.force);
      log(level, event, message, fields);
    },
    { run: log.run, format: log.format },
  );
  try {
    const ctx: CrawlContext = {
      fetcher: new DocumentFetcher(client, store, runId),
      store,
      runId,
      since: plan.since,
      matcher: opts.match ? makeMatcher(String(opts.match)) : null,
      limit: plan.limit,
      pageIndex: buildPageIndex(store),
      recheck: plan.recheck,
      log: crawlLog,
    };
    await Promise.all(
      plan.targets.map(async (t) => {
        const fs = (forces[t.force.id] = emptyForceSummary());
        try {
          if (t.wdtkBase) await crawlWhatDoTheyKnow({ ...ctx, http: client }, { ...t, wdtkBase: t.wdtkBase }, fs, failures);
          else await crawlForce(ctx, t, fs, failures);
        } catch (e) {
          // A bug or a store error for one force must not lose the others' work.
          fs.failures++;
          const reason = e instanceof Error ? e.message.split('\n')[0] : String(e);
          failures.push({ force: t.force.id, url: t.listingUrl, reason });
          log('warn', 'failure', `${t.force.id}: ${reason}`, { force: t.force.id, reason });
        }
        bar.forceDone();
      }),
    );
    clearInterval(ticker);
    bar.requests(client.stats.requests);
    bar.stop();
    // The same response from two sources (a force's log and WhatDoTheyKnow): both rows say so.
    store.linkDuplicates(runId);
    const stats = client.stats;
    const total = { new: 0, changed: 0, unchanged: 0 };
    for (const f of Object.values(forces)) {
      total.new += f.new;
      total.changed += f.changed;
      total.unchanged += f.unchanged;
    }
    const warnings = [
      ...Object.entries(forces)
        .filter(([, f]) => f.zeroItemWarnings > 0)
        .map(([id]) => `${id}: a listing page listed no disclosures — the site has probably changed`),
      // Harvested all the same, but the configured selectors no longer fit: say so, every run.
      ...Object.entries(forces)
        .filter(([, f]) => f.discovery.items === 'url-pattern' || f.discovery.items === 'link-text')
        .map(([id, f]) => `${id}: the listing's selectors matched nothing; items were found by ${f.discovery.items} — the site has probably changed its markup`),
      ...Object.entries(forces).filter(([, f]) => f.listingCapped).map(([id]) => `${id}: stopped at the listing page cap with a next page still to read (endless pagination?)`),
      ...Object.values(stats.hostsGivenUp),
    ];
    const ordered = Object.fromEntries(plan.targets.map((t) => [t.force.id, forces[t.force.id]]));
    const stored = total.new + total.changed + total.unchanged;
    const summary: FetchSummary = {
      runId,
      store: storePath,
      status: failures.length === 0 && warnings.length === 0 ? 'ok' : stored > 0 ? 'partial' : 'failed',
      requests: stats.requests,
      responses: statusClasses(stats.byStatus),
      retries: stats.retries,
      robotsBlocked: stats.robotsBlocked,
      bytes: stats.bytes,
      disclosures: total,
      failures: failures.sort((a, b) => (a.force + a.url < b.force + b.url ? -1 : 1)),
      warnings,
      forces: ordered,
    };
    store.finishRun(runId, summary, summary.status);
    // Nothing stored and something failed: the run failed, it did not half-work — an error, not a warning.
    if (failures.length > 0 && stored === 0) {
      const first = summary.failures[0];
      log('error', 'run-failed', `fetch: nothing could be fetched: ${failures.length} failure${failures.length === 1 ? '' : 's'} (first: ${first.url}: ${first.reason})`, { failures: failures.length });
    }
    log('info', 'run-finish', `fetch: ${summary.status}`, { command: 'fetch', status: summary.status, summary });
    return summary;
  } catch (e) {
    store.finishRun(runId, { error: e instanceof Error ? e.message : String(e) }, 'failed');
    log('info', 'run-finish', `fetch: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`, { command: 'fetch', status: 'failed' });
    throw e;
  } finally {
    clearInterval(ticker);
    bar.stop();
    await client.close();
    store.close();
  }
}
