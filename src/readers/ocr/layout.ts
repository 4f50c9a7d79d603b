// Recognised lines and words → text items placed as pdf.js places a text layer's, so a
// scanned page goes through the same line, column and table logic as a text PDF. Pure.

import type { OcrItem } from './types.js';

/** The parts of tesseract.js's result this reads (its blocks output). */
export interface OcrBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}
export interface OcrWordIn {
  text: string;
  confidence: number;
  bbox: OcrBox;
}
export interface OcrLineIn {
  words: OcrWordIn[];
  baseline?: OcrBox;
  rowAttributes?: { rowHeight?: number };
  bbox: OcrBox;
}

/** A word below this confidence with no letter or digit in it is a speck of noise. */
const SPECK_CONFIDENCE = 50;
/** A "word" smaller than this share of its line's height both ways is a speck of dirt, not a character (a dash is wider). */
const SPECK_SIZE = 0.2;
/** Words closer than this many line heights are one phrase; further apart, separate cells (as in pdf-layout). */
const PHRASE_GAP = 0.9;

interface Phrase {
  str: string;
  x0: number;
  x1: number;
  baseline: number;
  size: number;
}

/**
 * Lines of words in image pixels (y down) → items in PDF units (y up): words close together
 * joined into one phrase, lines on one baseline (a table row that tesseract split into
 * column blocks) merged into one row, rows top to bottom, each row's last item ending a line.
 */
export function itemsFromLines(lines: OcrLineIn[], pageHeightPx: number, scale: number): OcrItem[] {
  const phrases: Phrase[] = [];
  const slope = skewOf(lines);
  for (const line of lines) {
    const sizePx = line.rowAttributes?.rowHeight || line.bbox.y1 - line.bbox.y0;
    if (!(sizePx > 0)) continue;
    const words = line.words.filter((w) => w.text.trim() && !isSpeck(w, sizePx));
    words.sort((a, b) => a.bbox.x0 - b.bbox.x0);
    let cur: Phrase | null = null;
    for (const w of words) {
      // Undo the page's skew (a shear is exact enough for a degree or two): one row, one baseline.
      const y = baselineAt(line, (w.bbox.x0 + w.bbox.x1) / 2) - slope * ((w.bbox.x0 + w.bbox.x1) / 2);
      if (cur && w.bbox.x0 - cur.x1 < sizePx * PHRASE_GAP) {
        cur.str += ` ${w.text.trim()}`;
        cur.x1 = Math.max(cur.x1, w.bbox.x1);
      } else {
        cur = { str: w.text.trim(), x0: w.bbox.x0, x1: w.bbox.x1, baseline: y, size: sizePx };
        phrases.push(cur);
      }
    }
  }
  // Rows: phrases whose baselines agree within half a line height, top to bottom, left to right.
  phrases.sort((a, b) => a.baseline - b.baseline);
  const rows: Phrase[][] = [];
  for (const p of phrases) {
    const row = rows[rows.length - 1];
    if (row && Math.abs(p.baseline - row[0].baseline) <= Math.max(p.size, row[0].size) * 0.45) row.push(p);
    else rows.push([p]);
  }
  const items: OcrItem[] = [];
  for (const row of rows) {
    row.sort((a, b) => a.x0 - b.x0);
    const y = (pageHeightPx - row[0].baseline) / scale;
    row.forEach((p, i) => {
      const size = p.size / scale;
      items.push({ str: p.str, transform: [size, 0, 0, size, p.x0 / scale, y], width: (p.x1 - p.x0) / scale, height: size, hasEOL: i === row.length - 1 });
    });
  }
  return items;
}

function isSpeck(w: OcrWordIn, linePx: number): boolean {
  const small = Math.max(w.bbox.x1 - w.bbox.x0, w.bbox.y1 - w.bbox.y0) < linePx * SPECK_SIZE;
  return small || (w.confidence < SPECK_CONFIDENCE && !/[\p{L}\p{N}]/u.test(w.text));
}

/** The page's skew as a slope: the median of its longer lines' baselines (a scan is skewed as a whole). */
export function skewOf(lines: OcrLineIn[]): number {
  const slopes = lines
    .filter((l) => l.baseline && l.baseline.x1 - l.baseline.x0 > 8 * (l.rowAttributes?.rowHeight || l.bbox.y1 - l.bbox.y0))
    .map((l) => (l.baseline!.y1 - l.baseline!.y0) / (l.baseline!.x1 - l.baseline!.x0))
    .sort((a, b) => a - b);
  if (!slopes.length) return 0;
  const m = slopes[Math.floor(slopes.length / 2)];
  return Math.abs(m) < 0.1 ? m : 0;
}

/** The line's baseline height under x (tesseract gives it as a sloped segment). */
function baselineAt(line: OcrLineIn, x: number): number {
  const b = line.baseline;
  if (!b || b.x1 === b.x0) return line.bbox.y1;
  return b.y0 + ((b.y1 - b.y0) * (x - b.x0)) / (b.x1 - b.x0);
}
