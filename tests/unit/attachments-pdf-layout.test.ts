import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findLayoutTables, groupLines, isFooterLine, type PositionedText } from '../../src/readers/pdf-layout.js';

/** Items as a word processor writes them: one per word, a space's width apart (size 10 → ~2.8 units). */
function words(text: string, x: number, y: number, size = 10): PositionedText[] {
  const out: PositionedText[] = [];
  let at = x;
  for (const w of text.split(' ')) {
    const width = w.length * size * 0.5;
    out.push({ str: w, x: at, y, width, size });
    at += width + size * 0.28;
  }
  return out;
}

describe('groupLines', () => {
  it('joins words into segments and splits at column gaps, lines top to bottom', () => {
    const items = [...words('Total', 50, 680), ...words('7', 300, 680), ...words('Driving Offences', 50, 700), ...words('5', 300, 700.4)];
    expect(groupLines(items).map((l) => l.segments.map((s) => s.text))).toEqual([['Driving Offences', '5'], ['Total', '7']]);
  });

  it('drops whitespace-only items (pdf.js fills gaps with them)', () => {
    const items: PositionedText[] = [
      { str: 'Assault', x: 54, y: 678, width: 33, size: 10 },
      { str: ' ', x: 87, y: 678, width: 193, size: 10 },
      { str: '2', x: 280, y: 678, width: 5.5, size: 10 },
    ];
    expect(groupLines(items)[0].segments).toEqual([
      { text: 'Assault', x0: 54, x1: 87, },
      { text: '2', x0: 280, x1: 285.5 },
    ]);
  });
});

describe('groupLines: which line a piece joins', () => {
  it('a tall line reaches further down than the short lines after it (the first line in reach takes the piece)', () => {
    // A 40-point heading at y 700 reaches 18 points down; a 10-point line at 680 reaches 4.5: a
    // piece at 683 is in both reaches, and the heading's line, the first, takes it.
    const items: PositionedText[] = [
      { str: 'HEADING', x: 50, y: 700, width: 200, size: 40 },
      { str: 'small', x: 50, y: 680, width: 20, size: 10 },
      { str: 'late', x: 300, y: 683, width: 20, size: 10 },
    ];
    expect(groupLines(items).map((l) => l.segments.map((s) => s.text))).toEqual([['HEADING', 'late'], ['small']]);
  });

  it('each piece joins the first line from the top whose reach holds it (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ y: fc.integer({ min: 0, max: 60 }).map((v) => 600 + v / 2), size: fc.constantFrom(0, 6, 10, 12, 24, 40) }), { minLength: 1, maxLength: 40 }),
        (raw) => {
          // Pieces 100 apart across the page: each is a segment of its own, whatever line it joins.
          const items: PositionedText[] = raw.map((r, k) => ({ str: `w${k}`, x: k * 100, y: r.y, width: 4, size: r.size }));
          // The rule, asked plainly: pieces top to bottom (then left to right), each into the first
          // line so far within max(line size, piece size) × 0.45 of its y, else a new line.
          const lines: Array<{ y: number; size: number; words: string[] }> = [];
          for (const it of [...items].sort((a, b) => b.y - a.y || a.x - b.x)) {
            const size = it.size > 0 ? it.size : 10;
            const line = lines.find((l) => Math.abs(l.y - it.y) <= Math.max(l.size, size) * 0.45);
            if (line) {
              line.words.push(it.str);
              line.size = Math.max(line.size, size);
            } else lines.push({ y: it.y, size, words: [it.str] });
          }
          const expected = lines.map((l) => l.words.sort().join(' '));
          const got = groupLines(items).map((l) => l.segments.map((s) => s.text).sort().join(' '));
          expect(got.sort()).toEqual(expected.sort());
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('findLayoutTables', () => {
  it('rebuilds an unruled table with right-aligned numbers and an empty cell; the title above is its caption', () => {
    const items = [
      ...words('Officers dismissed by year', 50, 760),
      ...words('Year', 50, 740),
      ...words('Officers', 200, 740),
      ...words('Staff', 300, 740),
      ...words('2019', 50, 725),
      ...words('12', 230, 725),
      ...words('3', 320, 725),
      ...words('2020', 50, 710),
      ...words('9', 235, 710),
      ...words('2021', 50, 695),
      ...words('1,051', 222, 695),
      ...words('14', 315, 695),
      ...words('The figures above are correct at the time of writing.', 50, 660),
    ];
    const lines = groupLines(items);
    expect(findLayoutTables(lines)).toEqual([
      {
        rows: [
          ['Year', 'Officers', 'Staff'],
          ['2019', '12', '3'],
          ['2020', '9', ''],
          ['2021', '1,051', '14'],
        ],
        columns: [50, 200, 300],
        ends: [70, 247, 325],
        firstLine: 1,
        lastLine: 4,
        caption: 'Officers dismissed by year',
      },
    ]);
  });

  it('joins a cell wrapped onto a second line (header and body) back into its row', () => {
    const items = [
      ...words('Offence', 50, 700),
      ...words('Number of', 250, 700),
      ...words('officers', 250, 689),
      ...words('Possession of an offensive', 50, 670),
      ...words('3', 270, 670),
      ...words('weapon in a public place', 50, 659),
      ...words('Assault', 50, 640),
      ...words('2', 270, 640),
      ...words('Theft', 50, 620),
      ...words('1', 270, 620),
    ];
    expect(findLayoutTables(groupLines(items)).map((t) => t.rows)).toEqual([
      [
        ['Offence', 'Number of officers'],
        ['Possession of an offensive weapon in a public place', '3'],
        ['Assault', '2'],
        ['Theft', '1'],
      ],
    ]);
  });

  it('splits rows laid out with runs of spaces or tabs inside one item', () => {
    const items: PositionedText[] = [
      { str: 'Offence          2019     2020', x: 50, y: 700, width: 155, size: 10 },
      { str: 'Assault             3        4', x: 50, y: 680, width: 150, size: 10 },
      { str: 'Theft\t1\t0', x: 50, y: 660, width: 150, size: 10 },
    ];
    expect(groupLines(items).map((l) => l.segments.map((x) => x.text))).toEqual([
      ['Offence', '2019', '2020'],
      ['Assault', '3', '4'],
      ['Theft', '1', '0'],
    ]);
  });

  it('in a tightly spaced table every line is a row', () => {
    const items = [...words('Year', 50, 700), ...words('Number', 200, 700), ...words('2019', 50, 689), ...words('4', 200, 689), ...words('2020', 50, 678), ...words('5', 200, 678)];
    expect(findLayoutTables(groupLines(items)).map((t) => t.rows)).toEqual([
      [
        ['Year', 'Number'],
        ['2019', '4'],
        ['2020', '5'],
      ],
    ]);
  });

  it('finds no table in running prose', () => {
    const items = [
      ...words('Thank you for your request for information regarding officers', 50, 700),
      ...words('convicted of criminal offences which we received on 3 March.', 50, 686),
      ...words('Please find our response below.', 50, 672),
    ];
    expect(findLayoutTables(groupLines(items))).toEqual([]);
  });

  it('a single line with a gap is not a table', () => {
    expect(findLayoutTables(groupLines([...words('Reference', 50, 700), ...words('123/24', 300, 700)]))).toEqual([]);
  });

  it('two tables separated by prose are two tables', () => {
    const items = [
      ...words('A', 50, 700),
      ...words('1', 200, 700),
      ...words('B', 50, 686),
      ...words('2', 200, 686),
      ...words('Some words in between the two tables here.', 50, 660),
      ...words('C', 50, 630),
      ...words('3', 200, 630),
      ...words('D', 50, 616),
      ...words('4', 200, 616),
    ];
    expect(findLayoutTables(groupLines(items)).map((t) => t.rows)).toEqual([
      [
        ['A', '1'],
        ['B', '2'],
      ],
      [
        ['C', '3'],
        ['D', '4'],
      ],
    ]);
  });
});

describe('isFooterLine', () => {
  const line = (t: string) => ({ y: 0, size: 9, segments: [{ text: t, x0: 0, x1: 10 }] });
  it.each([['Page 1 of 2', true], ['3', true], ['- 4 -', true], ['2 / 10', true], ['Page one', false], ['2019 12', false], ['Total 7', false]])('%s → %s', (t, want) =>
    expect(isFooterLine(line(t))).toBe(want),
  );
});
