// The word gates extractOutcome asks before its PARTIAL, NOT_HELD and REFUSED families (issue 17,
// start-up): a gate may let through a text no pattern then matches, but must never turn away one
// a pattern matches, or an outcome would change.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EITHER_WAY, outcomeGates, withoutEitherWay } from '../../src/extract/outcome.js';
import { fixtureCorpusTexts } from '../support/corpus-texts.js';

const gates = outcomeGates();
const family = (name: string) => gates.find((g) => g.name === name)!;
const matches = (name: string, text: string) => family(name).res.some((re) => re.test(text));

describe('outcome family gates', () => {
  // One text per pattern (and per alternative of a pattern), with mixed case where the patterns allow.
  it.each([
    ['PARTIAL', 'It is not possible to meet your request in full.'],
    ['PARTIAL', 'Parts of this request are exempt'],
    ['PARTIAL', 'I have DECIDED TO DISCLOSE SOME of it'],
    ['PARTIAL', 'The figures were disclosed, but withheld the names'],
    ['PARTIAL', 'We disclose some of the requested information'],
    ['PARTIAL', 'This is a partial disclosure'],
    ['PARTIAL', 'withholding some'],
    ['PARTIAL', 'some of the data has been withheld'],
    ['PARTIAL', 'We are not obliged to provide all of it'],
    ['PARTIAL', 'while some of the requested information is shown'],
    ['PARTIAL', 'as a gesture of goodwill'],
    ['PARTIAL', 'goodwill figures are supplied'],
    ['PARTIAL', 'figures have been provided'],
    ['PARTIAL', 'we have been able to run a search'],
    ['PARTIAL', 'some information was not held'],
    ['PARTIAL', 'we are not able to answer this question'],
    ['NOT_HELD', 'We were unable to locate any recorded information'],
    ['NOT_HELD', 'The force does not hold this'],
    ['NOT_HELD', 'This data is not all recorded by the force'],
    ['NOT_HELD', 'Records were not captured'],
    ['NOT_HELD', 'No relevant information was found'],
    ['NOT_HELD', 'no records are held'],
    ['REFUSED', 'The request was refused by the force'],
    ['REFUSED', 'It is exempt from disclosure in its entirety'],
    ['REFUSED', 'We are unable to provide the information'],
    ['REFUSED', 'we are not able to disclose any information'],
    ['REFUSED', 'No information is therefore disclosed'],
    ['REFUSED', 'I have decided to refuse your request'],
    ['REFUSED', 'The force refuses this request'],
    ['REFUSED', 'The information is exempt under section 40'],
    ['REFUSED', 'However it is exempt'],
    ['REFUSED', 'This letter serves as a formal refusal notice'],
  ])('%s: %j matches and passes the gate', (name, text) => {
    expect(matches(name, text)).toBe(true);
    expect(family(name).gate.test(text)).toBe(true);
  });

  it.each([
    ['PARTIAL', 'British Transport Police can confirm that it holds the information you have requested.'],
    ['NOT_HELD', 'Please note that officers arrested in one year may have been charged in a later year.'],
    ['REFUSED', 'Please find the information below.'],
  ])('%s: the gate turns away %j', (name, text) => {
    expect(family(name).gate.test(text)).toBe(false);
    expect(matches(name, text)).toBe(false);
  });

  it('takes "is or is not …" out only where the NOT_HELD gate opens', () => {
    expect(withoutEitherWay('The force does not hold it. It is or is not held by another. Done')).toBe('The force does not hold it. It . Done');
    expect(withoutEitherWay('It is or is not held by another.')).toBe('It .');
    expect(withoutEitherWay('It is or is not the case.')).toBe('It is or is not the case.');
  });

  it('on every line and every whole text of the fixture corpora', () => {
    let matched = 0;
    for (const whole of fixtureCorpusTexts()) {
      for (const t of [whole, ...whole.split('\n')]) {
        for (const g of gates) {
          if (!matches(g.name, t)) continue;
          matched++;
          expect(g.gate.test(t), `${g.name}: ${t.slice(0, 200)}`).toBe(true);
        }
      }
    }
    expect(matched).toBeGreaterThan(20);
  });

  it('on text built from the patterns’ own words (property)', () => {
    const words = ['not', 'possible', 'able', 'unable', 'to', 'meet', 'comply', 'with', 'satisfy', 'your', 'the', 'this', 'that', 'request', 'requirements', 'in',
      'full', 'part', 'parts', 'partial', 'of', 'are', 'is', 'was', 'were', 'exempt', 'withheld', 'refused', 'decided', 'decision', 'disclose', 'disclosed',
      'some', 'requested', 'information', 'but', 'disclosure', 'withholding', 'data', 'has', 'have', 'been', 'obliged', 'required', 'provide', 'release', 'all',
      'while', 'shown', 'provided', 'gesture', 'goodwill', 'supplied', 'figures', 'run', 'supply', 'held', 'answer', 'question', 'locate', 'any', 'relevant',
      'recorded', 'does', 'do', 'hold', 'records', 'record', 'retained', 'captured', 'no', 'located', 'found', 'by', 'from', 'its', 'their', 'entirety', 'we',
      'therefore', 'being', 'released', 'refuse', 'refuses', 'refusing', 'under', 'virtue', 'however', 'it', 'letter', 'response', 'email', 'reply',
      'constitutes', 'serves', 'as', 'acts', 'a', 'formal', 'refusal', 'notice', 'centrally', 'is or is not', 'were or were not', 'does or does not', '.'];
    const word = fc.tuple(fc.constantFrom(...words), fc.boolean()).map(([w, up]) => (up ? w.toUpperCase() : w));
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 14 }), fc.constantFrom(' ', ', ', '. '), (ws, sep) => {
        const t = ws.join(sep);
        for (const g of gates) if (matches(g.name, t)) expect(g.gate.test(t), `${g.name}: ${t}`).toBe(true);
        // NOT_HELD is asked of the text with "is or is not …" taken out; its gate of the text as it was.
        const out = t.replace(EITHER_WAY, '');
        if (matches('NOT_HELD', out)) expect(family('NOT_HELD').gate.test(t), t).toBe(true);
        expect(withoutEitherWay(t) === out || !family('NOT_HELD').gate.test(t)).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });
});
