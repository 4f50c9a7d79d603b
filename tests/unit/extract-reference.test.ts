// Reference formats seen on real forces' pages (issue 13 and its sibling): each as a line of a
// page, with the reference the header must read and the title beside it.
import { describe, expect, it } from 'vitest';
import { extractHeader } from '../../src/extract/header.js';
import { extraReferenceOnLine, normaliseReference } from '../../src/extract/reference.js';
import { docOf } from '../support/doc.js';

describe('reference formats', () => {
  const cases: Array<[string, string, string | null, string | null]> = [
    ['SOH label', 'Freedom of information request reference no: 01.FOI.22.024049\nI note you seek access to the following information:', '01.FOI.22.024049', null],
    ['enquiry reference, space after hyphen', 'Officers dismissed\nEnquiry Reference: 89- 26\nRequest', '89-26', 'Officers dismissed'],
    ['spaces both sides', 'Officers dismissed\nReference: 82 - 25\nRequest', '82-25', 'Officers dismissed'],
    ['space before hyphen', 'Officers dismissed\nReference: 14 -26\nRequest', '14-26', 'Officers dismissed'],
    ['West Yorkshire', 'Officers dismissed\nFOI reference FOI 1730525/23\nRequest', 'FOI 1730525/23', 'Officers dismissed'],
    ['West Yorkshire, alone on its line', 'Officers suspended\nFOI 1730525/23\nRequest', 'FOI 1730525/23', 'Officers suspended'],
    ['West Midlands underscore form', 'Officer BME (3005_16)\nRequest\nHow many?', '3005_16', 'Officer BME'],
    ['PSNI year form', 'Officers suspended\nReference: F-2022-01268\nRequest', 'F-2022-01268', 'Officers suspended'],
    ['PSNI request FOI/…', 'Officers suspended\nRequest: FOI/00013725\nCategory: HR', 'FOI/00013725', 'Officers suspended'],
    ['PSNI request F-…', 'Officers suspended\nRequest: F-013412\nCategory: HR', 'F-013412', 'Officers suspended'],
    ['PSNI request number', 'Officers suspended\nRequest Number: FOI/15929\nCategory: HR', 'FOI/15929', 'Officers suspended'],
    ['Avon and Somerset', 'Officers suspended\nDate of request: 3 May 2021\nReference: 575/21\nRequest', '575/21', 'Officers suspended'],
    ['FOI with hyphenated year, heading', 'FOI 004163-18\nOfficers suspended\nRequest', 'FOI 004163-18', 'Officers suspended'],
    ['FOI with hyphenated year, under the title', 'Officers suspended\nFOI 004163-18\nRequest', 'FOI 004163-18', 'Officers suspended'],
    ['FOI/number labelled', 'Officers suspended\nReference: FOI/13393\nRequest', 'FOI/13393', 'Officers suspended'],
    ['FOI/number alone', 'Officers suspended\nFOI/13393\nRequest', 'FOI/13393', 'Officers suspended'],
    ['financial-year form', 'Officers suspended\nOur reference: FOI 2025/26-038\nRequest', 'FOI 2025/26-038', 'Officers suspended'],
    ['financial-year form before the title', 'FOI 2025/26-038 Officers suspended\nRequest:', 'FOI 2025/26-038', 'Officers suspended'],
    ['"ref no:" ending a long label', 'Bedfordshire Police\nRequest under the freedom of information act 2000 ref no: FOI2025/01135\nDear', 'FOI2025/01135', null],
    ['"request" closing a heading', 'Freedom of Information: Right to know request 1009-11\nDear Sir', '1009-11', null],
    ['ICO neutral citation', 'UFO sightings\n[2022] UKICO ic-106431\nDecision', 'ic-106431', 'UFO sightings'],
  ];
  it.each(cases)('%s', (_name, text, reference, title) => {
    const h = extractHeader(docOf(text));
    expect(h.reference).toBe(reference);
    expect(h.title).toBe(title);
  });

  it('does not take a question after "Request:" for a reference', () => {
    expect(extraReferenceOnLine('Request: How many officers were dismissed in 2022-23?')).toBeNull();
    expect(extraReferenceOnLine('Request: 1. How many officers')).toBeNull();
    expect(extractHeader(docOf('Officers dismissed\nRequest: How many officers were dismissed in 2022-23?')).reference).toBeNull();
  });

  it.each([
    ['89- 26', '89-26'],
    ['82 - 25', '82-25'],
    ['14 -26', '14-26'],
    ['FOI 004163-18', 'FOI 004163-18'],
    ['  575/21 ', '575/21'],
  ])('normalises %j to %j', (raw, want) => expect(normaliseReference(raw)).toBe(want));
});

// extraReferenceOnLine reads a line only where it holds "ref" or "request" or opens with "["
// (issue 17): wherever one of its forms matches the normalised line, the gate matches the line.
describe('extra reference gate', () => {
  it('is implied by every form (property)', async () => {
    const fc = (await import('fast-check')).default;
    const { MAY_HOLD_EXTRA_REF, extraReferencePatterns } = await import('../../src/extract/reference.js');
    const piece = fc.constantFrom('Enquiry', 'Reference', 'ref', 'REF', 'no', 'number', ':', ' ', '  ', '\u00a0', '\t', 'Request', 'request', 'FOI', 'F', '/', '-', '[2022]', '[', ']', 'UKICO', 'ic-106431', '123', '89', '26', '2025', '01135', '.', 'x');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }), (ps) => {
        const line = ps.join('');
        const t = line.replace(/[\s\u00a0]+/g, ' ').trim();
        if (extraReferencePatterns().some((re) => re.test(t))) expect(MAY_HOLD_EXTRA_REF.test(line), line).toBe(true);
        if (!MAY_HOLD_EXTRA_REF.test(line)) expect(extraReferenceOnLine(line)).toBeNull();
      }),
      { numRuns: 8000, seed: 17 },
    );
  });
});
