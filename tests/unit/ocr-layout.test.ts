// OCR layout without OCR: recognised lines (as tesseract.js gives them, in image pixels) →
// text items → the PDF reader's own line and table logic; dust removal; the text-layer test.
import { describe, expect, it } from 'vitest';
import { findLayoutTables, groupLines } from '../../src/readers/pdf-layout.js';
import { pageTextOf } from '../../src/readers/pdf.js';
import { despeckle } from '../../src/readers/ocr/despeckle.js';
import { itemsFromLines, skewOf, type OcrLineIn } from '../../src/readers/ocr/layout.js';
import { hasUsableText } from '../../src/readers/ocr/session.js';

const SCALE = 2;
const PAGE_PX = 1684;

/** A line of words at a baseline y (pixels), each word [text, x0, width], tilted by `slope` (pixels down per pixel right). */
function line(y: number, words: Array<[string, number, number, number?]>, slope = 0, rowHeight = 22): OcrLineIn {
  const x0 = words[0][1];
  const x1 = words[words.length - 1][1] + words[words.length - 1][2];
  const at = (x: number) => y + slope * (x - x0);
  return {
    words: words.map(([text, x, w, confidence = 95]) => ({ text, confidence, bbox: { x0: x, y0: at(x) - 16, x1: x + w, y1: at(x) + 4 } })),
    baseline: { x0, y0: at(x0), x1, y1: at(x1) },
    rowAttributes: { rowHeight },
    bbox: { x0, y0: Math.min(at(x0), at(x1)) - 16, x1, y1: Math.max(at(x0), at(x1)) + 4 },
  };
}

/** pdf.js's viewport at scale 1 for an A4 page: PDF y up → y down. */
const viewport = { convertToViewportPoint: (x: number, y: number) => [x, PAGE_PX / SCALE - y] };

describe('itemsFromLines', () => {
  it('joins words into phrases, keeps columns apart, and the PDF logic reads the rows as a table', () => {
    const lines = [
      line(200, [['Officer', 100, 90], ['Dismissals', 200, 120]]),
      line(260, [['Year', 100, 50], ['Dismissed', 400, 110], ['Resigned', 600, 100]]),
      line(300, [['2022', 100, 50], ['6', 400, 12], ['3', 600, 12]]),
      line(340, [['2023', 100, 50], ['4', 400, 12], ['5', 600, 12]]),
    ];
    const items = itemsFromLines(lines, PAGE_PX, SCALE);
    expect(items.map((i) => [i.str, i.hasEOL])).toEqual([
      ['Officer Dismissals', true],
      ['Year', false], ['Dismissed', false], ['Resigned', true],
      ['2022', false], ['6', false], ['3', true],
      ['2023', false], ['4', false], ['5', true],
    ]);
    expect(items[0].transform).toEqual([11, 0, 0, 11, 50, 742]);
    expect(pageTextOf(items, viewport)).toBe('Officer Dismissals\nYear\tDismissed\tResigned\n2022\t6\t3\n2023\t4\t5\n');
    const tables = findLayoutTables(groupLines(items.map((i) => ({ str: i.str, x: i.transform[4], y: i.transform[5], width: i.width, size: i.height }))));
    expect(tables.map((t) => t.rows)).toEqual([[['Year', 'Dismissed', 'Resigned'], ['2022', '6', '3'], ['2023', '4', '5']]]);
  });

  it('undoes a skew: a row that tesseract split into column blocks on a tilted page is one row again', () => {
    const slope = Math.tan((1.2 * Math.PI) / 180); // 1.2°: the right column sits ~17 px lower than the left
    const rows = [300, 340, 380];
    const lines = [
      line(260, [['Police', 100, 60], ['officers', 170, 80], ['convicted', 260, 90], ['of', 360, 20], ['criminal', 390, 80], ['offences', 480, 80]], slope),
      // Left column block, then right column block, each line on the tilted baseline.
      ...rows.map((y, k) => line(y, [[['Assault', 'Theft', 'Total'][k], 100, 70]], slope)),
      ...rows.map((y, k) => line(y + slope * 800, [[String([2, 5, 7][k]), 900, 12]], slope)),
    ];
    expect(skewOf(lines)).toBeCloseTo(slope, 6);
    const text = pageTextOf(itemsFromLines(lines, PAGE_PX, SCALE), viewport);
    expect(text).toBe('Police officers convicted of criminal offences\nAssault\t2\nTheft\t5\nTotal\t7\n');
  });

  it('drops dust read as marks (tiny blobs, low-confidence punctuation) but keeps a dash and a low-confidence word', () => {
    const l = line(300, [['Assault', 100, 70], ['.', 250, 3], [':', 300, 6, 20], ['-', 400, 8], ['Thett', 500, 50, 30]]);
    l.words[1].bbox = { x0: 250, y0: 296, x1: 253, y1: 299 }; // a 3 px blob on a 22 px line
    const items = itemsFromLines([l], PAGE_PX, SCALE);
    expect(items.map((i) => i.str)).toEqual(['Assault', '-', 'Thett']);
  });
});

describe('despeckle', () => {
  /** A white w×h RGBA image with black pixels at the given [x, y]. */
  function image(w: number, h: number, black: Array<[number, number]>): Uint8ClampedArray {
    const px = new Uint8ClampedArray(w * h * 4).fill(255);
    for (const [x, y] of black) px.fill(0, (y * w + x) * 4, (y * w + x) * 4 + 3);
    return px;
  }
  const isBlack = (px: Uint8ClampedArray, w: number, x: number, y: number) => px[(y * w + x) * 4] === 0;

  it('whitens lone dust, keeps the dot of an i beside its stem and anything larger than dust', () => {
    const stem: Array<[number, number]> = [[10, 6], [10, 7], [10, 8], [10, 9], [10, 10]];
    const dot: Array<[number, number]> = [[10, 3], [11, 3], [10, 4], [11, 4]];
    const dust: Array<[number, number]> = [[3, 3], [4, 3]];
    const bar: Array<[number, number]> = [[2, 12], [3, 12], [4, 12], [5, 12], [6, 12]];
    const px = image(20, 16, [...stem, ...dot, ...dust, ...bar]);
    expect(despeckle(px, 20, 16, 4, 2)).toBe(1);
    expect(dust.map(([x, y]) => isBlack(px, 20, x, y))).toEqual([false, false]);
    expect([...stem, ...dot, ...bar].every(([x, y]) => isBlack(px, 20, x, y))).toBe(true);
  });
});

describe('hasUsableText', () => {
  it.each([
    [[], false],
    [[{ str: 'Page 1 of 2' }], false],
    [[{ str: '   ' }, { str: '\n' }], false],
    [[{ str: 'Scanned by the FOI Unit, 12/03/2024' }], true],
    [[{ str: 'Dear Applicant,' }, { str: 'Thank you' }], true],
  ])('%j → %s', (items, usable) => {
    expect(hasUsableText(items)).toBe(usable);
  });
});
