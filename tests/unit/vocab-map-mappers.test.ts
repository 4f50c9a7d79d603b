import { describe, expect, it } from 'vitest';
import { eventOf, exitStatus, genderOf, measureOf, namesOtherUnit, offenceCategory, rankOf, roleOf, statusOf } from '../../src/extract/vocab-map.js';

describe('offenceCategory', () => {
  it.each([
    ['Sexual assault', 'sexual'],
    ['rape', 'sexual'],
    ['Sexual Offences', 'sexual'],
    ['Indecent exposure', 'sexual'],
    ['Making indecent images of children', 'indecent_images'],
    ['Possession of indecent photographs of a child', 'indecent_images'],
    ['Data Protection Offence', 'computer_misuse_data_protection'],
    ['Computer Misuse', 'computer_misuse_data_protection'],
    ['Driving Offences', 'driving'],
    ['drink driving', 'driving'],
    ['No Insurance', 'driving'],
    ['Speeding', 'driving'],
    ['Assault', 'violence'],
    ['ABH', 'violence'],
    ['GBH', 'violence'],
    ['Common assault', 'violence'],
    ['Burglary/ Theft', 'dishonesty'],
    ['shoplifting', 'dishonesty'],
    ['fraud', 'dishonesty'],
    ['Insurance fraud', 'dishonesty'],
    ['Make False Representation', 'dishonesty'],
    ['Making off without payment', 'dishonesty'],
    ['Harassment', 'harassment_stalking'],
    ['stalking', 'harassment_stalking'],
    ['Public Order', 'public_order'],
    ['Affray', 'public_order'],
    ['Misconduct Public Office', 'misconduct_in_public_office'],
    ['Misconduct in a public office', 'misconduct_in_public_office'],
    ['Send Malicious Communication', 'malicious_communications'],
    ['criminal damage', 'criminal_damage'],
    ['possession of a class A drug', 'drugs'],
    ['Possession of cannabis', 'drugs'],
    ['controlling or coercive behaviour', 'domestic_abuse'],
    ['Assault (domestic)', 'domestic_abuse'],
    ['perverting the course of justice', 'perverting_justice'],
    ['voyeurism', 'intimate_image_abuse'],
    ['disclosing private sexual images', 'intimate_image_abuse'],
    ['extreme pornography', 'extreme_pornography'],
    ['child sexual abuse', 'child_sexual_abuse'],
    ['Sexual activity with a child', 'child_sexual_abuse'],
    ['possession of an offensive weapon', 'weapons'],
    ['Possession of a firearm', 'weapons'],
    ['Wildlife offence', 'other'],
  ])('%s → %s', (text, want) => {
    expect(offenceCategory(text)).toBe(want);
  });
  it('gives null for no text', () => {
    expect(offenceCategory('')).toBeNull();
    expect(offenceCategory('  ')).toBeNull();
    expect(offenceCategory(null)).toBeNull();
    expect(offenceCategory('123')).toBeNull();
  });
});

describe('rankOf', () => {
  it.each([
    ['PC', 'Police Constable'],
    ['P.C.', 'Police Constable'],
    ['Police Constable', 'Police Constable'],
    ['Constable', 'Police Constable'],
    ['DC', 'Detective Constable'],
    ['Detective Constable', 'Detective Constable'],
    ['Sergeant', 'Sergeant'],
    ['PS', 'Sergeant'],
    ['Sgt', 'Sergeant'],
    ['DS', 'Detective Sergeant'],
    ['T/DS', 'Detective Sergeant'],
    ['Det. Sgt', 'Detective Sergeant'],
    ['Inspector', 'Inspector'],
    ['DI', 'Detective Inspector'],
    ['Chief Inspector', 'Chief Inspector'],
    ['Detective Chief Inspector', 'Detective Chief Inspector'],
    ['Superintendent', 'Superintendent'],
    ['Chief Superintendent', 'Chief Superintendent'],
    ['Ch Supt', 'Chief Superintendent'],
    ['Assistant Chief Constable', 'Assistant Chief Constable'],
    ['Chief Constable', 'Chief Constable'],
    ['Commander', 'Commander'],
    ['Special Constable', 'Special Constable'],
    ['SC', 'Special Constable'],
    ['Special Sergeant', 'Special Sergeant'],
    ['Acting Inspector', 'Inspector'],
    ['a male detective constable', 'Detective Constable'],
  ])('%s → %s', (text, want) => {
    expect(rankOf(text)).toBe(want);
  });
  it.each([['PCSO'], ['Police Staff'], ['Police Officer'], [''], ['Male']])('%s → null', (text) => {
    expect(rankOf(text)).toBeNull();
  });
});

describe('genderOf', () => {
  it.each([
    ['male', 'male'],
    ['Male', 'male'],
    ['M', 'male'],
    ['man', 'male'],
    ['Men', 'male'],
    ['female', 'female'],
    ['F', 'female'],
    ['woman', 'female'],
    ['Female officer', 'female'],
    ['a male detective constable', 'male'],
    ['Not recorded', 'unknown'],
    ['Assault', null],
    ['', null],
  ])('%s → %s', (text, want) => {
    expect(genderOf(text)).toBe(want);
  });
});

describe('statusOf', () => {
  it.each([
    ['serving', 'serving'],
    ['Still serving', 'serving'],
    ['Suspended', 'suspended'],
    ['Serving - suspended', 'suspended'],
    ['Restricted duties', 'restricted_duties'],
    ['Serving – restricted duties', 'restricted_duties'],
    ['Resigned', 'resigned'],
    ['Retired', 'retired'],
    ['Dismissed', 'dismissed'],
    ['Sacked', 'dismissed'],
    ['Left', 'left'],
    ['Left the force', 'left'],
    ['No longer serving', 'left'],
    ['Barred', 'barred'],
    ['Deceased', 'deceased'],
    ['Resigned whilst suspended', 'resigned'],
    ['Retired/ Resigned', 'left'],
    ['Resigned before dismissal hearing', 'resigned'],
    ['Serving (suspended sentence)', 'serving'],
    ['Unknown', 'unknown'],
    ['Assault', null],
  ])('%s → %s', (text, want) => {
    expect(statusOf(text)).toBe(want);
  });
});

describe('roleOf', () => {
  it.each([
    ['Police Officer', 'police_officer'],
    ['officer', 'police_officer'],
    ['PC', 'police_officer'],
    ['Constable', 'police_officer'],
    ['Detective Sergeant', 'police_officer'],
    ['PCSO', 'pcso'],
    ['Police Community Support Officer', 'pcso'],
    ['Special', 'special_constable'],
    ['Special Constable', 'special_constable'],
    ['Police Staff', 'staff'],
    ['staff', 'staff'],
    ['Civilian', 'staff'],
    ['Male', null],
    ['', null],
  ])('%s → %s', (text, want) => {
    expect(roleOf(text)).toBe(want);
  });
});

describe('eventOf', () => {
  it.each([
    ['Convicted', 'convicted'],
    ['Found guilty', 'convicted'],
    ['Charged and convicted', 'convicted'],
    ['Fine £500', 'convicted'],
    ['18 months imprisonment', 'convicted'],
    ['Suspended sentence', 'convicted'],
    ['Conditional discharge', 'convicted'],
    ['Charged', 'charged'],
    ['Awaiting trial', 'charged'],
    ['Cautioned', 'cautioned'],
    ['Conditional caution', 'cautioned'],
    ['Allegation', 'allegation'],
    ['Suspended', 'suspended'],
    ['Restricted duties', 'restricted_duties'],
    ['Dismissed', 'dismissed'],
    ['Resigned', 'resigned'],
    ['Not guilty', 'other'],
    ['Acquitted', 'other'],
    ['Would have been dismissed', 'other'],
    ['No action', 'other'],
    ['No conviction', 'other'],
    ['Would have been sacked had he not resigned', 'other'],
    ['Assault', null],
  ])('%s → %s', (text, want) => {
    expect(eventOf(text)).toBe(want);
  });
});

describe('measureOf', () => {
  it.each([
    ['Police officers convicted', 'officers'],
    ['PCSOs', 'pcsos'],
    ['Police Staff', 'staff'],
    ['Special Constables', 'specials'],
    ['Officers and PCSOs', 'officers_and_pcsos'],
    ['Allegations', 'allegations'],
    ['Conducts', 'cases'],
    ['Conduct matters recorded', 'cases'],
    ['Offence type', null],
  ])('%s → %s', (text, want) => {
    expect(measureOf(text)).toBe(want);
  });
});

describe('exitStatus: the end state an outcome heading names', () => {
  it.each([
    ['Dismissed', 'dismissed'],
    ['Sacked', 'dismissed'],
    ['Resigned', 'resigned'],
    ['Retired', 'retired'],
    ['Retired/ Resigned', 'left'],
    ['Resigned or dismissed', 'left'],
    ['Resigned before a dismissal hearing', 'resigned'],
    ['Left the force', 'left'],
    ['Would have been dismissed', null],
    ['Not dismissed', null],
    ['Final written warning', null],
    ['Suspended', null],
  ])('%s → %s', (text, want) => {
    expect(exitStatus(text)).toBe(want);
  });
});

describe('namesOtherUnit: figures that are not people or their conduct', () => {
  it.each([
    ['Absence Days', true],
    ['29617.89 Days', true],
    ['Cost (£)', true],
    ['FOI requests received', true],
    ['Stop and searches', true],
    ['Police officers', false],
    ['Allegations', false],
    ['2019', false],
  ])('%s → %s', (text, want) => expect(namesOtherUnit(text)).toBe(want));
});
