// Word gates asked before a cue family's long patterns (issue 17): each must let through every
// line the family matches, or a role, and with it the output, would change.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BOILERPLATE_LINE, BOILERPLATE_WORDS } from '../../src/segment/cues.js';
import { fixtureCorpusTexts } from '../support/corpus-texts.js';

const family = (t: string) => BOILERPLATE_LINE.find((c) => c.re.test(t))?.family;

describe('BOILERPLATE_WORDS lets through every standard-text line', () => {
  // One line per alternative of each family's pattern, in capitals where the pattern allows.
  it.each([
    ['The INFORMATION COMMISSIONER’S OFFICE, Wycliffe House, Water Lane', 'regulator-contact'],
    ['Wycliffe House', 'regulator-contact'],
    ['Water Lane', 'regulator-contact'],
    ['Wilmslow', 'regulator-contact'],
    ['Cheshire SK9 5AF', 'regulator-contact'],
    ['Kinburn Castle', 'regulator-contact'],
    ['St Andrews KY16 9DS', 'regulator-contact'],
    ['Visit www.ico.org.uk', 'regulator-contact'],
    ['See ico.org.uk/make-a-complaint', 'regulator-contact'],
    ['See itspublicknowledge.info', 'regulator-contact'],
    ['If you are dissatisfied with the response', 'appeal-rights'],
    ['You may request an internal review', 'appeal-rights'],
    ['Write within 40 working days of the response', 'appeal-rights'],
    ['You have the right to complain to the Commissioner', 'appeal-rights'],
    ['You can apply to the Scottish Information Commissioner', 'appeal-rights'],
    ['You may complain to the Information Commissioner', 'appeal-rights'],
    ['You may appeal to the Court of Session', 'appeal-rights'],
    ['under section 50 of the Act', 'appeal-rights'],
    ['Re-use of the information', 're-use'],
    ['Reuse of the information', 're-use'],
    ['The re-use of public sector information', 're-use'],
    ['under the Open Government Licence', 're-use'],
    ['© Crown copyright', 're-use'],
    ['Copyright in the material', 're-use'],
    ['This response will be published on our website', 'disclosure-log'],
    ['This may be placed in the disclosure log', 'disclosure-log'],
    ['It will be made available on our website', 'disclosure-log'],
    ['Disclosure under FOI is a disclosure to the world', 'disclosure-log'],
    ['Responses to FOI requests are routinely published', 'disclosure-log'],
    ['The Act is applicant-blind', 'applicant-blind'],
    ['without regard to the identity or motive of the applicant', 'applicant-blind'],
    ['The data provided is correct as at 1 May', 'data-caveat'],
    ['The figures supplied are accurate at the time of writing', 'data-caveat'],
    ['Figures were extracted from a live database', 'data-caveat'],
    ['Figures may be subject to change', 'data-caveat'],
    ['Figures may change due to ongoing review', 'data-caveat'],
    ['Section 16 advice', 'section-16-advice'],
    ['Advice and assistance', 'section-16-advice'],
    ['Under our duty to provide advice and assistance we note', 'section-16-advice'],
  ])('%j (%s)', (text, expected) => {
    expect(family(text)).toBe(expected);
    expect(BOILERPLATE_WORDS.test(text)).toBe(true);
  });

  it('on every line of the fixture corpora', () => {
    let matched = 0;
    for (const t of fixtureCorpusTexts().flatMap((text) => text.split('\n'))) {
      if (!family(t)) continue;
      matched++;
      expect(BOILERPLATE_WORDS.test(t), t).toBe(true);
    }
    expect(matched).toBeGreaterThan(10);
  });

  it('on text built from the patterns’ own words (property)', () => {
    const words = ['information', 'commissioner', 'office', 'if', 'you', 'are', 'unhappy', 'with', 'the', 'internal', 'review', 'within', 'forty', 'days',
      'response', 're-use', 'use', 'of', 'this', 'will', 'be', 'published', 'on', 'our', 'website', 'disclosure', 'to', 'world', 'motive', 'blind',
      'data', 'provided', 'is', 'correct', 'as', 'at', 'taken', 'from', 'live', 'system', 'may', 'change', 'section', '16', '50', 'advice', 'and',
      'assistance', 'crown', 'copyright', 'open', 'government', 'licence', 'ico.org.uk', 'SK9', '5AF', 'court', 'session', 'apply', 'right',
      'reuse', 're', 'www.ico.org.uk', 'wycliffe', 'house', 'applicant', 'accurate', 'placed', 'made', 'available', 'subject', 'due', 'duty', 'under'];
    const word = fc.tuple(fc.constantFrom(...words), fc.boolean()).map(([w, up]) => (up ? w.toUpperCase() : w));
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 12 }), fc.constantFrom(' ', '  ', '-', ', ', '', '.', '/'), (ws, sep) => {
        const t = ws.join(sep);
        return !family(t) || BOILERPLATE_WORDS.test(t);
      }),
      { numRuns: 6000 },
    );
  });
});
