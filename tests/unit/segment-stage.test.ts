// The segment stage, rule by rule, in our own words: each case names the wording family it
// stands for (src/segment/cues.ts, kind-cues.ts, tokens.ts) and the field it feeds.
import { describe, expect, it } from 'vitest';
import { extractDisclosure, segmentSource } from '../../src/extract/disclosure.js';
import { generalCounts, statusFromText } from '../../src/extract/figures.js';
import { readText } from '../../src/readers/text.js';
import { readHtml } from '../../src/readers/html.js';
import { explainSegmentation } from '../../src/segment/explain.js';
import { tokenizeNumbers } from '../../src/segment/tokens.js';
import type { Role } from '../../src/segment/types.js';

const SHA = 'b'.repeat(64);
const parse = (text: string, url: string | null = null) => extractDisclosure(readText(text), { url, force: null, sha256: SHA });

/** The role of the line that contains `needle`. */
function roleOf(text: string, needle: string): Role {
  const { seg } = segmentSource(readText(text), null);
  const r = seg.lines.find((x) => x.line.text.includes(needle));
  if (!r) throw new Error(`no line with ${needle}`);
  return r.role;
}

const LETTER = [
  'Anyshire Constabulary',
  'Force Headquarters, Mill Road',
  'Townford AB1 2CD',
  'Date: 4 May 2021',
  'Dear Ms Reader,',
  'Thank you for your request for information received on 12 April 2021.',
  'You asked:',
  '1. How many officers were dismissed in 2020?',
  'Response',
  '1. Four officers were dismissed in 2020.',
  'Public interest test',
  'Disclosure would reveal tactics, and the balance of the public interest favours withholding it.',
  'If you are dissatisfied with this response you may ask for an internal review within 40 working days.',
  'Information Commissioner’s Office, Wycliffe House, Water Lane, Wilmslow, Cheshire SK9 5AF',
  'Yours sincerely',
  'Disclosure Officer',
].join('\n');

describe('roles', () => {
  it.each<[string, string, Role]>([
    ['letterhead: the sender above an authority’s salutation', 'Anyshire Constabulary', 'metadata'],
    ['letterhead: a postal address', 'Townford AB1 2CD', 'metadata'],
    ['the request quoted after "You asked:"', 'How many officers were dismissed', 'request'],
    ['the answer', 'Four officers were dismissed', 'answer'],
    ['public interest reasoning', 'balance of the public interest', 'refusal'],
    ['rights of appeal', 'internal review within 40 working days', 'boilerplate'],
    ['the regulator’s address', 'Wycliffe House', 'boilerplate'],
    ['sign-off and sender', 'Disclosure Officer', 'signature'],
  ])('%s', (_name, needle, role) => expect(roleOf(LETTER, needle)).toBe(role));

  it.each<[string, string, string, Role]>([
    ['a platform’s verdict is a status line', 'Report title\nThe request was partially successful.\nDear Anyshire Police,\nPlease tell me how many officers were suspended.', 'partially successful', 'status'],
    ['pagination of a listing is chrome', 'Disclosure log\nShowing 1 to 10 of 240 results\nOfficers suspended FOI 123/21', 'Showing 1 to 10', 'chrome'],
    ['back-to-top links are chrome', 'Officers suspended\nSome text about the page.\nBack to top', 'Back to top', 'chrome'],
    ['a labelled field is metadata', 'Officer numbers\nReference: 77/22\nRequest\nHow many officers are there?', 'Reference: 77/22', 'metadata'],
    ['a requester writing to an organisation opens a request', 'Dear Anyshire Police,\nPlease tell me how many officers were cautioned in 2019.\nYours faithfully,\nA Person', 'how many officers were cautioned', 'request'],
  ])('%s', (_name, text, needle, role) => expect(roleOf(text, needle)).toBe(role));

  it('explain prints one row per block with its role and cue family', () => {
    const { seg } = segmentSource(readText(LETTER), null);
    const rows = explainSegmentation(seg).split('\n');
    expect(rows).toHaveLength(16);
    expect(rows[13]).toMatch(/^char:\d+-\d+\s+boilerplate\s+\(regulator-contact\)\s+Information Commissioner/);
  });
});

describe('fields read from their own segments', () => {
  it('outcome never comes from rights-of-appeal text, and a letter’s letterhead is not its title', () => {
    const d = parse(LETTER);
    expect(d.title).toBeNull();
    expect(d.response_date).toBe('2021-05-04');
    expect(d.request_date).toBe('2021-04-12');
    expect(d.figures.map((f) => [f.value, f.measure, f.event, f.status])).toEqual([[4, 'officers', 'dismissed', 'dismissed']]);
  });

  it.each([
    ['a platform status line decides an otherwise silent response', 'Officer suspensions\nThe request was successful.\nDear Anyshire Police,\nHow many officers are suspended?\nYours faithfully,\nA Person\nDear A Person,\nPlease see the attached spreadsheet.\nYours sincerely,\nFOI Team', 'full'],
    ['"not possible to meet your requirements in full" is partial', 'Request\nAll emails about the parade.\nResponse\nYour request has been considered and it is not possible to meet your requirements in full. Parts of this request are exempt under Section 40(2).', 'partial'],
    ['a reply that promises answers, gives none and calls itself a refusal notice is refused', 'Dear Mr Reader,\nSearches were conducted. Please find below answers to your questions:\nI would like the following data:\n1, The names of officers arrested\n2, Their ages\nThe information is personal data and exempt under section 40(2).\nTherefore, this letter constitutes a refusal notice under section 17(1) of the Act.', 'refused'],
  ])('%s', (_name, text, outcome) => expect(parse(text).outcome).toBe(outcome));

  it.each([
    ['a reporter’s voice is news, and its figures are read', 'Forty officers disciplined, figures reveal\nNew figures revealed that 40 officers were disciplined last year.\nA police spokesman said: “We expect high standards.”', 'news_article', [40]],
    ['a complainant and the Commissioner make a decision notice', 'Summary\nThe complainant asked Anyshire Police for training records. The Commissioner’s decision is that the force was entitled to rely on section 12.\nComplaint not upheld', 'decision_notice', []],
    ['a tribunal judgment is other', 'The First-tier Tribunal considered the appeal and the Commissioner’s decision about section 31.', 'other', []],
  ])('%s', (_name, text, kind, values) => {
    const d = parse(text);
    expect(d.kind).toBe(kind);
    expect(d.figures.map((f) => f.value)).toEqual(values);
  });

  it('a title: the platform’s name for the request, a Scottish decision’s heading, a story’s headline', () => {
    expect(parse("This is an HTML version of an attachment to the Freedom of Information request 'Police dogs retired'.\nDear Mr Reader,\nWe hold no such information.").title).toBe('Police dogs retired');
    expect(parse('Decision 101/2024: Overtime paid to officers\nSummary\nThe Applicant asked the Authority for overtime figures on 3 March 2024. The Commissioner finds that the Authority failed to respond.').title).toBe('Decision 101/2024: Overtime paid to officers');
  });

  it('a story’s rounded headline figure restates its exact one', () => {
    const d = parse('Almost 90 officers investigated over abuse claims\nFigures obtained under the Freedom of Information Act revealed that 87 officers were investigated between 2019 and 2023, and 9 were dismissed.');
    expect(d.kind).toBe('news_article');
    expect(d.figures.map((f) => f.value)).toEqual([87, 9]);
  });

  it('a reply that says "your request has been considered" begins the response, so its figures are read', () => {
    const d = parse('Dear Mr Reader,\nI note you seek access to the following information:\n1. Who carried out the review?\nYour request has now been considered and the information asked for is as follows:\nThe review was carried out by the head of unit plus 1 review officer.');
    expect(d.figures.map((f) => [f.value, f.measure])).toEqual([[1, 'officers']]);
  });

  it('a section heading ("Key Facts", "Summary") is not a title', () => {
    expect(parse('Key Facts\nThe tribunal heard an appeal about the closure of police stations.\nThe appeal was dismissed.').title).toBeNull();
  });

  it.each([
    ['the site’s own parts of a <title> are not the title', 'Vetting appeals | Disclosure log | Kent Police', 'Vetting appeals'],
    ['a page’s dashes stay', 'Domestic abuse - male victims - 2016 to 2021 | Freedom of information', 'Domestic abuse - male victims - 2016 to 2021'],
    ['a <title> of nothing but the site gives none', 'Freedom of information disclosure log | Home', null],
  ])('page title: %s', (_name, title, expected) => {
    const html = `<html><head><title>${title}</title></head><body><p>Dear Mr Reader,</p><p>Thank you for your request.</p><p>We do not hold this information.</p></body></html>`;
    expect(extractDisclosure(readHtml(html), { url: null, force: null, sha256: SHA }).title).toBe(expected);
  });

  it('a letter’s date that runs into its salutation is still its date', () => {
    const d = parse('Our Ref: 001234/21\nAnyshire Constabulary, Mill Road, Townford\nDate 3 June 2021 Dear Ms Reader, I write further to your request.\nI note you seek access to the following information:\n1. How many dogs does the force keep?\nThe force keeps 14 dogs.');
    expect(d.response_date).toBe('2021-06-03');
  });

  it.each([
    ['an internal review deadline is not the cost limit', 'Dear Mr Reader,\nPlease find attached the figures.\nThe total time spent on a review should not exceed 40 working days.', false],
    ['a section 12 reliance later given up is not the cost limit', 'Summary\nThe complainant asked the force for drone logs. The force refused, citing section 12(1), however it later changed its position and said it did not hold the information. The Commissioner’s decision is that the force does not hold it.', false],
    ['an estimate over the limit is the cost limit', 'Dear Mr Reader,\nI estimate that it would cost more than £450 to locate the information, which exceeds the appropriate limit.', true],
  ])('%s', (_name, text, flag) => expect(parse(text).cost_limit).toBe(flag));

  it('dates told as a story: "the Applicant made an information request … on <date>"', () => {
    const d = parse('Decision 7/2025 Anyone and the Chief Constable\nSummary\nThe Applicant made an information request to the Authority on 26 July 2025.\nThe Authority responded on 20 August 2025.');
    expect([d.request_date, d.response_date]).toEqual(['2025-07-26', '2025-08-20']);
  });

  it('a letter transcribed onto one line is cut into its parts', () => {
    const one = `Our Ref: 123/21 Date 3 March 2021 Dear Mr Reader, I write in response to your request received 1 March 2021. You asked: 1. How many officers were cautioned? 2. How many were charged? Response: 1. Three officers were cautioned. 2. Two officers were charged. ${'We hope this helps. '.repeat(40)}Yours sincerely, Disclosure Officer`;
    const d = parse(one);
    expect(d.response_date).toBe('2021-03-03');
    expect(d.request_date).toBe('2021-03-01');
    expect(d.figures.map((f) => f.value)).toEqual([3, 2]);
  });
});

describe('tokens: what kind of number', () => {
  it.each([
    ['350 requests were made in 2007', ['count:350', 'year:2007']],
    ['it cost £164 each, 55 per cent of 12 days', ['percent:55', 'duration:12']],
    ['Section 40(2) on 3 March 2018, aged 43', ['label:40', 'label:2', 'date:3', 'date:2018', 'age:43']],
    ['call 01632 960 123 about FOI 2009-038', ['phone:01632', 'phone:960', 'phone:123', 'reference:2009']],
    ['29617.89 days, 4.1 Declarations', ['duration:29617.89', 'count:4.1']],
  ])('%s', (text, expected) => expect(tokenizeNumbers(text).map((t) => `${t.kind}:${t.text}`)).toEqual(expected));
});

describe('counts in prose, any head noun', () => {
  const line = (text: string, i = 0) => ({ i, text, start: 0, end: text.length, locator: `char:0-${text.length}`, kind: 'paragraph' as const, furniture: false, blank: false });
  const counts = (text: string, article = true) => generalCounts(line(text), { sha256: SHA }, new Set(), new Map(), article).map((f) => [f.value, f.text]);
  it.each([
    ['a plural head after modifiers', 'In 2009 there were 152 breaches of the rules by staff.', [[152, '152 breaches']]],
    ['a series continued by "rising to"', 'In 2007, 350 Freedom of Information requests were made, rising to 657 in 2011.', [[350, '350 Freedom of Information requests'], [657, '657']]],
    ['a count continued by a verb', 'More than 600 officers were hurt: 19 officers were struck and two were hit by cars.', [[19, '19 officers'], [2, 'two']]],
    ['a rank by name in a list', '1 x Assistant Chief Constable', [[1, '1 x Assistant Chief Constable']]],
    ['occurrences: "N times" after what happened', 'Staff looked up the records of celebrities 42 times during the year.', [[42, '42 times']]],
    ['a ratio is not occurrences', 'Officers were three times more likely to be cleared.', []],
    ['a rounded count is a count', 'Around 7 officers have been made to leave the force.', [[7, '7 officers']]],
    ['a bound is not a count', 'More than 60 officers have been made to leave the force.', []],
    ['one, added to others', 'The review was done by the head of unit plus 1 review officer.', [[1, '1 review officer']]],
    ['nothing found is zero', 'Searches of the systems have brought back zero results.', [[0, 'zero results']]],
    ['workforce size is background', 'The force, which employs about 3,200 officers, said it was rooting out wrongdoing.', []],
    ['how many forces answered is not a figure', 'Forty-one forces responded to the survey.', []],
    ['an answer’s documents are not figures', 'We hold two reports on the matter.', []],
  ])('%s', (_name, text, expected) => expect(counts(text, !/^We hold/.test(text))).toEqual(expected));
});

describe('status of the counted people', () => {
  it.each([
    ['One officer, currently suspended', 'suspended'],
    ['three officers were suspended in 2019', null],
    ['remains on restricted duties', 'restricted_duties'],
    ['were dismissed following a hearing', 'dismissed'],
    ['resigned before the hearing', 'resigned'],
    ['retired while under investigation', 'retired'],
    ['have since left the force', 'left'],
    ['still serving with a conviction', 'serving'],
  ])('%s', (text, status) => expect(statusFromText(text)).toBe(status));
});

describe('periods asked about', () => {
  const periods = (text: string) => parse(text).periods.map((p) => `${p.start}..${p.end}`);
  it.each([
    ['a list of financial years is one period each', 'Request\nPlease give the number of officers dismissed in each of the financial years 2019/20, 2020/21 and 2021/22.', ['2019-04-01..2020-03-31', '2020-04-01..2021-03-31', '2021-04-01..2022-03-31']],
    ['a range of financial years written with dashes is one period', 'Request\nHow many officers were suspended in financial years 2015-16 to 2017-18?', ['2015-04-01..2018-03-31']],
    ['"from 2000 to 2020" is one period', 'Request\nHow many officers were convicted from 2000 to 2020?', ['2000-01-01..2020-12-31']],
  ])('%s', (_n, text, expected) => expect(periods(text)).toEqual(expected));
});

describe('questions', () => {
  it('"Question 1" headings over the answers head answers when the request lists its own questions', () => {
    const text = [
      'Officer sickness',
      'Reference: 12-25',
      '- Can you provide the number of sick days taken by officers in 2023?',
      '- Can you provide the number of those days recorded as stress?',
      'Question 1',
      'Please find below the number of days.',
      '1200',
      'Question 2',
      'Please find below the number of days.',
      '300',
    ].join('\n');
    const d = parse(text);
    expect(d.questions.map((q) => q.text)).toEqual(['- Can you provide the number of sick days taken by officers in 2023?', '- Can you provide the number of those days recorded as stress?']);
  });
});
