// pageTextOf: a PDF page's text built from pdf.js text items the way pdf-parse's getText()
// builds it (tabs between columns, line breaks where the baseline moves), so the reader
// needs one pdf.js text pass per page. Made-up items on a page 800 units high.
import { describe, expect, it } from 'vitest';
import { pageTextOf, paragraphBlocks } from '../../src/readers/pdf.js';

const viewport = { convertToViewportPoint: (x: number, y: number) => [x, 800 - y] };
const item = (str: string, x: number, y: number, extra: { width?: number; height?: number; hasEOL?: boolean } = {}) => ({
  str,
  transform: [1, 0, 0, 1, x, y],
  width: extra.width ?? str.length * 5,
  height: extra.height ?? 10,
  hasEOL: extra.hasEOL ?? false,
});

describe('pageTextOf', () => {
  it.each([
    ['one piece', [item('Officers', 50, 700)], 'Officers'],
    ['pieces that touch on one line join', [item('Police ', 50, 700), item('officers', 85, 700)], 'Police officers'],
    ['a column gap on one line is a tab', [item('Name', 50, 700), item('Rank', 200, 700)], 'Name\tRank'],
    ['a lower baseline starts a new line', [item('Year', 50, 700), item('2023', 50, 680)], 'Year\n2023'],
    ['end-of-line items break the line once', [item('Year', 50, 700, { hasEOL: true }), item('2023', 50, 680)], 'Year\n2023'],
    ['a baseline step within the line height does not break (as pdf-parse)', [item('A', 50, 700), item('B', 50, 690)], 'AB'],
    ['marked content (no str) is skipped', [item('A', 50, 700), { transform: [1, 0, 0, 1, 0, 0] }, item('B', 50, 680)], 'A\nB'],
    ['a table row after a heading', [item('Officers convicted', 50, 720), item('2022', 50, 700), item('14', 200, 700)], 'Officers convicted\n2022\t14'],
  ])('%s', (_name, items, expected) => {
    expect(pageTextOf(items, viewport)).toBe(expected);
  });

  it('leaves the items as they were (they are read again for tables)', () => {
    const items = [item('Name', 50, 700), item('Rank', 200, 700)];
    pageTextOf(items, viewport);
    expect(items.map((i) => i.str)).toEqual(['Name', 'Rank']);
  });
});

describe('paragraphBlocks: a paragraph wrapped over printed lines is one block', () => {
  const page = [
    'Dear Ms Reader,',
    'Thank you for your request for information about officers who were dismissed from the force',
    'between 2019 and 2021, which we received on 3 March 2022.',
    'You asked:',
    '1. How many officers were dismissed for gross misconduct in each of the calendar years',
    '2019, 2020 and 2021?',
    '2. How many appealed?',
    'We hold the information and it is provided in full below, answered in the order you asked.',
    'Year\t2019\t2020\t2021',
    'Dismissed\t4\t6\t3',
  ].join('\n');
  const blocks = paragraphBlocks(page);
  it('joins a line that reaches the margin to the line it runs on into, and nothing else', () => {
    expect(blocks.map((b) => b.text)).toEqual([
      'Dear Ms Reader,',
      'Thank you for your request for information about officers who were dismissed from the force between 2019 and 2021, which we received on 3 March 2022.',
      'You asked:',
      '1. How many officers were dismissed for gross misconduct in each of the calendar years 2019, 2020 and 2021?',
      '2. How many appealed?',
      'We hold the information and it is provided in full below, answered in the order you asked.',
      'Year\t2019\t2020\t2021',
      'Dismissed\t4\t6\t3',
    ]);
  });
  it('keeps offsets into the page text: a block’s text is its span with line breaks as spaces', () => {
    for (const b of blocks) expect(page.slice(b.start, b.end).replace(/\n/g, ' ')).toBe(b.text);
  });
});
