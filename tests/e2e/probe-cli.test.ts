// `probe` against the bundled sites on 127.0.0.1: every force ok; renamed markup is "changed"
// (found by fallback) with exit 1; a browser-challenge page is "blocked"; an unsupported force
// is reported without a request.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startSite, type SiteServer } from '../../src/fixture-server/server.js';
import { SITES, copySite, runCliAsync, tempDir } from './fetch-support.js';

const tmp = tempDir('probe');
const servers: SiteServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  tmp.cleanup();
});
async function serve(dir: string, faults: Parameters<typeof startSite>[1] = {}): Promise<SiteServer> {
  const s = await startSite(dir, faults);
  servers.push(s);
  return s;
}

const SITE_FORCES: Array<[string, string]> = [
  ['single-online-home-essex', 'essex'],
  ['single-online-home-metropolitan', 'metropolitan'],
  ['west-midlands', 'west-midlands'],
  ['psni', 'northern-ireland'],
  ['police-scotland', 'police-scotland'],
  ['generic-avon-and-somerset', 'avon-and-somerset'],
];

describe('probe', () => {
  it('reports every force of the demo sites ok: listing URL, status, items, how found, newest date', async () => {
    const args = ['probe', '--format', 'json', '--delay', '0'];
    for (const [dir, force] of SITE_FORCES) args.push('--base-url', `${force}=${(await serve(join(SITES, dir))).url}/`);
    const r = await runCliAsync(args);
    expect(r.code, r.stderr).toBe(0);
    const rows = JSON.parse(r.stdout) as Array<Record<string, unknown>>;
    expect(rows.map((x) => [x.force, x.verdict, x.status, x.found_by])).toEqual(SITE_FORCES.map(([, f]) => [f, 'ok', 200, 'selectors']));
    const essex = rows.find((x) => x.force === 'essex')!;
    expect(essex).toMatchObject({ items: 4, newest: '2025-03-18', reason: null });
    expect(essex.listing_url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/foi-ai\/af\/accessing-information\/published-items\/\?q=&dt=Disclosure\+log$/);
    expect(rows.find((x) => x.force === 'west-midlands')).toMatchObject({ items: 5, newest: '2025-02-20' });
  });

  it('renamed markup: "changed" (found by fallback), exit 1; the table says so', async () => {
    const dir = copySite('psni', tmp.dir);
    const listing = join(dir, 'foi-disclosure-log', 'index.html');
    writeFileSync(listing, readFileSync(listing, 'utf8').replaceAll('disclosure-log-list', 'foi-results').replaceAll('class="card"', 'class="result-tile"'));
    const site = await serve(dir);
    const json = await runCliAsync(['probe', '--force', 'psni', '--base-url', `psni=${site.url}/`, '--format', 'json', '--delay', '0']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toEqual([
      expect.objectContaining({ force: 'northern-ireland', verdict: 'changed', status: 200, items: 4, found_by: 'url-pattern', newest: '2025-03-04', reason: 'the selectors matched nothing; found by url-pattern' }),
    ]);
    const table = await runCliAsync(['probe', '--force', 'psni', '--base-url', `psni=${site.url}/`, '--delay', '0']);
    expect(table.code).toBe(1);
    expect(table.stdout.split('\n')[0]).toMatch(/^force\s+verdict\s+status\s+items\s+found_by\s+newest\s+listing_url\s+reason$/);
    expect(table.stdout).toMatch(/^northern-ireland\s+changed\s+200\s+4\s+url-pattern\s+2025-03-04\s+http:\/\/127\.0\.0\.1:\d+\/foi-disclosure-log\s+the selectors matched nothing; found by url-pattern$/m);
  });

  it('a 403 browser challenge is "blocked", not unreachable; a plain 404 is "unreachable"', async () => {
    const challenge = '<!DOCTYPE html><html><head><title>Just a moment...</title></head><body><div id="challenge-platform">Checking your browser before accessing the site.</div><script src="/cdn-cgi/challenge-platform/h/b/orchestrate/chl_page/v1"></script></body></html>';
    const blocked = await serve(join(SITES, 'single-online-home-metropolitan'), { faults: [{ path: /published-items/, responses: [{ kind: 'status', status: 403, headers: { 'content-type': 'text/html' }, body: challenge }] }] });
    const gone = await serve(join(SITES, 'west-midlands'), { faults: [{ path: '/disclosure-log/', responses: [{ kind: 'status', status: 404, body: 'Not found' }] }] });
    const r = await runCliAsync(['probe', '--base-url', `metropolitan=${blocked.url}/`, '--base-url', `west-midlands=${gone.url}/`, '--format', 'json', '--delay', '0']);
    expect(r.code).toBe(1);
    const rows = JSON.parse(r.stdout);
    expect(rows[0]).toMatchObject({ force: 'metropolitan', verdict: 'blocked', status: 403, reason: 'blocked by a browser challenge' });
    expect(rows[1]).toMatchObject({ force: 'west-midlands', verdict: 'unreachable', status: 404, reason: 'HTTP 404 Not Found' });
  });

  it('fetch reports the challenge the same way', async () => {
    const challenge = '<html><head><title>Attention Required! | Cloudflare</title></head><body>cf-chl-widget</body></html>';
    const blocked = await serve(join(SITES, 'single-online-home-metropolitan'), { faults: [{ path: /published-items/, responses: [{ kind: 'status', status: 503, body: challenge }] }] });
    const r = await runCliAsync(['fetch', '--force', 'metropolitan', '--base-url', `metropolitan=${blocked.url}/`, '--store', join(tmp.dir, 'blocked.db'), '--delay', '0', '--log-format', 'json']);
    expect(r.code).toBe(1);
    const s = JSON.parse(r.stdout.trim().split('\n').pop()!);
    expect(s.failures[0].reason).toBe('listing page: HTTP 503: blocked by a browser challenge (the site refuses scripted clients)');
    expect(s.forces.metropolitan.blocked).toBe(true);
    // A challenge is not retried: one request for the page (after robots.txt).
    expect(blocked.requests.filter((q) => q.path.includes('published-items'))).toHaveLength(1);
  });

  it('an unsupported force is reported, not requested; usage errors exit 2', async () => {
    const r = await runCliAsync(['probe', '--force', 'northumbria', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([expect.objectContaining({ force: 'northumbria', verdict: 'unsupported', status: null, items: 0 })]);
    const bad = await runCliAsync(['probe', '--force', 'atlantis']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/probe: unknown force "atlantis"/);
  });
});
