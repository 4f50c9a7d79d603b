// The polite client against real loopback servers (our fixture server, faults switched on):
// retries and Retry-After, timeouts, broken and oversized bodies, redirects, robots.txt,
// compression, charsets, conditional GET, per-host pacing. Delays and backoffs are small
// so the file stays fast; each assertion is also checked in the server's request log.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { decodeText } from '../../src/documents/decode.js';
import { startSite, type FaultRule, type SiteServer } from '../../src/fixture-server/server.js';
import { DEFAULT_USER_AGENT, FetchError, PoliteClient, type ClientOptions } from '../../src/http/client.js';

const PAGE = '<!doctype html><html><head><title>Officer convictions</title></head><body><p>Disclosure 123/24</p></body></html>';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function site(files: Record<string, string | Buffer>, faults: FaultRule[] = []): Promise<SiteServer> {
  const dir = mkdtempSync(join(tmpdir(), 'foi-http-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  const s = await startSite(dir, { faults });
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  cleanups.push(() => s.close());
  return s;
}

function client(opts: ClientOptions = {}): PoliteClient {
  const c = new PoliteClient({ delayMs: 0, retryBaseMs: 5, timeoutMs: 5000, ...opts });
  cleanups.push(() => c.close());
  return c;
}

async function failure(p: Promise<unknown>): Promise<FetchError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(FetchError);
    return e as FetchError;
  }
  throw new Error('expected a FetchError, got a response');
}

const hits = (s: SiteServer, path: string) => s.requests.filter((r) => r.path === path);

describe('a plain GET', () => {
  it('returns the bytes, validators and content type, and names us', async () => {
    const s = await site({ 'index.html': PAGE });
    const c = client();
    const r = await c.get({ url: `${s.url}/` });
    expect(r.status).toBe(200);
    expect(r.notModified).toBe(false);
    expect(Buffer.from(r.bytes!).toString('utf8')).toBe(PAGE);
    expect(r.contentType).toBe('text/html');
    expect(r.etag).toMatch(/^"[0-9a-f]{64}"$/);
    expect(r.lastModified).toMatch(/GMT$/);
    expect(r.retries).toBe(0);
    expect(r.url).toBe(`${s.url}/`);
    const page = hits(s, '/')[0];
    expect(page.headers['user-agent']).toBe(DEFAULT_USER_AGENT);
    expect(c.stats).toMatchObject({ requests: 2, retries: 0, failures: 0, byStatus: { '200': 1, '404': 1 } });
  });

  it('turns a 404 into an http FetchError without retrying', async () => {
    const s = await site({ 'index.html': PAGE });
    const c = client();
    const e = await failure(c.get({ url: `${s.url}/missing.pdf` }));
    expect(e.reason).toBe('http');
    expect(e.status).toBe(404);
    expect(e.url).toBe(`${s.url}/missing.pdf`);
    expect(e.message).toBe('HTTP 404 Not Found');
    expect(hits(s, '/missing.pdf')).toHaveLength(1);
    expect(c.stats.failures).toBe(1);
  });

  it('refuses what is not an http(s) URL', async () => {
    const c = client();
    expect((await failure(c.get({ url: 'ftp://example.org/x' }))).reason).toBe('bad_url');
    expect((await failure(c.get({ url: 'not a url' }))).reason).toBe('bad_url');
  });
});

describe('retries', () => {
  it('honours Retry-After on a 429, then succeeds', async () => {
    const s = await site({ 'page.html': PAGE }, [
      { path: '/page.html', responses: [{ kind: 'status', status: 429, headers: { 'retry-after': '1' } }, { kind: 'pass' }] },
    ]);
    const c = client();
    const r = await c.get({ url: `${s.url}/page.html` });
    expect(r.status).toBe(200);
    expect(r.retries).toBe(1);
    const [first, second] = hits(s, '/page.html');
    expect(first.status).toBe(429);
    expect(second.status).toBe(200);
    expect(second.at - first.at).toBeGreaterThanOrEqual(1000);
    expect(c.stats.retries).toBe(1);
    expect(c.stats.byStatus['429']).toBe(1);
  });

  it('retries a 503 and succeeds', async () => {
    const s = await site({ 'page.html': PAGE }, [{ path: '/page.html', responses: [{ kind: 'status', status: 503 }, { kind: 'status', status: 502 }, { kind: 'pass' }] }]);
    const r = await client().get({ url: `${s.url}/page.html` });
    expect(r.status).toBe(200);
    expect(r.retries).toBe(2);
    expect(hits(s, '/page.html').map((h) => h.status)).toEqual([503, 502, 200]);
  });

  it('gives up after maxRetries with the last status', async () => {
    const s = await site({ 'page.html': PAGE }, [{ path: '/page.html', responses: [{ kind: 'status', status: 503 }] }]);
    const c = client({ maxRetries: 2 });
    const e = await failure(c.get({ url: `${s.url}/page.html` }));
    expect(e.reason).toBe('http');
    expect(e.status).toBe(503);
    expect(hits(s, '/page.html')).toHaveLength(3);
    expect(c.stats.retries).toBe(2);
  });

  it('caps a huge Retry-After at maxRetryAfterMs', async () => {
    const s = await site({ 'page.html': PAGE }, [
      { path: '/page.html', responses: [{ kind: 'status', status: 429, headers: { 'retry-after': '3600' } }, { kind: 'pass' }] },
    ]);
    const started = Date.now();
    const r = await client({ maxRetryAfterMs: 200 }).get({ url: `${s.url}/page.html` });
    expect(r.status).toBe(200);
    const [first, second] = hits(s, '/page.html');
    expect(second.at - first.at).toBeGreaterThanOrEqual(200);
    expect(Date.now() - started).toBeLessThan(3000);
  });
});

describe('time limits', () => {
  it('times out a response slower than timeoutMs, and retries it', async () => {
    const s = await site({ 'page.html': PAGE }, [{ path: '/page.html', responses: [{ kind: 'slow', delayMs: 3000 }] }]);
    const started = Date.now();
    const e = await failure(client({ timeoutMs: 300, maxRetries: 1 }).get({ url: `${s.url}/page.html` }));
    expect(e.reason).toBe('timeout');
    expect(e.message).toBe('timed out after 300 ms');
    expect(hits(s, '/page.html')).toHaveLength(2);
    expect(Date.now() - started).toBeLessThan(2500);
  });

  it('a slow first answer then a quick one succeeds', async () => {
    const s = await site({ 'page.html': PAGE }, [{ path: '/page.html', responses: [{ kind: 'slow', delayMs: 2000 }, { kind: 'pass' }] }]);
    const r = await client({ timeoutMs: 300 }).get({ url: `${s.url}/page.html` });
    expect(Buffer.from(r.bytes!).toString()).toBe(PAGE);
    expect(r.retries).toBe(1);
  });

  it('the timeout covers a body that drips in', async () => {
    // 4 KiB at 500 B/s would take 8 s; headers arrive at once, so only a total cap stops it.
    const body = PAGE.replace('<p>', '<p>' + 'x'.repeat(4096));
    const s = await site({ 'page.html': body }, [{ path: '/page.html', responses: [{ kind: 'drip', bytesPerSecond: 500 }] }]);
    const started = Date.now();
    const e = await failure(client({ timeoutMs: 400, maxRetries: 0 }).get({ url: `${s.url}/page.html` }));
    expect(e.reason).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(2000);
    const log = hits(s, '/page.html')[0];
    expect(log.status).toBe(200);
    expect(log.bytes).toBeGreaterThan(0);
    expect(log.bytes).toBeLessThan(body.length / 4);
  });
});

describe('broken bodies', () => {
  it('a truncated body is an error, not a short document', async () => {
    const s = await site({ 'page.html': PAGE }, [{ path: '/page.html', responses: [{ kind: 'truncate' }] }]);
    const e = await failure(client({ maxRetries: 1 }).get({ url: `${s.url}/page.html` }));
    expect(e.reason).toBe('truncated');
    expect(hits(s, '/page.html')).toHaveLength(2);
  });

  it('a truncated body is retried', async () => {
    const s = await site({ 'page.html': PAGE }, [{ path: '/page.html', responses: [{ kind: 'truncate' }, { kind: 'pass' }] }]);
    const r = await client().get({ url: `${s.url}/page.html` });
    expect(Buffer.from(r.bytes!).toString()).toBe(PAGE);
    expect(r.retries).toBe(1);
  });

  it('a connection reset mid-body is a network error, retried', async () => {
    const s = await site({ 'page.html': PAGE }, [{ path: '/page.html', responses: [{ kind: 'reset' }] }]);
    const e = await failure(client({ maxRetries: 1 }).get({ url: `${s.url}/page.html` }));
    expect(e.reason).toBe('network');
    expect(e.message).toMatch(/reset/);
    expect(hits(s, '/page.html')).toHaveLength(2);

    const s2 = await site({ 'page.html': PAGE }, [{ path: '/page.html', responses: [{ kind: 'reset' }, { kind: 'pass' }] }]);
    const r = await client().get({ url: `${s2.url}/page.html` });
    expect(Buffer.from(r.bytes!).toString()).toBe(PAGE);
    expect(r.retries).toBe(1);
  });
});

describe('size limits', () => {
  it('refuses a body whose Content-Length exceeds maxBytes, before reading it', async () => {
    const s = await site({}, [{ path: '/big.pdf', responses: [{ kind: 'oversize', bytes: 20 * 1024 * 1024 }] }]);
    const c = client({ maxBytes: 1024 * 1024 });
    const e = await failure(c.get({ url: `${s.url}/big.pdf` }));
    expect(e.reason).toBe('too_large');
    expect(e.message).toBe(`body of ${20 * 1024 * 1024} bytes exceeds the ${1024 * 1024}-byte cap`);
    expect(hits(s, '/big.pdf')).toHaveLength(1); // not retried
    expect(hits(s, '/big.pdf')[0].bytes).toBeLessThan(20 * 1024 * 1024);
  });

  it('stops a body without Content-Length at maxBytes', async () => {
    const s = await site({}, [{ path: '/big.pdf', responses: [{ kind: 'oversize', bytes: 20 * 1024 * 1024, chunked: true }] }]);
    const e = await failure(client({ maxBytes: 1024 * 1024 }).get({ url: `${s.url}/big.pdf` }));
    expect(e.reason).toBe('too_large');
    expect(e.message).toBe(`body exceeds the ${1024 * 1024}-byte cap`);
  });

  it('stops a gzip bomb at maxBytes of decoded output', async () => {
    const s = await site({}, [{ path: '/bomb.html', responses: [{ kind: 'gzip-bomb', bytes: 200 * 1024 * 1024 }] }]);
    const e = await failure(client({ maxBytes: 1024 * 1024 }).get({ url: `${s.url}/bomb.html` }));
    expect(e.reason).toBe('too_large');
    expect(e.message).toBe(`decompressed body exceeds the ${1024 * 1024}-byte cap`);
    // The whole bomb is ~200 KB compressed; we stop after the first few KB of it.
    const log = hits(s, '/bomb.html')[0];
    expect(log.status).toBe(200);
  });

  it('refuses huge response headers', async () => {
    const s = await site({ 'page.html': PAGE }, [{ path: '/page.html', responses: [{ kind: 'huge-headers', bytes: 100_000 }] }]);
    const e = await failure(client({ maxHeaderBytes: 16 * 1024 }).get({ url: `${s.url}/page.html` }));
    expect(e.reason).toBe('too_large');
    expect(e.message).toBe('response headers exceed 16384 bytes');
    expect(hits(s, '/page.html')).toHaveLength(1);
  });
});

describe('redirects', () => {
  it('follows a redirect within the host', async () => {
    const s = await site({ 'new/page.html': PAGE }, [{ path: '/old', responses: [{ kind: 'redirect', location: '/new/page.html', status: 301 }] }]);
    const r = await client().get({ url: `${s.url}/old` });
    expect(r.url).toBe(`${s.url}/new/page.html`);
    expect(Buffer.from(r.bytes!).toString()).toBe(PAGE);
    expect(s.requests.map((h) => h.path)).toEqual(['/robots.txt', '/old', '/new/page.html']);
  });

  it('refuses a redirect to another host and never contacts it', async () => {
    const other = await site({ 'page.html': PAGE });
    const s = await site({}, [{ path: '/old', responses: [{ kind: 'redirect', location: `${other.url}/page.html` }] }]);
    const e = await failure(client().get({ url: `${s.url}/old` }));
    expect(e.reason).toBe('redirect_off_host');
    expect(e.message).toContain(`127.0.0.1:${other.port}`);
    expect(other.requests).toHaveLength(0);
  });

  it('follows a redirect to another host when allowedHosts lists it', async () => {
    const other = await site({ 'page.html': PAGE });
    const s = await site({}, [{ path: '/old', responses: [{ kind: 'redirect', location: `${other.url}/page.html` }] }]);
    const r = await client().get({ url: `${s.url}/old`, allowedHosts: [`127.0.0.1:${s.port}`, `127.0.0.1:${other.port}`] });
    expect(r.url).toBe(`${other.url}/page.html`);
    // The new host's robots.txt is read before its page.
    expect(other.requests.map((h) => h.path)).toEqual(['/robots.txt', '/page.html']);
  });

  it('detects a redirect loop', async () => {
    const s = await site({}, [
      { path: '/a', responses: [{ kind: 'redirect', location: '/b' }] },
      { path: '/b', responses: [{ kind: 'redirect', location: '/a' }] },
    ]);
    const e = await failure(client().get({ url: `${s.url}/a` }));
    expect(e.reason).toBe('redirect_loop');
    expect(hits(s, '/a')).toHaveLength(1);
    expect(hits(s, '/b')).toHaveLength(1);
  });

  it('stops after maxRedirects', async () => {
    const faults: FaultRule[] = [0, 1, 2, 3].map((i) => ({ path: `/r${i}`, responses: [{ kind: 'redirect', location: `/r${i + 1}` }] }));
    const s = await site({ r4: PAGE }, faults);
    const e = await failure(client({ maxRedirects: 2 }).get({ url: `${s.url}/r0` }));
    expect(e.reason).toBe('redirect_loop');
    expect(e.message).toBe('more than 2 redirects');
    expect(hits(s, '/r3')).toHaveLength(0);
    expect((await client({ maxRedirects: 4 }).get({ url: `${s.url}/r0` })).url).toBe(`${s.url}/r4`);
  });
});

describe('robots.txt', () => {
  const ROBOTS = 'User-agent: *\nDisallow: /private/\n\nUser-agent: foi-harvest\nDisallow: /private/\nDisallow: /search\n';

  it('blocks disallowed paths without requesting them, and reads robots.txt once', async () => {
    const s = await site({ 'robots.txt': ROBOTS, 'private/secret.html': PAGE, 'search.html': PAGE, 'open.html': PAGE });
    const c = client();
    const e = await failure(c.get({ url: `${s.url}/private/secret.html` }));
    expect(e.reason).toBe('robots');
    expect((await failure(c.get({ url: `${s.url}/search.html` }))).reason).toBe('robots');
    expect((await c.get({ url: `${s.url}/open.html` })).status).toBe(200);
    expect(s.requests.map((h) => h.path)).toEqual(['/robots.txt', '/open.html']);
    expect(c.stats.robotsBlocked).toBe(2);
  });

  it('checks the robots.txt of a redirect target too', async () => {
    const s = await site({ 'robots.txt': ROBOTS, 'private/secret.html': PAGE }, [{ path: '/go', responses: [{ kind: 'redirect', location: '/private/secret.html' }] }]);
    expect((await failure(client().get({ url: `${s.url}/go` }))).reason).toBe('robots');
    expect(hits(s, '/private/secret.html')).toHaveLength(0);
  });

  it('a missing robots.txt allows everything', async () => {
    const s = await site({ 'private/secret.html': PAGE });
    expect((await client().get({ url: `${s.url}/private/secret.html` })).status).toBe(200);
  });

  it('a robots.txt that keeps failing with 5xx means: fetch nothing there, and say it was the 5xx', async () => {
    const s = await site({ 'page.html': PAGE }, [{ path: '/robots.txt', responses: [{ kind: 'status', status: 503 }] }]);
    const c = client({ maxRetries: 1 });
    const e = await failure(c.get({ url: `${s.url}/page.html` }));
    expect(e.reason).toBe('http');
    expect(e.message).toBe(`${s.url}/robots.txt answered HTTP 503 Service Unavailable; nothing on 127.0.0.1:${s.port} is fetched until it answers`);
    expect(c.stats.robotsBlocked).toBe(0);
    expect(hits(s, '/robots.txt')).toHaveLength(2);
    expect(hits(s, '/page.html')).toHaveLength(0);
  });

  it('a robots.txt that times out is reported as the timeout', async () => {
    const s = await site({ 'page.html': PAGE }, [{ path: '/robots.txt', responses: [{ kind: 'slow', delayMs: 3000 }] }]);
    const e = await failure(client({ timeoutMs: 200, maxRetries: 0 }).get({ url: `${s.url}/page.html` }));
    expect([e.reason, e.message]).toEqual(['timeout', 'timed out after 200 ms']);
    expect(hits(s, '/page.html')).toHaveLength(0);
  });

  it('a refused connection is reported as that, never as robots.txt', async () => {
    // A port that was just listening and is now closed: nothing answers there.
    const s = await site({ 'page.html': PAGE });
    const url = `${s.url}/page.html`;
    await s.close();
    const c = client({ maxRetries: 0 });
    const e = await failure(c.get({ url }));
    expect(e.reason).toBe('network');
    expect(e.message).toMatch(/^connection refused \(connect ECONNREFUSED 127\.0\.0\.1:\d+\)$/);
    expect(c.stats.robotsBlocked).toBe(0);
  });

  /** An in-memory stand-in for the store's robots_cache table. */
  function memoryCache(entries: Record<string, { status: number; body: string | null; fetchedAt: number }> = {}) {
    const puts: Array<[string, number]> = [];
    const map = new Map(Object.entries(entries).map(([k, v]) => [k, { ...v, body: v.body === null ? null : Buffer.from(v.body) }]));
    return {
      puts,
      get: (origin: string) => map.get(origin) ?? null,
      put: (origin: string, status: number, body: Buffer | null) => {
        puts.push([origin, status]);
        map.set(origin, { status, body, fetchedAt: Date.now() });
      },
    };
  }

  it('a robots.txt kept from an earlier run (under 24 h old) is obeyed without asking again', async () => {
    const s = await site({ 'robots.txt': 'User-agent: *\nDisallow:\n', 'private/secret.html': PAGE, 'open.html': PAGE });
    const cache = memoryCache({ [s.url]: { status: 200, body: ROBOTS, fetchedAt: Date.now() - 23 * 3600_000 } });
    const c = client({ robotsCache: cache });
    expect((await failure(c.get({ url: `${s.url}/private/secret.html` }))).reason).toBe('robots');
    expect((await c.get({ url: `${s.url}/open.html` })).status).toBe(200);
    expect(s.requests.map((h) => h.path)).toEqual(['/open.html']);
    expect(cache.puts).toEqual([]);
  });

  it('one older than 24 h is fetched again and the new answer kept', async () => {
    const s = await site({ 'robots.txt': 'User-agent: *\nDisallow:\n', 'private/secret.html': PAGE });
    const cache = memoryCache({ [s.url]: { status: 200, body: ROBOTS, fetchedAt: Date.now() - 25 * 3600_000 } });
    expect((await client({ robotsCache: cache }).get({ url: `${s.url}/private/secret.html` })).status).toBe(200);
    expect(s.requests.map((h) => h.path)).toEqual(['/robots.txt', '/private/secret.html']);
    expect(cache.puts).toEqual([[s.url, 200]]);
  });

  it('a 404 is kept (nothing to obey), a 5xx is not (the next run asks again)', async () => {
    const missing = await site({ 'page.html': PAGE });
    const failing = await site({ 'page.html': PAGE }, [{ path: '/robots.txt', responses: [{ kind: 'status', status: 503 }] }]);
    const cache = memoryCache();
    const c = client({ robotsCache: cache, maxRetries: 0 });
    expect((await c.get({ url: `${missing.url}/page.html` })).status).toBe(200);
    expect((await failure(c.get({ url: `${failing.url}/page.html` }))).reason).toBe('http');
    expect(cache.puts).toEqual([[missing.url, 404]]);
  });

  it('honours a Crawl-delay longer than delayMs', async () => {
    const s = await site({ 'robots.txt': 'User-agent: *\nCrawl-delay: 0.3\n', 'a.html': PAGE, 'b.html': PAGE });
    const c = client({ delayMs: 0 });
    await c.get({ url: `${s.url}/a.html` });
    await c.get({ url: `${s.url}/b.html` });
    const [a, b] = [hits(s, '/a.html')[0], hits(s, '/b.html')[0]];
    expect(b.at - a.at).toBeGreaterThanOrEqual(300);
  });
});

describe('encodings', () => {
  it('asks for gzip and decodes it', async () => {
    const big = PAGE.replace('<p>', '<p>' + 'Officer convictions 2019-2023. '.repeat(200));
    const s = await site({ 'page.html': big });
    const r = await client().get({ url: `${s.url}/page.html` });
    expect(Buffer.from(r.bytes!).toString()).toBe(big);
    const log = hits(s, '/page.html')[0];
    expect(log.headers['accept-encoding']).toContain('gzip');
    expect(log.bytes).toBeLessThan(big.length / 5); // it really travelled compressed
  });

  const CP1252 = '<html><body><p>The cost was £450 and the officer’s appeal — heard in 2023 — failed. “Dismissed”.</p><p>Officers’ vetting: £1,200.</p></body></html>';

  it('a windows-1252 page with a declared charset decodes to the right characters', async () => {
    const bytes = iconv.encode(CP1252, 'windows-1252');
    expect(bytes.includes(0xa3)).toBe(true); // £ is one byte, not UTF-8
    const s = await site({ 'page.html': bytes }, [{ path: '/page.html', responses: [{ kind: 'pass', headers: { 'Content-Type': 'text/html; charset=windows-1252' } }] }]);
    const r = await client().get({ url: `${s.url}/page.html` });
    expect(r.contentType).toBe('text/html; charset=windows-1252');
    expect(Buffer.compare(Buffer.from(r.bytes!), bytes)).toBe(0);
    const decoded = decodeText(r.bytes!, r.contentType, true);
    expect(decoded.text).toBe(CP1252);
    expect(decoded.source).toBe('header');
  });

  it('a windows-1252 page with no declared charset still decodes to the right characters', async () => {
    const bytes = iconv.encode(CP1252, 'windows-1252');
    const s = await site({ 'page.html': bytes });
    const r = await client().get({ url: `${s.url}/page.html` });
    expect(r.contentType).toBe('text/html');
    expect(Buffer.compare(Buffer.from(r.bytes!), bytes)).toBe(0);
    const decoded = decodeText(r.bytes!, r.contentType, true);
    expect(decoded.text).toContain('£450');
    expect(decoded.text).toContain('officer’s');
    expect(decoded.text).toBe(CP1252);
  });
});

describe('conditional GET', () => {
  it('an unchanged page costs a 304 with no body (ETag)', async () => {
    const s = await site({ 'page.html': PAGE });
    const c = client();
    const first = await c.get({ url: `${s.url}/page.html` });
    const again = await c.get({ url: `${s.url}/page.html`, etag: first.etag });
    expect(again).toMatchObject({ status: 304, notModified: true, bytes: null, etag: first.etag });
    const log = hits(s, '/page.html');
    expect(log[1].headers['if-none-match']).toBe(first.etag);
    expect(log[1].status).toBe(304);
    expect(log[1].bytes).toBe(0);
    expect(c.stats.notModified).toBe(1);
  });

  it('an unchanged page costs a 304 with no body (Last-Modified)', async () => {
    const s = await site({ 'page.html': PAGE });
    const c = client();
    const first = await c.get({ url: `${s.url}/page.html` });
    const again = await c.get({ url: `${s.url}/page.html`, lastModified: first.lastModified });
    expect(again).toMatchObject({ status: 304, notModified: true, bytes: null, lastModified: first.lastModified });
  });

  it('a changed page comes back whole', async () => {
    const s = await site({ 'page.html': PAGE });
    const r = await client().get({ url: `${s.url}/page.html`, etag: '"stale"' });
    expect(r.status).toBe(200);
    expect(r.notModified).toBe(false);
    expect(Buffer.from(r.bytes!).toString()).toBe(PAGE);
  });
});

describe('pacing', () => {
  it('one request at a time per host, starts at least delayMs apart', async () => {
    const s = await site({ 'a.html': PAGE, 'b.html': PAGE, 'c.html': PAGE, 'd.html': PAGE });
    const c = client({ delayMs: 150 });
    await Promise.all(['a', 'b', 'c', 'd'].map((n) => c.get({ url: `${s.url}/${n}.html` })));
    const starts = s.requests.map((r) => r.at);
    expect(starts).toHaveLength(5); // robots.txt + 4 pages
    for (let i = 1; i < starts.length; i++) expect(starts[i] - starts[i - 1]).toBeGreaterThanOrEqual(150);
  });

  it('different hosts are fetched side by side', async () => {
    const a = await site({ '1.html': PAGE, '2.html': PAGE });
    const b = await site({ '1.html': PAGE, '2.html': PAGE });
    const c = client({ delayMs: 400, concurrency: 2 });
    const started = Date.now();
    await Promise.all([a, b].flatMap((s) => ['1', '2'].map((n) => c.get({ url: `${s.url}/${n}.html` }))));
    // Serial would be 5 gaps of 400 ms; in parallel each host needs only its own 2 gaps.
    expect(Date.now() - started).toBeLessThan(1600);
    expect(Math.abs(hits(a, '/1.html')[0].at - hits(b, '/1.html')[0].at)).toBeLessThan(300);
  });

  it('many hosts waiting at once raise no MaxListenersExceededWarning', async () => {
    const sites = await Promise.all(Array.from({ length: 12 }, () => site({ '1.html': PAGE, '2.html': PAGE })));
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.name);
    process.on('warning', onWarning);
    try {
      const c = client({ delayMs: 100, concurrency: 12 });
      await Promise.all(sites.flatMap((s) => ['1', '2'].map((n) => c.get({ url: `${s.url}/${n}.html` }))));
      await new Promise((r) => setImmediate(r)); // warnings are emitted on the next tick
    } finally {
      process.off('warning', onWarning);
    }
    expect(warnings).toEqual([]);
  });

  it('concurrency 1 serialises hosts too', async () => {
    const a = await site({ 'slow.html': PAGE }, [{ path: '/slow.html', responses: [{ kind: 'slow', delayMs: 300 }] }]);
    const b = await site({ 'slow.html': PAGE }, [{ path: '/slow.html', responses: [{ kind: 'slow', delayMs: 300 }] }]);
    const c = client({ concurrency: 1 });
    await Promise.all([a, b].map((s) => c.get({ url: `${s.url}/slow.html` })));
    const [x, y] = [hits(a, '/slow.html')[0].at, hits(b, '/slow.html')[0].at].sort((p, q) => p - q);
    expect(y - x).toBeGreaterThanOrEqual(300);
  });

  it('close() ends a request in flight and a pause in progress', async () => {
    const s = await site({}, [{ path: '/slow.html', responses: [{ kind: 'slow', delayMs: 10_000 }] }]);
    const s2 = await site({}, [{ path: '/busy.html', responses: [{ kind: 'status', status: 429, headers: { 'retry-after': '60' } }] }]);
    const c = client();
    const slow = failure(c.get({ url: `${s.url}/slow.html` }));
    const busy = failure(c.get({ url: `${s2.url}/busy.html` }));
    while (hits(s, '/slow.html').length < 1 || hits(s2, '/busy.html')[0]?.status !== 429) await new Promise((r) => setTimeout(r, 10));
    const t = Date.now();
    await c.close();
    const [a, b] = await Promise.all([slow, busy]);
    expect(Date.now() - t).toBeLessThan(1000);
    expect([a.message, a.url]).toEqual(['client closed', `${s.url}/slow.html`]);
    expect([b.message, b.url]).toEqual(['client closed', `${s2.url}/busy.html`]);
    expect(hits(s2, '/busy.html')).toHaveLength(1);
  });

  it('after close() no further request is made', async () => {
    const s = await site({ 'page.html': PAGE });
    const c = client();
    await c.close();
    expect((await failure(c.get({ url: `${s.url}/page.html` }))).message).toBe('client closed');
    expect(s.requests).toHaveLength(0);
  });
});
