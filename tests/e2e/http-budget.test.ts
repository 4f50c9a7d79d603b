// Bounded in time against hosts that never get better: a per-host retry budget (a host that
// keeps refusing — Retry-After: 999999, endless 503s — is given up on, and reported, in
// seconds, not minutes per URL), and a listing that paginates forever is stopped with a
// warning. Servers run on 127.0.0.1 only.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { FetchError, PoliteClient } from '../../src/http/client.js';
import { runCliAsync, summaryOf, tempDir } from './fetch-support.js';

const servers: Server[] = [];
const clients: PoliteClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) await c.close();
});
afterAll(async () => {
  for (const s of servers) await new Promise<void>((r) => s.close(() => r()));
});

async function serve(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ port: number; hits: string[] }> {
  const hits: string[] = [];
  const s = createServer((req, res) => {
    hits.push(`${req.headers.host?.split(':')[0]} ${req.url}`);
    if (req.url === '/robots.txt') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('User-agent: *\nAllow: /\n');
      return;
    }
    handler(req, res);
  });
  servers.push(s);
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  return { port: (s.address() as AddressInfo).port, hits };
}

const client = (opts: ConstructorParameters<typeof PoliteClient>[0]) => {
  const c = new PoliteClient({ delayMs: 0, timeoutMs: 5000, ...opts });
  clients.push(c);
  return c;
};

async function failure(p: Promise<unknown>): Promise<FetchError> {
  try {
    await p;
  } catch (e) {
    return e as FetchError;
  }
  throw new Error('expected a failure');
}

describe('per-host retry budget', () => {
  it('Retry-After: 999999 on every URL: the host is given up on at once, every URL fails fast, and it is reported', async () => {
    const { port, hits } = await serve((_req, res) => {
      res.writeHead(503, { 'retry-after': '999999' });
      res.end('busy');
    });
    const c = client({ hostRetryBudgetMs: 2000 });
    const t0 = Date.now();
    const errors: FetchError[] = [];
    for (let i = 0; i < 5; i++) errors.push(await failure(c.get({ url: `http://127.0.0.1:${port}/page-${i}` })));
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(errors.map((e) => e.reason)).toEqual(Array(5).fill('host_unavailable'));
    expect(errors[0].message).toMatch(new RegExp(`^gave up on 127\\.0\\.0\\.1:${port}: it kept refusing or failing .*a further wait of 120 s asked, retry budget 2 s per host`));
    // One request told us to wait 120 s (capped from 999999): nothing more was asked of the host.
    expect(hits.filter((h) => !h.endsWith('/robots.txt'))).toEqual([`127.0.0.1 /page-0`]);
    expect(Object.keys(c.stats.hostsGivenUp)).toEqual([`127.0.0.1:${port}`]);
  }, 20_000);

  it('endless 503s without Retry-After: backoff until the budget is spent, then the rest fail at once; another host is unaffected', async () => {
    const { port, hits } = await serve((req, res) => {
      if (req.headers.host?.startsWith('localhost')) {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end('fine');
        return;
      }
      res.writeHead(503);
      res.end();
    });
    const c = client({ hostRetryBudgetMs: 1500, retryBaseMs: 200, maxRetries: 10 });
    const t0 = Date.now();
    const first = await failure(c.get({ url: `http://127.0.0.1:${port}/a` }));
    const rest = await Promise.all([1, 2, 3].map((i) => failure(c.get({ url: `http://127.0.0.1:${port}/b${i}` }))));
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(first.reason).toBe('host_unavailable');
    expect(rest.map((e) => e.reason)).toEqual(['host_unavailable', 'host_unavailable', 'host_unavailable']);
    expect(hits.filter((h) => h.includes('/b'))).toEqual([]);
    const ok = await c.get({ url: `http://localhost:${port}/fine` });
    expect(ok.status).toBe(200);
  }, 20_000);

  it('a host that recovers within the budget is not given up on', async () => {
    let n = 0;
    const { port } = await serve((_req, res) => {
      if (n++ < 2) {
        res.writeHead(503, { 'retry-after': '0' });
        res.end();
      } else {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end('ok');
      }
    });
    const c = client({ hostRetryBudgetMs: 5000 });
    const r = await c.get({ url: `http://127.0.0.1:${port}/x` });
    expect([r.status, r.retries]).toEqual([200, 2]);
    expect(c.stats.hostsGivenUp).toEqual({});
  }, 20_000);
});

describe('endless pagination', () => {
  it('stops at the listing page cap and warns, naming the next page', async () => {
    const card = `<div class="card"><p class="card__date">June 27, 2022 | Organisational Information</p><h3 class="card__title"><a href="/foi-disclosure-log/officers-dismissed">Officers dismissed</a></h3><p class="card__summary">Request Number: FOI/15631</p></div>`;
    const { port } = await serve((req, res) => {
      const u = new URL(req.url ?? '/', 'http://x');
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      if (u.pathname === '/foi-disclosure-log') {
        const page = Number(u.searchParams.get('page') ?? 0);
        res.end(`<html><body><main><div class="disclosure-log-list">${card}</div><nav class="pager"><ul><li class="pager__item pager__item--next"><a href="/foi-disclosure-log?page=${page + 1}" rel="next">Next page</a></li></ul></nav></main></body></html>`);
      } else res.end('<html><head><title>Officers dismissed (FOI/15631)</title></head><body><h1>Officers dismissed (FOI/15631)</h1><p>4 officers were dismissed in 2021.</p></body></html>');
    });
    const tmp = tempDir('endless');
    process.env.FOI_HARVEST_MAX_LISTING_PAGES = '15';
    try {
      const r = await runCliAsync(['fetch', '--force', 'northern-ireland', '--base-url', `northern-ireland=http://127.0.0.1:${port}/`, '--store', `${tmp.dir}/s.db`, '--delay', '0', '--log-format', 'json'], { timeoutMs: 60_000 });
      const s = summaryOf(r);
      expect(s.forces['northern-ireland'].listingPages).toBe(15);
      expect(s.forces['northern-ireland'].listingCapped).toBe(true);
      expect(s.warnings).toContain('northern-ireland: stopped at the listing page cap with a next page still to read (endless pagination?)');
      expect(r.stderr).toContain(`northern-ireland: stopped after 15 listing pages, and the listing still had a next page (http://127.0.0.1:${port}/foi-disclosure-log?page=15)`);
      expect(s.disclosures.new).toBe(1);
    } finally {
      delete process.env.FOI_HARVEST_MAX_LISTING_PAGES;
      tmp.cleanup();
    }
  }, 90_000);
});
