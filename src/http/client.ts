// The polite HTTP client (SPEC §8): names itself, obeys robots.txt, fetches one request at
// a time per host with a delay, a few hosts at once, retries what may recover (429, 5xx,
// timeouts, resets, truncated bodies) with backoff, follows redirects only to allowed
// hosts, caps size and time, and makes conditional GETs so unchanged pages cost a 304.
import http from 'node:http';
import https from 'node:https';
import { onAbort } from './abort-hooks.js';
import { retryDelayMs, isRetryableStatus } from './backoff.js';
import { isBrowserChallenge } from './challenge.js';
import { FetchError } from './errors.js';
import { HostGate, Limiter } from './host-gate.js';
import { hostAllowed } from './hosts.js';
import {
  ALLOW_ALL,
  cacheableRobotsStatus,
  DISALLOW_ALL,
  freshRobots,
  ROBOTS_MAX_BYTES,
  robotsUrlFor,
  rulesForStatus,
  type RobotsCache,
  type RobotsRules,
} from './robots.js';
import { exchange, header, type Agents, type Exchange } from './transport.js';
import { DEFAULT_USER_AGENT, productToken } from './user-agent.js';

export { FetchError, type FetchErrorReason } from './errors.js';
export { DEFAULT_USER_AGENT } from './user-agent.js';

export interface ClientOptions {
  /** Default: DEFAULT_USER_AGENT (tool, version, contact). */
  userAgent?: string;
  /** Per host, from one request's end to the next one's start. Default 1000. */
  delayMs?: number;
  /** Hosts fetched at once. Default 4. */
  concurrency?: number;
  /** Per request, headers and body together. Default 30000. */
  timeoutMs?: number;
  /** Body cap, also after decompression. Default 50 MiB. */
  maxBytes?: number;
  /** Default 4. */
  maxRetries?: number;
  /** Backoff base. Default 1000. */
  retryBaseMs?: number;
  /** Cap on an honoured Retry-After. Default 120000. */
  maxRetryAfterMs?: number;
  /**
   * Per host: time spent on failed attempts and the waits after them, over all its URLs. A host
   * that keeps refusing (429/5xx, Retry-After: 999999, timeouts) past this is given up on for the
   * rest of the run, so one bad host costs minutes, not hours. Default 300000 (5 min).
   */
  hostRetryBudgetMs?: number;
  /** Default 5. */
  maxRedirects?: number;
  /** Default 32 KiB. */
  maxHeaderBytes?: number;
  /** robots.txt answers kept between runs (the store): one younger than 24 h is not fetched again. */
  robotsCache?: RobotsCache;
}

export interface GetRequest {
  url: string;
  /** Host suffixes (optionally host:port) redirects may go to. Default: the request's own host. */
  allowedHosts?: string[];
  etag?: string | null;
  lastModified?: string | null;
}

export interface GetResponse {
  /** Final URL, after redirects. */
  url: string;
  status: number;
  notModified: boolean;
  contentType: string | null;
  etag: string | null;
  lastModified: string | null;
  /** The decoded body; null for a 304. */
  bytes: Uint8Array | null;
  retries: number;
}

export interface ClientStats {
  /** HTTP requests sent, robots.txt and retries included. */
  requests: number;
  byStatus: Record<string, number>;
  retries: number;
  robotsBlocked: number;
  /** Body bytes received (decoded). */
  bytes: number;
  notModified: number;
  /** get() calls that threw. */
  failures: number;
  /** Hosts given up on (retry budget spent), with why. */
  hostsGivenUp: Record<string, string>;
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const ROBOTS_MAX_REDIRECTS = 5;

function parseHttpUrl(raw: string, base?: URL): URL | null {
  try {
    const u = new URL(raw, base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u : null;
  } catch {
    return null;
  }
}

export class PoliteClient {
  readonly stats: ClientStats = { requests: 0, byStatus: {}, retries: 0, robotsBlocked: 0, bytes: 0, notModified: 0, failures: 0, hostsGivenUp: {} };

  private readonly userAgent: string;
  private readonly token: string;
  private readonly timeoutMs: number;
  private readonly maxBytes: number;
  private readonly maxRetries: number;
  private readonly retryBaseMs: number;
  private readonly maxRetryAfterMs: number;
  private readonly maxRedirects: number;
  private readonly maxHeaderBytes: number;
  private readonly gate: HostGate;
  private readonly agents: Agents;
  private readonly robots = new Map<string, Promise<RobotsRules>>();
  /** The same rules once read: a request to a host whose robots.txt is known asks them without a turn of the event loop. */
  private readonly robotsRead = new Map<string, RobotsRules>();
  private readonly closing = new AbortController();
  private readonly robotsCache: RobotsCache | null;
  private readonly hostRetryBudgetMs: number;
  /** Per host: ms spent on failed attempts and retry waits. */
  private readonly retrySpent = new Map<string, number>();

  constructor(opts: ClientOptions = {}) {
    this.userAgent = opts.userAgent?.trim() || DEFAULT_USER_AGENT;
    this.token = productToken(this.userAgent);
    this.timeoutMs = opts.timeoutMs ?? 30_000;
    this.maxBytes = opts.maxBytes ?? 50 * 1024 * 1024;
    this.maxRetries = opts.maxRetries ?? 4;
    this.retryBaseMs = opts.retryBaseMs ?? 1000;
    this.maxRetryAfterMs = opts.maxRetryAfterMs ?? 120_000;
    this.maxRedirects = opts.maxRedirects ?? 5;
    this.maxHeaderBytes = opts.maxHeaderBytes ?? 32 * 1024;
    this.robotsCache = opts.robotsCache ?? null;
    this.hostRetryBudgetMs = opts.hostRetryBudgetMs ?? 300_000;
    this.gate = new HostGate(opts.delayMs ?? 1000, new Limiter(Math.max(1, opts.concurrency ?? 4)), (ms) => this.sleep(ms));
    this.agents = { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true }) };
  }

  async get(req: GetRequest): Promise<GetResponse> {
    try {
      return await this.follow(req);
    } catch (e) {
      this.stats.failures++;
      // A pause cut short by close() does not know which URL it was for.
      if (e instanceof FetchError && !e.url) throw new FetchError(e.reason, req.url, e.message, e.status);
      throw e;
    }
  }

  async close(): Promise<void> {
    this.closing.abort();
    this.agents.http.destroy();
    this.agents.https.destroy();
  }

  // --- redirects, status handling ---------------------------------------------------------

  private async follow(req: GetRequest): Promise<GetResponse> {
    if (this.closing.signal.aborted) throw new FetchError('network', req.url, 'client closed');
    let url = parseHttpUrl(req.url);
    if (!url) throw new FetchError('bad_url', req.url, 'not an http(s) URL');
    const allowed = req.allowedHosts?.length ? req.allowedHosts : [url.host];
    const seen = new Set<string>();
    let retries = 0;
    for (let hops = 0; ; hops++) {
      seen.add(url.href);
      const givenUp = this.stats.hostsGivenUp[url.host];
      if (givenUp) throw new FetchError('host_unavailable', url.href, givenUp);
      if (url.pathname !== '/robots.txt') this.obeyRobots(url, this.robotsRead.get(url.origin) ?? (await this.rulesFor(url)));
      const headers: Record<string, string> = {};
      if (req.etag) headers['if-none-match'] = req.etag;
      if (req.lastModified) headers['if-modified-since'] = req.lastModified;
      const { res, retries: r } = await this.withRetries(url, headers);
      retries += r;
      const status = res.status;
      if (REDIRECT_STATUSES.has(status)) {
        const location = header(res.headers, 'location');
        if (!location) throw new FetchError('http', url.href, `HTTP ${status} redirect without a Location`, status);
        const next = parseHttpUrl(location, url);
        if (!next) throw new FetchError('bad_url', url.href, `redirect to an unusable URL: ${location}`);
        if (!hostAllowed(next, allowed)) throw new FetchError('redirect_off_host', url.href, `redirect to ${next.host} is outside the allowed hosts (${allowed.join(', ')})`);
        if (seen.has(next.href)) throw new FetchError('redirect_loop', url.href, `redirect loop back to ${next.href}`);
        if (hops >= this.maxRedirects) throw new FetchError('redirect_loop', req.url, `more than ${this.maxRedirects} redirects`);
        url = next;
        continue;
      }
      // Object literals, not `{ ...base, more }`: a spread followed by new keys takes V8's slow
      // path (~2 µs a response, issue 17). The keys are in the same order as before.
      const contentType = header(res.headers, 'content-type');
      const etag = header(res.headers, 'etag');
      const lastModified = header(res.headers, 'last-modified');
      if (status === 304) {
        this.stats.notModified++;
        return { url: url.href, status, contentType, etag: etag ?? req.etag ?? null, lastModified: lastModified ?? req.lastModified ?? null, retries, notModified: true, bytes: null };
      }
      // A view of the body, not a copy of it (nothing writes to fetched bytes).
      if (status >= 200 && status < 300) {
        const body = res.body;
        return { url: url.href, status, contentType, etag, lastModified, retries, notModified: false, bytes: body ? new Uint8Array(body.buffer, body.byteOffset, body.byteLength) : new Uint8Array(0) };
      }
      if (isBrowserChallenge(status, res.headers, res.body)) throw new FetchError('blocked', url.href, `HTTP ${status}: blocked by a browser challenge (the site refuses scripted clients)`, status);
      throw new FetchError('http', url.href, `HTTP ${status}${http.STATUS_CODES[status] ? ` ${http.STATUS_CODES[status]}` : ''}`, status);
    }
  }

  // --- retries ---------------------------------------------------------------------------

  /**
   * One logical request: tries until a non-retryable answer or the retries run out. The
   * last retryable status is returned (the caller turns it into an error); the last
   * transient error is thrown.
   */
  private async withRetries(
    url: URL,
    headers: Record<string, string>,
    opts: { maxBytes?: number; overflow?: 'error' | 'truncate' } = {},
  ): Promise<{ res: Exchange; retries: number }> {
    const maxRetries = this.maxRetries;
    const host = url.host;
    for (let attempt = 0; ; attempt++) {
      let retryAfter: string | null = null;
      let wait = 0;
      const outcome: Exchange | FetchError = await this.gate.run(host, async () => {
        // Requests queued behind the one that spent the budget fail here, without a request.
        const givenUp = this.stats.hostsGivenUp[host];
        if (givenUp) return new FetchError('host_unavailable', url.href, givenUp);
        const started = Date.now();
        let res: Exchange | FetchError;
        try {
          res = await this.send(url, headers, opts);
          retryAfter = header(res.headers, 'retry-after');
        } catch (e) {
          if (!(e instanceof FetchError)) throw e;
          res = e;
        }
        const retryable = res instanceof FetchError ? res.transient && !this.closing.signal.aborted : isRetryableStatus(res.status) && !isBrowserChallenge(res.status, res.headers, res.body);
        if (!retryable || attempt >= maxRetries) {
          if (retryable) this.spend(host, Date.now() - started, 0, attempt);
          return res;
        }
        wait = retryDelayMs({ attempt, baseMs: this.retryBaseMs, retryAfter, maxRetryAfterMs: this.maxRetryAfterMs });
        if (!this.spend(host, Date.now() - started, wait, attempt)) return new FetchError('host_unavailable', url.href, this.stats.hostsGivenUp[host]);
        // The server's Retry-After holds for the whole host, not just this URL.
        if (retryAfter !== null && !(res instanceof FetchError)) this.gate.holdOff(host, wait);
        return res;
      });
      if (outcome instanceof FetchError && outcome.reason === 'host_unavailable') throw outcome;
      // A challenge page answers the same way every time: not worth a retry.
      const retryable = outcome instanceof FetchError ? outcome.transient && !this.closing.signal.aborted : isRetryableStatus(outcome.status) && !isBrowserChallenge(outcome.status, outcome.headers, outcome.body);
      if (!retryable || attempt >= maxRetries) {
        if (outcome instanceof FetchError) throw outcome;
        return { res: outcome, retries: attempt };
      }
      this.stats.retries++;
      await this.sleep(wait);
    }
  }

  /**
   * Books a failed attempt (and the wait before the next one) against the host's retry budget.
   * False, with the host marked given up, when the budget cannot cover it.
   */
  private spend(host: string, attemptMs: number, waitMs: number, attempt: number): boolean {
    const spent = (this.retrySpent.get(host) ?? 0) + attemptMs;
    if (spent + waitMs > this.hostRetryBudgetMs) {
      this.retrySpent.set(host, spent);
      this.stats.hostsGivenUp[host] ??=
        `gave up on ${host}: it kept refusing or failing (${Math.round(spent / 1000)} s spent on failed attempts and retries, ` +
        `${waitMs ? `a further wait of ${Math.round(waitMs / 1000)} s asked, ` : ''}retry budget ${Math.round(this.hostRetryBudgetMs / 1000)} s per host, after attempt ${attempt + 1})`;
      return false;
    }
    this.retrySpent.set(host, spent + waitMs);
    return true;
  }

  private async send(url: URL, extra: Record<string, string>, opts: { maxBytes?: number; overflow?: 'error' | 'truncate' }): Promise<Exchange> {
    this.stats.requests++;
    const res = await exchange(url, {
      headers: { 'user-agent': this.userAgent, accept: '*/*', 'accept-encoding': 'gzip, deflate, br', ...extra },
      timeoutMs: this.timeoutMs,
      maxBytes: opts.maxBytes ?? this.maxBytes,
      maxHeaderBytes: this.maxHeaderBytes,
      agents: this.agents,
      overflow: opts.overflow,
      signal: this.closing.signal,
      // A 403 / 503 body is read (capped like any) to tell a browser challenge from a plain refusal.
      wantBody: (s) => (s >= 200 && s < 300) || s === 403 || s === 503,
    });
    this.stats.byStatus[String(res.status)] = (this.stats.byStatus[String(res.status)] ?? 0) + 1;
    this.stats.bytes += res.body?.length ?? 0;
    return res;
  }

  // --- robots.txt ------------------------------------------------------------------------

  /** Throws when `rules` forbid `url` (or robots.txt could not be read). */
  private obeyRobots(url: URL, rules: RobotsRules): void {
    if (!rules.isAllowed(url.href)) {
      // robots.txt could not be read: the site is not crawled, and the reason is what went
      // wrong (connection refused, DNS, timeout, 5xx), not a disallow the site never made.
      if (rules.cause) throw new FetchError(rules.cause.reason, url.href, rules.cause.message);
      this.stats.robotsBlocked++;
      throw new FetchError('robots', url.href, 'blocked by robots.txt');
    }
  }

  private rulesFor(url: URL): Promise<RobotsRules> {
    const origin = url.origin;
    let p = this.robots.get(origin);
    if (!p) {
      p = this.loadRobots(url).then((rules) => {
        this.robotsRead.set(origin, rules);
        return rules;
      });
      this.robots.set(origin, p);
    }
    return p;
  }

  private async loadRobots(origin: URL): Promise<RobotsRules> {
    const robotsUrl = robotsUrlFor(origin);
    const cached = this.robotsCache?.get(origin.origin);
    const rules =
      cached && freshRobots(cached.fetchedAt, Date.now())
        ? rulesForStatus(cached.status, robotsUrl, cached.body, this.token)
        : await this.fetchRobots(origin, robotsUrl);
    if (rules.crawlDelayMs !== null) this.gate.setDelay(origin.host, rules.crawlDelayMs);
    return rules;
  }

  private async fetchRobots(origin: URL, robotsUrl: string): Promise<RobotsRules> {
    try {
      // RFC 9309 §2.3.1.2: follow up to five redirects for robots.txt, even to other hosts.
      let at = new URL(robotsUrl);
      for (let hops = 0; ; hops++) {
        const { res } = await this.withRetries(at, {}, { maxBytes: ROBOTS_MAX_BYTES, overflow: 'truncate' });
        const location = REDIRECT_STATUSES.has(res.status) ? header(res.headers, 'location') : null;
        const next = location ? parseHttpUrl(location, at) : null;
        if (!next) {
          if (cacheableRobotsStatus(res.status)) this.robotsCache?.put(origin.origin, res.status, res.body);
          const rules = rulesForStatus(res.status, robotsUrl, res.body, this.token);
          if (rules.basis !== 'unreachable') return rules;
          const text = `HTTP ${res.status}${http.STATUS_CODES[res.status] ? ` ${http.STATUS_CODES[res.status]}` : ''}`;
          return { ...rules, cause: { reason: 'http', message: `${robotsUrl} answered ${text}; nothing on ${origin.host} is fetched until it answers` } };
        }
        if (hops >= ROBOTS_MAX_REDIRECTS) return ALLOW_ALL; // RFC: treat as unavailable, i.e. allow
        at = next;
      }
    } catch (e) {
      if (!(e instanceof FetchError)) throw e;
      if (e.reason === 'too_large') return ALLOW_ALL;
      return { ...DISALLOW_ALL, cause: { reason: e.reason === 'robots' ? 'network' : e.reason, message: e.message } };
    }
  }

  // --- time ------------------------------------------------------------------------------

  /** A pause that ends early (rejecting) when the client is closed. */
  private sleep(ms: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const signal = this.closing.signal;
      if (signal.aborted) return reject(new FetchError('network', '', 'client closed'));
      const timer = setTimeout(() => {
        unhook();
        resolve();
      }, ms);
      const unhook = onAbort(signal, () => {
        clearTimeout(timer);
        reject(new FetchError('network', '', 'client closed'));
      });
    });
  }
}
