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
