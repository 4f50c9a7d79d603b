// Hostile servers met through `parse <url>` (the one-shot GET): each is bounded by a limit
// and reported as one stderr line naming the URL and the reason, while the good URL of the
// same run is still written. The polite client's own FetchError.reason for each of these is
// tested in tests/e2e/http-client.test.ts (HTTP engineer), referenced rather than repeated:
//   decompression bomb  → 'stops a gzip bomb at maxBytes of decoded output' (too_large)
//   redirect loop       → 'detects a redirect loop' (redirect_loop), 'stops after maxRedirects'
//   redirect off host   → 'refuses a redirect to another host and never contacts it' (redirect_off_host)
//   huge headers        → 'refuses huge response headers'
//   slow drip           → 'the timeout covers a body that drips in' (timeout)
//   reset mid-body      → 'a connection reset mid-body is a network error, retried' (network)
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSite, type SiteServer } from '../../src/fixture-server/server.js';
import type { Disclosure } from '../../src/records/schema.js';
import { runCliAsync } from './fetch-support.js';

const PAGE = '<!doctype html><html><head><title>Officer convictions (5D/24)</title></head><body><main><h1>Officer convictions (5D/24)</h1><p>Request:</p><p>How many officers were convicted in 2023?</p><p>Response:</p><p>4 officers were convicted in 2023.</p></main></body></html>';

let dir = '';
let site: SiteServer;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'foi-hardening-http-'));
  mkdirSync(join(dir, 'foi'), { recursive: true });
  writeFileSync(join(dir, 'foi', 'good.html'), PAGE);
  writeFileSync(join(dir, 'foi', 'reset.html'), PAGE.repeat(50));
  site = await startSite(dir, {
    faults: [
      { path: '/foi/bomb.html', responses: [{ kind: 'gzip-bomb', bytes: 64 * 1024 * 1024 }] },
      { path: '/foi/loop-a', responses: [{ kind: 'redirect', location: '/foi/loop-b' }] },
      { path: '/foi/loop-b', responses: [{ kind: 'redirect', location: '/foi/loop-a' }] },
      { path: '/foi/headers.html', responses: [{ kind: 'huge-headers', bytes: 64 * 1024 }] },
      { path: '/foi/reset.html', responses: [{ kind: 'reset' }] },
      { path: '/foi/truncated.html', responses: [{ kind: 'truncate' }] },
      { path: '/foi/oversize.pdf', responses: [{ kind: 'oversize', bytes: 80 * 1024 * 1024, chunked: true }] },
    ],
  });
});
afterAll(async () => {
  await site?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('parse <url> against hostile servers', () => {
  // Reasons as the one-shot client words them today (key words only, so rewording is not a failure).
  const FAULTS: [string, RegExp][] = [
    ['/foi/bomb.html', /decompressed body exceeds .*cap/],
    ['/foi/loop-a', /redirects/],
    ['/foi/headers.html', /headers exceed/],
    ['/foi/reset.html', /reset/],
    ['/foi/truncated.html', /ended early|truncated/],
    ['/foi/oversize.pdf', /exceeds .*cap/],
  ];

  it('each fault is one stderr line naming the URL and a reason; the good page is written', async () => {
    const urls = [...FAULTS.map(([p]) => site.url + p), site.url + '/foi/good.html'];
    const started = Date.now();
    const res = await runCliAsync(['parse', ...urls, '--format', 'json'], { timeoutMs: 60_000 });
    expect(Date.now() - started).toBeLessThan(55_000);
    expect(res.code).toBe(1);
    const lines = res.stderr.split('\n').filter(Boolean);
    expect(lines, res.stderr).toHaveLength(FAULTS.length);
    for (const [p, reason] of FAULTS) {
      const mine = lines.filter((l) => l.startsWith(`foi-harvest: error: ${site.url}${p}: `));
      expect(mine, `${p}\n${res.stderr}`).toHaveLength(1);
      expect(mine[0]).toMatch(reason);
    }
    expect(res.stderr).not.toMatch(/\n\s+at /);
    const out = JSON.parse(res.stdout) as Disclosure[];
    expect(out.map((d) => [d.reference, d.url])).toEqual([['5D/24', `${site.url}/foi/good.html`]]);
    expect(out[0].figures.map((f) => f.value)).toEqual([4]);
  }, 70_000);

  it('the redirect loop was cut off after a bounded number of hops', () => {
    const hops = site.requests.filter((r) => r.path === '/foi/loop-a' || r.path === '/foi/loop-b');
    expect(hops.length).toBeGreaterThan(1);
    expect(hops.length).toBeLessThanOrEqual(10);
  });

  it('the oversized body was not read to its end', () => {
    const big = site.requests.filter((r) => r.path === '/foi/oversize.pdf');
    expect(big).toHaveLength(1);
    expect(big[0].bytes).toBeLessThan(80 * 1024 * 1024);
  });
});
