// findTextTables asks what its six finders need of each line once (issue 17): a line's pipe,
// its row cells and trailing figures memoised per line, cellRowTables' cell/number/heading
// state worked out up front, end-anchored patterns tested by character. It must find exactly
// the tables the finders found before (tests/support/text-tables-before.ts), on any lines.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Line } from '../../src/extract/doc-model.js';
import { findTextTables } from '../../src/extract/text-tables.js';
import { findTextTables as findBefore } from '../support/text-tables-before.js';

function linesOf(parts: Array<{ text: string; kind?: Line['kind']; blank?: boolean; furniture?: boolean }>): Line[] {
  let at = 0;
  return parts.map((p, i) => {
    const l: Line = { i, text: p.text, start: at, end: at + p.text.length, locator: `char:${at}-${at + p.text.length}`, kind: p.kind ?? 'paragraph', furniture: p.furniture ?? false, blank: p.blank ?? false };
    at += p.text.length + 1;
    return l;
  });
}
const seen = (t: ReturnType<typeof findTextTables>) => ({ tables: t.tables, consumed: [...t.consumed].sort((a, b) => a - b) });

describe('findTextTables with per-line facts', () => {
  it('reads each shape as before', () => {
    const lines = linesOf(
      [
        'Complaints by year', '2019 2020 2021', 'Upheld 3 5 2', 'Not upheld 10 12 9', 'The force holds 12 records.',
        'Rank Suspended Restricted', 'Constable 12 41', 'Sergeant 3 9',
        'Year |', 'Dismissed |', '2010 |', '0 |',
        '| Rank | 2020 | 2021 |', '|---|---|---|', '| Constable | 4 | 7 |',
        '2013-14', '2014-15', 'Total', 'No action', '46', '51', '97',
        'Year', 'Assaults', 'Injured', '2020', '301', '118', '2021', '290', '101',
      ].map((text) => ({ text })),
    );
    const found = findTextTables(lines);
    expect(found.tables.map((t) => t.rows.map((r) => r.map((c) => c.text)))).toEqual([
      [['', '2019', '2020', '2021'], ['Upheld', '3', '5', '2'], ['Not upheld', '10', '12', '9']],
      [['Rank', 'Suspended', 'Restricted'], ['Constable', '12', '41'], ['Sergeant', '3', '9']],
      [['Year', 'Dismissed'], ['2010', '0']],
      [['Rank', '2020', '2021'], ['Constable', '4', '7']],
      [['', '2013-14', '2014-15', 'Total'], ['No action', '46', '51', '97']],
      [['Year', 'Assaults', 'Injured'], ['2020', '301', '118'], ['2021', '290', '101']],
    ]);
    expect(seen(found)).toEqual(seen(findBefore(lines)));
  });

  it('finds what the finders found before on any lines (property)', () => {
    const text = fc.constantFrom(
      '2017 2018 2019', 'Standard 2018 2019 2020', '2019 2020 Total', 'Complaints 3 5 3', 'Upheld 3 5 2', 'Not upheld 10 12 9', 'Constable 12 41',
      'Sergeant <5 9', 'Inspector * 3', 'Rank Suspended Restricted duties', 'Rank Suspended Restricted', 'Complaints Received', 'Year |', 'Dismissed |',
      '2010 |', '0 |', '|', '| a | b |', '| Rank | 2020 |', '|2018|23|', '2018/19 | 8', '| a |  | c |', '|---|---|', 'Rank   2020   2021', 'Constable  12  41',
      'Staff\t3\t4', '   2020   2021', '2013-14', '2014-15', '2019/20', 'Total', 'total', 'No action', '46', '1,204', 'Nil', 'None', 'Year', 'Assaults',
      'Injured', 'Officers', '2020', '2021', '301', '0', 'x | y', 'Total:', 'The force holds 12 records.', 'Reference number: 012573',
      'Date of response: 14 June 2023', '- 4', '• Item one', '* note', '·  dot', '– dash 5', ' 2020 ', '2020\u00a0', '\u00a0Total', 'Offence Type',
      'Home', 'News', 'A long heading of many words here that goes on', '12 officers were dismissed', 'Figures:', 'Rank, 2020;', '',
    );
    const part = fc.record({
      text,
      kind: fc.constantFrom<Line['kind']>('paragraph', 'paragraph', 'paragraph', 'heading', 'list_item', 'table_row'),
      blank: fc.constantFrom(false, false, false, false, false, false, false, false, false, false, false, true),
      furniture: fc.constantFrom(false, false, false, false, false, false, true),
    });
    // Whole tables of each shape among the single lines, so that runs the finders accept are common.
    const fragment = fc.constantFrom(
      ['Complaints by year', '2019 2020 2021', 'Upheld 3 5 2', 'Not upheld 10 12 9'],
      ['2019 2020', 'Complaints Received', 'Upheld 3 5', 'Withdrawn 1'],
      ['Rank Suspended Restricted', 'Constable 12 41', 'Sergeant <5 9', 'Inspector * 3'],
      ['Year |', 'Dismissed |', '2010 |', '0 |', '2011 |', '2 |'],
      ['|', 'Year |', 'Total |', '|', '2019 |', '4 |'],
      ['| Rank | 2020 | 2021 |', '|---|---|---|', '| Constable | 4 | 7 |', '| Sergeant |  | 2 |'],
      ['Rank   2020   2021', 'Constable  12  41', 'Sergeant  3  9'],
      ['Offence Type', 'Year', '2013-14', '2014-15', 'Total', 'No action', '46', '51', '97', 'Caution', '1', '0', '1'],
      ['Year', 'Assaults', 'Injured', '2020', '301', '118', '2021', '290', '101', '2022', 'Nil', '4'],
      ['Home', 'News', 'Contact', 'Search', 'Menu', 'Login', 'Help', 'Year', 'Officers'],
    );
    const block = fc.oneof(
      part.map((p) => [p]),
      fc.tuple(fragment, fc.constantFrom<Line['kind']>('paragraph', 'list_item', 'table_row')).map(([texts, kind]) => texts.map((text) => ({ text, kind, blank: false, furniture: false }))),
    );
    let withTables = 0;
    fc.assert(
      fc.property(fc.array(block, { maxLength: 12 }), (blocks) => {
        const lines = linesOf(blocks.flat());
        if (findBefore(lines).tables.length) withTables++;
        expect(seen(findTextTables(lines))).toEqual(seen(findBefore(lines)));
      }),
      { numRuns: 4000 },
    );
    expect(withTables).toBeGreaterThan(1000);
  });
});
