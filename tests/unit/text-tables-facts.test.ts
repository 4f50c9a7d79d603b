// findTextTables asks what its six finders need of each line once (issue 17): a line's pipe,
// its row cells and trailing figures memoised per line, cellRowTables' cell/number/heading
// state worked out up front, end-anchored patterns tested by character. Each shape, exactly.
import { describe, expect, it } from 'vitest';
import type { Line } from '../../src/extract/doc-model.js';
import { findTextTables } from '../../src/extract/text-tables.js';

function linesOf(parts: Array<{ text: string; kind?: Line['kind']; blank?: boolean; furniture?: boolean }>): Line[] {
  let at = 0;
  return parts.map((p, i) => {
    const l: Line = { i, text: p.text, start: at, end: at + p.text.length, locator: `char:${at}-${at + p.text.length}`, kind: p.kind ?? 'paragraph', furniture: p.furniture ?? false, blank: p.blank ?? false };
    at += p.text.length + 1;
    return l;
  });
}

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
  });
});
