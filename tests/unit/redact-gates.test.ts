// The ASCII gates redactPersonal asks before its name and date-of-birth patterns (issue 17,
// start-up): a gate may let through a text its pattern then rejects, but must never turn away
// one the pattern matches, or a name would be left in the output.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { redactionGates, redactPersonal } from '../../src/extract/redact.js';

const hits = (re: RegExp, text: string) => {
  const copy = new RegExp(re.source, re.flags.replace('g', ''));
  return copy.test(text);
};

describe('redaction gates', () => {
  const gates = redactionGates();

  it.each([
    ['DOB', 'Date of Birth (DD/MM/YYYY): 01/02/1980'],
    ['DOB', 'he was born on 3rd March 1975'],
    ['DOB', 'D.O.B. 1.2.80'],
    ['AGE', 'a man AGED 34 was'],
    ['AGE', 'Age: 19'],
    ['AFTER_RANK', 'PC 1234 John Smith was dismissed'],
    ['AFTER_RANK', 'a serving police constable, Neal Porter, was'],
    ['AFTER_RANK', 'Det\u00a0Insp D’Souza'],
    ['LOWER_AFTER_TITLE', 'PC smith resigned'],
    ['BEFORE_ROLE', 'Jane Doe, 34, the detective sergeant'],
    ['SURNAME_FIRST', 'BAKER, Thomas'],
    ['SURNAME_FIRST', 'ÓBRIAIN, Zoë'],
    ['SURNAME_FIRST', 'SMITH,McDonald'],
  ])('%s: its gate opens for %j, which its pattern matches', (name, text) => {
    const g = gates.find((x) => x.name === name)!;
    expect(hits(g.re, text)).toBe(true);
    expect(g.gate.test(text)).toBe(true);
  });

  it.each([
    ['DOB', 'Officers arrested in 2020, 2021 and 2022'],
    ['AGE', 'Officers arrested in 2020, 2021 and 2022'],
    ['AFTER_RANK', 'British Transport Police officers were arrested'],
    ['LOWER_AFTER_TITLE', 'PCSOs and officers'],
    ['BEFORE_ROLE', 'Smith, Jones and others, all officers'],
    ['SURNAME_FIRST', 'In 2020, 2021 and 2022, Police'],
  ])('%s: its gate stays shut for %j', (name, text) => {
    expect(gates.find((x) => x.name === name)!.gate.test(text)).toBe(false);
  });

  // Words of names, ranks, roles, dates and punctuation, strung together at random.
  const piece = fc.constantFrom(
    'PC', 'DS', 'Mr', 'Det', 'Ch. Supt', 'police constable', 'Police Officer', 'officer', 'Sergeant', 'detective', 'PCSO', 'special',
    'John', 'SMITH', 'McDonald', "O'Neil", 'D’Souza', 'Siân', 'ÓBRIAIN', 'Zoë', 'ap', 'de', 'smith', 'J.', 'R.T.', 'jones',
    'DOB', 'D.O.B.', 'date of birth', 'born', 'birthdate', 'aged', 'Age', 'AGE:', '34', '18-25', 'years and over', '01/02/1980', '3rd March 1975', '1980', '1234',
    'a', 'the', 'serving', 'was', 'dismissed', 'Police', 'Avon', 'the force', '𝐀𝐁', '',
  );
  const sep = fc.constantFrom(' ', ', ', ',', '\n', ': ', '\u00a0', ' - ', '. ', '  ');
  const text = fc.array(fc.tuple(piece, sep), { maxLength: 12 }).map((xs) => xs.map(([p, s]) => p + s).join(''));

  it('never turn away a text their pattern matches (property)', () => {
    fc.assert(
      fc.property(text, (t) => {
        for (const g of gates) if (hits(g.re, t)) expect(g.gate.test(t), `${g.name} on ${JSON.stringify(t)}`).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('redact as before on the examples the gates turn away and let through', () => {
    expect(redactPersonal('British Transport Police officers were arrested in 2020, 2021 and 2022.')).toBe('British Transport Police officers were arrested in 2020, 2021 and 2022.');
    expect(redactPersonal('PC smith and DOB 01/02/1980; BAKER, Thomas; Jane Doe, 34, the detective sergeant')).toBe('PC [redacted] and DOB [redacted]; [redacted]; [redacted], 34, the detective sergeant');
  });
});
