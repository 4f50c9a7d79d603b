// Cheap tests asked before a pattern in the kind and segment stages (issue 17): each must be true
// wherever the pattern it guards matches, or a document's kind or a line's role would change.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DECISION_SIGNS, LETTER_SIGNS, NEWS_SIGNS, TRIBUNAL, TRIBUNAL_WORDS, citesTribunal, countFamilies } from '../../src/segment/kind-cues.js';
import { ICO_HOST, MAY_BE_ICO_URL, PARTY, THE_PARTY } from '../../src/extract/kind.js';
import { isBlankText } from '../../src/extract/doc-model.js';
import { QUESTION_HEADING_START, isShort, mayBeDear } from '../../src/segment/segment.js';
import { KEYED_LINES, anyOfLater } from '../../src/segment/gates.js';
import { questionHeading } from '../../src/extract/figures.js';
import { segmentSource } from '../../src/extract/disclosure.js';
import { readText } from '../../src/readers/text.js';
import { AGE_BEFORE, MONEY_BEFORE, mayBeAgeBefore, moneyBefore, moneyNear } from '../../src/segment/tokens.js';

const joined = (pieces: string[]) =>
  fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).chain((ps) => fc.array(fc.constantFrom(' ', '', '\n', '-', '. '), { minLength: ps.length, maxLength: ps.length }).map((ss) => ps.map((p, k) => p + ss[k]).join('')));

describe('citesTribunal', () => {
  it.each([
    ['The First-tier Tribunal dismissed the appeal', true],
    ['[2023] UKUT 12 (AAC)', true],
    ['[2021] UKFTT 2019_0123 (GRC)', true],
    ['[2019] EWCA Civ 1', true],
    ['the Tribunal found that', true],
    ['the tribunal found that', false], // TRIBUNAL is case-sensitive
    ['Upper tribunal', false],
    ['No court was involved', false],
  ])('%j: %s', (text, expected) => {
    expect(citesTribunal(text)).toBe(expected);
    expect(TRIBUNAL.test(text)).toBe(expected);
  });

  it('answers as TRIBUNAL does (property)', () => {
    const text = joined(['First-tier', 'Tribunal', 'tribunal', 'Upper', 'UKUT', 'UKFTT', 'EWCA', 'UK', 'the', 'The', 'considered', 'found', 'held', 'dismissed', 'allowed', 'x']);
    fc.assert(fc.property(text, (t) => citesTribunal(t) === TRIBUNAL.test(t)), { numRuns: 3000 });
    expect(TRIBUNAL_WORDS.every((w) => TRIBUNAL.source.includes(w))).toBe(true);
  });
});

describe('countFamilies with a floor', () => {
  const pieces = ['can reveal', 'figures', 'show', 'according to', 'the figures', 'said', ':', '“', '"', 'a spokesman', 'for', 'the force', 'said', 'the watchdog', 'ruled that',
    'following a', 'Freedom of Information', 'request', 'The', 'Echo', 'Dear', 'your request', 'Yours sincerely', 'Ref: AB123', 'we can confirm', 'the complainant', 'the Commissioner', 'decision notice', 'x'];
  it('is exact where the count reaches the floor, and below it otherwise (property)', () => {
    fc.assert(
      fc.property(joined(pieces), fc.integer({ min: 0, max: 4 }), (t, floor) => {
        for (const cues of [NEWS_SIGNS, LETTER_SIGNS, DECISION_SIGNS]) {
          const exact = countFamilies(cues, t);
          const n = countFamilies(cues, t, floor);
          if (exact >= floor) expect(n).toBe(exact);
          else expect(n).toBeLessThan(floor);
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('stops before the last sign when none of the others matched', () => {
    const seen: string[] = [];
    const spy = NEWS_SIGNS.map((c) => ({ ...c, re: { test: (t: string) => (seen.push(c.family), c.re.test(t)) } as unknown as RegExp, gate: undefined }));
    expect(countFamilies(spy, 'nothing of the sort', 2)).toBe(0);
    expect(seen).toEqual(NEWS_SIGNS.slice(0, -1).map((c) => c.family));
  });
});

describe('the party and ICO host pre-tests', () => {
  it('PARTY matches wherever THE_PARTY does (property)', () => {
    const text = joined(['the', 'The', 'THE', 'complainant', 'applicant', 'Complainant', 'complainants', 'co-complainant', 'x']);
    fc.assert(fc.property(text, (t) => !THE_PARTY.test(t) || PARTY.test(t)), { numRuns: 3000 });
  });

  it.each([
    'https://ico.org.uk/media/decision-notices/123.pdf',
    'https://WWW.ICO.ORG.UK/x',
    'https://%69co.org.uk/',
    'https://i\tco.org.uk/',
    'https://ｉｃｏ.org.uk/',
  ])('%j is let through, and is an ICO URL', (url) => {
    expect(ICO_HOST.test(new URL(url).hostname)).toBe(true);
    expect(MAY_BE_ICO_URL.test(url)).toBe(true);
  });

  it('turns away a force’s URL', () => {
    expect(MAY_BE_ICO_URL.test('https://www.northants.police.uk/foi-ai/af/accessing-information/published-items/')).toBe(false);
  });

  it('lets through every URL whose host is the ICO’s (property)', () => {
    const part = fc.constantFrom('ico', 'ICO', 'Ico', '%69co', 'i\tco', 'ｉｃｏ', 'org', 'uk', 'www', 'police', 'x', 'co');
    const host = fc.array(part, { minLength: 1, maxLength: 4 }).map((ps) => ps.join('.'));
    fc.assert(
      fc.property(host, fc.constantFrom('https://', 'http://'), fc.constantFrom('', '/a', '/ico'), (h, scheme, path) => {
        const url = scheme + h + path;
        let hostname = '';
        try {
          hostname = new URL(url).hostname;
        } catch {
          return;
        }
        if (ICO_HOST.test(hostname)) expect(MAY_BE_ICO_URL.test(url), url).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('isBlankText', () => {
  const NOT_BLANK = /[^\s\u00a0\u200b]/;
  it.each([
    ['', true],
    [' \t\u00a0\u200b\u3000\ufeff', true],
    ['\u200c', false],
    ['  x ', false],
  ])('%j: %s', (text, expected) => expect(isBlankText(text)).toBe(expected));

  it('answers as !/[^\\s\\u00a0\\u200b]/ does (property)', () => {
    const ch = fc.constantFrom(' ', '\t', '\n', '\u00a0', '\u200b', '\u200c', '\u2028', '\u3000', '\ufeff', '\u1680', '\u180e', 'a', '.', '\u0085');
    fc.assert(fc.property(fc.array(ch, { maxLength: 8 }).map((cs) => cs.join('')), (t) => isBlankText(t) === !NOT_BLANK.test(t)), { numRuns: 3000 });
  });
});

describe('mayBeDear', () => {
  it('is true wherever /^dear\\b/i matches the trimmed line (property)', () => {
    const text = joined(['Dear', 'dear', 'DEAR', 'Sir', ' ', '\u00a0', '\t', 'Deary', 'x', 'd', 'ear']);
    fc.assert(fc.property(text, (t) => !/^dear\b/i.test(t.trim()) || mayBeDear(t)), { numRuns: 3000 });
  });
});

describe('anyOfLater', () => {
  it('answers true for the first KEYED_LINES asks, then as anyOf does', () => {
    const gate = anyOfLater([/^dear\b/i, /^Home$/]);
    const answers: boolean[] = [];
    for (let i = 0; i < KEYED_LINES - 1; i++) answers.push(gate('nothing'));
    expect(answers.every((a) => a)).toBe(true);
    expect(gate('nothing')).toBe(true); // the ask that joins the patterns is still answered without them
    expect([gate('nothing'), gate('Dear Sir'), gate('DEAR x'), gate('Home'), gate('home'), gate('x Home')]).toEqual([false, true, true, true, false, false]);
  });

  it('refuses stateful patterns', () => {
    expect(() => anyOfLater([/a/g])).toThrow(/stateful/);
  });
});

describe('QUESTION_HEADING_START', () => {
  it.each(['Q1', 'Question 12a:', 'q. 3)', 'Request 2', 'REQUEST 10.'])('%j is a question heading and passes', (t) => {
    expect(questionHeading(t)).not.toBeNull();
    expect(QUESTION_HEADING_START.test(t)).toBe(true);
  });

  it('is true wherever questionHeading reads a heading (property)', () => {
    const text = joined(['Q', 'q', 'Question', 'Request', 'request', '1', '12', '3a', '.', ':', ')', ' ', 'x', 'Answer']);
    fc.assert(fc.property(text, (t) => questionHeading(t.trim()) === null || QUESTION_HEADING_START.test(t.trim())), { numRuns: 3000 });
  });
});

describe('the segment stage before and after its gates join their patterns', () => {
  // Every role family once; read again and again until the gates and cue lists have answered
  // KEYED_LINES lines and test joined patterns: each line must keep its role and its reason.
  const LETTER = [
    'Home > FOI > Disclosure log',
    'Anyshire Constabulary',
    'Force Headquarters, Mill Road',
    'Townford AB1 2CD',
    'Date: 4 May 2021',
    'Dear Ms Reader,',
    'Thank you for your request for information received on 12 April 2021.',
    'You asked:',
    'Q1. How many officers were dismissed in 2020?',
    'Response',
    'A1. Four officers were dismissed in 2020.',
    'Question 2',
    'Reasons for refusal',
    'Disclosure would reveal tactics, and the balance of the public interest favours withholding it.',
    'Copyright',
    'The data provided is correct as at the time of writing.',
    'Complaint rights',
    'If you are dissatisfied with this response you may ask for an internal review within 40 working days.',
    'Information Commissioner’s Office, Wycliffe House, Water Lane, Wilmslow, Cheshire SK9 5AF',
    'The request was partially successful.',
    'Yours sincerely',
    'Disclosure Officer',
    'Email: foi@anyshire.police.uk',
    'Share this page',
  ].join('\n');
  const roles = () => segmentSource(readText(LETTER), null).seg.lines.map((r) => `${r.role}:${r.why}:${r.question}`);

  it('gives every line the same role', () => {
    const first = roles();
    expect(first.filter((r) => !r.startsWith('chrome:blank')).length).toBeGreaterThan(20);
    let last = first;
    for (let i = 0; i < Math.ceil((3 * KEYED_LINES) / 24) + 2; i++) last = roles();
    expect(last).toEqual(first);
  });
});

describe('the number tokens’ look behind, by characters', () => {
  const before = fc.array(fc.constantFrom('£', '$', '€', ' ', '\u00a0', 'aged', 'age of', 'Aged', 'OF', 'of', 'ed', 'the', 'x', '5', '\n', 'cost'), { maxLength: 8 }).map((ps) => ps.join('').slice(-24));
  it.each([
    ['cost £', true, false],
    ['cost $  ', true, false],
    ['€ 1', false, false],
    ['aged ', false, true],
    ['over the age of', false, true],
    ['', false, false],
  ])('%j', (b, money, age) => {
    expect(moneyBefore(b)).toBe(money);
    expect(MONEY_BEFORE.test(b)).toBe(money);
    expect(mayBeAgeBefore(b)).toBe(age);
  });

  it('moneyBefore and moneyNear answer as their patterns; mayBeAgeBefore lets through every AGE_BEFORE match (property)', () => {
    fc.assert(
      fc.property(before, (b) => {
        expect(moneyBefore(b)).toBe(MONEY_BEFORE.test(b));
        expect(moneyNear(b)).toBe(/[£$€]/.test(b.slice(-3)));
        if (AGE_BEFORE.test(b)) expect(mayBeAgeBefore(b)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('isShort', () => {
  it.each([
    ['a b c d e f g h i j k l m n o p', true], // 16 words in 31 characters
    ['a b c d e f g h i j k l m n o pq', true], // 32 characters
    ['a b c d e f g h i j k l m n o p q', false], // 17 words in 33 characters
    ['x'.repeat(121), false],
  ])('%j: %s', (t, expected) => expect(isShort(t)).toBe(expected));

  it('answers as the count of words does on trimmed lines (property)', () => {
    const piece = fc.constantFrom('a', 'bb', ' ', '  ', '\t', '\u00a0', 'word', '.', 'x y');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (ps) => {
        const t = ps.join('').trim();
        if (!t) return;
        expect(isShort(t)).toBe(t.length <= 120 && t.split(/\s+/).length <= 16);
      }),
      { numRuns: 3000 },
    );
  });
});
