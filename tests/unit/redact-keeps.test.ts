// Over-redaction is data loss: no force name (every name and alias in the registry), place,
// offence or rank is ever taken for a person, alone or in the sentences documents put them in.
import { describe, expect, it } from 'vitest';
import { redactPersonal } from '../../src/extract/redact.js';
import { FORCES } from '../../src/sources/registry.js';

const FORCE_NAMES = FORCES.flatMap((f) => [f.name, ...f.aliases]);
const PLACES = [
  'Leeds', 'Bradford', 'Cardiff', 'Swansea', 'Wrexham', 'Glasgow', 'Edinburgh', 'Belfast', 'Londonderry', 'Birmingham', 'Coventry',
  'Manchester', 'Salford', 'Liverpool', 'Bristol', 'Plymouth', 'Norwich', 'Maidstone', 'Guildford', 'Nottingham', 'Sheffield', 'Newcastle',
];
const OFFENCES = [
  'Harassment', 'Stalking', 'Fraud by false representation', 'Misconduct in public office', 'Drink driving', 'Theft', 'Burglary',
  'Possession of a class A drug', 'Computer misuse', 'Perverting the course of justice', 'Assault occasioning actual bodily harm',
  'Controlling or coercive behaviour', 'Voyeurism', 'Making indecent images of children', 'Malicious communications', 'Common assault',
];
const RANKS = [
  'Police Constable', 'Detective Constable', 'Sergeant', 'Detective Sergeant', 'Inspector', 'Detective Inspector', 'Chief Inspector',
  'Superintendent', 'Chief Superintendent', 'Assistant Chief Constable', 'Deputy Chief Constable', 'Chief Constable', 'PCSO',
  'Special Constable', 'Commander', 'Commissioner',
];

describe('redaction keeps', () => {
  it.each(FORCE_NAMES.map((n) => [n]))('the force %j, alone and in a sentence', (n) => {
    for (const t of [n, `${n} said 3 officers were dismissed.`, `Officers of ${n} | Convicted | 2023`, `A constable of ${n} was convicted.`]) expect(redactPersonal(t)).toBe(t);
  });
  it.each(PLACES.map((p) => [p]))('the place %j', (p) => {
    for (const t of [p, `The hearing was held in ${p}.`, `${p} Crown Court`, `${p} Magistrates Court convicted 2 officers`]) expect(redactPersonal(t)).toBe(t);
  });
  it.each(OFFENCES.map((o) => [o]))('the offence %j', (o) => {
    for (const t of [o, `${o} | Dismissed | 2022`, `Convicted of ${o.toLowerCase()} in 2021.`]) expect(redactPersonal(t)).toBe(t);
  });
  it.each(RANKS.map((r) => [r]))('the rank %j', (r) => {
    for (const t of [r, `${r} | Male | 2019`, `One ${r}, currently suspended`, `${r} West Midlands Police`]) expect(redactPersonal(t)).toBe(t);
  });
  it('a table row of them all together', () => {
    const row = 'Detective Inspector | Greater Manchester Police | Harassment | Manchester Crown Court | Dismissed | 2023';
    expect(redactPersonal(row)).toBe(row);
  });
});
