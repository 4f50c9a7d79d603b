import { describe, expect, it } from 'vitest';
import { contentLines } from '../../src/extract/doc-model.js';
import { extractDisclosure } from '../../src/extract/disclosure.js';
import { readText } from '../../src/readers/text.js';
import { extractHeader } from '../../src/extract/header.js';
import { extractLabelledDates } from '../../src/extract/labelled-dates.js';
import { extractPeriods } from '../../src/extract/periods.js';
import { extractQuestions } from '../../src/extract/questions.js';
import { docOf } from '../support/doc.js';

const labels = (text: string) => extractQuestions(docOf(text)).map((q) => q.label);
function periodsOf(text: string, news = false) {
  const doc = docOf(text);
  const qs = extractQuestions(doc);
  const scope = news ? contentLines(doc) : contentLines(doc).filter((l) => !doc.request || l.i < doc.request.end);
  return extractPeriods(scope, qs, news).map((p) => [p.start, p.end, p.questions]);
}

describe('questions', () => {
  it.each([
    ['numbered with brackets', 'Request\n1) How many officers were dismissed?\n2) How many resigned?\nResponse\nSee below.', ['1', '2']],
    ['numbered with full stops, lettered sub-items', 'You asked:\n1. How many staff have convictions?\na. Officers\nb. PCSOs\n2. List the offences.\nIn Response:\nNone.', ['1', '2']],
    ['lettered when nothing is numbered', 'Could you please tell me:\na) the number of officers suspended\nb) the number on restricted duties\nc) their ranks\nPlease find attached our response.', ['a', 'b', 'c']],
    ['Q labels with letters count on their own', 'I write about your request for information which was received on 4th July 2023 as follows:\nQ1a. Do you use body cameras?\nQ1b. How many?\nQ2. What did they cost?', ['Q1a', 'Q1b', 'Q2']],
    ['"Question 1" labels', 'I note you seek access to the following information:\nQuestion 1 - How many officers were vetted?\nQuestion 2 - How many failed?\nI have today decided to disclose the requested information.', ['Q1', 'Q2']],
    ['comma labels', 'Request\n1, How many officers are suspended\n2, How many were dismissed in 2021\nResponse\nSee attached.', ['1', '2']],
    ['bare numbers in a letter', 'in which you sought access to the following information:\n1 How many warrants are outstanding?\n2 What is the oldest?\n3 I would also like the 2017 figure.\nResponse to your Request\nAttached.', ['1', '2', '3']],
    ['bullets after an intro are questions', 'I hereby request under the Freedom of Information Act:\n• The number of drones you own.\n• Their cost.\n• Any policy on their use.\nDespite extensive searches, none is held.', ['1', '2', '3']],
    ['bullets under a question are its sub-items', 'Request / Response\nThe number of officers convicted since 2015.\nPlease include:\n– the offence\n– the sentence\nWe can confirm that information is held.', ['1']],
    ['a lead-in between bullets starts a question', 'Request\nI would be grateful if you could please provide:\n• The number of complaints each year\nFor each complaint please\n• the outcome\n• whether it was referred\nResponse\nBelow.', ['1', '2']],
    ['an unnumbered request is one question', 'I note you seek access to the following information:\nThe number of officers dismissed in 2022 and their ranks.\nWe have now considered your request.', ['1']],
    ['PSNI "Request 1" headings', 'Request and Answer:\nWe hold the information.\nRequest 1\nHow many officers are suspended?\nRequest 2\nHow many are on restricted duties?', ['Request 1', 'Request 2']],
    ['a request heading over its own numbered list: the items are the questions', 'Dear Ms Khan,\nRequest 1\n1/ Please provide the emails about the parade.\n2/ Please provide the minutes of the meeting.\nRequest 2\nCould you please provide the risk assessment for the parade?\nYours sincerely', ['1', '2', 'Request 2']],
    ['a request quoted after the reply opens, unannounced', 'Following receipt of your request, searches were made. Please find below answers to your questions:\nI would like to get the following figures for drink-driving arrests:\n1, How many were made at night\n2, How many led to a charge\nPlease send this as a spreadsheet.\nThe information is exempt under section 40(2).', ['1', '2']],
    ['policy clauses are not questions', '1.1 This policy was reviewed in 2023.\n2.1 It applies to all officers.', []],
  ])('%s', (_name, text, expected) => expect(labels(text)).toEqual(expected));
});

describe('periods', () => {
  // A window printed inside a question applies to that question (an unnumbered request is question 1).
  it.each([
    ['a date range, applied to the questions it introduces', 'For the period 1 April 2019 to 31 March 2023, please could you tell me:\n1) How many officers were charged?\n2) Their ranks.\nPlease find attached our response.', [['2019-04-01', '2023-03-31', ['1', '2']]]],
    ['calendar years inclusive are one window', 'Could you please tell me, for each calendar year from 2016-2020 (inclusive), how many officers were dismissed?\nPlease find attached our response.', [['2016-01-01', '2020-12-31', ['1']]]],
    ['a listed set of years is one window each', 'Request\nFigures for 2019, 2020 and 2021 for the number of officers suspended.\nResponse\nBelow.', [['2019-01-01', '2019-12-31', ['1']], ['2020-01-01', '2020-12-31', ['1']], ['2021-01-01', '2021-12-31', ['1']]]],
    ['month ranges run to the month end', 'Request\nHow many officers were suspended between February 2022 and February 2024?\nResponse\nBelow.', [['2022-02-01', '2024-02-29', ['1']]]],
    ['open-ended since', 'Request\nSince 1st January 2018, how many officers have been convicted?\nResponse\nBelow.', [['2018-01-01', null, ['1']]]],
    ['to the present date is open-ended', 'You asked:\nFrom 2012 to the present date, how many officers retired?\nIn Response:\n4.', [['2012-01-01', null, ['1']]]],
    ['financial years', 'in which you seek the following information:\nBroken down by years 18/19 and 19/20, how many officers were reported?\nWe have now undertaken a search.', [['2018-04-01', '2019-03-31', ['1']], ['2019-04-01', '2020-03-31', ['1']]]],
    ['day-first short dates', 'Request\nOfficers charged from 03.03.21 to 04.04.22, by offence.\nResponse\nBelow.', [['2021-03-03', '2022-04-04', ['1']]]],
    ['relative windows are not periods', 'Request\nIn the last five years, how many officers were dismissed?\nResponse\nBelow.', []],
    ['a snapshot date is a one-day window', 'Request\nHow many PCSOs were employed as at 30 June 2021?\nResponse\nBelow.', [['2021-06-30', '2021-06-30', ['1']]]],
    ['a snapshot month is that month', 'Request\nPlease give the number of detectives as of May 2019, or March 2019 figures if easier.\nResponse\nBelow.', [['2019-05-01', '2019-05-31', ['1']], ['2019-03-01', '2019-03-31', ['1']]]],
    ['a snapshot on the last day of a listed window adds nothing', 'Request\n1. How many officers joined in 2021/22?\n2. How many were in post as at 31 March 2022?\nResponse\nBelow.', [['2021-04-01', '2022-03-31', ['1']]]],
    ['"currently (as of …)" is the date of writing, not a window', 'Request\nHow many officers are currently (as of 14 Feb 2024) suspended?\nResponse\nBelow.', []],
    ['a parenthesis that explains a point replaces it', 'Request\nPlease give budgets for April 2020 (i.e. 2020/21) and April 2021 (i.e. 2021/22).\nResponse\nBelow.', [['2020-04-01', '2021-03-31', ['1']], ['2021-04-01', '2022-03-31', ['1']]]],
    ['a window printed across a line break is read whole', 'Request\nHow many stop and searches took place from 1 March 2019 to\n30 September 2020 in the county?\nResponse\nBelow.', [['2019-03-01', '2020-09-30', ['1']]]],
    ['a day and month run together by a PDF still parse', 'Request\nFor the period 2nd Jan 2018 to 6Mar 2019, how many drones were bought?\nResponse\nBelow.', [['2018-01-02', '2019-03-06', ['1']]]],
    ['a span of years restating a precise window is dropped', 'Request\nVehicle pursuits 2015 to 2020\nHow many pursuits were there between 1 January 2015 and 1 June 2020?\nResponse\nBelow.', [['2015-01-01', '2020-06-01', ['1']]]],
    ['a less precise restatement is dropped', 'Officers Charged - 03.03.21 to 04.04.22\nMarch 2021 to April 2022\n1. Since 3 March 2021 (until today), how many officers have been charged?\nPart Disclosure', [['2021-03-03', '2022-04-04', []]]],
  ])('%s', (_name, text, expected) => expect(periodsOf(text)).toEqual(expected));

  it.each([
    ['a figure’s own year is a window', 'Officers in Dorset used force 61 times during 2017. In 2018, there were 75 such cases.', [['2017-01-01', '2017-12-31', []], ['2018-01-01', '2018-12-31', []]]],
    ['"since" ends with the last year a figure is given for', 'Complaints about the force have tripled since 2010. In 2010, 120 complaints were made, rising to 365 in 2014.', [['2010-01-01', '2014-12-31', []]]],
    ['a year far from any figure is not a window', 'Among the twelve officers disciplined over the last decade was a sergeant who was reprimanded for misusing the police computer in 2016.', []],
    ['the month of the first point carries to a bare second year', 'Some 212 assaults on staff were logged between March 2019 and 2020, the figures show.', [['2019-03-01', '2020-03-31', []]]],
    ['a span of calendar years over financial-year figures is the span of those years', 'Between 2016 and 2019 the force paid 41 claims. The busiest year was 2016-17; by 2018-19 the share had fallen to 8 per cent.', [['2016-04-01', '2019-03-31', []]]],
    ['"as of" a day is that day', 'As of 1 March 2015 there were 23 officers on restricted duties, the force said.', [['2015-03-01', '2015-03-01', []]]],
  ])('news: %s', (_name, text, expected) => expect(periodsOf(text, true)).toEqual(expected));

  it('takes a news article’s window from "since" and "between", not from the dates of cases', () => {
    const text = 'Nine officers at Kent Police have been convicted since 2016, a freedom of information request has revealed. In 2018 a PC was convicted of assault.';
    expect(periodsOf(text, true)).toEqual([['2016-01-01', null, []]]);
  });
});

describe('header: reference, publication number, title', () => {
  it.each([
    ['SOH reference line', 'Freedom of information request reference no: 01.FOI.23.012345\nI note you seek access to the following information:', { reference: '01.FOI.23.012345', publication_ref: null, title: null }],
    ['title with reference in brackets', 'Skip to content\nOfficer Vetting (1234A/23)\nRequest\nHow many?', { reference: '1234A/23', publication_ref: null, title: 'Officer Vetting' }],
    ['PSNI request number and subject', 'Request Number: FOI/12345\nCategory: Discipline\nSubject: Officers Suspended 2022\nRequest and Answer:', { reference: 'FOI/12345', publication_ref: null, title: 'Officers Suspended 2022' }],
    ['Essex legacy log', 'PUB 1500\n17001\nOfficers Dismissed - 01.01.20 to 31.12.22\nJanuary 2020 to December 2022', { reference: '17001', publication_ref: 'PUB 1500', title: 'Officers Dismissed - 01.01.20 to 31.12.22' }],
    ['labelled numbers', 'Publication Number: 1600\nFOI Number: 22001\nInformation Request - which has been numbered to assist in this disclosure:', { reference: '22001', publication_ref: '1600', title: null }],
    ['letter reference with a prefix', '1st May 2020\nFreedom of Information Request Reference No: FOI 000123/20\nI write in connection with your request', { reference: 'FOI 000123/20', publication_ref: null, title: null }],
    ['title above labelled fields', 'Skip to content\nVetting Refusals 2019-2022\nDate of request: May 3, 2022\nReference: 412/22', { reference: '412/22', publication_ref: null, title: 'Vetting Refusals 2019-2022' }],
  ])('%s', (_name, text, expected) => expect(extractHeader(docOf(text))).toEqual(expected));
});

describe('labelled dates', () => {
  it.each([
    ['Date of request: March 17, 2021\nReference: 1/21', { request_date: '2021-03-17', response_date: null, published_date: null }],
    ['I write in connection with your request for information which was received on 2nd May 2023 as follows:', { request_date: '2023-05-02', response_date: null, published_date: null }],
    ['Thank you for your e mail dated 12 June 2019 in which you made a request', { request_date: '2019-06-12', response_date: null, published_date: null }],
    ['Date published: 4 October 2022\nResponse date: 30/09/2022', { request_date: null, response_date: '2022-09-30', published_date: '2022-10-04' }],
    ['15th March 2019\nReference No: FOI 1/19', { request_date: null, response_date: null, published_date: null }],
    // Each pattern is asked only where its label's words stand (case aside): one row per such gate.
    ['REQUEST RECEIVED: 05/04/2022', { request_date: '2022-04-05', response_date: null, published_date: null }],
    ['This was Received by us on 30/01/2023 with the request for figures', { request_date: '2023-01-30', response_date: null, published_date: null }],
    ['Two requests were RECEIVED on 4 November and 19 November 2019.', { request_date: '2019-11-04', response_date: null, published_date: null }],
    ['SENT 30 September 2022', { request_date: null, response_date: '2022-09-30', published_date: null }],
    ['Reply date - 1st June 2021', { request_date: null, response_date: '2021-06-01', published_date: null }],
    ['Disclosure date: 4 October 2022', { request_date: null, response_date: null, published_date: '2022-10-04' }],
    ['The answer was Received on 3 May 2022', { request_date: null, response_date: null, published_date: null }],
  ])('%j', (text, expected) => expect(extractLabelledDates(docOf(text))).toEqual(expected));
});

describe('wordings from forces outside the dev set', () => {
  it.each([
    ['Question headings on their own line, repeated over the answers', 'Request number: 2021/0042\nQuestion 1\nHow many officers were suspended in 2020?\nQuestion 2\nHow many returned to duty?\nAnswer\nQuestion 1\n2020: 3\nQuestion 2\nTwo.', ['Q1', 'Q2']],
    ['inline "Request 1 –" labels', 'Request\nRequest 1 – How many officers were arrested?\nRequest 2 – How many were charged?\nResponse\nSee below.', ['Request 1', 'Request 2']],
    ['roman numerals when nothing is numbered', 'Request\nFor the period from 01/04/2018 to 31/03/2021, please provide:\n(i) the number of officers who joined;\n(ii) the number who resigned;\n(iii) the number dismissed.\nResponse\nBelow.', ['i', 'ii', 'iii']],
    ['"Your request:" and "Our response:" headings', 'Your request:\nQ1 How many complaints were made about Tasers in 2021?\nQ2 How many were upheld?\nOur response:\nQ1 – 4\nQ2 – Nil', ['Q1', 'Q2']],
    ['Police Scotland: the answer follows the questions with no heading', 'You asked:\n1) How many officers were assaulted in 2021?\n2) How many were injured?\nUnfortunately I estimate that it would cost well in excess of the current FOI cost threshold of £600.', ['1', '2']],
    ['numbered policy clauses do not start a request', 'Vehicle Policy\n1. Purpose\n1.1 This procedure applies to all staff.\n2. Scope', []],
  ])('%s', (_name, text, expected) => expect(labels(text)).toEqual(expected));

  it.each([
    ['"in" before a list of years', 'Request\nHow many officers were dismissed in 2021 and 2022?\nResponse\nBelow.', [['2021-01-01', '2021-12-31', ['1']], ['2022-01-01', '2022-12-31', ['1']]]],
    ['a range of financial years', 'Request\nPlease provide the figures for the financial years 2018/19 to 2020/21.\nResponse\nBelow.', [['2018-04-01', '2021-03-31', ['1']]]],
    ['"since … in YEAR"', 'Request\nHow many officers have been investigated since the operation began in 2020?\nResponse\nBelow.', [['2020-01-01', null, ['1']]]],
  ])('period: %s', (_name, text, expected) => expect(periodsOf(text)).toEqual(expected));

  it.each([
    ['Thames Valley Police\nDisclosure log\nFirearms licences held by officers\nOur ref: HQ/PA/001234/22\nRequest', { reference: 'HQ/PA/001234/22', publication_ref: null, title: 'Firearms licences held by officers' }],
    ['Police Scotland\nAccess to information  Freedom of information  Disclosure log\nOfficers on restricted duties\nOur reference: IM-FOI-2022-0101\nYou asked:', { reference: 'IM-FOI-2022-0101', publication_ref: null, title: 'Officers on restricted duties' }],
    ['Skip to content | Neidio i\'r cynnwys\nCymraeg\nNorth Wales Police | Heddlu Gogledd Cymru\nFreedom of Information\nBody armour\nReference: FOI 2022/101\nRequest', { reference: 'FOI 2022/101', publication_ref: null, title: 'Body armour' }],
    ['British Transport Police\nFreedom of Information\nFOI 0999-22 Officers arrested on duty\nRequest:', { reference: 'FOI 0999-22', publication_ref: null, title: 'Officers arrested on duty' }],
    ['Merseyside Police\nFreedom of information request 2023/0456\nVetting appeals\nRequest', { reference: '2023/0456', publication_ref: null, title: 'Vetting appeals' }],
    ['Home  >  Access to information  >  Freedom of information  >  Disclosure log\nOfficers with second jobs\nFOI reference: 0111/23', { reference: '0111/23', publication_ref: null, title: 'Officers with second jobs' }],
  ])('header %#', (text, expected) => expect(extractHeader(docOf(text))).toEqual(expected));

  it.each([
    ['Date of request: 2023-05-11', { request_date: '2023-05-11', response_date: null, published_date: null }],
    ['Received: 24 April 2023\nResponse sent: 19 May 2023', { request_date: '2023-04-24', response_date: '2023-05-19', published_date: null }],
    ['Posted on 9 March 2023', { request_date: null, response_date: null, published_date: '2023-03-09' }],
    ['I write in response to your two requests received on 2 March and 16 March 2021. Both concern drones.', { request_date: '2021-03-02', response_date: null, published_date: null }],
  ])('dates %j', (text, expected) => expect(extractLabelledDates(docOf(text))).toEqual(expected));
});

describe('ICO decision notices that quote the request', () => {
  const text = 'Freedom of Information Act 2000 (FOIA) Decision notice\nDate: 1 June 2023\nPublic Authority: Chief Constable of Surrey Police\nRequest and response\n4. On 5 January 2023, the complainant wrote to Surrey Police and requested information in the following terms:\n"Between 2016 and 2021, how many officers were dismissed for dishonesty?"\n5. Surrey Police responded on 2 February 2023. It refused the request, citing section 12(1) of FOIA.\n6. The Commissioner’s decision is that Surrey Police was entitled to rely on section 12(1).';
  it('reads the quoted request, its window, and the narrated dates', () => {
    const doc = docOf(text);
    expect(extractQuestions(doc).map((q) => q.label)).toEqual(['1']);
    expect(extractLabelledDates(doc)).toEqual({ request_date: '2023-01-05', response_date: '2023-02-02', published_date: null });
  });
});

describe('an ICO notice transcribed from PDF onto one line', () => {
  const text = 'Freedom of Information Act 2000 (FOIA) Decision notice Date: 1 May 2024 Public Authority: Chief Constable of Kent Police Decision (including any steps ordered) 1. The complainant has requested information about officers dismissed. Kent Police disclosed the number of dismissals but withheld the ranks, citing section 40(2) (personal information). 2. The Commissioner’s decision is that Kent Police was entitled to rely on section 40(2). Reference: IC-123456-A1B2 Request and response 4. On 3 March 2023, the complainant wrote to Kent Police and requested information in the following terms: "How many officers were dismissed in 2022?" 5. Kent Police responded on 30 March 2023.';
  it('reads its title, reference, dates, exemptions and outcome from the one line', () => {
    const d = extractDisclosure(readText(text), { url: null, force: null, sha256: 'c'.repeat(64) });
    expect(d).toMatchObject({
      kind: 'decision_notice',
      title: 'Freedom of Information Act 2000 (FOIA) Decision notice',
      reference: 'IC-123456-A1B2',
      request_date: '2023-03-03',
      response_date: '2023-03-30',
      outcome: 'partial',
    });
    expect(d.exemptions.map((e) => e.citation)).toEqual(['40(2)']);
  });
});
