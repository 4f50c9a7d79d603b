// OCR of PDF pages that carry no usable text layer (scanned letters, photographed tables).

/** `auto`: only pages with no usable text layer; `always`: every page; `never`: none. */
export type OcrMode = 'auto' | 'always' | 'never';
export const OCR_MODES: readonly OcrMode[] = ['auto', 'always', 'never'];

export interface OcrOptions {
  mode: OcrMode;
  /** Tesseract workers at most; never more than the machine's cores. */
  workers: number;
  /** A page that takes longer is given up (its worker is replaced) and reported. */
  pageTimeoutMs: number;
  /** Pages OCR'd per document at most; the rest are reported, not read. */
  maxPages: number;
  /** Render scale (1 = 72 dpi). */
  scale: number;
  /** Below this mean word confidence (0–100) a page carries a warning. */
  lowConfidence: number;
}

/** A piece of recognised text where it stands on the displayed page (points, y up from the bottom), as pdf.js gives text. */
export interface OcrItem {
  str: string;
  /** pdf.js text transform: [size, 0, 0, size, x, baseline y]. */
  transform: number[];
  width: number;
  height: number;
  hasEOL: boolean;
}

export interface OcrPage {
  page: number;
  /** Where the items stand: the page as displayed (rotation applied), y up, height in points. */
  viewport: { transform: number[]; convertToViewportPoint(x: number, y: number): number[] };
  /** Mean word confidence, 0–100, rounded. */
  confidence: number;
  words: number;
  items: OcrItem[];
  /** Skew of the page (its lines' baselines), in degrees, undone on the positions. */
  skewDegrees: number;
  seconds: number;
}
