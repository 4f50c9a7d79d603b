// Whole-text gates and per-call memos of the extract stage (issue 17): the content text joined
// once per document, the citation gate asked of it before the exemption rules read each line,
// and text tables' token memo. Each must give what it replaces.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contentLines, contentText } from '../../src/extract/doc-model.js';
import { extractExemptions, mayCite } from '../../src/extract/exemptions.js';
import { findTextTables } from '../../src/extract/text-tables.js';
import { extractHeader, REF_COLON, refColonGated } from '../../src/extract/header.js';
import { detectKind } from '../../src/extract/kind.js';
import { sentenceFigures } from '../../src/extract/figures.js';
import { extractCases, mayStateCases } from '../../src/extract/prose-cases.js';
import { extractLabelledDates } from '../../src/extract/labelled-dates.js';
import { docOf, linesOf } from '../support/doc.js';

describe('contentText', () => {
  it('is the content lines joined by line breaks, worked out once per document', () => {
    const doc = docOf('Officer Convictions\n\nAccept all cookies\nSection 40(2) applies.\n\u00a0\nTotal 4');
    expect(contentText(doc)).toBe('Officer Convictions\nSection 40(2) applies.\nTotal 4');
    expect(contentText(doc)).toBe(contentLines(doc).map((l) => l.text).join('\n'));
    expect(contentText(doc)).toBe(contentText(doc));
    expect(contentText(docOf(''))).toBe('');
  });
});

describe('mayCite', () => {
  it.each([
    ['Section 40(2) – Personal information', true],
    ['exempt under s.12 of the Act', true],
    ['exempt under s40(5)', true],
    ['sub-section 2 of section 30', true],
    ['subsection 2', true],
    ['Regulation 12(5)(b) of the EIR', true],
    ['regs 13', true],
    ['SECTIONS 30 and 31', true],
    ['section\n12', true], // across a line break: only lets a text through
    ['14 officers were dismissed in 2019.', false],
    ['officers 12', false],
    ['Sections of the report were redacted', false],
    ['the subsection applies', false],
    ['', false],
  ])('%j → %s', (text, expected) => expect(mayCite(text)).toBe(expected));

  it('the exemption rules find nothing in a text it turns away', () => {
    expect(extractExemptions(linesOf('officers 12\nSections of the report\nyears 2019'), 'FOIA')).toEqual({ exemptions: [], warnings: [] });
  });

  const piece = fc.constantFrom(
    'section', 'Section', 'sections', 's', 's.', 'ss.', 'sub-section', 'subsection', 'subs', 'regulation', 'Regulations', 'reg', 'regs.', 'officers', 'years',
    '12', '14(1)', '30(1)(a)', '40(2)', '40(5)', '43', '12(5)(b)', '13', '(a)', 'and', '&', ',', ';', '-', 'of the Act', 'of the Road Traffic Act', 'by virtue of', 'applies', '.',
  );
  const sep = fc.constantFrom(' ', '', '  ', '\n', '-', '(');
  const text = fc.array(fc.tuple(piece, sep), { maxLength: 14 }).map((ps) => ps.map(([p, s]) => p + s).join(''));

  it('opens wherever the exemption rules read a citation or a warning from any line of the text', () => {
    fc.assert(
      fc.property(text, fc.constantFrom('FOIA' as const, 'FOISA' as const), (t, act) => {
        const lines = linesOf(t);
        const found = extractExemptions(lines, act);
        if (found.exemptions.length || found.warnings.length) expect(mayCite(lines.map((l) => l.text).join('\n'))).toBe(true);
        if (!mayCite(lines.map((l) => l.text).join('\n'))) expect(found).toEqual({ exemptions: [], warnings: [] });
      }),
      { numRuns: 1500 },
    );
  });
});

describe('text tables: tokens kept for one call', () => {
  const TABLE = 'Complaints by year\n2019 2020 2021\nUpheld 3 5 2\nNot upheld 10 12 9\n\nRank Suspended Restricted\nConstable 12 41\nSergeant 3 9';

  it('reads the same tables from fresh copies of the lines and from the same lines twice', () => {
    const lines = docOf(TABLE).lines;
    const first = findTextTables(lines);
    expect(first.tables.map((t) => t.rows.map((r) => r.map((c) => c.text)))).toEqual([
      [
        ['', '2019', '2020', '2021'],
        ['Upheld', '3', '5', '2'],
        ['Not upheld', '10', '12', '9'],
      ],
      [
        ['Rank', 'Suspended', 'Restricted'],
        ['Constable', '12', '41'],
        ['Sergeant', '3', '9'],
      ],
    ]);
    expect(findTextTables(lines)).toEqual(first);
    expect(findTextTables(lines.map((l) => ({ ...l })))).toEqual(first);
  });

  it('does not carry one document’s tokens into another whose lines have the same indexes', () => {
    const a = docOf('2019 2020 2021\nUpheld 3 5 2\nNot upheld 10 12 9').lines;
    const b = docOf('2017 2018\nDismissed 1 4\nResigned 2 0').lines;
    findTextTables(a);
    const fromB = findTextTables(b);
    expect(fromB.tables.map((t) => t.rows.map((r) => r.map((c) => c.text)))).toEqual([
      [
        ['', '2017', '2018'],
        ['Dismissed', '1', '4'],
        ['Resigned', '2', '0'],
      ],
    ]);
  });

  it('reads lines whose indexes are not their places in the list (a slice of a document)', () => {
    const lines = docOf('Intro text here.\n2019 2020 2021\nUpheld 3 5 2\nNot upheld 10 12 9').lines.slice(1);
    expect(findTextTables(lines).tables).toHaveLength(1);
  });
});

describe('REF_COLON (header: the "ref:" rules asked of the content text first)', () => {
  it.each([
    ['Our Ref: DC/FOI 233/24', true],
    ['Case Reference: FS50612345', true],
    ['Reference number. : IC-281144-Q7T2', true],
    ['ref no.: 12', true],
    ['Ref.No: 12', true],
    ['refno:', true],
    ['Our ref:', true],
    ['REFERENCE   NUMBER:', true],
    ['Reference 12345', false],
    ['The request was refused: section 12', false],
    ['referral: 3', false],
    ['', false],
  ])('%j → %s', (text, expected) => expect(REF_COLON.test(text)).toBe(expected));

  const piece = fc.constantFrom('ref', 'Ref', 'REF', 'reference', 'erence', 'our', 'your', 'case', 'foi', 'request', 'request for information', '/', ' ', '  ', '.', 'no', 'No.', 'number', ':', 'IC', '-', '281144', 'FS', '50612345', 'HC/001187/24', 'x', '\n');
  it('holds wherever a pattern it is asked before matches (property)', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (ps) => {
        const t = ps.join('');
        if (refColonGated().some((re) => re.test(t))) expect(REF_COLON.test(t)).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it('the header still reads a reference after a "ref:" label, and none where no line has one', () => {
    expect(extractHeader(docOf('Vetting appeals\nReceived on 05/02/2024 Our Ref: DC/FOI 233/24\nYou asked: how many')).reference).toBe('DC/FOI 233/24');
    expect(extractHeader(docOf('Vetting appeals\nOur ref:\nHC/001187/24\nYou asked: how many')).reference).toBe('HC/001187/24');
    expect(extractHeader(docOf('Vetting appeals\nCase Reference: FS50612345')).reference).toBe('FS50612345');
    expect(extractHeader(docOf('Vetting appeals\nWe refused 12 requests in 2023.')).reference).toBe(null);
  });

  it.each([
    [58, 'DC/FOI 233/24'],
    [59, 'DC/FOI 233/24'],
    [60, null],
  ])('reads a "ref:" label after %i lines only within the first 60 content lines → %s', (n, expected) => {
    const filler = Array.from({ length: n }, (_, k) => `Paragraph ${String.fromCharCode(97 + (k % 26))} of the page`).join('\n');
    expect(extractHeader(docOf(`${filler}\nReceived on 05/02/2024 Our Ref: DC/FOI 233/24`)).reference).toBe(expected);
  });
});

describe('detectKind reads its head (the first 12 content lines) from the joined content text', () => {
  const filler = (n: number) => Array.from({ length: n }, (_, k) => `Line ${k + 1} of the page`).join('\n');
  it.each([
    [0, 'decision_notice'],
    [11, 'decision_notice'],
    [12, 'other'],
  ])('a "Decision notice" heading after %i lines → %s', (n, expected) => {
    const text = `${n ? `${filler(n)}\n` : ''}Decision notice\nThe Information Commissioner has decided.`;
    expect(detectKind(docOf(text), null)).toBe(expected);
  });

  it('an empty document has an empty head', () => {
    expect(detectKind(docOf(''), null)).toBe('other');
  });
});

describe('labelled dates: the narrative test asked of the content text', () => {
  it.each([
    ['On 3 January 2023, the complainant wrote to the force and requested information.', '2023-01-03'],
    ['On 3 January 2023, the Council wrote to the force and requested information.', null], // no narrative words: the story's patterns are not asked
    ['Date of request: 3 January 2023\nthe applicant', '2023-01-03'],
  ] as Array<[string, string | null]>)('%j → request date %s', (text, expected) => {
    expect(extractLabelledDates(docOf(text)).request_date).toBe(expected);
  });
});

describe('sentenceFigures: a sentence with no event or context word is passed over whole', () => {
  const figuresOf = (text: string, answer: boolean, gated: boolean) => {
    const out = [];
    const seen = new Set<string>();
    for (const l of linesOf(text)) out.push(...sentenceFigures(l, { sha256: 'x' }, seen, answer, gated));
    return out.map((f) => `${f.value}|${f.measure}|${f.event}|${f.status}|${f.text}|${f.locator}`);
  };

  it.each([
    ['Twelve officers were dismissed in 2019.', false, ['12|officers|dismissed|dismissed|Twelve officers|char:0-15']],
    ['The figures show 4 officers in the unit.', false, ['4|officers|other|null|4 officers|char:17-27']],
    ['We have 4 officers in the unit.', false, []],
    ['We have 4 officers in the unit.', true, ['4|officers|other|null|4 officers|char:8-18']],
  ])('%j (answer %s)', (text, answer, expected) => {
    expect(figuresOf(text, answer, true)).toEqual(expected);
    expect(figuresOf(text, answer, false)).toEqual(expected);
  });

  const piece = fc.constantFrom(
    'Twelve', 'twelve', '12', '4', 'one', 'three', '1,204', '2019', 'officers', 'officer', 'staff', 'PCSOs', 'cases', 'complaints', 'were', 'was', 'have been', 'dismissed', 'sacked',
    'suspended', 'convicted', 'charged', 'resigned', 'given', 'warnings', 'received', 'the', 'of', 'whom', 'in', 'figures', 'total', 'number', 'include', 'police', 'force', 'said', 'and', ',', '.', ';',
    'currently', 'still', 'serving', 'with', 'a', 'conviction', 'Police Scotland', 'reported', 'hours', '(', ')', 'aged', 'section', 'Q1',
  );
  const sentence = fc.array(piece, { minLength: 1, maxLength: 16 }).map((ps) => ps.join(' '));
  it('gives what reading every number gives (property)', () => {
    fc.assert(
      fc.property(fc.array(sentence, { minLength: 1, maxLength: 3 }), fc.boolean(), (ss, answer) => {
        const text = ss.join(' ');
        expect(figuresOf(text, answer, true)).toEqual(figuresOf(text, answer, false));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('mayStateCases (prose cases asked of the content text first)', () => {
  it.each([
    ['a male detective constable who was convicted of possession of a class A drug', true],
    ['another PC was\nconvicted of shoplifting', true], // across a line break: only lets a text through
    ['Officers were charged with misconduct.', false],
    ['One officer may have been disciplined.', false],
    ['', false],
  ])('%j → %s', (text, expected) => expect(mayStateCases(text)).toBe(expected));

  const piece = fc.constantFrom('a', 'an', 'one', 'another', 'male', 'female', 'detective', 'constable', 'PC', 'officer', 'member of staff', 'who', 'was', 'had been', 'has been', 'is', 'were',
    'convicted', 'cautioned', 'charged', 'dismissed', 'jailed', 'fined', 'found guilty', 'of', 'theft', 'in', 'May', '2019', ',', ';', 'and', 'while', '.', '\n');
  it('is true wherever the case rules read a case from the text’s lines (property)', () => {
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 14 }), (ps) => {
        const text = ps.join(' ');
        const lines = linesOf(text);
        if (extractCases(lines, 'x').length) expect(mayStateCases(lines.map((l) => l.text).join('\n'))).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});
