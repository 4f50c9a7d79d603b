// Documents for the memory bench, from a few templates with varied numbers and a unique
// reference each (so every one is a new disclosure in the store): a Single Online Home page,
// a West Midlands-style page, and a plain-text response letter.
import { rng, int, pick } from './lib/stats.mjs';

const FORCE_NAMES = ['Essex Police', 'Kent Police', 'Norfolk Constabulary', 'Surrey Police', 'Dorset Police', 'Cheshire Constabulary'];
const OUTCOMES = ['dismissed', 'resigned', 'given a final written warning', 'still serving'];

function soh(i, r) {
  const force = pick(r, FORCE_NAMES);
  const years = [2019, 2020, 2021, 2022, 2023].map((y) => `<li>${y} = ${int(r, 0, 40)}</li>`).join('');
  return {
    contentType: 'text/html; charset=utf-8',
    url: `https://www.essex.police.uk/foi-ai/essex-police/disclosure/2024/may/officer-convictions-${i}/`,
    body: `<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>Officer convictions | ${force}</title></head><body>
<a class="quick-exit" href="https://www.bbc.co.uk/weather">Quickly exit this site</a>
<main id="main-content"><h1>Officer convictions</h1>
<div class="disclosure-meta"><p>Published date: ${int(r, 1, 28)} May 2024</p></div>
<p>Freedom of information request reference no: ${100000 + i}</p>
<p>I note you seek access to the following information:</p>
<p>1. How many serving police officers were convicted of a criminal offence in each of the calendar years 2019 to 2023?</p>
<p>2. How many of those officers remain employed by the force?</p>
<h2>Response</h2><h3>Question 1</h3><ul>${years}</ul>
<h3>Question 2</h3><p>${int(r, 0, 12)} of the officers convicted in this period remain employed.</p>
<p>Names are withheld under Section 40(2) – Personal information.</p></main></body></html>`,
  };
}

function wmp(i, r) {
  const ref = `${1000 + (i % 9000)}A/${20 + (i % 6)}`;
  return {
    contentType: 'text/html; charset=utf-8',
    url: `https://foi.west-midlands.police.uk/officers-suspended-${i}/`,
    body: `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Officers suspended (${ref}) – West Midlands Police</title></head><body>
<main id="main" class="site-main"><article class="post"><header class="entry-header"><h1 class="entry-title">Officers suspended (${ref}-${i})</h1>
<time class="entry-date published" datetime="2023-0${1 + (i % 9)}-1${i % 9}T09:00:00+00:00">1${i % 9} 2023</time></header>
<div class="entry-content"><h2>Request</h2>
<p>1) How many police officers are currently suspended?</p><p>2) How many officers are on restricted duties?</p>
<h2>Response</h2><h3>Q1</h3><p>${int(r, 0, 30)} officers are currently suspended.</p>
<h3>Q2</h3><p>${int(r, 0, 60)} officers are on restricted duties, of whom ${int(r, 0, 9)} are PCSOs.</p>
</div></article></main></body></html>`,
  };
}

function letter(i, r) {
  const y = 2018 + (i % 5);
  return {
    contentType: 'text/plain; charset=utf-8',
    url: null,
    body: `Officer Dismissals (${i}A/23)

Request

For each of the calendar years ${y}, ${y + 1} and ${y + 2}, could you please tell me:

1) How many police officers were dismissed following a gross misconduct hearing?

2) How many police officers resigned or retired while under investigation?

Response

I have today decided to disclose the requested information.

In ${y} ${int(r, 0, 20)} officers were dismissed and ${int(r, 0, 20)} resigned. In ${y + 1} ${int(r, 0, 20)} officers were dismissed; ${int(r, 0, 9)} were ${pick(r, OUTCOMES)}.

Section 40(2) is an absolute and class based exemption and there is no requirement to consider the public interest.
`,
  };
}

const TEMPLATES = [soh, wmp, letter];

/** Document number `i` (deterministic). */
export function generatedDocument(i) {
  const r = rng(i + 1);
  const d = TEMPLATES[i % TEMPLATES.length](i, r);
  return { bytes: Buffer.from(d.body), url: d.url, contentType: d.contentType };
}
