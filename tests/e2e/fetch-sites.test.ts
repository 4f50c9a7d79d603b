// `fetch` against the bundled fixture sites served on 127.0.0.1: pagination, attachments,
// --since, --match, --limit, robots.txt, the zero-item warning, and incremental re-runs
// (the server's request log shows what was downloaded).
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSite, type SiteServer } from '../../src/fixture-server/server.js';
import { Store } from '../../src/store/store.js';
import { SITES, copySite, runCliAsync, summaryOf, tempDir } from './fetch-support.js';

const tmp = tempDir('fetch');
const servers: SiteServer[] = [];
async function serve(dir: string): Promise<SiteServer> {
  const s = await startSite(dir);
  servers.push(s);
  return s;
}
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  tmp.cleanup();
});

const fetchArgs = (force: string, site: SiteServer, store: string, extra: string[] = []) => [
  'fetch', '--force', force, '--base-url', `${force}=${site.url}/`, '--store', join(tmp.dir, store), '--delay', '0', '--log-format', 'json', ...extra,
];
const pathsOf = (s: SiteServer) => s.requests.map((r) => r.path);
const withStore = <T>(name: string, f: (s: Store) => T): T => {
  const s = Store.open(join(tmp.dir, name));
  try {
    return f(s);
  } finally {
    s.close();
  }
};

describe('fetch: West Midlands (WordPress listing, pagination, attachments) and re-runs', () => {
  let wmp: SiteServer;
  let first: any;
  beforeAll(async () => {
    wmp = await serve(join(SITES, 'west-midlands'));
    const r = await runCliAsync(fetchArgs('west-midlands', wmp, 'wmp.db'));
    expect(r.code, r.stderr).toBe(0);
    first = summaryOf(r);
  });

  it('walks every listing page and stores every disclosure', () => {
    expect(first.forces['west-midlands']).toMatchObject({ listed: 11, listingPages: 3, disclosures: 11, new: 11, changed: 0, unchanged: 0, failures: 0, zeroItemWarnings: 0 });
    expect(first.disclosures).toEqual({ new: 11, changed: 0, unchanged: 0 });
    expect(first.failures).toEqual([]);
    expect(pathsOf(wmp)).toEqual(expect.arrayContaining(['/robots.txt', '/disclosure-log/', '/disclosure-log/page/2/', '/disclosure-log/page/3/']));
    // The sticky COVID notice heads every listing page but is not a disclosure.
    expect(pathsOf(wmp)).not.toContain('/how-we-are-working-during-covid-19/');
    const ids = withStore('wmp.db', (s) => s.disclosureIds());
    expect(ids).toHaveLength(11);
    // Newer references "144A/24", the oldest in the older underscore form "481_20"; <force>/<reference>-<url hash>.
    expect(ids.every((id) => /^west-midlands\/\d+a?-\d\d-[0-9a-f]{8}$/.test(id))).toBe(true);
    expect(ids.some((id) => id.startsWith('west-midlands/481-20-'))).toBe(true);
  });

  it('follows attachment links, stores and parses them, citing the URL the page prints', () => {
    const requested = pathsOf(wmp).filter((p) => p.startsWith('/wp-content/uploads/'));
    // Named as the site names them: no one pattern.
    expect(requested.sort()).toEqual([
      '/wp-content/uploads/2021/10/335A_21_PIT.pdf',
      '/wp-content/uploads/2022/09/749A_ATTACHMENT_01.xlsx',
      '/wp-content/uploads/2023/03/ATTACHMENT_-4.pdf',
      '/wp-content/uploads/2024/03/144A_24-attachment.csv',
      '/wp-content/uploads/2024/08/474A_24_PIT.pdf',
    ]);
    const atts = withStore('wmp.db', (s) => s.disclosures().flatMap((d) => d.attachments));
    expect(atts).toHaveLength(5);
    for (const a of atts) {
      expect(a.url).toMatch(/^https:\/\/foi\.west-midlands\.police\.uk\/wp-content\/uploads\//);
      expect(a.parsed, a.url).toBe(true);
      expect(a.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
    const pages = withStore('wmp.db', (s) => s.sourcesOf(s.disclosures().find((d) => d.reference === '144A/24')!.id));
    expect(pages.map((p) => p.role)).toEqual(['page', 'attachment']);
  });

  it('counts requests, statuses and bytes, and keeps the stats in the runs table', () => {
    const served = wmp.requests.length;
    expect(first.requests).toBe(served);
    expect(first.responses['200']).toBe(served);
    expect(first.responses['304']).toBe(0);
    expect(first.bytes).toBeGreaterThan(10_000);
    const run = withStore('wmp.db', (s) => s.runs({ kind: 'fetch' })[0]);
    expect(run.status).toBe('ok');
    expect((run.stats as any).disclosures).toEqual({ new: 11, changed: 0, unchanged: 0 });
  });

  it('a second harvest of the unchanged site asks for the first listing page alone (a 304) and changes no row', async () => {
    const before = withStore('wmp.db', (s) => JSON.stringify(s.disclosures()));
    wmp.requests.length = 0;
    const r = await runCliAsync(fetchArgs('west-midlands', wmp, 'wmp.db'));
    expect(r.code, r.stderr).toBe(0);
    const second = summaryOf(r);
    expect(second.disclosures).toEqual({ new: 0, changed: 0, unchanged: 11 });
    // The newest listing page is unchanged and lists only stored disclosures, so nothing was
    // added: the older listing pages are read from the store, no disclosure page or
    // attachment is asked for, and robots.txt (fetched within 24 h) is not asked for again.
    expect(wmp.requests.map((q) => [q.path, q.status])).toEqual([['/disclosure-log/', 304]]);
    expect(second.requests).toBe(1);
    expect(second.forces['west-midlands']).toMatchObject({ listingPages: 3, listed: 11, disclosures: 11, unchanged: 11, failures: 0 });
    expect(withStore('wmp.db', (s) => JSON.stringify(s.disclosures()))).toBe(before);
    expect(withStore('wmp.db', (s) => s.changes(first.runId, second.runId))).toEqual([]);
  });

  it('--recheck makes a conditional GET of every page again (and of robots.txt): 304s, no body but robots.txt', async () => {
    wmp.requests.length = 0;
    const r = await runCliAsync(fetchArgs('west-midlands', wmp, 'wmp.db', ['--recheck']));
    expect(r.code, r.stderr).toBe(0);
    const s = summaryOf(r);
    expect(s.disclosures).toEqual({ new: 0, changed: 0, unchanged: 11 });
    expect(wmp.requests.filter((q) => q.status !== 304).map((q) => q.path)).toEqual(['/robots.txt']);
    // robots.txt, 3 listing pages, 11 disclosure pages, 5 attachments.
    expect(wmp.requests).toHaveLength(20);
    expect(s.responses['304']).toBe(19);
  });

  it('a human summary line by default', async () => {
    const r = await runCliAsync(fetchArgs('west-midlands', wmp, 'wmp.db').filter((a) => a !== '--log-format' && a !== 'json'));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trim()).toMatch(/^fetch: 1 force; 1 requests? \(200: 0, 304: 1\), 0 retries, 0 robots-blocked, .*; disclosures 0 new, 0 changed, 11 unchanged; 0 failed$/);
  });
});

describe('fetch: re-runs trust an unchanged listing; --recheck and listing changes find the rest', () => {
  const ESSEX_LOG = '/foi-ai/af/accessing-information/published-items/?q=&dt=Disclosure+log';
  const ESSEX_LOG_FILE = 'foi-ai/af/accessing-information/published-items/index__q_dt_Disclosure_log.html';
  const SUSPENDED = '/foi-ai/essex-police/disclosure/2024/september/officers-suspended-or-on-restricted-duties/';
  let dir: string;
  let site: SiteServer;
  let firstRun: number;
  beforeAll(async () => {
    dir = copySite('single-online-home-essex', tmp.dir);
    site = await serve(dir);
    const a = await runCliAsync(fetchArgs('essex', site, 'essex.db'));
    expect(a.code, a.stderr).toBe(0);
    expect(summaryOf(a).disclosures).toEqual({ new: 7, changed: 0, unchanged: 0 });
    firstRun = summaryOf(a).runId;
  });

  it('a page edited in place is not asked for while its listing is unchanged; --recheck finds it and re-parses it alone', async () => {
    const page = join(dir, `${SUSPENDED}index.html`);
    writeFileSync(page, readFileSync(page, 'utf8').replace('One PCSO, currently suspended', 'Two PCSOs, currently suspended'));
    site.requests.length = 0;
    const b = await runCliAsync(fetchArgs('essex', site, 'essex.db'));
    expect(b.code, b.stderr).toBe(0);
    expect(summaryOf(b).disclosures).toEqual({ new: 0, changed: 0, unchanged: 7 });
    expect(site.requests.map((q) => [q.path, q.status])).toEqual([[ESSEX_LOG, 304]]);

    site.requests.length = 0;
    const c = await runCliAsync(fetchArgs('essex', site, 'essex.db', ['--recheck']));
    expect(c.code, c.stderr).toBe(0);
    const s = summaryOf(c);
    expect(s.disclosures).toEqual({ new: 0, changed: 1, unchanged: 6 });
    expect(site.requests.filter((q) => q.status === 200).map((q) => q.path)).toEqual(['/robots.txt', SUSPENDED]);
    const changes = withStore('essex.db', (st) => st.changes(firstRun, s.runId));
    expect(changes.map((x) => [x.disclosureId.replace(/-[0-9a-f]{8}$/, ''), x.change])).toEqual([['essex/19139', 'changed']]);
  });

  it('an edited listing page: a new item is fetched, the others on that page are checked (304), older listing pages are not re-read', async () => {
    // A new disclosure at the top of the newest listing page, and a retitled entry beside it.
    const newPage = '/foi-ai/essex-police/disclosure/2025/may/officers-dismissed-2024/';
    const src = readFileSync(join(dir, 'foi-ai/essex-police/foi/june-2023/misconduct-proceedings/officers-dismissed-following-misconduct-proceedings/index.html'), 'utf8');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(dir, newPage), { recursive: true });
    writeFileSync(join(dir, newPage, 'index.html'), src.replaceAll('17738', '20101').replaceAll('dismissals-20101', 'dismissals-17738'));
    const listing = join(dir, ESSEX_LOG_FILE);
    const html = readFileSync(listing, 'utf8');
    const first = html.indexOf('<li class="disclosure-result">');
    writeFileSync(
      listing,
      html.slice(0, first) +
        `<li class="disclosure-result"><h3><a href="${newPage}">Officers dismissed in 2024</a></h3><p class="published-date">Published: <time datetime="2025-05-02">2 May 2025</time></p><p class="reference">Reference no: 20101</p></li>\n` +
        html.slice(first).replace('Vetting and re-vetting failures</a>', 'Vetting and re-vetting failures (updated)</a>'),
    );
    site.requests.length = 0;
    const r = await runCliAsync(fetchArgs('essex', site, 'essex.db'));
    expect(r.code, r.stderr).toBe(0);
    const s = summaryOf(r);
    expect(s.disclosures).toEqual({ new: 1, changed: 0, unchanged: 7 });
    const asked = site.requests.map((q) => [q.path, q.status]);
    expect(asked.filter(([, st]) => st === 200)).toEqual([[ESSEX_LOG, 200], [newPage, 200]]);
    // The four items already on the changed page are checked with a conditional GET; the
    // next listing page is asked for (it was not known to be unchanged) and answers 304, so
    // the three items on it are not. Everything but the two 200s is a 304 (attachments too).
    expect(asked.filter(([, st]) => st !== 200).every(([, st]) => st === 304)).toBe(true);
    const pages = asked.map(([p]) => p as string).filter((p) => p.startsWith('/foi-ai/essex-police/'));
    expect(pages.sort()).toEqual(
      [
        newPage,
        '/foi-ai/essex-police/disclosure/2025/march/police-officers-convicted-of-criminal-offences-2020-2024/',
        SUSPENDED,
        '/foi-ai/essex-police/disclosure/2024/april/unmanned-aerial-vehicles-drones/',
        '/foi-ai/essex-police/foi/november-2023/vetting/vetting-and-re-vetting-failures/',
      ].sort(),
    );
    expect(asked).toContainEqual([`${ESSEX_LOG}&page=2`, 304]);
    expect(asked.map(([p]) => p)).not.toContain('/robots.txt');
    expect(s.forces.essex).toMatchObject({ listingPages: 2, listed: 8, disclosures: 8, failures: 0 });
  });

  it('robots.txt kept in the store is asked for again once it is a day old', async () => {
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(join(tmp.dir, 'essex.db'));
    db.prepare('UPDATE robots_cache SET fetched_at = ?').run(new Date(Date.now() - 25 * 3600_000).toISOString());
    db.close();
    site.requests.length = 0;
    const r = await runCliAsync(fetchArgs('essex', site, 'essex.db'));
    expect(r.code, r.stderr).toBe(0);
    expect(summaryOf(r).disclosures).toEqual({ new: 0, changed: 0, unchanged: 8 });
    expect(site.requests.map((q) => [q.path, q.status])).toEqual([['/robots.txt', 200], [ESSEX_LOG, 304]]);
  });
});

describe('fetch: --since, --match, --limit (PSNI, month-first dates, three listing pages)', () => {
  let psni: SiteServer;
  beforeAll(async () => {
    psni = await serve(join(SITES, 'psni'));
  });

  it('--since stops at the first older item and reads no further listing page', async () => {
    psni.requests.length = 0;
    const r = await runCliAsync(fetchArgs('northern-ireland', psni, 'since.db', ['--since', '2023-06-01']));
    expect(r.code, r.stderr).toBe(0);
    const f = summaryOf(r).forces['northern-ireland'];
    expect(f).toMatchObject({ listingPages: 2, listed: 8, disclosures: 5, new: 5 });
    expect(f.skipped.since).toBe(3);
    expect(pathsOf(psni)).toContain('/foi-disclosure-log?page=1');
    expect(pathsOf(psni)).not.toContain('/foi-disclosure-log?page=2');
    expect(pathsOf(psni)).not.toContain('/foi-disclosure-log/stop-and-search-by-ethnicity');
    expect(withStore('since.db', (s) => s.disclosureIds()).length).toBe(5);
  });

  it('--since on Single Online Home asks the search for the date range itself (fdte)', async () => {
    const essex = await serve(join(SITES, 'single-online-home-essex'));
    const r = await runCliAsync(fetchArgs('essex', essex, 'since-soh.db', ['--since', '2024-01-01']));
    expect(r.code, r.stderr).toBe(0);
    const listings = pathsOf(essex).filter((p) => p.startsWith('/foi-ai/af/'));
    expect(listings).toEqual(['/foi-ai/af/accessing-information/published-items/?q=&dt=Disclosure+log&fdte=2024-01-01']);
    expect(summaryOf(r).forces.essex).toMatchObject({ listingPages: 1, listed: 3, disclosures: 3, skipped: { since: 0 } });
  });

  it('--match with a topic id keeps only titles of that topic', async () => {
    psni.requests.length = 0;
    const r = await runCliAsync(fetchArgs('northern-ireland', psni, 'topic.db', ['--match', 'suspensions']));
    expect(r.code, r.stderr).toBe(0);
    const f = summaryOf(r).forces['northern-ireland'];
    expect(f).toMatchObject({ listed: 10, disclosures: 1 });
    expect(f.skipped.match).toBe(9);
    const d = withStore('topic.db', (s) => s.disclosures());
    expect(d.map((x) => x.title)).toEqual(['Officers suspended or on restricted duties']);
    // Titles decide topics: no other disclosure page was downloaded.
    expect(pathsOf(psni).filter((p) => p.startsWith('/foi-disclosure-log/'))).toEqual(['/foi-disclosure-log/officers-suspended-or-on-restricted-duties']);
  });

  it('--match with text not in any title finds it in the page text', async () => {
    const r = await runCliAsync(fetchArgs('northern-ireland', psni, 'text.db', ['--match', 'National Security']));
    expect(r.code, r.stderr).toBe(0);
    expect(summaryOf(r).forces['northern-ireland']).toMatchObject({ disclosures: 1 });
    expect(withStore('text.db', (s) => s.disclosures().map((d) => d.url))).toEqual([`${psni.url}/foi-disclosure-log/unmanned-aerial-vehicles-drones`]);
  });

  it('--limit stops after n disclosures and reads no further listing page', async () => {
    psni.requests.length = 0;
    const r = await runCliAsync(fetchArgs('northern-ireland', psni, 'limit.db', ['--limit', '3']));
    expect(r.code, r.stderr).toBe(0);
    expect(summaryOf(r).forces['northern-ireland']).toMatchObject({ listingPages: 1, disclosures: 3 });
    expect(pathsOf(psni)).not.toContain('/foi-disclosure-log?page=1');
    expect(withStore('limit.db', (s) => s.disclosureIds()).length).toBe(3);
  });
});

describe('fetch: robots.txt and a site that changed its markup (generic adapter)', () => {
  it('never requests a listed page that robots.txt disallows', async () => {
    const site = await serve(join(SITES, 'generic-avon-and-somerset'));
    const r = await runCliAsync(fetchArgs('avon-and-somerset', site, 'generic.db'));
    expect(r.code, r.stderr).toBe(0);
    const s = summaryOf(r);
    expect(s.robotsBlocked).toBe(1);
    expect(s.forces['avon-and-somerset']).toMatchObject({ listed: 12, disclosures: 11, failures: 0, skipped: { since: 0, match: 0, robots: 1 } });
    expect(pathsOf(site).some((p) => p.startsWith('/foi-internal/'))).toBe(false);
  });

  it('renamed markup: finds the items by URL pattern, harvests them, says so and exits 1', async () => {
    const dir = copySite('generic-avon-and-somerset', tmp.dir);
    for (const f of ['index.html', 'index__page_2.html', 'index__page_3.html']) {
      const listing = join(dir, 'about/freedom-of-information/previous-foi-requests', f);
      writeFileSync(listing, readFileSync(listing, 'utf8').replaceAll('foi-list__item', 'request-card').replaceAll('foi-list__link', 'request-card__link').replaceAll('foi-pager__next', 'pager-next'));
    }
    const site = await serve(dir);
    const r = await runCliAsync(fetchArgs('avon-and-somerset', site, 'renamed.db'));
    expect(r.code).toBe(1);
    const s = summaryOf(r);
    expect(s.status).toBe('partial');
    // Pagination found by its "Next page" text; the robots-disallowed draft is not under /requests/.
    expect(s.forces['avon-and-somerset']).toMatchObject({ listed: 11, listingPages: 3, disclosures: 11, failures: 0, zeroItemWarnings: 0, discovery: { items: 'url-pattern', paging: ['next-text'] } });
    expect(s.warnings).toEqual(["avon-and-somerset: the listing's selectors matched nothing; items were found by url-pattern — the site has probably changed its markup"]);
    const events = r.stderr.trim().split('\n').map((l) => JSON.parse(l));
    expect(events).toContainEqual(expect.objectContaining({ level: 'warn', event: 'fallback', force: 'avon-and-somerset', via: 'url-pattern' }));
  });

  it('warns loudly when a listing page lists nothing, and exits 1', async () => {
    const dir = copySite('generic-avon-and-somerset', tmp.dir);
    const listing = join(dir, 'about/freedom-of-information/previous-foi-requests/index.html');
    // The list is gone altogether: nothing by the selectors, by URL pattern or by link text.
    writeFileSync(listing, readFileSync(listing, 'utf8').replace(/<div class="foi-list">[\s\S]*<\/div>\n<div class="foi-pager">/, '<p>Our log is moving.</p>\n<div class="foi-pager">'));
    appendFileSync(listing, '\n');
    const site = await serve(dir);
    const r = await runCliAsync(fetchArgs('avon-and-somerset', site, 'zero.db'));
    expect(r.code).toBe(1);
    const s = summaryOf(r);
    expect(s.status).toBe('failed');
    expect(s.forces['avon-and-somerset']).toMatchObject({ listed: 0, listingPages: 1, zeroItemWarnings: 1, disclosures: 0 });
    expect(s.warnings).toEqual(['avon-and-somerset: a listing page listed no disclosures — the site has probably changed']);
    const events = r.stderr.trim().split('\n').map((l) => JSON.parse(l));
    expect(events).toContainEqual(expect.objectContaining({ level: 'warn', event: 'zero_items', force: 'avon-and-somerset', platform: 'generic' }));
    expect(events.find((e) => e.event === 'zero_items').message).toMatch(/site has probably changed/);
  });
});

describe('fetch: failures and bad usage', () => {
  it('a missing disclosure page is a failure with its reason; the others are stored; exit 1', async () => {
    const dir = copySite('police-scotland', tmp.dir);
    const site = await serve(dir);
    const { rmSync } = await import('node:fs');
    rmSync(join(dir, 'access-to-information/freedom-of-information/disclosure-log/disclosure-log-2024/october'), { recursive: true });
    const r = await runCliAsync(fetchArgs('police-scotland', site, 'scot.db'));
    expect(r.code).toBe(1);
    const s = summaryOf(r);
    expect(s.status).toBe('partial');
    expect(s.failures).toHaveLength(1);
    expect(s.failures[0]).toMatchObject({ force: 'police-scotland' });
    expect(s.failures[0].url).toContain('/disclosure-log-2024/october/');
    expect(s.failures[0].reason).toMatch(/404/);
    expect(s.responses['4xx']).toBe(1);
    expect(s.forces['police-scotland']).toMatchObject({ listed: 11, disclosures: 10, failures: 1 });
  });

  it.each([
    [['fetch', '--force', 'atlantis'], /unknown force "atlantis"/],
    [['fetch', '--force', 'essex', '--since', 'last tuesday'], /--since "last tuesday" is not a date/],
    [['fetch', '--force', 'essex', '--limit', '0'], /--limit must be a whole number of at least 1/],
    [['fetch', '--base-url', 'essex'], /--base-url "essex" must be <force>=<url>/],
    [['fetch', '--base-url', 'gotham=http://127.0.0.1:9/'], /unknown force "gotham"/],
    [['fetch', '--force', 'essex', '--log-format', 'xml'], /--log-format must be text or json/],
  ])('%j → exit 2, one line', async (args, message) => {
    const r = await runCliAsync([...args, '--store', join(tmp.dir, 'usage.db')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stdout).toBe('');
  });
});

describe('fetch --source whatdotheyknow (the WhatDoTheyKnow-like site)', () => {
  let site: SiteServer;
  const args = (extra: string[] = []) => [
    'fetch', '--source', 'whatdotheyknow', '--force', 'essex', 'west-midlands', '--base-url', `whatdotheyknow=${site.url}/`, '--store', join(tmp.dir, 'wdtk.db'), '--delay', '0', '--log-format', 'json', ...extra,
  ];
  beforeAll(async () => {
    site = await serve(join(SITES, 'whatdotheyknow'));
  });

  it('walks each authority\'s request list, reads JSON and page, fetches attachments; never a response page or a profile', async () => {
    const r = await runCliAsync(args());
    expect(r.code, r.stderr).toBe(0);
    const s = summaryOf(r);
    expect(s.forces.essex).toMatchObject({ listingPages: 2, listed: 4, disclosures: 4, new: 4, failures: 0 });
    expect(s.forces['west-midlands']).toMatchObject({ listingPages: 1, listed: 3, disclosures: 3, new: 3 });
    const paths = pathsOf(site);
    expect(paths).toContain('/body/essex_police?page=2');
    expect(paths).toContain('/request/vetting_refusals_by_ethnicity.json');
    expect(paths.filter((p) => p.includes('/attach/')).sort()).toEqual([
      '/request/officers_convicted_of_driving_offences/response/91530/attach/2/1503A_24-attachment.pdf',
      '/request/officers_dismissed_for_gross_misconduct_2019/response/88410/attach/2/FOI%2018402%20response.pdf',
      '/request/officers_suspended_or_on_restricted_duties/response/90188/attach/2/Response%2019139.xlsx',
    ]);
    expect(paths.some((p) => /\/response\/\d+$/.test(p) || p.startsWith('/user/') || p.endsWith('.html'))).toBe(false);
    const ids = withStore('wdtk.db', (st) => st.disclosureIds());
    expect(ids.every((id) => id.startsWith('whatdotheyknow/'))).toBe(true);
    expect(ids).toHaveLength(7);
  });

  it('a second run trusts the listed states: only the request lists are asked for', async () => {
    site.requests.length = 0;
    const r = await runCliAsync(args());
    expect(r.code, r.stderr).toBe(0);
    expect(summaryOf(r).disclosures).toEqual({ new: 0, changed: 0, unchanged: 7 });
    expect(pathsOf(site).sort()).toEqual(['/body/essex_police', '/body/essex_police?page=2', '/body/wmp']);
  });

  it('--base-url whatdotheyknow must be a URL; a force without an authority is refused', async () => {
    const bad = await runCliAsync(['fetch', '--source', 'whatdotheyknow', '--base-url', 'whatdotheyknow=nowhere', '--store', join(tmp.dir, 'x.db')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--base-url for whatdotheyknow: "nowhere" is not a URL/);
    const src = await runCliAsync(['fetch', '--source', 'gossip', '--store', join(tmp.dir, 'x.db')]);
    expect(src.code).toBe(2);
    expect(src.stderr).toMatch(/--source must be forces or whatdotheyknow, not "gossip"/);
  });
});
