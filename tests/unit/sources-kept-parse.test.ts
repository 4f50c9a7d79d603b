// A page's parse is kept for a reader that follows (src/readers/html-tree.ts): a listing
// page's for discoverNext, a disclosure page's for the HTML reader. The crawl releases it where
// none follows (takeKeptRoot): a kept tree nobody takes stays live until 8 MB of pages are kept.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadHtml, loadRoot, takeKeptRoot } from '../../src/readers/html-tree.js';
import { configForForce } from '../../src/sources/platforms.js';
import { selectorAdapter } from '../../src/sources/adapters/selectors.js';
import { adapterFor } from '../../src/sources/adapters/index.js';
import { findForce } from '../../src/sources/registry.js';

const dir = new URL('../../fixtures/sites/single-online-home-essex/foi-ai/', import.meta.url);
const listing = readFileSync(new URL('af/accessing-information/published-items/index__q_dt_Disclosure_log.html', dir), 'utf8');
const page = readFileSync(new URL('essex-police/foi/june-2023/misconduct-proceedings/officers-dismissed-following-misconduct-proceedings/index.html', dir), 'utf8');
const base = 'https://www.essex.police.uk/foi-ai/af/accessing-information/published-items/?q=&dt=Disclosure+log';

describe('kept page parses', () => {
  const adapter = adapterFor(findForce('essex')!);

  it('discover keeps a listing page (for the discoverNext that follows); takeKeptRoot releases it', () => {
    expect(adapter.discover(listing, base).items.length).toBeGreaterThan(0);
    expect(takeKeptRoot(listing)).not.toBeNull();
    expect(takeKeptRoot(listing)).toBeNull();
  });

  it('discoverNext, the last reader of a listing page, takes the parse discover kept and keeps nothing', () => {
    expect(adapter.discover(listing, base).items.length).toBeGreaterThan(0);
    expect(adapter.discoverNext(listing, base).url).not.toBeNull();
    expect(takeKeptRoot(listing)).toBeNull();
  });

  it('a disclosure page is kept by attachmentLinks for the HTML reader', () => {
    adapter.attachmentLinks(page, 'https://www.essex.police.uk/foi-ai/essex-police/foi/june-2023/misconduct-proceedings/officers-dismissed-following-misconduct-proceedings/');
    expect(takeKeptRoot(page)).not.toBeNull();
  });
});

describe('a page parsed once serves every reader', () => {
  const cfg = configForForce(findForce('essex')!);
  const url = 'https://www.example.police.uk/foi/x/';
  const html = '<html><body><nav><a href="/n.pdf">nav</a></nav><main><p><a href="/a.pdf">A</a></p><p><a href="b.csv">B</a><a href="/a.pdf#p2">again</a></p></main></body></html>';

  it('the document loadRoot keeps is what loadHtml and takeKeptRoot give back', () => {
    const doc = loadRoot(html, { keep: true });
    expect(loadHtml(html, { keep: true }).root()[0]).toBe(doc);
    expect(takeKeptRoot(html)).toBe(doc);
    expect(takeKeptRoot(html)).toBeNull();
  });

  it('a content selector only cheerio reads (a pseudo-class) finds the same links as a plain one', () => {
    const plain = selectorAdapter({ ...cfg, selectors: { ...cfg.selectors, content: 'main' } });
    const pseudo = selectorAdapter({ ...cfg, selectors: { ...cfg.selectors, content: 'main:first' } });
    const want = [
      { url: 'https://www.example.police.uk/a.pdf', name: 'A' },
      { url: 'https://www.example.police.uk/foi/x/b.csv', name: 'B' },
    ];
    expect(plain.attachmentLinks(html, url)).toEqual(want);
    const doc = takeKeptRoot(html);
    expect(pseudo.attachmentLinks(html, url)).toEqual(want);
    // The cheerio fallback read the same kind of tree, and kept it for the reader.
    expect(takeKeptRoot(html)).not.toBe(doc);
    expect(takeKeptRoot(html)).toBeNull();
  });
});

describe('a crawl holds no listing page parse while it fetches the items', () => {
  // Probed from the fixture server as each disclosure page is requested: by then the crawler
  // has read page 1 of the listing (its items and its next link), and keeps no parse of it
  // through the polite waits between item requests (a kept tree lives on, and every young-
  // generation GC copies it).
  it('the listing parse is taken before the first item is requested', async () => {
    const { startSite } = await import('../../src/fixture-server/server.js');
    const { runFetch } = await import('../../src/cli/fetch-run.js');
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const site = await startSite(new URL('../../fixtures/sites/single-online-home-essex/', import.meta.url).pathname);
    const tmp = mkdtempSync(join(tmpdir(), 'kept-listing-'));
    const probes: boolean[] = [];
    const push = site.requests.push.bind(site.requests);
    site.requests.push = (...logs) => {
      for (const r of logs) if (r.path.startsWith('/foi-ai/essex-police/foi/')) probes.push(takeKeptRoot(listing) !== null);
      return push(...logs);
    };
    try {
      const summary = await runFetch({ force: ['essex'], baseUrl: [`essex=${site.url}/`], store: join(tmp, 'store.db'), delay: 0, log: () => {} });
      expect(summary.disclosures.new).toBeGreaterThan(1);
      expect(probes.length).toBeGreaterThan(1);
      expect(probes.every((kept) => !kept)).toBe(true);
    } finally {
      await site.close();
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});
