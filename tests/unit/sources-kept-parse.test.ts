// A page's parse is kept for a reader that follows (src/readers/html-tree.ts): a listing
// page's for discoverNext, a disclosure page's for the HTML reader. The crawl releases it where
// none follows (takeKeptRoot): a kept tree nobody takes stays live until 8 MB of pages are kept.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { takeKeptRoot } from '../../src/readers/html-tree.js';
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

  it('a disclosure page is kept by attachmentLinks for the HTML reader', () => {
    adapter.attachmentLinks(page, 'https://www.essex.police.uk/foi-ai/essex-police/foi/june-2023/misconduct-proceedings/officers-dismissed-following-misconduct-proceedings/');
    expect(takeKeptRoot(page)).not.toBeNull();
  });
});
