// getOnce, behind `parse <url>`: one page a user asked for, so redirects go anywhere and
// robots.txt is not consulted, but the caps and the one-line errors are the client's.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startSite, type FaultRule, type SiteServer } from '../../src/fixture-server/server.js';
import { DEFAULT_USER_AGENT, getOnce } from '../../src/http/get-once.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function site(files: Record<string, string>, faults: FaultRule[] = []): Promise<SiteServer> {
  const dir = mkdtempSync(join(tmpdir(), 'foi-getonce-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  const s = await startSite(dir, { faults });
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  cleanups.push(() => s.close());
  return s;
}

describe('getOnce', () => {
  it('fetches one page, following a redirect to another host, without robots.txt', async () => {
    const target = await site({ 'page.html': '<p>hello</p>', 'robots.txt': 'User-agent: *\nDisallow: /\n' });
    const start = await site({}, [{ path: '/go', responses: [{ kind: 'redirect', location: `${target.url}/page.html` }] }]);
    const got = await getOnce(`${start.url}/go`);
    expect(got).toMatchObject({ url: `${target.url}/page.html`, status: 200, contentType: 'text/html' });
    expect(Buffer.from(got.bytes).toString()).toBe('<p>hello</p>');
    expect(target.requests.map((r) => r.path)).toEqual(['/page.html']);
    expect(target.requests[0].headers['user-agent']).toBe(DEFAULT_USER_AGENT);
  });

  it('fails in one line on HTTP errors, caps and bad URLs', async () => {
    const s = await site({}, [
      { path: '/bomb', responses: [{ kind: 'gzip-bomb', bytes: 50_000_000 }] },
      { path: '/loop', responses: [{ kind: 'redirect', location: '/loop' }] },
    ]);
    await expect(getOnce(`${s.url}/missing`)).rejects.toThrow(/^HTTP 404$/);
    await expect(getOnce(`${s.url}/bomb`, { maxBytes: 1_000_000 })).rejects.toThrow(/^decompressed body exceeds the 1000000-byte cap$/);
    await expect(getOnce(`${s.url}/loop`)).rejects.toThrow(/^more than 5 redirects$/);
    await expect(getOnce('nonsense')).rejects.toThrow(/^not a valid URL$/);
    await expect(getOnce('ftp://example.org/')).rejects.toThrow(/^not an http\(s\) URL/);
  });
});
