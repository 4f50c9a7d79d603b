// Discovery that survives markup it has not seen: items by URL pattern, then by link text;
// pagination by the selectors, rel=next, a "Next" link, or the page parameter. Plus the
// platform quirks of issue 13 and browser-challenge detection.
import { describe, expect, it } from 'vitest';
import { isBrowserChallenge } from '../../src/http/challenge.js';
import { adapterFor } from '../../src/sources/adapters/index.js';
import { findForce } from '../../src/sources/registry.js';

const psni = adapterFor(findForce('psni')!);
const soh = adapterFor(findForce('essex')!);
const generic = adapterFor(findForce('norfolk')!);

describe('discovery fallback', () => {
  it('finds items by the platform URL pattern when the selectors match nothing, with the date beside each link', () => {
    const html = `<header><a href="/foi-disclosure-log/menu-item">Menu</a></header><main><section class="new-grid">
      <div class="tile"><a href="/foi-disclosure-log/officers-suspended">Officers suspended</a><span>March 04, 2025</span></div>
      <div class="tile"><a href="/foi-disclosure-log/drones">Drones</a><span>January 28, 2025</span></div>
      <div class="tile"><a href="/news/some-story">A news story</a></div></section></main>`;
    expect(psni.listingItems(html, 'https://www.psni.police.uk/foi-disclosure-log')).toEqual([]);
    expect(psni.discover(html, 'https://www.psni.police.uk/foi-disclosure-log')).toEqual({
      via: 'url-pattern',
      items: [
        { url: 'https://www.psni.police.uk/foi-disclosure-log/officers-suspended', title: 'Officers suspended', date: '2025-03-04', summary: null, reference: null },
        { url: 'https://www.psni.police.uk/foi-disclosure-log/drones', title: 'Drones', date: '2025-01-28', summary: null, reference: null },
      ],
    });
  });

  it('Single Online Home: item paths of every known shape, not the shared search or the log folder', () => {
    const html = `<main><div class="x">
      <p><a href="/foi-ai/metropolitan-police/disclosure-2023/november-2023/officer-convictions/">Officer convictions 2023</a> <time datetime="2023-11-02">2 Nov</time></p>
      <p><a href="/foi-ai/metropolitan-police/d/march-2022/vetting-refusals/">Vetting refusals</a></p>
      <p><a href="/foi-ai/cleveland-police/disclosure/2026/january/foi-8926-drones/">FOI 8926 drones</a></p>
      <p><a href="/foi-ai/essex-police/foi/june-2023/misconduct/officers-dismissed/">Officers dismissed</a></p>
      <p><a href="/foi-ai/af/accessing-information/published-items/?q=&dt=Disclosure+log&page=2">2</a></p>
      <p><a href="/foi-ai/essex-police/disclosure-log/">Disclosure log</a></p>
    </div></main>`;
    const found = soh.discover(html, 'https://www.met.police.uk/foi-ai/af/accessing-information/published-items/?q=&dt=Disclosure+log');
    expect(found.via).toBe('url-pattern');
    expect(found.items.map((i) => new URL(i.url).pathname)).toEqual([
      '/foi-ai/metropolitan-police/disclosure-2023/november-2023/officer-convictions/',
      '/foi-ai/metropolitan-police/d/march-2022/vetting-refusals/',
      '/foi-ai/cleveland-police/disclosure/2026/january/foi-8926-drones/',
      '/foi-ai/essex-police/foi/june-2023/misconduct/officers-dismissed/',
    ]);
    expect(found.items[0].date).toBe('2023-11-02');
  });

  it('without a URL pattern, takes links under the listing whose text reads like a title', () => {
    // (the generic selectors would take any "main li": this page has none)
    const html = `<main><div class="whatever"><div class="row"><a href="/about-us/our-data/disclosure-logs/officer-convictions-2024">Officer convictions 2024</a> 12/03/2024</div>
      <div class="row"><a href="/about-us/our-data/disclosure-logs/page-2">2</a></div><div class="row"><a href="/contact">Contact us today</a></div></div></main>`;
    expect(generic.discover(html, 'https://www.norfolk.police.uk/about-us/our-data/disclosure-logs/')).toEqual({
      via: 'link-text',
      items: [{ url: 'https://www.norfolk.police.uk/about-us/our-data/disclosure-logs/officer-convictions-2024', title: 'Officer convictions 2024', date: '2024-03-12', summary: null, reference: null }],
    });
    expect(generic.discover('<main><p>Nothing here</p></main>', 'https://www.norfolk.police.uk/x/')).toEqual({ via: 'none', items: [] });
  });

  it.each([
    ['selectors', '<nav class="pagination"><a rel="next" href="?q=&dt=Disclosure+log&page=3">Next</a></nav>', '?q=&dt=Disclosure+log&page=3', 'selectors'],
    ['rel=next on a <link>', '<link rel="next" href="/log?page=3">', '/log?page=3', 'rel-next'],
    ['a "Next" link', '<div class="pg"><a href="/log?p=3">Next page</a></div>', '/log?p=3', 'next-text'],
    ['an "Older posts" link', '<div class="pg"><a href="/disclosure-log/page/3/">Older posts</a></div>', '/disclosure-log/page/3/', 'next-text'],
    ['page numbers only', '<div class="pg"><a href="/log?page=1">1</a> <a href="/log?page=3">3</a> <a href="/log?page=4">4</a></div>', '/log?page=3', 'page-param'],
    ['page numbers with a fragment, the first match kept', '<div class="pg"><a href="mailto:x@y">3</a> <a href="/other?page=3">3</a> <a href="?page=3#top">3</a> <a href="/log?page=3&amp;x=1">3</a></div>', '/log?page=3', 'page-param'],
    ['the last page', '<div class="pg"><a href="/log?page=1">1</a></div>', null, null],
  ])('pagination by %s', (_name, html, want, via) => {
    const base = 'https://www.psni.police.uk/log?page=2';
    const got = generic.discoverNext(`<main>${html}</main>`, base);
    expect(got).toEqual({ url: want === null ? null : new URL(want, base).toString(), via });
  });
});

describe('platform quirks (issue 13 evidence)', () => {
  it('PSNI reads "F-2022-01268" whole, not cut to "F-2022"', () => {
    const html = `<div class="disclosure-log-list"><div class="card"><p class="card__date">May 04, 2022 | HR</p><h3><a href="/foi-disclosure-log/x">X</a></h3><p class="card__summary">Reference: F-2022-01268</p></div>
      <div class="card"><p class="card__date">May 03, 2022 | HR</p><h3><a href="/foi-disclosure-log/y">Y</a></h3><p class="card__summary">Request: FOI/00013725</p></div></div>`;
    expect(psni.listingItems(html, 'https://www.psni.police.uk/foi-disclosure-log').map((i) => i.reference)).toEqual(['F-2022-01268', 'FOI/00013725']);
  });

  it('Police Scotland takes the reference from a slug that starts with it (both path forms)', () => {
    const scot = adapterFor(findForce('police-scotland')!);
    const base = 'https://www.scotland.police.uk/access-to-information/freedom-of-information/disclosure-log/';
    const html = `<table class="disclosure-log"><tbody>
      <tr><td class="date">12/03/2024</td><td class="reference"></td><td><a href="disclosure-log-2024/march/24-0634-crime-recording-practices/">Crime recording</a></td></tr>
      <tr><td class="date">20/05/2019</td><td class="reference"></td><td><a href="0/2019/may/19-0954-officer-numbers/">Officer numbers</a></td></tr></tbody></table>`;
    expect(scot.listingItems(html, base).map((i) => i.reference)).toEqual(['24-0634', '19-0954']);
  });

  it('West Midlands titles with the older underscore reference', () => {
    const wmp = adapterFor(findForce('west-midlands')!);
    const html = `<article class="post type-post"><h2 class="entry-title"><a href="https://foi.west-midlands.police.uk/officer-bme-3005-16/">Officer BME (3005_16)</a></h2><time datetime="2016-05-01T09:00:00+00:00">1 May 2016</time></article>`;
    expect(wmp.listingItems(html, 'https://foi.west-midlands.police.uk/disclosure-log/')).toEqual([
      { url: 'https://foi.west-midlands.police.uk/officer-bme-3005-16/', title: 'Officer BME', date: '2016-05-01', summary: null, reference: '3005_16' },
    ]);
  });

  it.each(['39A_ATTACHMENT.pdf', '1095A_ATTACHMENT_01.pdf', '1160A_20-attachment.pdf', '492A_22-attachment.xlsx', 'ATTACHMENT_-4.pdf'])('West Midlands attachment named %s is found', (file) => {
    const wmp = adapterFor(findForce('west-midlands')!);
    const links = wmp.attachmentLinks(`<article><div class="entry-content"><p><a href="/wp-content/uploads/2022/09/${file}">Attachment</a></p></div></article>`, 'https://foi.west-midlands.police.uk/x/');
    expect(links).toEqual([{ url: `https://foi.west-midlands.police.uk/wp-content/uploads/2022/09/${file}`, name: 'Attachment' }]);
  });
});

describe('browser challenge', () => {
  const body = (s: string) => new TextEncoder().encode(s);
  it.each([
    [403, {}, '<html><head><title>Just a moment...</title></head><body></body></html>', true],
    [503, {}, '<script src="/cdn-cgi/challenge-platform/h/b/orchestrate/jsch/v1"></script>', true],
    [403, { 'cf-mitigated': 'challenge' }, '', true],
    [403, {}, '<html><body>Request unsuccessful. Incapsula incident ID: 123</body></html>', true],
    [403, {}, '<html><head><title>403 Forbidden</title></head><body>Forbidden</body></html>', false],
    [503, {}, 'Service Unavailable', false],
    [404, {}, '<title>Just a moment...</title>', false],
  ])('%i %j %j → %s', (status, headers, text, want) => {
    expect(isBrowserChallenge(status, headers, body(text))).toBe(want);
  });
});
