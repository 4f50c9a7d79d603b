import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { adapterFor } from '../../src/sources/adapters/index.js';
import { configForForce, platformIds } from '../../src/sources/platforms.js';
import { FORCES, findForce, listingUrl, rebaseUrl, supportedForces } from '../../src/sources/registry.js';

const ROOT = join(import.meta.dirname, '..', '..');

describe('registry', () => {
  it('holds all 48 forces, each on a known platform', () => {
    expect(FORCES).toHaveLength(48);
    const platforms = new Set(platformIds());
    for (const f of FORCES) expect(platforms.has(f.platform), `${f.id}: ${f.platform}`).toBe(true);
    expect(supportedForces().every((f) => f.supported)).toBe(true);
  });

  it.each([
    ['essex', undefined, 'https://www.essex.police.uk/foi-ai/af/accessing-information/published-items/?q=&dt=Disclosure+log'],
    ['essex', 'http://127.0.0.1:5000/', 'http://127.0.0.1:5000/foi-ai/af/accessing-information/published-items/?q=&dt=Disclosure+log'],
    ['essex', 'http://mirror.example/police/essex/', 'http://mirror.example/police/essex/foi-ai/af/accessing-information/published-items/?q=&dt=Disclosure+log'],
    ['west-midlands', 'http://127.0.0.1:5001', 'http://127.0.0.1:5001/disclosure-log/'],
    ['psni', 'http://127.0.0.1:5002/', 'http://127.0.0.1:5002/foi-disclosure-log'],
  ])('listingUrl(%s, %s)', (id, base, want) => {
    expect(listingUrl(findForce(id)!, base)).toBe(want);
  });

  it('carries the facts of issue 13, each entry with what it rests on', () => {
    const f = (id: string) => findForce(id)!;
    expect(f('south-yorkshire').hosts[0]).toBe('southyorkshire.police.uk');
    expect(f('south-yorkshire').disclosure_log_url).toBe('https://www.southyorkshire.police.uk/foi-ai/af/accessing-information/published-items/?q=&dt=Disclosure+log');
    expect([f('west-yorkshire').platform, f('west-yorkshire').disclosure_log_url]).toEqual(['generic', 'https://www.westyorkshire.police.uk/freedom-of-information']);
    expect(f('lancashire').disclosure_log_url).toBe('https://www.lancashire.police.uk/about-us/accessing-information/');
    expect(f('norfolk').disclosure_log_url).toBe('https://www.norfolk.police.uk/about-us/our-data/disclosure-logs');
    expect(f('suffolk').disclosure_log_url).toBe('https://beta.suffolk.police.uk/foi-ai/af/accessing-information/published-items/?q=&dt=Disclosure+log');
    expect(f('northumbria').supported).toBe(false);
    expect(f('west-midlands').disclosure_log_url).toBe('https://foi.west-midlands.police.uk/disclosure-log/');
    expect(f('west-midlands').hosts).toEqual(['west-midlands.police.uk', 'westmidlands.police.uk']);
    expect(JSON.stringify(FORCES)).not.toContain('legacy_log');
    for (const x of FORCES) {
      expect(x.evidence.length, x.id).toBeGreaterThan(0);
      for (const e of x.evidence) expect(e.source && e.date && e.facts, x.id).toBeTruthy();
      expect(x.whatdotheyknow?.url_name, x.id).toMatch(/^[a-z_]+$/);
    }
    expect(['metropolitan', 'west-midlands', 'northern-ireland', 'police-scotland', 'greater-manchester', 'avon-and-somerset'].map((id) => f(id).whatdotheyknow!.url_name)).toEqual(['the_met', 'wmp', 'psni', 'police_scotland', 'gmp', 'avon_and_somerset_police']);
  });

  it('rebaseUrl keeps path and query, replaces origin', () => {
    expect(rebaseUrl('https://foi.west-midlands.police.uk/page/2/?x=1', 'http://127.0.0.1:9/')).toBe('http://127.0.0.1:9/page/2/?x=1');
  });

  it('force overrides are merged over the platform selectors', () => {
    const cfg = configForForce(findForce('avon-and-somerset')!);
    expect(cfg.platform).toBe('generic');
    expect(cfg.selectors.item).toBe('.foi-list .foi-list__item');
    expect(cfg.selectors.content).toBe('main article, main');
    const soh = configForForce(findForce('kent')!);
    expect(soh.selectors.item).toContain('disclosure-results');
  });
});

// The bundled fixture sites: each one's listing walks, page by page, to at least ten
// disclosures whose pages exist, with dates newest first — what `demo` and the e2e tests rely on.
describe('fixture sites', () => {
  const sites = join(ROOT, 'fixtures', 'sites');
  const fileFor = (dir: string, url: string) => {
    const u = new URL(url);
    const q = u.search.replace(/^\?/, '').replace(/[^A-Za-z0-9._-]+/g, '_');
    const base = join(dir, decodeURIComponent(u.pathname));
    return q ? join(base, `index__${q}.html`) : join(base, 'index.html');
  };
  const byPlatform = new Map<string, number>();
  const siteNames = ['single-online-home-essex', 'single-online-home-metropolitan', 'west-midlands', 'psni', 'police-scotland', 'generic-avon-and-somerset'];

  it.each(siteNames)('%s: listing pages, dates and disclosure pages hang together', (name) => {
    const dir = join(sites, name);
    const meta = JSON.parse(readFileSync(join(dir, 'site.json'), 'utf8')) as { platform: string; forces: string[] };
    expect(existsSync(join(dir, 'robots.txt'))).toBe(true);
    expect(readFileSync(join(dir, 'robots.txt'), 'utf8')).toMatch(/Disallow: \//);
    for (const id of meta.forces) {
      const force = findForce(id)!;
      expect(force.platform).toBe(meta.platform);
      const adapter = adapterFor(force);
      const origin = 'http://127.0.0.1:1';
      let url: string | null = listingUrl(force, `${origin}/`);
      let pages = 0;
      const dates: string[] = [];
      let attachments = 0;
      while (url) {
        pages++;
        const html = readFileSync(fileFor(dir, url), 'utf8');
        const items = adapter.listingItems(html, url);
        expect(items.length, url).toBeGreaterThan(0);
        for (const it of items) {
          expect(it.date, it.url).not.toBeNull();
          dates.push(it.date!);
          const local = `${origin}${new URL(it.url).pathname}`;
          const page = fileFor(dir, local);
          expect(existsSync(page), page).toBe(true);
          for (const l of adapter.attachmentLinks(readFileSync(page, 'utf8'), local)) {
            expect(existsSync(join(dir, decodeURIComponent(new URL(l.url).pathname))), l.url).toBe(true);
            attachments++;
          }
        }
        const next = adapter.nextPage(html, url);
        url = next ? `${origin}${new URL(next).pathname}${new URL(next).search}` : null;
      }
      expect(pages).toBeGreaterThan(1);
      expect([...dates].sort().reverse()).toEqual(dates);
      expect(attachments).toBeGreaterThan(0);
      byPlatform.set(meta.platform, (byPlatform.get(meta.platform) ?? 0) + dates.length);
    }
  });

  it('has at least ten disclosures per platform', () => {
    expect(Object.fromEntries(byPlatform)).toEqual({
      'single-online-home': 13,
      'west-midlands': 11,
      psni: 10,
      'police-scotland': 11,
      generic: 12,
    });
  });
});
