import { describe, expect, it } from 'vitest';
import { extractDisclosure } from '../../src/extract/disclosure.js';
import { readText } from '../../src/readers/text.js';
import { answerLineFigures, sentenceFigures, yearOfClause } from '../../src/extract/figures.js';
import { detectForce } from '../../src/extract/force.js';
import { detectKind } from '../../src/extract/kind.js';
import { findTextTables } from '../../src/extract/text-tables.js';
import { interpretTable } from '../../src/extract/tables.js';
import { docOf, linesOf } from '../support/doc.js';

const SHA = 'a'.repeat(64);

function outcomeOf(text: string) {
  // Through the whole extractor, so that answers read from the text count as given.
  const d = extractDisclosure(readText(text), { url: null, force: null, sha256: SHA });
  return [d.outcome, d.ncnd, d.cost_limit];
}

describe('outcome, ncnd and cost_limit', () => {
  it.each([
    ['partial: some disclosed, some withheld', 'I note you seek access to the following information:\nThe number of officers dismissed.\nI have today decided to disclose some of the requested information. Some data has been withheld under Section 40(2).', ['partial', false, false]],
    ['full', 'You asked:\nHow many officers retired?\nIn Response:\nI am able to disclose the located information to you as follows.\n- 12', ['full', false, false]],
    ['ncnd only', 'Request\nHow many officers in the firearms unit were dismissed?\nAnswer\nPolice Scotland is providing an NCND response. Section 31(3) applies.', ['ncnd', true, false]],
    ['figures plus NCND for anything else', 'Request\n1) How many officers were convicted?\nResponse\nPlease find attached our response.\nIn addition to the attached, the force can neither confirm nor deny that it holds any other information by virtue of Section 40(5).', ['partial', true, false]],
    ['not held', 'Request\nAny reports on drone trials.\nResponse\nDespite extensive searches, we have been unable to locate any relevant recorded information.', ['not_held', false, false]],
    ['cost limit, section not named', 'Please provide the following data for each year:\nYour request for information has now been considered and I am not obliged to supply the information you have requested. It would exceed the 18 hours stipulated by the regulations.', ['cost_limit', false, true]],
    ['cost limit with goodwill figures', 'Request\nStop and search figures by age.\nResponse\nOur data are not organised in such a way as to allow us to provide all of this information within the appropriate (cost) limit. However, as a gesture of goodwill I have supplied information retrieved before the fees limit would be exceeded.', ['partial', false, true]],
    ['a conditional cost policy is not a cost refusal', 'Dear Police Service,\n1/ How many staff were disciplined?\nYours faithfully,\nIn the event where the cost of complying with the request would exceed the appropriate level, it is the policy of the force to close the request.', ['unknown', false, false]],
    ['the requester mentioning cost is not a refusal', 'Request\nIf answering this may exceed cost limits, an estimate would do.', ['unknown', false, false]],
  ])('%s', (_n, text, expected) => expect(outcomeOf(text)).toEqual(expected));
});

describe('figures in answers and sentences', () => {
  it.each([
    ['2019 = 4', { value: 4, year: 2019, period_start: '2019-01-01', period_end: '2019-12-31' }],
    ['- 1,051', { value: 1051 }],
    ['- None', { value: 0 }],
    ['Question 3: Two officers, currently suspended', { value: 2, measure: 'officers', status: 'suspended', question: '3' }],
    ['Q2 - Nine officers', { value: 9, measure: 'officers', question: '2' }],
  ])('answer line %j', (text, expected) => {
    const [line] = linesOf(text);
    const got = answerLineFigures(line, { sha256: SHA });
    expect(got).toHaveLength(1);
    expect(got![0]).toMatchObject({ ...expected, text, locator: `char:0-${text.length}`, sha256: SHA });
  });

  it('"Response 1 – 6 :" is a range of questions, not a figure', () => {
    expect(answerLineFigures(linesOf('Response 1 – 6 :')[0], { sha256: SHA })).toEqual([]);
  });

  const values = (text: string) => {
    const seen = new Set<string>();
    return linesOf(text).flatMap((l) => sentenceFigures(l, { sha256: SHA }, seen).map((f) => [f.value, f.measure, f.event]));
  };
  it.each([
    ['THIRTY two police officers and PCSOs currently serving with Dorset Police have convictions, a freedom of information request has revealed.', [[32, 'officers_and_pcsos', 'serving_with_conviction']]],
    ['The request also revealed that six officers at Dorset Police had been convicted of criminal offences since 2014. Among the six that had been convicted was a PC.', [[6, 'officers', 'convicted']]],
    ['Six officers were sacked and 14 have been given warnings over the period.', [[6, 'officers', 'dismissed'], [14, 'officers', 'other']]],
    ['Nineteen officers were given final written warnings, five official warnings and two were given advice about their conduct.', [[19, 'officers', 'other'], [5, 'officers', 'other'], [2, 'officers', 'other']]],
    ['I can advise a total of 140 police officers were reported to the fiscal in 2016/17 and 122 police officers in 2017/18.', [[140, 'officers', 'allegation'], [122, 'officers', 'allegation']]],
    ['From 2016, 31 were dealt with by way of a direct measure rather than prosecution.', [[31, 'unknown', 'other']]],
    ['The force employs over 30,000 police officers and 1,200 PCSOs across London.', []],
    ['To respond would require a review of over 800 officers records at 10 minutes per record.', []],
    ['In this case the appropriate limit is £450 which equates to 18 hours of work.', []],
    ['From memory, one officer is aware that a blimp was used at the carnival in 2008.', []],
    ['Please see questions 5 and 6 and Table 4 for the 3 categories of complaint.', []],
  ])('%s', (text, expected) => expect(values(text)).toEqual(expected));
});

describe('kind and force', () => {
  it.each([
    ['Freedom of information request reference no: 01.FOI.23.1\nI note you seek access to the following information:\nHow many?', null, 'foi_response'],
    ['Eleven officers at Surrey Police were sacked last year, figures obtained under the Freedom of Information Act show.\nA spokesman said: "We take this seriously."', null, 'news_article'],
    ['Freedom of Information Act 2000 (FOIA)\nDecision notice\nDate: 1 May 2020\nThe Commissioner’s decision is that the force correctly relied on section 40(2).', null, 'decision_notice'],
    ['1.1 This policy sets out how officers use body worn video.\n2.1 Compliance is mandatory.', null, 'other'],
  ])('kind of %j', (text, url, kind) => expect(detectKind(docOf(text), url)).toBe(kind));

  it.each([
    ['any text', 'https://www.gmp.police.uk/foi-ai/greater-manchester-police/disclosure-2023/x/', 'greater-manchester'],
    ['any text', 'https://foi.west-midlands.police.uk/drones-1_14/', 'west-midlands'],
    ['West Yorkshire Police can neither confirm nor deny that it holds the information.', null, 'west-yorkshire'],
    ['Dear Thames Valley Police,\nPlease tell me how many officers were vetted.', 'https://www.whatdotheyknow.com/request/x', 'thames-valley'],
    ['The MPS employs over 30,000 officers. The MPS has considered your request.', null, 'metropolitan'],
    ['The Norfolk and Suffolk Constabularies have considered your request.', null, 'norfolk'],
    ['It is important to note the force operates under the Code of Ethics.', null, null],
    ['The Met Office issued a weather warning.', null, null],
    ['Searches were conducted within Derbyshire Constabulary to locate the information. Questions 1 and 2 have been passed to Lincolnshire Police to answer.', null, 'derbyshire'],
    ['The Commissioner found that Strathclyde Police had dealt with the request in accordance with Part 1 of FOISA.', null, 'police-scotland'],
  ])('force of %j (%s)', (text, url, id) => expect(detectForce(text, url)).toBe(id));
});

describe('tables flattened into text', () => {
  const figuresOf = (text: string) => {
    const lines = linesOf(text);
    const { tables } = findTextTables(lines);
    return tables.flatMap((t) => interpretTable(t, { sha256: SHA }).figures.map((f) => [f.value, f.year, f.label, f.is_total, f.text, f.locator]));
  };

  // The table's title ("Outcomes") now ends each label (issue 12: every figure knows its table's title).
  it('space-separated rows under a year header', () => {
    const text = 'Outcomes\n2019 2020\nNo Action 4 7\nDismissed 1 0';
    expect(figuresOf(text)).toEqual([
      [4, 2019, 'No Action | 2019 — Outcomes', false, '4', 'char:29-30'],
      [7, 2020, 'No Action | 2020 — Outcomes', false, '7', 'char:31-32'],
      [1, 2019, 'Dismissed | 2019 — Outcomes', false, '1', 'char:43-44'],
      [0, 2020, 'Dismissed | 2020 — Outcomes', false, '0', 'char:45-46'],
    ]);
  });

  it('one cell per line ending in a pipe', () => {
    const text = 'Year |\nDismissed |\n2018 |\n3 |\n2019 |\n5 |';
    expect(figuresOf(text).map((f) => [f[0], f[1]])).toEqual([[3, 2018], [5, 2019]]);
  });

  it('one cell per line under year headings, with a total row', () => {
    const text = 'Officers reported to the fiscal\n\n2016-17\n\n2017-18\n\nTotal\n\nNo action\n\n12\n\n9\n\n21\n\nTotal\n\n12\n\n9\n\n21';
    expect(figuresOf(text).map((f) => [f[0], f[1], f[3]])).toEqual([
      [12, 2016, false], [9, 2017, false], [21, null, true],
      [12, 2016, true], [9, 2017, true], [21, null, true],
    ]);
  });
});

describe('outcome wordings from forces outside the dev set', () => {
  it.each([
    ['held and provided below', 'Request\n1. How many officers were dismissed?\nResponse\nThe force holds the information you have requested and it is provided below.\nQ1 – 12', ['full', false, false]],
    ['a part not held beside answers', 'Request\n1. How many?\n2. What did it cost?\nResponse\n1. 2021 – 4, 2022 – 6.\n2. This information is not held.', ['partial', false, false]],
    ['a part withheld beside answers', 'Request\n1. How many?\n2. Their names.\nResponse\n1. 2021: 3\n2. Names are withheld under Section 40(2).', ['partial', false, false]],
    ['refused under section 14', 'Request\nAll emails about my complaint.\nResponse\nThe force has decided to refuse your request under Section 14(1) as vexatious.', ['refused', false, false]],
    ['exempt, nothing disclosed', 'Request\nThe fleet list.\nResponse\nThis information is exempt under section 31(1)(a). No information is therefore disclosed.', ['refused', false, false]],
    ['a whole request refused on cost, FOISA wording', 'You asked:\n1) How many assaults since 2013?\nUnfortunately I estimate that it would cost well in excess of the current FOI cost threshold of £600. I am therefore refusing to provide the information sought in terms of section 12(1) of the Act.', ['cost_limit', false, true]],
    ['not required to comply', 'Request\nAll allegations since 2010 with outcomes.\nResponse\nLocating this would exceed the appropriate limit. We are therefore not required to comply with your request.', ['cost_limit', false, true]],
    ['Police Scotland neither confirms nor denies', 'You asked:\nReports about a death in custody in 2022.\nPolice Scotland neither confirms nor denies whether the information exists. In terms of section 18(1) of the Act we consider that to reveal whether it exists would be contrary to the public interest.', ['ncnd', true, false]],
  ])('%s', (_n, text, expected) => expect(outcomeOf(text)).toEqual(expected));

  it('a disclosure-log listing is not a response', () => {
    const text = 'Disclosure log\nOfficers suspended – FOI 2023/11 – published 2 May 2023\nDrones – FOI 2023/12 – published 1 May 2023\nVetting – FOI 2023/13 – published 28 April 2023\nShowing 1 to 3 of 300 results\nNext page';
    expect(detectKind(docOf(text), null)).toBe('other');
  });
});

describe('answer layouts from forces outside the dev set', () => {
  const all = (text: string) => {
    const seen = new Set<string>();
    return linesOf(text).flatMap((l) => answerLineFigures(l, { sha256: SHA }) ?? sentenceFigures(l, { sha256: SHA }, seen, /^\s*(?:\(?(?:\d{1,2}|[a-z])[.)]|Q\d)/i.test(l.text)));
  };
  it.each([
    ['Q1 – 41\nQ2 – Nil', [[41, null, '1'], [0, null, '2']]],
    ['1. 2020: 64  2021: 71', [[64, 2020, '1'], [71, 2021, '1']]],
    ['Officers injured: 2019 – 11, 2020 – 8', [[11, 2019, null], [8, 2020, null]]],
    ['a) Two hundred and twelve officers have an approved business interest.', [[212, null, 'a']]],
    ['c) Five applications were refused.', [[5, null, 'c']]],
    ['3. Spitting was involved in 39 of the assaults recorded.', [[39, null, null]]],
  ])('%j', (text, expected) => expect(all(text).map((f) => [f.value, f.year, f.question])).toEqual(expected));

  it.each([
    ['Forty-three Greater Manchester Police officers were suspended between 2018 and 2022, figures show.', [43]],
    ['Nineteen of those officers were later dismissed, while seven resigned before their hearings.', [19, 7]],
    ['Police Scotland reported 163 and West Midlands Police 98, the survey found.', [163, 98]],
    ['A dozen officers were dismissed or would have been dismissed, the figures show.', [12]],
  ])('news: %s', (text, expected) => {
    const seen = new Set<string>();
    expect(linesOf(text).flatMap((l) => sentenceFigures(l, { sha256: SHA }, seen)).map((f) => f.value)).toEqual(expected);
  });
});

describe('figures take what they count from the question they answer', () => {
  it('"Q1 – 41" under a question about officers dismissed counts officers dismissed, over its window', () => {
    const text = 'Request:\nPlease can you tell me, for the period between April 2018 and March 2023:\nQ1. How many police officers were dismissed following a gross misconduct hearing?\nQ2. How many resigned before their hearing?\nResponse:\nThe force holds the information you have requested and it is provided below.\nQ1 – 41\nQ2 – 17';
    const d = extractDisclosure(readText(text), { url: null, force: null, sha256: SHA });
    expect(d.figures.map((f) => [f.value, f.measure, f.event, f.question, f.period_start, f.period_end])).toEqual([
      [41, 'officers', 'dismissed', 'Q1', '2018-04-01', '2023-03-31'],
      [17, 'unknown', 'resigned', 'Q2', '2018-04-01', '2023-03-31'],
    ]);
    expect(d.outcome).toBe('full');
  });

  it('a table of days under a question about officers counts days; the request\'s one calendar year is its year', () => {
    const text = 'Request:\nHow many days of sick leave did police officers take between 01/01/2022 and 31/12/2022, by rank?\nResponse:\nPlease see the table below.\nRank | Days lost |\nConstable | 912.5 |\nSergeant | 201 |\n';
    const d = extractDisclosure(readText(text), { url: null, force: null, sha256: SHA });
    expect(d.figures.map((f) => [f.value, f.measure, f.event, f.year])).toEqual([
      [912.5, 'unknown', 'other', 2022],
      [201, 'unknown', 'other', 2022],
    ]);
  });

  it('a survey of many forces is about none of them, and says so', () => {
    const text = 'At least 900 officers have convictions, a Freedom of Information survey has found. Kent Police reported 40, Essex Police 35, Surrey Police 20 and Sussex Police 18.';
    const d = extractDisclosure(readText(text), { url: null, force: null, sha256: SHA });
    expect(d.force).toBeNull();
    expect(d.warnings.some((w) => /names 4 forces/.test(w))).toBe(true);
  });
});

describe('one cell per line under text headings', () => {
  it('reads "Year / Assaults / Injured / 2020 / 301 / 118 …" as a table', () => {
    const text = 'Please see the table below.\nYear\nAssaults on officers\nOfficers injured\n2020\n301\n118\n2021\n344\n131\nSome figures are provisional.';
    const { tables } = findTextTables(linesOf(text));
    expect(tables).toHaveLength(1);
    expect(interpretTable(tables[0], { sha256: SHA }).figures.map((f) => [f.value, f.year, f.label])).toEqual([
      [301, 2020, '2020 | Assaults on officers'],
      [118, 2020, '2020 | Officers injured'],
      [344, 2021, '2021 | Assaults on officers'],
      [131, 2021, '2021 | Officers injured'],
    ]);
  });
});

describe('answers printed under each question', () => {
  it('"Q1 …" / "A1 …" pages: questions from the Qs, figures and exemptions from the As', () => {
    const text = 'Title: Use of force complaints\nReference: FOI/X/24/0001\nResponse sent: 9 April 2024\nQ1 How many complaints were recorded in 2023?\nA1 Eighty-two (82) complaints were recorded.\nQ2 How many were upheld?\nA2 Less than five. The exact figure is withheld under Section 40(2) of the Act.\nQ3 How many remain open?\nA3 14';
    const d = extractDisclosure(readText(text), { url: null, force: null, sha256: SHA });
    expect(d.title).toBe('Use of force complaints');
    expect(d.questions.map((q) => q.label)).toEqual(['Q1', 'Q2', 'Q3']);
    expect(d.figures.map((f) => [f.value, f.question])).toEqual([[82, 'Q1'], [14, 'Q3']]);
    expect(d.exemptions.map((e) => e.citation)).toEqual(['40(2)']);
    expect(d.outcome).toBe('partial');
  });
});

describe('more answer wordings', () => {
  it.each([
    ['Question 1 - Eleven (11) officers and two (2) PCSOs were convicted.', [11, 2]],
    ['2024 (to 30 September) - 5', [5]],
  ])('%j', (text, expected) => {
    const [line] = linesOf(text);
    expect((answerLineFigures(line, { sha256: SHA }) ?? []).map((f) => f.value)).toEqual(expected);
  });
  it.each([
    ['Just six officers were dismissed as a result, while a further 14 received a final written warning.', [6, 14]],
    ['The neighbouring Nottinghamshire force said 23 of its serving officers had a criminal record, while Leicestershire said 17.', [23, 17]],
  ])('%s', (text, expected) => {
    const seen = new Set<string>();
    expect(linesOf(text).flatMap((l) => sentenceFigures(l, { sha256: SHA }, seen)).map((f) => f.value)).toEqual(expected);
  });
});

describe('label–figure runs', () => {
  it('"White British 38 Black/Black British 4 Asian/Asian British 3 Mixed 2 Other" / "ethnic group 0 Not stated 6"', () => {
    const got = linesOf('White British 38 Black/Black British 4 Asian/Asian British 3 Mixed 2 Other\nethnic group 0 Not stated 6').flatMap((l) => answerLineFigures(l, { sha256: SHA }) ?? []);
    expect(got.map((f) => [f.value, f.label])).toEqual([[38, 'White British'], [4, 'Black/Black British'], [3, 'Asian/Asian British'], [2, 'Mixed'], [0, 'ethnic group'], [6, 'Not stated']]);
  });
});

describe('bulleted answers are not a table', () => {
  it('"- None" / "- 83" lines stay answers, each one', () => {
    const text = 'You asked:\n- The number of officers made redundant.\n- The number medically discharged.\n- The number who retired.\n- The number dismissed.\nIn Response:\nI am able to disclose the located information to you as follows.\n- None\n- None\n- 83\n- 1,051';
    const d = extractDisclosure(readText(text), { url: null, force: null, sha256: SHA });
    expect(d.figures.map((f) => f.value)).toEqual([0, 0, 83, 1051]);
  });
});

describe('an answer line\'s state is its status; the question gives its event', () => {
  it('"Two officers, currently suspended" under a question about officers charged', () => {
    const text = 'Request:\n1. How many police officers have been charged with assault since 2020?\n2. How many of them are on restricted duties?\nResponse:\nQuestion 1: Two officers, currently suspended\nQuestion 2: None';
    const d = extractDisclosure(readText(text), { url: null, force: null, sha256: SHA });
    expect(d.figures[0]).toMatchObject({ value: 2, measure: 'officers', event: 'charged', status: 'suspended', question: '1' });
  });
});

describe('bare answer lines answer the listed questions in order', () => {
  it('the k-th "- N" line takes the k-th question\'s measure, event and exit status', () => {
    const text = 'You asked:\n- How many constables resigned in 2020?\n- How many constables took voluntary redundancy?\n- How many were dismissed for gross misconduct?\nIn Response:\nThe information is set out below.\n- 12\n- None\n- 4';
    const d = extractDisclosure(readText(text), { url: null, force: null, sha256: SHA });
    expect(d.figures.map((f) => [f.value, f.question, f.measure, f.event, f.status])).toEqual([
      [12, '1', 'officers', 'resigned', 'resigned'],
      [0, '2', 'officers', 'other', 'left'],
      [4, '3', 'unknown', 'dismissed', 'dismissed'],
    ]);
  });
});

describe('the year a sentence ties a count to', () => {
  const years = (text: string) => linesOf(text).flatMap((l) => sentenceFigures(l, { sha256: SHA }, new Set<string>()).map((f) => [f.value, f.year]));
  it.each([
    ['In 2016, 14 officers were dismissed by the force.', [[14, 2016]]],
    ['Officers dismissed in 2015 and 2016 totalled 40 officers.', [[40, null]]],
    ['The force recorded 52 officers under investigation in 2017/18.', [[52, 2017]]],
    ['The force dismissed 40 officers in 2015-2019.', [[40, null]]],
    ['The force dismissed 9 officers in 2020 and 5 officers in 2021.', [[9, 2020], [5, 2021]]],
    ['Since 2015, 40 officers have been convicted of offences.', [[40, null]]],
    ['Between 2015 and 2019 the force dismissed 31 officers.', [[31, null]]],
  ])('%s', (text, want) => expect(years(text)).toEqual(want));
  it.each([
    ['In 2012, 60 FOI requests were made to the force.', 2012],
    ['The force received 95 requests in 2013, the figures show.', 2013],
  ])('yearOfClause: %s', (text, want) => {
    const m = /\b(60|95)\b/.exec(text)!;
    expect(yearOfClause(text, m.index, m.index + m[0].length)).toBe(want);
  });
});

describe('status of counted people in sentences', () => {
  const statuses = (text: string) => linesOf(text).flatMap((l) => sentenceFigures(l, { sha256: SHA }, new Set<string>()).map((f) => [f.value, f.event, f.status]));
  it.each([
    ['Three officers were told they would have been dismissed had they not already resigned.', [[3, 'other', 'resigned']]],
    ['Among those sacked were two officers convicted of fraud.', [[2, 'convicted', 'dismissed']]],
    ['Seven officers were sacked, and nine were given written warnings.', [[7, 'dismissed', 'dismissed'], [9, 'other', null]]],
    ['Twelve serving officers in the county, including two detective constables, have criminal convictions.', [[12, 'serving_with_conviction', 'serving'], [2, 'serving_with_conviction', 'serving']]],
    ['One constable, based in the north of the county, has a conviction for assault.', [[1, 'serving_with_conviction', 'serving']]],
    ['Nine former officers have criminal convictions for fraud.', [[9, 'convicted', null]]],
    ['As at 31 March 2019 there were 11 officers on the force suspended from duty.', [[11, 'suspended', 'suspended']]],
    ['Since 2018, 23 officers have been dismissed or resigned while under investigation.', [[23, 'dismissed', 'left']]],
  ])('%s', (text, want) => expect(statuses(text)).toEqual(want));
  const measures = (text: string) => linesOf(text).flatMap((l) => sentenceFigures(l, { sha256: SHA }, new Set<string>()).map((f) => [f.value, f.measure]));
  it.each([
    ['In 2019 the force reported 40 police officers to the prosecutor. Of these, 12 were dealt with by a fixed penalty in minor cases.', [[40, 'officers'], [12, 'officers']]],
  ])('%s', (text, want) => expect(measures(text)).toEqual(want));
});
