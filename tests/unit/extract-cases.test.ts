import { describe, expect, it } from 'vitest';
import { extractCases } from '../../src/extract/prose-cases.js';
import { docOf } from '../support/doc.js';

const SHA = 'b'.repeat(64);

describe('cases described in sentences', () => {
  const text =
    'Among the five convicted was a female detective sergeant who was convicted of fraud by false representation in March 2016, a male police constable who was cautioned for possession of cannabis in 2017, and another who was cautioned for common assault in 2018.\n' +
    'In 2019, a male PCSO was convicted of sending a malicious communication and a male PC was given a suspended sentence for dangerous driving.';
  const doc = docOf(text);
  const cases = extractCases(doc.lines, SHA);

  it('finds one case per person, with role, rank, gender, offence, category, event and year', () => {
    expect(cases.map((c) => [c.role, c.rank, c.gender, c.offence, c.offence_category, c.event, c.event_year])).toEqual([
      ['police_officer', 'Detective Sergeant', 'female', 'fraud by false representation', 'dishonesty', 'convicted', 2016],
      ['police_officer', 'Police Constable', 'male', 'possession of cannabis', 'drugs', 'cautioned', 2017],
      ['police_officer', 'Police Constable', 'male', 'common assault', 'violence', 'cautioned', 2018],
      ['pcso', null, 'male', 'sending a malicious communication', 'malicious_communications', 'convicted', 2019],
      ['police_officer', 'Police Constable', 'male', 'dangerous driving', 'driving', 'convicted', 2019],
    ]);
  });

  it('keeps the disposal where the sentence gives one', () => {
    expect(cases[4].disposal).toBe('suspended sentence');
  });

  it('points each case at its own words', () => {
    for (const c of cases) expect(doc.text.slice(...c.locator.slice(5).split('-').map(Number) as [number, number])).toBe(c.text);
    expect(cases[0].text).toBe('a female detective sergeant who was convicted of fraud by false representation in March 2016');
  });

  it('never starts a case at a name', () => {
    const named = extractCases(docOf('John Smith, a serving officer, was convicted of theft in 2020.').lines, SHA);
    for (const c of named) expect(c.text).not.toMatch(/John|Smith/);
  });
});

// The line gate (was/been/is + the verb) must let through every wording the clause reads.
describe('each way the clause joins its person to the verb', () => {
  it.each([
    ['An officer had been SACKED for gross misconduct in 2020.', 'dismissed'],
    ['One constable has been jailed for fraud in 2021.', 'convicted'],
    ['Another officer is charged with assault.', 'charged'],
    ['A special constable was\tfined for speeding in 2018.', 'convicted'],
    ['There were two cases in 2017, a PC who was found guilty of theft and a sergeant who resigned.', 'convicted'],
  ])('%j', (text, event) => expect(extractCases(docOf(text).lines, SHA).map((c) => c.event)).toEqual([event]));

  it('reads no case where officers "were" charged', () => {
    expect(extractCases(docOf('Two officers were charged with assault in 2020.').lines, SHA)).toEqual([]);
  });
});
