// Issue 17, round 8: the figure rules ask less of each line (sentenceFigures turns away a line
// with no context or event word before splitting it, asks the background words and a sentence's
// references later, keeps the cost-paragraph answer for the line; generalCounts drops a restated
// number before reading the rest of it; questionHeading and loneFigure are gated on the first
// character) and interpretTable asks less of each cell and heading (a cell's number and period
// kept for the call, breakdowns merged once per row and column, a count table's headings asked
// only whether they are dropped). Each must give what the rules gave before
// (tests/support/{figures,tables}-before.ts), on any input.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Line } from '../../src/extract/doc-model.js';
import type { Cell, Table } from '../../src/readers/types.js';
import * as now from '../../src/extract/figures.js';
import { fieldOf, interpretTable, isDropped } from '../../src/extract/tables.js';
import { mayBeNumberCell, parseNumberCell } from '../../src/extract/numbers.js';
import { firstCode } from '../../src/extract/words.js';
import * as before from '../support/figures-before.js';
import { interpretTable as interpretBefore } from '../support/tables-before.js';

let at = 0;
const lineOf = (text: string, i = 0): Line => {
  const l: Line = { i, text, start: at, end: at + text.length, locator: `char:${at}-${at + text.length}`, kind: 'paragraph', furniture: false, blank: false };
  at += text.length + 1;
  return l;
};

const word = fc.constantFrom(
  'officers', 'police officers', 'were', 'was', 'have been', 'dismissed', 'convicted', 'charged', 'suspended', 'currently', 'resigned', 'Total', 'total',
  'figures', 'include', 'the number of', 'In 2019,', 'in 2020', 'there were', 'staff', 'complaints', 'allegations', 'estimate', 'a manual review',
  'conservative estimate', 'would take in excess', 'aged', '£', '%', 'per cent', 'of the', 'of those', 'Two', 'twenty one', 'One', 'one', 'no', 'None',
  'Nil', 'zero', '12', '1,051', '3', '1', '0', '2020', '2019/20', '2019 = 8', '2020: 6 officers, 2 staff', 'Q1', 'Question 2', 'Request 3', '1.', 'a)',
  'Answer:', 'Response 1:', '-', '•', '–', '=', ':', '.', ';', ',', '(12)', 'x', 'results', 'records', 'Constable', 'Sergeants', 'breaches', 'times',
  'more than', 'around', 'rising to', 'section 40', 'page 3', 'Police Scotland reported', 'with', 'White British 38', 'Mixed 2', 'Written warning – 11',
  'requests', 'reports', 'who', 'is aware', 'were given warnings', 'have criminal convictions', 'left the force', 'as of 1 January',
);
const sep = fc.constantFrom(' ', ' ', ' ', '. ', ', ', '  ', '');
const text = fc.array(fc.tuple(word, sep), { minLength: 1, maxLength: 16 }).map((ws) => ws.map(([w, s]) => w + s).join('').trimEnd());
const ctx = { sha256: 'x', question: null as string | null };

describe('figure rules, before and after', () => {
  it('questionHeading, loneFigure and answerLineFigures read the same (property)', () => {
    let read = 0;
    fc.assert(
      fc.property(text, fc.constantFrom('', ' ', '\u00a0', '\t'), (t, lead) => {
        const line = lineOf(lead + t);
        expect(now.questionHeading(line.text)).toEqual(before.questionHeading(line.text));
        expect(now.loneFigure(line, ctx)).toEqual(before.loneFigure(line, ctx));
        const got = now.answerLineFigures(line, ctx);
        expect(got).toEqual(before.answerLineFigures(line, ctx));
        if (got?.length) read++;
      }),
      { numRuns: 3000 },
    );
    expect(read).toBeGreaterThan(10); // runs that read anything: the property is not vacuous
  });

  it('sentenceFigures reads the same figures, gated or not, in answers or not (property)', () => {
    let read = 0;
    fc.assert(
      fc.property(text, fc.boolean(), fc.boolean(), (t, answer, gated) => {
        const line = lineOf(t);
        const a = now.sentenceFigures(line, ctx, new Set(), answer, gated);
        const b = before.sentenceFigures(line, ctx, new Set(), answer, gated);
        expect(a).toEqual(b);
        if (a.length) read++;
      }),
      { numRuns: 3000 },
    );
    expect(read).toBeGreaterThan(100); // runs that read anything: the property is not vacuous
  });

  it('generalCounts reads the same figures, with numbers read before on this or other lines (property)', () => {
    let read = 0;
    const earlierOf = fc.array(fc.record({ value: fc.constantFrom(0, 1, 2, 3, 12, 21, 1051), measure: fc.constantFrom('officers', 'staff', 'unknown', 'complaints'), line: fc.constantFrom(-1, 7) }), { maxLength: 4 });
    fc.assert(
      fc.property(text, earlierOf, fc.boolean(), (t, prior, article) => {
        const line = lineOf(t, 7);
        const map = () => {
          const m = new Map<number, now.Earlier[]>();
          for (const e of prior) m.set(e.value, [...(m.get(e.value) ?? []), e as now.Earlier]);
          return m;
        };
        const ea = map();
        const eb = map();
        const a = now.generalCounts(line, ctx, new Set(), ea, article);
        const b = before.generalCounts(line, ctx, new Set(), eb, article);
        expect(a).toEqual(b);
        expect(ea).toEqual(eb);
        if (a.length) read++;
      }),
      { numRuns: 3000 },
    );
    expect(read).toBeGreaterThan(100); // runs that read anything: the property is not vacuous
  });
});

describe('firstCode', () => {
  it.each([
    ['Q1', 81],
    ['  Request 2', 82],
    ['\u00a0\t\u2003q', 113],
    ['\ufeffTotal', 84],
  ])('%j → %i', (t, code) => expect(firstCode(t)).toBe(code));
  it('is NaN for a blank text', () => {
    expect(firstCode('')).toBeNaN();
    expect(firstCode(' \n\u00a0')).toBeNaN();
  });
  it('is the first code of the trimmed text (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(' ', '\t', '\n', '\u00a0', '\u2028', '\ufeff', '\u200b', 'Q', 'a', '1', '.') }), (t) => {
        expect(firstCode(t)).toEqual(t.trim().charCodeAt(0));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('mayBeNumberCell', () => {
  it.each([
    ['46', true],
    [' None', true],
    ['\u00a0nil', true],
    ['zero', true],
    ['Total', false],
    ['', false],
    ['- 4', false],
  ])('%j → %s', (t, expected) => expect(mayBeNumberCell(t)).toBe(expected));
  it('is true wherever parseNumberCell reads a number (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(' ', '\u00a0', '1', '0', ',', 'n', 'o', 'e', 'N', 'i', 'l', 'z', 'r', '|', '.', 'x') }), (t) => {
        if (parseNumberCell(t) !== null) expect(mayBeNumberCell(t)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('isDropped', () => {
  it.each([
    ['Surname', true],
    ['Officer name', true],
    ['Station name', false],
    ['Rank', false],
    ['2020', false],
    ['', false],
  ])('%j → %s', (h, expected) => expect(isDropped(h)).toBe(expected));
  it("is fieldOf(heading) === 'drop' (property)", () => {
    const piece = fc.constantFrom('name', 'Surname', 'officer', 'Officer', 'staff', 'station', 'hospital', 'rank', 'date of birth', 'DOB', 'address', 'crime', 'status', ' ', '  ', '\u00a0', '2020', 'number', 'no', 'employee', 'id');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 5 }).map((ps) => ps.join(' ')), (h) => {
        expect(isDropped(h)).toBe(fieldOf(h) === 'drop');
      }),
      { numRuns: 3000 },
    );
  });
});

describe('interpretTable, before and after', () => {
  const cellText = fc.constantFrom(
    '', '', 'Rank', 'Year', 'Year ending', '2019', '2020', '2019/20', '2020-21', 'Total', 'Grand Total', 'Constable', 'Sergeant', 'Inspector', 'Male', 'Female',
    'Surname', 'Officer name', 'No.', '1', '2', '3', '12', '0', '1,051', '*', '<5', 'x', '-', 'Dismissed', 'Resigned', 'Retired/ Resigned', 'Complaints',
    'Officers', 'Police Staff', 'Assault', 'Theft', 'Gross misconduct', 'Days lost', 'Cost (£)', '1.5', '17*', 'Durham 1', '1. Note text', 'Source: force data',
    'Q1 officers dismissed 2019', 'Gender', 'Outcome', 'Offence', 'Status', 'Suspended', 'Restricted duties', 'Percentage', 'Sep-18', '04/05',
  );
  let n = 0;
  const tableOf = (rows: string[][], headerRows: number | undefined, caption: string | undefined): Table => {
    const t = `t${n++}`;
    return {
      locator: `html:${t}`,
      rows: rows.map((r, i) => r.map((text, j): Cell => ({ text, locator: `html:${t}:r${i + 1}:c${j + 1}` }))),
      headerRows,
      caption,
    };
  };
  const grid = fc.integer({ min: 1, max: 4 }).chain((w) => fc.array(fc.array(cellText, { minLength: w, maxLength: w }), { minLength: 1, maxLength: 7 }));

  it('reads the same figures, cases and warnings (property)', () => {
    let read = 0;
    fc.assert(
      fc.property(
        grid,
        fc.constantFrom(undefined, 1, 2),
        fc.constantFrom(undefined, 'Officers dismissed 2019', 'Complaints by year', 'Q2'),
        fc.constantFrom(undefined, 'officers' as const, 'complaints' as const),
        (rows, headerRows, caption, measure) => {
          const table = tableOf(rows, headerRows, caption);
          const earlier = [{ ...before.loneFigure(lineOf('12'), ctx)!, measure: 'officers' as const }];
          const got = interpretTable(table, { sha256: 'x', measure, earlier });
          expect(got).toEqual(interpretBefore(table, { sha256: 'x', measure, earlier }));
          if (got.figures.length || got.cases.length) read++;
        },
      ),
      { numRuns: 3000 },
    );
    expect(read).toBeGreaterThan(800); // runs that read anything: the property is not vacuous
  });

  it('reads a table too large to keep its cells for the call as before', () => {
    const rows = [['Rank', '2019', '2020', 'Total']];
    for (let k = 0; k < 1100; k++) rows.push([k % 2 ? 'Constable' : 'Sergeant', String(k % 7), k % 5 ? '<5' : String(k % 3), String(k)]);
    const table = tableOf(rows, 1, 'Officers by rank');
    const got = interpretTable(table, { sha256: 'x' });
    expect(got.figures.length).toBeGreaterThan(2000);
    expect(got).toEqual(interpretBefore(table, { sha256: 'x' }));
  });
});
