// How long to wait before retrying: Retry-After when the server says, otherwise
// exponential backoff with full jitter (a random wait up to base·2^attempt), which
// spreads retries from many clients instead of synchronising them.

/** Statuses worth retrying: rate limiting and server trouble (not 501/505, which will not change). */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || (status >= 500 && status <= 599 && status !== 501 && status !== 505);
}

/**
 * Retry-After as milliseconds from `now`: delta-seconds or an HTTP date (RFC 9110 §10.2.3).
 * Null when absent or unreadable; a date in the past gives 0.
 */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | null {
  if (value == null) return null;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  if (!/[a-z]/i.test(v)) return null;
  const at = Date.parse(v);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - now);
}

const MAX_BACKOFF_MS = 60_000;

/** Full-jitter backoff for retry number `attempt` (0-based); `random` in [0,1). */
export function backoffMs(attempt: number, baseMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_BACKOFF_MS, baseMs * 2 ** attempt);
  return Math.floor(random() * ceiling);
}

/** The wait before the next try: the server's Retry-After (capped) wins over our own backoff. */
export function retryDelayMs(opts: {
  attempt: number;
  baseMs: number;
  retryAfter: string | null | undefined;
  maxRetryAfterMs: number;
  now?: number;
  random?: () => number;
}): number {
  const told = parseRetryAfter(opts.retryAfter, opts.now);
  if (told !== null) return Math.min(told, opts.maxRetryAfterMs);
  return backoffMs(opts.attempt, opts.baseMs, opts.random);
}
