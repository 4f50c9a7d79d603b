import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adapterFor } from '../../src/sources/adapters/index.js';
import { extensionOf, resolveLink } from '../../src/sources/adapters/selectors.js';
import { findForce } from '../../src/sources/registry.js';

const force = (id: string) => {
  const f = findForce(id);
  if (!f) throw new Error(id);
  return f;
};

describe('Single Online Home adapter', () => {
  const a = adapterFor(force('essex'));
  const base = 'https://www.essex.police.uk/foi-ai/essex-police/disclosure-log/';
  const listing = `<html><body>
    <a class="quick-exit" href="https://www.bbc.co.uk/weather">Quickly exit this site</a>
    <nav><a href="/foi-ai/essex-police/">Freedom of information</a></nav>
    <main><ol class="disclosure-results">
      <li><h3><a href="/foi-ai/essex-police/disclosure/2024/may/officer-convictions/#top">Officer convictions</a></h3>
        <p class="summary">How many officers were convicted?</p>
        <p class="published-date">Published: <time datetime="2024-05-12">12 May 2024</time></p><p>Reference no: 01.FOI.24.035089</p></li>
      <li><h3><a href="https://www.essex.police.uk/foi-ai/essex-police/disclosure/2024/april/drones/">Use of drones</a></h3>
        <p class="published-date">Published: 3 April 2024</p></li>
      <li><h3><a href="/foi-ai/essex-police/disclosure/2024/may/officer-convictions/">Officer convictions (duplicate link)</a></h3></li>
      <li><h3><a href="/news/">Not a disclosure</a></h3></li>
    </ol>
    <nav class="pagination"><a rel="prev" href="?page=1">Previous</a> <a rel="next" href="?page=3">Next</a></nav></main></body></html>`;

  it('reads items: absolute URL without fragment, title, date, summary, reference', () => {
    expect(a.listingItems(listing, base)).toEqual([
      {
        url: 'https://www.essex.police.uk/foi-ai/essex-police/disclosure/2024/may/officer-convictions/',
        title: 'Officer convictions',
        date: '2024-05-12',
        summary: 'How many officers were convicted?',
        reference: '01.FOI.24.035089',
      },
      {
        url: 'https://www.essex.police.uk/foi-ai/essex-police/disclosure/2024/april/drones/',
        title: 'Use of drones',
        date: '2024-04-03',
        summary: null,
        reference: null,
      },
    ]);
  });

  it('follows rel=next, and stops when there is none', () => {
    expect(a.nextPage(listing, base)).toBe('https://www.essex.police.uk/foi-ai/essex-police/disclosure-log/?page=3');
    expect(a.nextPage('<main><ol class="disclosure-results"></ol></main>', base)).toBeNull();
  });

  it('finds document links in the page content only, once each', () => {
    const page = `<header><a href="/leaflet.pdf">Site leaflet</a></header>
      <main><h1>Officer convictions</h1>
      <p><a href="/SysSiteAssets/foi-media/essex-police/convictions.pdf">Convictions (PDF)</a></p>
      <p><a href="/SysSiteAssets/foi-media/essex-police/data.XLSX?v=2">data.xlsx</a></p>
      <p><a href="/SysSiteAssets/foi-media/essex-police/convictions.pdf">again</a></p>
      <p><a href="/foi-ai/essex-police/">Back</a> <a href="mailto:foi@essex.police.uk">Email</a></p>
      <p><a href="/media/list%20of%20cases.csv"></a></p></main>`;
    expect(a.attachmentLinks(page, base)).toEqual([
      { url: 'https://www.essex.police.uk/SysSiteAssets/foi-media/essex-police/convictions.pdf', name: 'Convictions (PDF)' },
      { url: 'https://www.essex.police.uk/SysSiteAssets/foi-media/essex-police/data.XLSX?v=2', name: 'data.xlsx' },
      { url: 'https://www.essex.police.uk/media/list%20of%20cases.csv', name: 'list of cases.csv' },
    ]);
  });
});

describe('West Midlands adapter', () => {
  const a = adapterFor(force('west-midlands'));
  const base = 'https://foi.west-midlands.police.uk/';
  const listing = `<main>
    <article class="post type-post sticky"><h2 class="entry-title"><a href="https://foi.west-midlands.police.uk/covid/">How we are working during COVID-19</a></h2><time class="entry-date" datetime="2020-03-24T09:00:00+00:00">24 March 2020</time></article>
    <article class="post type-post"><h2 class="entry-title"><a href="https://foi.west-midlands.police.uk/officer-convictions-266a-20/">Officer Convictions (266A/20)</a></h2><time class="entry-date" datetime="2020-07-01T09:00:00+00:00">1 July 2020</time><div class="entry-summary"><p>For each of the calendar years…</p></div></article>
    <article class="post type-post"><h2 class="entry-title"><a href="/drones-4714-14/">Drones (4714/14)</a></h2><span class="posted-on">12 June 2014</span></article>
    <div class="nav-previous"><a class="next page-numbers" href="https://foi.west-midlands.police.uk/page/2/">Older posts</a></div></main>`;

  it('drops sticky notices and splits the reference off the title', () => {
    expect(a.listingItems(listing, base)).toEqual([
      { url: 'https://foi.west-midlands.police.uk/officer-convictions-266a-20/', title: 'Officer Convictions', date: '2020-07-01', summary: 'For each of the calendar years…', reference: '266A/20' },
      { url: 'https://foi.west-midlands.police.uk/drones-4714-14/', title: 'Drones', date: '2014-06-12', summary: null, reference: '4714/14' },
    ]);
    expect(a.nextPage(listing, base)).toBe('https://foi.west-midlands.police.uk/page/2/');
  });

  it('finds 100A_23_attachment.pdf and 100A_23_PIT.pdf style attachments', () => {
    const page = `<article class="post"><div class="entry-content"><p><a href="/wp-content/uploads/2023/05/100A_23_attachment.pdf">Attachment</a> <a href="/wp-content/uploads/2023/05/100A_23_PIT.pdf">Public interest test</a></p></div></article>`;
    expect(a.attachmentLinks(page, base).map((l) => l.url)).toEqual([
      'https://foi.west-midlands.police.uk/wp-content/uploads/2023/05/100A_23_attachment.pdf',
      'https://foi.west-midlands.police.uk/wp-content/uploads/2023/05/100A_23_PIT.pdf',
    ]);
  });
});

describe('PSNI adapter', () => {
  const a = adapterFor(force('psni'));
  const base = 'https://www.psni.police.uk/foi-disclosure-log';
  const listing = `<main><div class="disclosure-log-list">
    <div class="card"><p class="card__date">February 04, 2026 | Legacy and Legal</p><h3 class="card__title"><a href="/foi-disclosure-log/ruc-duty-officer-logs">RUC Duty Officer Logs</a></h3><p class="card__summary">Request Number: FOI/15751</p></div>
    <div class="card"><p class="card__date">January 28, 2025 | Policies</p><h3><a href="/foi-disclosure-log/police-kit">Police Kit</a></h3><p class="card__summary">Request: F-013412</p></div>
    <div class="card"><h3><a href="/advice">Advice</a></h3></div>
  </div><ul><li class="pager__item pager__item--next"><a href="?page=1">Next page</a></li></ul></main>`;

  it('reads month-first dates and request numbers', () => {
    expect(a.listingItems(listing, base)).toEqual([
      { url: 'https://www.psni.police.uk/foi-disclosure-log/ruc-duty-officer-logs', title: 'RUC Duty Officer Logs', date: '2026-02-04', summary: 'Request Number: FOI/15751', reference: 'FOI/15751' },
      { url: 'https://www.psni.police.uk/foi-disclosure-log/police-kit', title: 'Police Kit', date: '2025-01-28', summary: 'Request: F-013412', reference: 'F-013412' },
    ]);
    expect(a.nextPage(listing, base)).toBe('https://www.psni.police.uk/foi-disclosure-log?page=1');
  });
});

describe('Police Scotland adapter', () => {
  const a = adapterFor(force('police-scotland'));
  const base = 'https://www.scotland.police.uk/access-to-information/freedom-of-information/disclosure-log/';
  const listing = `<main><table class="disclosure-log"><thead><tr><th>Date</th><th>Reference</th><th>Title</th></tr></thead><tbody>
    <tr><td class="date">28/01/2025</td><td class="reference">FOI 25-0691</td><td><a href="disclosure-log-2025/january/officers-convicted-25-0691/">Officers convicted</a></td></tr>
    <tr><td class="date">not dated</td><td class="reference"></td><td><a href="disclosure-log-2024/may/drones/">Drones</a></td></tr>
  </tbody></table><div class="pagination"><a class="next" href="?page=2">Next</a></div></main>`;

  it('reads table rows, day-first dates, FOISA references', () => {
    expect(a.listingItems(listing, base)).toEqual([
      { url: `${base}disclosure-log-2025/january/officers-convicted-25-0691/`, title: 'Officers convicted', date: '2025-01-28', summary: 'FOI 25-0691', reference: 'FOI 25-0691' },
      { url: `${base}disclosure-log-2024/may/drones/`, title: 'Drones', date: null, summary: null, reference: null },
    ]);
    expect(a.nextPage(listing, base)).toBe(`${base}?page=2`);
  });
});

describe('generic adapter (selectors from forces.json overrides)', () => {
  const a = adapterFor(force('avon-and-somerset'));
  const base = 'https://www.avonandsomerset.police.uk/about/freedom-of-information/previous-foi-requests/';
  it('is driven by the force overrides', () => {
    const listing = `<main><div class="foi-list">
      <div class="foi-list__item"><a class="foi-list__link" href="sexual-misconduct-337-21/">Sexual misconduct 2017-2020</a><span class="foi-list__date">14/06/2021</span><span class="foi-list__ref">Reference 337/21</span></div>
    </div><div class="foi-pager"><a class="foi-pager__next" href="?page=2">Next page</a></div></main>`;
    expect(a.platform).toBe('generic');
    expect(a.listingItems(listing, base)).toEqual([
      { url: `${base}sexual-misconduct-337-21/`, title: 'Sexual misconduct 2017-2020', date: '2021-06-14', summary: 'Reference 337/21', reference: null },
    ]);
    expect(a.nextPage(listing, base)).toBe(`${base}?page=2`);
  });

  it('finds nothing on a page whose markup it does not know (the zero-item signal)', () => {
    expect(a.listingItems('<main><ul class="new-design"><li><a href="/x/">X</a></li></ul></main>', base)).toEqual([]);
  });
});

describe('link helpers', () => {
  it.each([
    ['/a/b.pdf#p2', 'https://x.police.uk/foi/', 'https://x.police.uk/a/b.pdf'],
    ['c.pdf', 'https://x.police.uk/foi/', 'https://x.police.uk/foi/c.pdf'],
    ['mailto:a@b', 'https://x.police.uk/', null],
    ['javascript:void(0)', 'https://x.police.uk/', null],
    ['#top', 'https://x.police.uk/', null],
    ['ftp://x/y.pdf', 'https://x.police.uk/', null],
    [undefined, 'https://x.police.uk/', null],
    ['  /a/b.pdf#  ', 'https://x.police.uk/foi/#frag', 'https://x.police.uk/a/b.pdf'],
    ['?page=2', 'https://x.police.uk/foi/?page=1#top', 'https://x.police.uk/foi/?page=2'],
    ['/a/%23b.pdf', 'https://x.police.uk/', 'https://x.police.uk/a/%23b.pdf'],
    ['/a\tb#c', 'https://x.police.uk/', 'https://x.police.uk/ab'],
  ])('resolveLink(%s)', (href, base, want) => {
    expect(resolveLink(href, base)).toBe(want);
  });

  it('resolveLink is the WHATWG resolution of the link with its fragment dropped, for any link (property)', () => {
    const part = fc.constantFrom('a', 'b.pdf', '/', '//', '#', '#x', '?', '?q=1', '%', '%23', '..', '.', ' ', '\t', '\\', 'é', ':', '@', 'http:', 'https://y.police.uk');
    fc.assert(
      fc.property(fc.array(part, { maxLength: 8 }), fc.constantFrom('https://x.police.uk/foi/a/', 'http://127.0.0.1:8080/p?q=1#f'), (parts, base) => {
        const href = parts.join('');
        const h = href.trim();
        let want: string | null = null;
        if (h && !h.startsWith('#') && !/^(javascript|mailto|tel|data):/i.test(h)) {
          try {
            const u = new URL(h, base);
            u.hash = '';
            want = u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
          } catch {
            want = null;
          }
        }
        expect(resolveLink(href, base)).toBe(want);
      }),
      { numRuns: 2000, seed: 17 },
    );
  });

  it.each([
    ['https://x/a/File.PDF', 'pdf'],
    ['https://x/a/data.xlsx?download=1', 'xlsx'],
    ['https://x/a/page/', ''],
    ['https://x/a/.hidden', ''],
  ])('extensionOf(%s) = %s', (url, want) => {
    expect(extensionOf(url)).toBe(want);
  });
});
