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
