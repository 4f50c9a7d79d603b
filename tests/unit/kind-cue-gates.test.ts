// The gates of the whole-document kind signs (segment/kind-cues.ts, issue 17): a sign's pattern
// runs only where its gate lets the text through, so a gate must open wherever the sign matches.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DECISION_SIGNS, LETTER_SIGNS, NEWS_SIGNS, countFamilies, type KindCue } from '../../src/segment/kind-cues.js';

const gated = NEWS_SIGNS.filter((c) => c.gate);

describe('kind sign gates', () => {
  it('guard every news sign', () => {
    expect(gated.map((c) => c.family)).toEqual(['reported', 'quote', 'reporter', 'press-foi', 'outlet', 'reveal']);
  });

  it.each([
    ['reveal', 'The Echo can reveal that 12 officers'],
    ['reveal', 'new figures show'],
    ['reported', 'according to the figures'],
    ['reported', 'it was disclosed in a report'],
    ['quote', 'a spokesman for the force said'],
    ['quote', 'He said: “We are'],
    ['quote', '”, the Chief Constable said'],
    ['reporter', 'the watchdog has now ruled that'],
    ['reporter', 'Published last week, the data'],
    ['press-foi', 'following a Freedom of Information request'],
    ['press-foi', 'via the FOI process'],
    ['press-foi', 'FOI requests submitted by the Echo'],
    ['press-foi', 'Freedom of Information figures from this newspaper'],
    ['outlet', 'told the Evening News'],
    ['outlet', 'This Daily Record investigation'],
  ])('%s: the sign matches %j and its gate opens', (family, text) => {
    const c = NEWS_SIGNS.find((x) => x.family === family)!;
    expect(c.re.test(text)).toBe(true);
    expect(c.gate!.test(text)).toBe(true);
  });

  it.each([
    'Your Freedom of Information request was received',
    'FOI 1104-23 Officers arrested',
    'Freedom of Information\nFOI request reference',
  ])('press-foi: a response’s own mention of FOI %j does not open its gate', (text) => {
    expect(NEWS_SIGNS.find((x) => x.family === 'press-foi')!.gate!.test(text)).toBe(false);
  });

  it('count as the patterns alone count (gated or not)', () => {
    const plain = (cues: KindCue[], t: string) => cues.filter((c) => c.re.test(t)).length;
    const texts = [
      'The Echo can reveal that, according to figures obtained by the paper following a Freedom of Information request, 12 officers were dismissed. A spokesman for the force said: “We take this seriously.”',
      'Dear Mr Smith\nYour request for information\nWe can confirm that the force holds the information.\nYours sincerely',
      'British Transport Police can confirm that it holds the information you have requested.',
    ];
    for (const t of texts) for (const cues of [NEWS_SIGNS, LETTER_SIGNS, DECISION_SIGNS]) expect(countFamilies(cues, t)).toBe(plain(cues, t));
    expect(countFamilies(NEWS_SIGNS, texts[0])).toBe(5);
  });

  const piece = fc.constantFrom(
    'can reveal', 'exclusively', 'revealed', 'the revelations', 'new data', 'figures', 'Figures', 'statistics', 'show', 'obtained', 'released', 'seen', 'given to', 'provided to', 'by', 'the', 'The', 'This', 'BBC',
    'has', 'have', 'reported that', 'according to', 'was', 'disclosed', 'in', 'after', 'said', 'added', 'told', 'explained', 'commented', ':', ',', '"', '“', '”', 'he', 'a', 'spokesman', 'spokeswoman', 'police', 'for',
    'the information watchdog', 'ruled that', 'ruled', 'published', 'this week', 'last week', 'following', 'an', 'Freedom of Information', 'FOI', 'Act', 'request', 'requests', 'newspaper', 'via the FOI process', 'process', 'from', 'made by', 'submitted by', 'paper', 'website', 'data',
    'Echo', 'Evening News', 'Daily Record', 'Post', 'Gazette', 'Chief Constable', 'that', '12', '.',
  );
  const text = fc.array(piece, { maxLength: 14 }).chain((ps) => fc.array(fc.constantFrom(' ', ' ', '  ', '\n', ''), { minLength: ps.length, maxLength: ps.length }).map((ss) => ps.map((p, k) => p + ss[k]).join('')));

  it('never turn away a text their sign matches (property)', () => {
    fc.assert(
      fc.property(text, (t) => {
        for (const c of gated) if (c.re.test(t)) expect(c.gate!.test(t), `${c.family} on ${JSON.stringify(t)}`).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('the authority-voice sign’s gate', () => {
  const c = LETTER_SIGNS.find((x) => x.family === 'authority-voice')!;
  it.each([
    ['we can confirm that 3 officers', true],
    ['We can confirm that 3 officers', false], // the sign is case-sensitive
    ['I am able to advise you', true],
    ['we are able to provide the figures', true],
    ['Greater Manchester Police does not hold the information', true],
    ['Police Scotland can confirm', false], // the force's name before "Police": not this sign
    ['The Constabulary holds records', true],
    ['the force holds no record', true],
    ['We cannot confirm', false],
    ['the police hold it', false],
  ])('%j: sign %s, and the gate opens wherever the sign matches', (text, sign) => {
    expect(c.re.test(text)).toBe(sign);
    if (sign) expect(c.gate!.test(text)).toBe(true);
  });
  it('turns away a text with none of its phrases', () => {
    expect(c.gate!.test('Dear Mr Smith, thank you for your request. Yours sincerely')).toBe(false);
  });
  const piece = fc.constantFrom('I', 'we', 'We', 'can', 'am able to', 'are able to', 'confirm', 'advise', 'provide', 'the force', 'The', 'Greater Manchester', 'Police', 'Constabulary', 'holds', 'does not hold', 'can confirm', 'x', 'Kent', '.', ',');
  it('never turns away a text its sign matches (property)', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }), fc.constantFrom(' ', '  ', ''), (ps, sep) => {
        const t = ps.join(sep);
        if (c.re.test(t)) expect(c.gate!.test(t), JSON.stringify(t)).toBe(true);
        expect(countFamilies([c], t)).toBe(c.re.test(t) ? 1 : 0);
      }),
      { numRuns: 3000, seed: 17 },
    );
  });
});
