// Generates Single Online Home sites for the crawl bench: per force a robots.txt, three
// listing pages (4 + 4 + 2 items, newest first, paginated with ?page=N) and ten disclosure
// pages from a few templates with varied numbers; every fifth page links a CSV attachment.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CODE_ROOT, rng, int, pick } from './lib/stats.mjs';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const TOPICS = [
  { slug: 'officers-convicted-of-criminal-offences', title: 'Officers convicted of criminal offences', ask: 'How many serving police officers were convicted of a criminal offence?' },
  { slug: 'officers-suspended-or-on-restricted-duties', title: 'Officers suspended or on restricted duties', ask: 'How many police officers are currently suspended from duty?' },
  { slug: 'gross-misconduct-hearings', title: 'Gross misconduct hearings and outcomes', ask: 'How many gross misconduct hearings were held, and with what outcome?' },
  { slug: 'vetting-failures', title: 'Vetting and re-vetting failures', ask: 'How many serving officers failed re-vetting?' },
  { slug: 'sexual-misconduct-allegations', title: 'Sexual misconduct allegations against officers', ask: 'How many allegations of sexual misconduct were made against officers?' },
];

const chrome = (force, title, main, variant) => `<!DOCTYPE html>
<html lang="en-GB">
<head><meta charset="utf-8"><title>${title} | ${force.name}</title>${variant ? `<!-- variant ${variant} -->` : ''}</head>
<body>
<a class="quick-exit" href="https://www.bbc.co.uk/weather">Quickly exit this site by pressing the Escape key</a>
<div class="cookie-banner"><p>We use some essential cookies to make our website work.</p><button>Accept additional cookies</button></div>
<header class="site-header"><a href="/">${force.name}</a></header>
<main id="main-content">
${main}
</main>
<footer class="site-footer"><p>© ${force.name}</p></footer>
</body>
</html>
`;

function disclosurePage(force, item, rand, variant) {
  const years = [2019, 2020, 2021, 2022, 2023];
  const figures = years.map((y) => `<li>${y} = ${int(rand, 0, 30)}</li>`).join('');
  const csv = item.attachment ? `<p>Please see the attached document: <a href="${item.attachment}">Data (CSV)</a></p>` : '';
  const main = `<h1>${item.topic.title}</h1>
<div class="disclosure-meta"><p>Published date: ${item.day} ${item.month[0].toUpperCase()}${item.month.slice(1)} ${item.year}</p></div>
<p>Freedom of information request reference no: ${item.ref}</p>
<p>I note you seek access to the following information:</p>
<p>For each of the calendar years 2019 to 2023 (inclusive), please provide:</p>
<p>1. ${item.topic.ask}</p>
<p>2. For each officer, their rank and the outcome.</p>
<h2>DECISION</h2>
<p>I have today decided to disclose some of the requested information. Some data has been withheld as it is exempt from disclosure and therefore this response serves as a Refusal Notice under Section 17 of the Freedom of Information Act 2000.</p>
<h2>Response</h2>
<h3>Question 1</h3><ul>${figures}</ul>
<h3>Question 2</h3><p>Where the number in any one year is fewer than ${int(rand, 3, 6)}, the rank and outcome have been withheld under Section 40(2) – Personal information, as to provide them could identify the officers concerned.</p>
${csv}
<p>Yours sincerely,</p><p>Information Rights Unit</p>`;
  return chrome(force, item.topic.title, main, variant);
}

function listingPage(force, items, page, pages, variant, legacy) {
  const li = items
    .map(
      (it) =>
        `<li class="disclosure-result"><h3><a href="${it.path}">${it.topic.title}</a></h3><p class="summary">${it.topic.ask}</p><p class="published-date">Published: <time datetime="${it.iso}">${it.day} ${it.month} ${it.year}</time></p><p class="reference">Reference no: ${it.ref}</p></li>`,
    )
    .join('\n');
  const href = legacy ? `/foi-ai/${force.site_slug}/disclosure-log/?page=${page + 1}` : `${LOG_PATH}${LOG_QUERY}&page=${page + 1}`;
  const next = page < pages ? ` <a rel="next" href="${href}">Next</a>` : '';
  const main = `<h1>Disclosure log</h1>
<ol class="disclosure-results">
${li}
</ol>
<nav class="pagination" aria-label="Pagination"> <span>Page ${page} of ${pages}</span>${next}</nav>`;
  return chrome(force, 'Disclosure log', main, variant);
}

// The platform's shared search page is every force's log (src/sources/platforms.json); the
// fixture server maps its query string to a sibling file (index__<query>.html).
const LOG_PATH = '/foi-ai/af/accessing-information/published-items/';
const LOG_QUERY = '?q=&dt=Disclosure+log';

/**
 * Where the listing pages are. 'search': the shared search page above (what the registry says
 * now). 'legacy': a log per force at /foi-ai/<site_slug>/disclosure-log/, where builds from
 * before the sources issue look (the issue-time build of issue 17, say): the same pages under
 * the old address, so such a build can be measured on this bench, like with like.
 */
function listingFile(force, p, legacy) {
  if (legacy) return `foi-ai/${force.site_slug}/disclosure-log/${p === 0 ? 'index.html' : `index__page_${p + 1}.html`}`;
  return `${LOG_PATH.slice(1)}${p === 0 ? 'index__q_dt_Disclosure_log.html' : `index__q_dt_Disclosure_log_page_${p + 1}.html`}`;
}

function write(root, rel, body) {
  const p = join(root, rel);
  mkdirSync(join(p, '..'), { recursive: true });
  writeFileSync(p, body);
}

/**
 * Writes one site per force under `root/<force id>`; returns the request count a full harvest of each needs.
 * `variant` (> 0) marks every page with a comment: the same sites, as new text. A process that
 * harvests the same pages twice may keep something of the first parse (a kept listing tree hit
 * the second time round, issue 17); each measured harvest gets pages no earlier harvest read.
 * `listing`: 'search' (default) or 'legacy' (see listingFile).
 */
export function generateSites(root, forces, { perPage = [4, 4, 2], variant = 0, listing = 'search' } = {}) {
  const legacy = listing === 'legacy';
  const out = [];
  forces.forEach((force, fi) => {
    const rand = rng(1000 + fi);
    const dir = join(root, force.id);
    const total = perPage.reduce((a, b) => a + b, 0);
    const items = [];
    for (let i = 0; i < total; i++) {
      // Newest first: a month further back per item.
      const year = 2025 - Math.floor(i / 12);
      const m = 11 - (i % 12);
      const topic = TOPICS[(i + fi) % TOPICS.length];
      const ref = String(20000 - i * 37 - fi);
      const day = int(rand, 1, 28);
      const path = `/foi-ai/${force.site_slug}/disclosure/${year}/${MONTHS[m]}/${topic.slug}-${ref}/`;
      const attachment = i % 5 === 4 ? `/SysSiteAssets/foi-media/${force.site_slug}/${topic.slug}-${ref}.csv` : null;
      items.push({ topic, ref, day, year, month: MONTHS[m], iso: `${year}-${String(m + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`, path, attachment });
    }
    write(dir, 'robots.txt', 'User-agent: *\nDisallow: /search/\n');
    let at = 0;
    perPage.forEach((n, p) => {
      write(dir, listingFile(force, p, legacy), listingPage(force, items.slice(at, at + n), p + 1, perPage.length, variant, legacy));
      at += n;
    });
    for (const it of items) {
      write(dir, `${it.path.slice(1)}index.html`, disclosurePage(force, it, rand, variant));
      if (it.attachment) {
        const rows = [2019, 2020, 2021, 2022, 2023].map((y) => `${y},${int(rand, 0, 20)},${int(rand, 0, 9)}`).join('\n');
        write(dir, it.attachment.slice(1), `Year,Officers convicted,Officers dismissed\n${rows}\n`);
      }
    }
    const attachments = items.filter((i) => i.attachment).length;
    out.push({ force: force.id, dir, requests: 1 + perPage.length + items.length + attachments });
  });
  return out;
}

/**
 * The forces the crawl rows generate sites for: as many Single Online Home forces as the registry
 * of the code under test has, up to `hosts` (it lists 38 now), each with a fixed latency drawn
 * from 20–50 ms (seeded: the same every run).
 */
export async function benchForces(hosts) {
  const { FORCES } = await import(join(CODE_ROOT, 'dist', 'sources', 'registry.js'));
  const forces = FORCES.filter((f) => f.supported && f.platform === 'single-online-home' && f.site_slug).slice(0, hosts);
  if (forces.length < Math.min(hosts, 20)) throw new Error(`only ${forces.length} Single Online Home forces in the registry, ${hosts} wanted`);
  const rand = rng(42);
  return { forces, latency: Object.fromEntries(forces.map((f) => [f.id, int(rand, 20, 50)])) };
}
