// What a site's robots.txt lets us fetch, decided as RFC 9309 says:
// - 2xx: obey the file (our product token's group, else `*`);
// - 4xx (not 429), or more than five redirects: no usable file, everything allowed;
// - 5xx, 429, timeouts, network errors: the site is "unreachable", so we assume complete
//   disallow (as Google does) rather than crawl a site that may be struggling. The verdict
//   is cached for the client's lifetime (one run), so a later run tries again.
import robotsParserModule from 'robots-parser';

// The package's types declare an ES default export, but under Node the default import of
// this CommonJS module is the parser function itself.
const robotsParser = robotsParserModule as unknown as typeof robotsParserModule.default;

/** RFC 9309 §2.5: parse at least 500 KiB; anything after is ignored. */
export const ROBOTS_MAX_BYTES = 500 * 1024;
/** A Crawl-delay is honoured up to this, so one odd file cannot stall a run for hours. */
export const MAX_CRAWL_DELAY_MS = 60_000;

export interface RobotsRules {
  isAllowed(url: string): boolean;
  /** Crawl-delay for our token, in ms (capped), or null. */
  crawlDelayMs: number | null;
  /** Why these rules: for messages. */
  basis: 'file' | 'absent' | 'unreachable';
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
