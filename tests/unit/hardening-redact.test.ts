// redactPersonal: dates of birth and names introduced by a rank or title become
// "[redacted]"; everything a disclosure is made of (forces, ranks alone, months, sections,
// ages) stays exactly as printed.
import { describe, expect, it } from 'vitest';
import { redactDisclosure, redactPersonal } from '../../src/extract/redact.js';
import type { Disclosure } from '../../src/records/schema.js';

const REDACTS: [string, string][] = [
  // dates of birth, label kept
  ['DOB 01/02/1980', 'DOB [redacted]'],
  ['D.O.B. 1.2.80', 'D.O.B. [redacted]'],
  ['dob: 1980-02-01', 'dob: [redacted]'],
  ['date of birth: 1 February 1980', 'date of birth: [redacted]'],
  ['Date of Birth | 12/11/1975 | Sergeant', 'Date of Birth | [redacted] | Sergeant'],
  ['born on 3rd March 1979 in Leeds', 'born on [redacted] in Leeds'],
  ['born 3 March 1979', 'born [redacted]'],
  ['born in 1979', 'born in [redacted]'],
  ['born on March 3, 1979', 'born on [redacted]'],
  // names after a rank or title (the rank stays)
  ['PC John Smith was convicted', 'PC [redacted] was convicted'],
  ['PC Smith was convicted', 'PC [redacted] was convicted'],
  ['PC 1234 J. Smith', 'PC 1234 [redacted]'],
  ['Detective Sergeant Jane Doe, 34, resigned', 'Detective Sergeant [redacted], 34, resigned'],
  ['Det Sgt Jane Doe', 'Det Sgt [redacted]'],
  ['DC Alan Brown-Jones', 'DC [redacted]'],
  ['Mr Smith said', 'Mr [redacted] said'],
  ['Mrs Ann-Marie O\'Neil', 'Mrs [redacted]'],
  ['officer Neal Porter admitted it', 'officer [redacted] admitted it'],
  ['Police Constable Ian McDonald of Kent Police', 'Police Constable [redacted] of Kent Police'],
  ['Chief Constable Sir Mark Rowley said', 'Chief Constable Sir [redacted] said'],
  ['Sgt. Peter Lee Hall was dismissed', 'Sgt. [redacted] was dismissed'],
  ['a male police constable, Gareth Pimlott, who was', 'a male police constable, [redacted], who was'],
  // names before ", a … officer"
  ['Neal Porter, a serving police officer, was jailed', '[redacted], a serving police officer, was jailed'],
  ['Yesterday John Smith, a serving police officer, was', 'Yesterday [redacted], a serving police officer, was'],
  ['Jane Roe, 41, the detective sergeant', '[redacted], 41, the detective sergeant'],
  // an age is personal (issue 14); an age band is a figure
  ['(aged 34)', '(aged [redacted])'],
  ['a constable aged 34 was convicted', 'a constable aged [redacted] was convicted'],
  // issue 14: names in capitals, with no rank, Welsh and accented, split over two lines,
  // three initials, "Officer Connor", lower case, D'Souza, SURNAME, Forename; DOB with a format
  ['JOHN SMITH, a serving police constable, was charged', '[redacted], a serving police constable, was charged'],
  ['Police Constable MARK JONES was dismissed', 'Police Constable [redacted] was dismissed'],
  ['Sarah Williams was dismissed in 2022.', '[redacted] was dismissed in 2022.'],
  ['Siân ap Gruffydd resigned', '[redacted] resigned'],
  ['Zoë Ó Briain was convicted of fraud', '[redacted] was convicted of fraud'],
  ['The officer, PC John\nSmith, was dismissed', 'The officer, PC [redacted]\n, was dismissed'],
  ['Sarah\nWilliams was dismissed', '[redacted] was dismissed'],
  ['PC J. R. T. Smith resigned', 'PC [redacted] resigned'],
  ['PC J.R.T. Smith resigned', 'PC [redacted] resigned'],
  ['Officer Connor said', 'Officer [redacted] said'],
  ['PC smith was dismissed', 'PC [redacted] was dismissed'],
  ["DI D'Souza resigned", 'DI [redacted] resigned'],
  ['BAKER, Thomas | Harassment | Dismissed', '[redacted] | Harassment | Dismissed'],
  ['Date of Birth (DD/MM/YYYY): 01/02/1980', 'Date of Birth (DD/MM/YYYY): [redacted]'],
  ['The officer, aged 43, resigned', 'The officer, aged [redacted], resigned'],
  // both in one line
  ['PC John Smith (DOB 01/02/1980) was convicted', 'PC [redacted] (DOB [redacted]) was convicted'],
];

const KEEPS: string[] = [
  'Police Scotland',
  'Chief Constable',
  'the Chief Constable decided',
  'Chief Constable of Essex Police',
  'Sergeant West Midlands Police',
  'a Police Scotland officer was charged',
  'Metropolitan Police Service',
  'Avon and Somerset Constabulary',
  'Police Constable | Male | Convicted',
  'Sergeant | Female | 2019',
  'one Detective Constable, currently suspended',
  'Section 40(2) and Section 31(1)(g) apply',
  'Officer Convictions (266A/20)',
  'March 2021 to April 2022',
  'between 1 January 2018 and 31 December 2022',
  'Date received: 01/02/2024',
  'Two officers were convicted in 2019.',
  'Inspector of Constabulary',
  'Officers Dismissed',
  'Officer Misconduct Regulations',
  'the officer, The Times reported',
  'Officers aged 18-24: 12',
  'officers aged 40 and over',
  'Officer Safety Training',
  'concerning Charlie Hebdo Magazine enquiries',
  'PC numbers fell in 2023',
  'KENT, Maidstone',
  'Swansea Crown Court',
  'Officer | Offence | Outcome',
  'a constable, Police Scotland said',
  '',
];

describe('redactPersonal', () => {
  it.each(REDACTS)('%j → %j', (input, expected) => {
    expect(redactPersonal(input)).toBe(expected);
  });
  it.each(KEEPS.map((k) => [k]))('keeps %j', (input) => {
    expect(redactPersonal(input)).toBe(input);
  });
  it('is idempotent', () => {
    for (const [input] of REDACTS) expect(redactPersonal(redactPersonal(input))).toBe(redactPersonal(input));
  });
});

describe('redactDisclosure', () => {
  it('redacts every free-text field and leaves locators, ids and numbers alone', () => {
    const sha = 'a'.repeat(64);
    const base = { disclosure_id: 'x/1', ordinal: 1, locator: 'char:0-10', sha256: sha };
    const d: Disclosure = {
      id: 'x/1', force: null, kind: 'news_article', reference: null, publication_ref: null, title: 'PC John Smith jailed', url: null,
      request_date: null, response_date: null, published_date: null, outcome: 'unknown', ncnd: false, cost_limit: false, topics: [],
      request_text: 'Mr Smith asked', content_sha256: sha, parser_version: '1', warnings: ['table row naming DS Jane Doe'],
      questions: [{ ...base, label: '1', text: 'Was PC John Smith convicted?' }],
      periods: [{ ...base, start: null, end: null, questions: [], text: 'since PC Smith joined' }],
      exemptions: [{ ...base, act: 'FOIA', citation: '40(2)', section: '40', name: null, class: 'absolute', ncnd: false, text: 'Section 40(2): Mr Smith' }],
      figures: [{ ...base, value: 1, measure: 'officers', event: 'convicted', question: null, period_start: null, period_end: null, year: null, offence: 'assault on PC Ann Lee', offence_category: null, gender: null, rank: null, status: null, label: 'DOB 01/02/1980', is_total: false, text: 'PC John Smith, convicted' }],
      cases: [{ ...base, role: 'police_officer', rank: 'constable', gender: null, offence: 'theft', offence_category: 'dishonesty', event: 'convicted', event_year: 2019, event_date: null, disposal: 'fined; Mr Smith appealed', status_at_event: null, status_now: null, text: 'PC John Smith (born 1980)' }],
      attachments: [],
    };
    const out = redactDisclosure(d);
    const json = JSON.stringify(out);
    for (const leak of ['John', 'Smith', 'Jane', 'Doe', 'Ann Lee', '01/02/1980', '1980']) expect(json).not.toContain(leak);
    expect(out.figures[0].locator).toBe('char:0-10');
    expect(out.figures[0].value).toBe(1);
    expect(out.cases[0].text).toBe('PC [redacted] (born [redacted])');
    expect(out.request_text).toBe('Mr [redacted] asked');
  });
});

describe('headings are not names', () => {
  it.each([['Officer Convictions'], ['Police Officer / PCSO Crimes'], ['Officer Vetting'], ['Sergeant Recruitment']])('%s stays', (t) => {
    expect(redactPersonal(t)).toBe(t);
  });
});
