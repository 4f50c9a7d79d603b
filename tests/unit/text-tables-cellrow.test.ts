// cellRowTables counts a heading run only up to 7 lines (issue 17): the tables it finds must be
// those the uncapped count finds, on any sequence of lines.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Line } from '../../src/extract/doc-model.js';
import { cellRowTables, type TextTables } from '../../src/extract/text-tables.js';

function linesOf(texts: string[]): Line[] {
  let at = 0;
  return texts.map((text, i) => {
    const l: Line = { i, text, start: at, end: at + text.length, locator: `char:${at}-${at + text.length}`, kind: 'paragraph', furniture: false, blank: false };
    at += text.length + 1;
    return l;
  });
}
const run = (texts: string[], longest?: number) => {
  const out: TextTables = { tables: [], consumed: new Set() };
  cellRowTables(linesOf(texts), out, longest);
  return { tables: out.tables.map((t) => [t.locator, t.rows.map((r) => r.map((c) => c.text))]), consumed: [...out.consumed] };
};

describe('cellRowTables', () => {
  it('reads one cell per line under text headings', () => {
    const texts = ['Home', 'News', 'Contact', 'Search', 'Menu', 'Login', 'Help', 'Year', 'Assaults', 'Injured', '2020', '301', '118', '2021', '290', '101'];
    expect(run(texts).tables).toEqual([
      ['char:41-88', [['Year', 'Assaults', 'Injured'], ['2020', '301', '118'], ['2021', '290', '101']]],
    ]);
    expect(run(texts, Infinity)).toEqual(run(texts));
  });

  it('finds what the uncapped count finds (property)', () => {
    const piece = fc.constantFrom('Year', 'Assaults', 'Injured', 'Officers', 'Staff', 'Home', 'News', 'A long heading of words here', '2020', '2021', '12', '0', 'Nil', 'None', '1,204', 'x | y', 'Total:');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (texts) => {
        expect(run(texts)).toEqual(run(texts, Infinity));
      }),
      { numRuns: 3000 },
    );
  });
});
