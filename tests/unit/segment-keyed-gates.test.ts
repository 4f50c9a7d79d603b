// Word gates of the line families (segment/gates.ts keyedFirst, issue 17 start-up): a pattern is
// asked only where a line begins with, or holds, one of its words. A word list that misses a
// line its pattern matches would change a role or a region, and with it the output.
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEYED_LINES, keyedAny, keyedFirst, type Keyed } from '../../src/segment/gates.js';
import { FURNITURE, REQUEST_FALLBACK, REQUEST_START, RESPONSE_START, buildDoc } from '../../src/extract/doc-model.js';
import { BOILERPLATE_START, CHROME, NEWS_CHROME, REFUSAL_LINE, REFUSAL_START, SIGNATURE_LINE, SIGNATURE_START, STATUS } from '../../src/segment/cues.js';
import { readDocument } from '../../src/readers/index.js';
import { fixtureCorpusTexts } from '../support/corpus-texts.js';

const FAMILIES: Record<string, readonly Keyed[]> = {
  REQUEST_START, RESPONSE_START, FURNITURE, REQUEST_FALLBACK, CHROME, STATUS, BOILERPLATE_START, SIGNATURE_START, SIGNATURE_LINE, REFUSAL_START, REFUSAL_LINE, NEWS_CHROME,
};

/** A fresh gate of one pattern (fresh: a gate turns to the combined test after KEYED_LINES lines). */
const letsThrough = (c: Keyed, t: string) => keyedFirst([c])(t) === c;

describe('keyedFirst answers as find does', () => {
  const cues = [
    { family: 'a', re: /^back to top$/i, starts: ['back to top'] },
    { family: 'b', re: /cookies?/i, holds: ['cookie'] },
    { family: 'c', re: /^Home(?:\s+[A-Z]\w*){1,3}$/, starts: ['home'] },
    { family: 'd', re: /^(?:the )?request\b/i, starts: ['request', 'the '] },
    { family: 'e', re: /\bwe use cookies\b/i, holds: ['we use cookies'] },
  ];
  it.each([
    ['Back to TOP', 'a'],
    ['back to top of page', undefined],
    ['We use COOKIES', 'b'],
    ['Home Disclosure Log', 'c'],
    ['home disclosure log', undefined], // the case-sensitive pattern keeps its case
    ['THE Request', 'd'],
    ['Requested', undefined],
    ['the cookie request', 'b'],
    ['', undefined],
    ['Ünusual start', undefined],
  ])('%j → %s', (text, family) => {
    const first = keyedFirst(cues);
    expect(first(text)?.family).toBe(family);
    expect(cues.find((c) => c.re.test(text))?.family).toBe(family);
    expect(keyedAny(cues)(text)).toBe(family !== undefined);
  });

  it('gives the same answers after it turns to the combined test', () => {
    const first = keyedFirst(cues);
    const any = keyedAny(cues);
    const texts = ['Back to top', 'nothing here', 'We use cookies', 'Home Police Data', 'the request was', 'x'];
    for (let i = 0; i < KEYED_LINES + 20; i++) {
      const t = texts[i % texts.length];
      expect(first(t)).toBe(cues.find((c) => c.re.test(t)));
      expect(any(t)).toBe(cues.some((c) => c.re.test(t)));
    }
  });

  it('refuses patterns and words it cannot gate', () => {
    expect(() => keyedFirst([{ re: /a/g, holds: ['a'] }])).toThrow(/stateful/);
    expect(() => keyedFirst([{ re: /a/iu, holds: ['a'] }])).toThrow(/u or v flag/);
    expect(() => keyedFirst([{ re: /^a/m, starts: ['a'] }])).toThrow(/m flag/);
    expect(() => keyedFirst([{ re: /a/ }])).toThrow(/no words/);
    expect(() => keyedFirst([{ re: /(a)\1/, holds: ['a'] }])).toThrow(/own groups/);
    expect(() => keyedFirst([{ re: /A/, holds: ['A'] }])).toThrow(/lower-case/);
    expect(keyedFirst([])('anything')).toBeUndefined();
  });
});

// One line per pattern of each family, that the pattern matches (in capitals where it allows).
const EXAMPLES: Record<string, string[]> = {
  REQUEST_START: [
    'I NOTE YOU SEEK ACCESS TO THE FOLLOWING INFORMATION:', 'Request / Response:', 'Cais / Request', 'What was asked for:', 'The requested information: x',
    'Your Request:', 'You asked: how many', 'You wrote:', 'Information request 123', 'a letter in which you requested figures',
    'You sought the following information', 'Dear Northumbria Police,', 'Your request for information was received on 1 May',
    'your request for information which was received', 'I hereby request', 'I am requesting the following', 'you requested information in the following terms',
    'which I have set out below', 'Your request reads as follows', 'The original request was',
  ],
  RESPONSE_START: [
    'Response', 'Response to your request', 'Ateb / Response:', 'What we provided:', 'In response:', 'Answers:', 'Answer 1', 'I have today decided',
    'Please find attached', 'We have now considered', 'Your request has now been considered', 'FOI duty', 'Following enquiries with the unit',
    'Despite extensive searches', 'The force has considered your request', 'We have considered your request', 'Yours sincerely', 'We can confirm that',
    'I am writing to advise', 'Thank you for your email', 'Our decision', 'We are unable to', 'Partial disclosure', 'Unfortunately not',
    'In terms of the request', 'I can confirm', 'A search for the information has', 'Northumbria Police neither confirms nor denies', 'Information not held',
    'In reply to your request', 'The information requested is attached',
  ],
  FURNITURE: [
    'Skip to main content', 'Quickly exit this site', 'We use cookies', 'Sorry, there was a technical problem', 'This site is a beta service',
    'Coronavirus (COVID-19) update', 'How we are working to keep our FOI requests running', 'Accessibility |', 'Download "letter.pdf"', 'Back to top',
  ],
  REQUEST_FALLBACK: ['Could you please tell me how many', '1) How many officers were dismissed?'],
  CHROME: [
    'Back to the disclosure log', 'Share on Facebook', 'Was this page helpful?', 'Page last updated: 1 May', 'Home > FOI', 'Home Freedom Of Information',
    'Showing 1 - 10 of 40', 'Download PDF', 'Subscribe now',
  ],
  STATUS: [
    'The request was partially successful.', 'Successful', 'The request was refused by the force.', 'Information not held.', 'Awaiting classification.',
  ],
  BOILERPLATE_START: ['Your right to complain:', 'Re-use of information', 'Please note:'],
  SIGNATURE_START: ['Kind regards,'],
  SIGNATURE_LINE: ['Email: foi@example.police.uk', 'Freedom of Information Officer'],
  REFUSAL_START: ['Public interest test:'],
  REFUSAL_LINE: ['Section 31 is a qualified exemption and the public interest test applies.'],
  NEWS_CHROME: ['by Jane Smith', // the byline pattern is case-sensitive
    '12 March 2023, 10:15', 'Image: Police handout'],
};

describe('each family’s words let through the lines its patterns match', () => {
  for (const [name, items] of Object.entries(FAMILIES)) {
    it(`${name}: one line per pattern`, () => {
      const lines = EXAMPLES[name];
      expect(lines).toHaveLength(items.length);
      const first = keyedFirst(items);
      lines.forEach((t, k) => {
        expect(items[k].re.test(t), `${name}[${k}] ${t}`).toBe(true);
        expect(letsThrough(items[k], t), `${name}[${k}] ${t}`).toBe(true);
        expect(first(t)).toBe(items.find((c) => c.re.test(t)));
      });
    });
  }

  it('on every line of the fixture corpora and site pages', async () => {
    const texts: string[] = fixtureCorpusTexts().flatMap((text) => text.split('\n'));
    const sites = join(import.meta.dirname, '..', '..', 'fixtures', 'sites');
    const pages = (readdirSync(sites, { recursive: true }) as string[]).filter((p) => p.endsWith('index.html'));
    for (const p of pages) {
      const doc = buildDoc(await readDocument({ bytes: readFileSync(join(sites, p)), contentType: 'text/html' }));
      for (const l of doc.lines) texts.push(l.text, l.text.trim());
    }
    let matched = 0;
    for (const [name, items] of Object.entries(FAMILIES)) {
      for (const c of items) {
        const gate = keyedAny([c]);
        let asked = 0;
        for (const t of texts) {
          if (!c.re.test(t)) continue;
          matched++;
          // A fresh gate every few hundred lines: it must not have turned to the combined test.
          expect(++asked < KEYED_LINES ? gate(t) : letsThrough(c, t), `${name} ${c.re} ${t}`).toBe(true);
        }
      }
    }
    expect(matched).toBeGreaterThan(500);
  });

  it('on text built from the patterns’ own words (property)', () => {
    const words = new Set<string>(['the', 'of', 'to', 'your', 'we', 'i', 'police', 'force', '1', '2', 'officer', 'information', 'is', 'was', 'a', 'section', '40', 'page']);
    for (const items of Object.values(FAMILIES)) for (const c of items) for (const w of [...(c.starts ?? []), ...(c.holds ?? [])]) for (const p of w.split(/\s+/)) if (p) words.add(p);
    const word = fc.tuple(fc.constantFrom(...words), fc.constantFrom('lower', 'upper', 'title')).map(([w, c]) => (c === 'upper' ? w.toUpperCase() : c === 'title' ? w[0].toUpperCase() + w.slice(1) : w));
    const all = Object.entries(FAMILIES).flatMap(([name, items]) => items.map((c) => ({ name, c })));
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 10 }), fc.constantFrom(' ', '  ', ': ', ', ', '\t', ' / '), fc.constantFrom('', ':', '.', ',', '?'), (ws, sep, end) => {
        const t = ws.join(sep) + end;
        for (const { c } of all) if (c.re.test(t)) expect(letsThrough(c, t), `${c.re} ${t}`).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('a date alone on its line is asked only where one can stand', async () => {
  const { ONLY_DATE, isOnlyDate, mayBeOnlyDate } = await import('../../src/segment/segment.js');
  it.each([
    ['3 March 2018', true, true],
    ['Date: 1st of January 2020', true, true],
    ['dated 4Nov 2019', true, true],
    ['March 17, 2021', true, true],
    ['Sept. 9 2020', true, true],
    ['03.03.21', true, true],
    ['05/04/2022', true, true],
    ['2020    2021    2022', false, false],
    ['3 March 2018 and more', false, false],
    ['Chief Constable', false, false],
    ['Reference 12-345', true, false],
    ['', false, false],
  ])('%j: may %s, is %s', (t, may, is) => {
    expect(mayBeOnlyDate(t)).toBe(may);
    expect(isOnlyDate(t)).toBe(is);
    expect(ONLY_DATE.test(t)).toBe(is);
  });

  it('never turns away a line the pattern matches (property)', () => {
    const piece = fc.constantFrom('1', '12', '31st', '3rd', ' ', '  ', 'of', 'January', 'FEB', 'Sept.', 'may', 'Dec', 'dated', 'Date:', '/', '.', '-', ',', '2020', '1999', '21', 'x');
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 8 }), (parts) => {
        const t = parts.join('');
        expect(isOnlyDate(t)).toBe(ONLY_DATE.test(t));
      }),
      { numRuns: 5000 },
    );
  });
});
