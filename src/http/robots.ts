// What a site's robots.txt lets us fetch, decided as RFC 9309 says:
// - 2xx: obey the file (our product token's group, else `*`);
// - 4xx (not 429), or more than five redirects: no usable file, everything allowed;
// - 5xx, 429, timeouts, network errors: the site is "unreachable", so we assume complete
//   disallow (as Google does) rather than crawl a site that may be struggling. That verdict
//   is kept for the client's lifetime (one run) only, so a later run tries again.
// A definitive answer (2xx or 4xx) may be kept between runs for up to 24 hours (RFC 9309
// §2.4), so an unchanged re-run does not ask every host for robots.txt again.
import robotsParserModule from 'robots-parser';

// The package's types declare an ES default export, but under Node the default import of
// this CommonJS module is the parser function itself.
const robotsParser = robotsParserModule as unknown as typeof robotsParserModule.default;

/** RFC 9309 §2.5: parse at least 500 KiB; anything after is ignored. */
export const ROBOTS_MAX_BYTES = 500 * 1024;
/** A Crawl-delay is honoured up to this, so one odd file cannot stall a run for hours. */
export const MAX_CRAWL_DELAY_MS = 60_000;

/** RFC 9309 §2.4: crawlers should not use a cached robots.txt for more than 24 hours. */
export const ROBOTS_CACHE_MAX_AGE_MS = 24 * 60 * 60 * 1000;

/** Keeps robots.txt answers between runs (the store implements it). */
export interface RobotsCache {
  get(origin: string): { status: number; body: Buffer | null; fetchedAt: number } | null;
  put(origin: string, status: number, body: Buffer | null): void;
}

/** Only answers that say what the site wants are kept: not 429/5xx (try again next run). */
export function cacheableRobotsStatus(status: number): boolean {
  return status >= 200 && status < 500 && status !== 429 && !(status >= 300 && status < 400);
}

/** A cached answer is used when it is younger than the cap (and not from the future: clock changes). */
export function freshRobots(fetchedAt: number, nowMs: number): boolean {
  const age = nowMs - fetchedAt;
  return Number.isFinite(age) && age >= 0 && age < ROBOTS_CACHE_MAX_AGE_MS;
}

export interface RobotsRules {
  isAllowed(url: string): boolean;
  /** Crawl-delay for our token, in ms (capped), or null. */
  crawlDelayMs: number | null;
  /** Why these rules: for messages. */
  basis: 'file' | 'absent' | 'unreachable';
  /** For 'unreachable': what happened to robots.txt (refused, DNS, timeout, 5xx), reported as the fetch's failure. */
  cause?: { reason: 'http' | 'timeout' | 'network' | 'truncated' | 'bad_url' | 'redirect_loop' | 'redirect_off_host' | 'blocked' | 'host_unavailable'; message: string };
}

export const ALLOW_ALL: RobotsRules = { isAllowed: () => true, crawlDelayMs: null, basis: 'absent' };
export const DISALLOW_ALL: RobotsRules = { isAllowed: () => false, crawlDelayMs: null, basis: 'unreachable' };

export function robotsUrlFor(url: URL): string {
  return `${url.origin}/robots.txt`;
}

export function rulesFromText(robotsUrl: string, text: string, token: string): RobotsRules {
  const robot = robotsParser(robotsUrl, text);
  const delay = robot.getCrawlDelay(token);
  return {
    // undefined means the URL is not on this robots.txt's origin: not ours to judge.
    isAllowed: (url) => robot.isAllowed(url, token) !== false,
    crawlDelayMs: typeof delay === 'number' && delay > 0 ? Math.min(delay * 1000, MAX_CRAWL_DELAY_MS) : null,
    basis: 'file',
  };
}

/** Rules for a final robots.txt status (after retries and redirects). */
export function rulesForStatus(status: number, robotsUrl: string, body: Buffer | null, token: string): RobotsRules {
  if (status >= 200 && status < 300) return rulesFromText(robotsUrl, (body ?? Buffer.alloc(0)).toString('utf8'), token);
  if (status === 429 || status >= 500) return DISALLOW_ALL;
  return ALLOW_ALL;
}
