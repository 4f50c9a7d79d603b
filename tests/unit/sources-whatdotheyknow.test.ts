// WhatDoTheyKnow pages as Alaveteli publishes them, and the document kept from a request:
// the authority's responses without anyone's name; described_state → outcome.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { outcomeFromState } from '../../src/harvest/source-facts.js';
import { buildRequestDocument, cleanParagraphs } from '../../src/sources/whatdotheyknow/document.js';
import { listedState, listedUpdate, listingAdapter, parseRequestJson, threadMessages, WDTK_STATES } from '../../src/sources/whatdotheyknow/pages.js';

const SITE = join(import.meta.dirname, '..', '..', 'fixtures', 'sites', 'whatdotheyknow');
const BASE = 'https://www.whatdotheyknow.com';

describe('WhatDoTheyKnow pages', () => {
  it('an authority\'s request list: items, dates, listed state, next page', () => {
    const html = readFileSync(join(SITE, 'body', 'essex_police', 'index.html'), 'utf8');
    const a = listingAdapter();
    const found = a.discover(html, `${BASE}/body/essex_police`);
    expect(found.via).toBe('selectors');
    expect(found.items.map((i) => [new URL(i.url).pathname, i.date, listedState(i.summary), listedUpdate(i.summary)])).toEqual([
      ['/request/use_of_live_facial_recognition_vans', '2025-02-11', 'waiting_response', '2025-02-12'],
      ['/request/officers_suspended_or_on_restricted_duties', '2024-08-02', 'successful', '2024-08-29'],
      ['/request/officers_dismissed_for_gross_misconduct_2019', '2024-05-10', 'partially_successful', '2024-06-06'],
    ]);
    expect(a.nextPage(html, `${BASE}/body/essex_police`)).toBe(`${BASE}/body/essex_police?page=2`);
  });

  it('a request page: the thread in order, incoming and outgoing, attachments without the "View as HTML" copies', () => {
    const html = readFileSync(join(SITE, 'request', 'misconduct_hearings_held_in_private', 'index.html'), 'utf8');
    const msgs = threadMessages(html, `${BASE}/request/misconduct_hearings_held_in_private`);
    expect(msgs.map((m) => [m.direction, m.date])).toEqual([
      ['outgoing', '2024-01-08'],
      ['incoming', '2024-02-05'],
      ['outgoing', '2024-02-09'],
      ['incoming', '2024-02-12'],
    ]);
    const withAtt = threadMessages(readFileSync(join(SITE, 'request', 'officers_suspended_or_on_restricted_duties', 'index.html'), 'utf8'), `${BASE}/request/x`);
    expect(withAtt.flatMap((m) => m.attachments)).toEqual([{ url: `${BASE}/request/officers_suspended_or_on_restricted_duties/response/90188/attach/2/Response%2019139.xlsx`, name: 'Response 19139.xlsx' }]);
  });

  it('a request\'s JSON is checked; a broken one is one line', () => {
    const r = parseRequestJson(readFileSync(join(SITE, 'request', 'vetting_refusals_by_ethnicity.json'), 'utf8'));
    expect([r.url_title, r.described_state, r.law_used, r.public_body?.url_name]).toEqual(['vetting_refusals_by_ethnicity', 'rejected', 'foi', 'wmp']);
    expect(() => parseRequestJson('{')).toThrow('request JSON does not parse');
    expect(() => parseRequestJson('{"title":"x","described_state":"successful"}')).toThrow('request JSON lacks url_title');
  });
});

describe('the document kept from a request', () => {
  it('drops salutations, the sign-off block, e-mail addresses and the requester\'s name', () => {
    const requester = /\b(?:Alex Brennan-Whitlock|Alex|Brennan|Whitlock)\b/gi;
    expect(
      cleanParagraphs(['Dear Alex Brennan-Whitlock,', 'Reference: 19139', 'As Mr Whitlock asked, 4 officers.', 'Write to foi@essex.police.uk.', 'Yours sincerely,', 'Priya Castellane', 'Information Rights Officer'], requester),
    ).toEqual(['Reference: 19139', 'As Mr [requester] asked, 4 officers.', 'Write to [e-mail address removed].']);
  });

  it('keeps the request and every response, and no one\'s name, from a real-shaped thread', () => {
    const title = 'misconduct_hearings_held_in_private';
    const req = parseRequestJson(readFileSync(join(SITE, 'request', `${title}.json`), 'utf8'));
    const msgs = threadMessages(readFileSync(join(SITE, 'request', title, 'index.html'), 'utf8'), `${BASE}/request/${title}`);
    const { html } = buildRequestDocument(req, msgs, `${BASE}/request/${title}`);
    expect(html).toContain('<p>Date of request: 8 January 2024</p>');
    expect(html).toContain('<p>Date of response: 12 February 2024</p>');
    expect(html).toContain('How many police misconduct hearings were held in private in 2022 and 2023');
    expect(html).toContain('Section 40(5)');
    // The requester's follow-up (internal review request) is theirs, not the authority's: left out.
    expect(html).not.toContain('Please pass this on');
    for (const name of ['Jordan', 'Pike', 'Adebayo', 'Hannah', 'Quill', '@']) expect(html).not.toContain(name);
  });

  it.each([
    ['successful', 'full'],
    ['partially_successful', 'partial'],
    ['rejected', 'refused'],
    ['not_held', 'not_held'],
    ['waiting_response', 'unknown'],
    ['internal_review', 'unknown'],
    ['vexatious', 'unknown'],
    [null, 'unknown'],
  ] as const)('described_state %s → outcome %s', (state, outcome) => {
    expect(outcomeFromState(state)).toBe(outcome);
  });

  it('knows the fourteen Alaveteli states', () => {
    expect(WDTK_STATES).toHaveLength(14);
  });
});
