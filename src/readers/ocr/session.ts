// OCR for one PDF: which pages need it, rendering them (pdf-parse's getScreenshot, through
// its bundled pdf.js and @napi-rs/canvas) and recognising them on the process's worker pool.
// When a page needs OCR the next few pages are looked at too, so that every worker has a
// page while the reader goes on; a PDF with a text layer costs nothing here.
import { recognizePage, OcrTimeout } from './engine.js';
import { itemsFromLines, skewOf, type OcrLineIn } from './layout.js';
import type { OcrItem, OcrOptions, OcrPage } from './types.js';

/** Fewer letters and digits than this on a page is no usable text layer (a blank scan, a stamp, a page number). */
const USABLE_TEXT_CHARS = 20;
/**
 * A page with a little more text than that and an image may be a scan with a line stamped on
 * it digitally ("OFFICIAL", a reference, a date): it is OCR'd too, and the OCR text is kept
 * only if it holds clearly more than the text layer (else the page was a short text page with
 * a logo, and its text layer is better than any OCR).
 */
const STAMP_TEXT_CHARS = 200;
const OCR_GAIN = 2;

export interface PageSource {
  numPages: number;
  /** The page's text items (pdf.js getTextContent), to judge its text layer. */
  textItems(n: number): Promise<Array<{ str?: string }>>;
  /** Whether the page paints an image (a scan, a photograph, a logo). */
  hasImage(n: number): Promise<boolean>;
  /** The page rendered at `scale`, as an encoded image (PGM, PNG) tesseract reads. */
  render(n: number, scale: number): Promise<{ image: Uint8Array; width: number; height: number }>;
}

export function hasUsableText(items: Array<{ str?: string }>): boolean {
  return textChars(items, USABLE_TEXT_CHARS) >= USABLE_TEXT_CHARS;
}

/** Letters and digits in a page's text items, counted until `enough` (what the caller compares with) is reached. */
function textChars(items: Array<{ str?: string }>, enough: number): number {
  let chars = 0;
  for (const i of items) {
    if (typeof i.str === 'string') chars += i.str.replace(/[^\p{L}\p{N}]/gu, '').length;
    if (chars >= enough) break;
  }
  return chars;
}

/** Whether OCR may be asked to read a page with these text items (so its text is not the text layer's alone). */
export function mayNeedOcr(mode: OcrOptions['mode'], items: Array<{ str?: string }>): boolean {
  return mode === 'always' || (mode === 'auto' && textChars(items, STAMP_TEXT_CHARS) < STAMP_TEXT_CHARS);
}

export class OcrSession {
  private readonly started = new Map<number, Promise<OcrPage | null>>();
  private count = 0;
  private capped: number[] = [];

  constructor(
    private readonly source: PageSource,
    private readonly options: OcrOptions,
    private readonly warnings: string[],
  ) {}

  /** OCR for page n, given its own text items; null when the page is read from its text layer (or OCR found nothing). */
  async page(n: number, items: Array<{ str?: string }>): Promise<OcrPage | null> {
    if (this.options.mode === 'never') return null;
    if (!this.started.has(n)) {
      const layer = this.options.mode === 'auto' ? await this.layerToBeat(n, items) : 0;
      if (layer === null) return null;
      this.start(n, layer);
    }
    // Keep the pool busy: look at the pages after this one while it is read.
    const ahead = Math.min(this.source.numPages, n + this.options.workers - 1);
    for (let m = n + 1; m <= ahead; m++) if (!this.started.has(m)) await this.consider(m);
    const result = await this.started.get(n)!;
    this.started.delete(n);
    if (result) this.warnings.push(note(result, this.options.lowConfidence));
    return result;
  }

  /** Pages over the cap, as one warning (call once the document is read). */
  finish(): void {
    if (this.capped.length) {
      this.warnings.push(`pdf: OCR page cap (${this.options.maxPages}) reached; not read: ${ranges(this.capped)}`);
    }
  }

  private async consider(m: number): Promise<void> {
    let layer = 0;
    if (this.options.mode === 'auto') {
      try {
        const found = await this.layerToBeat(m, await this.source.textItems(m));
        if (found === null) return;
        layer = found;
      } catch {
        return; // the reader meets the same page and reports it
      }
    }
    this.start(m, layer);
  }

  /** In auto mode: null = read the text layer; else the letters and digits the OCR text must clearly outnumber to replace it. */
  private async layerToBeat(n: number, items: Array<{ str?: string }>): Promise<number | null> {
    const chars = textChars(items, STAMP_TEXT_CHARS);
    if (chars < USABLE_TEXT_CHARS) return 0;
    if (chars < STAMP_TEXT_CHARS && (await this.source.hasImage(n).catch(() => false))) return chars;
    return null;
  }

  private start(n: number, layer = 0): void {
    if (this.count >= this.options.maxPages) {
      this.capped.push(n);
      this.started.set(n, Promise.resolve(null));
      return;
    }
    this.count++;
    this.started.set(
      n,
      this.read(n, layer).catch((e) => {
        const why = e instanceof OcrTimeout ? e.message : `OCR failed (${(e instanceof Error ? e.message : String(e)).split('\n')[0]})`;
        this.warnings.push(`pdf:p${n}:ocr: ${why}; page not read`);
        return null;
      }),
    );
  }

  private async read(n: number, layer: number): Promise<OcrPage | null> {
    const t0 = performance.now();
    const { scale } = this.options;
    const image = await this.source.render(n, scale);
    const data = await recognizePage(image.image, { workers: this.options.workers, timeoutMs: this.options.pageTimeoutMs, dpi: Math.round(72 * scale) });
    const lines: OcrLineIn[] = (data.blocks ?? []).flatMap((b) => b.paragraphs.flatMap((p) => p.lines));
    const items: OcrItem[] = itemsFromLines(lines, image.height, scale);
    const words = lines.reduce((k, l) => k + l.words.length, 0);
    const height = image.height / scale;
    const page: OcrPage = {
      page: n,
      // The image is the page as displayed, so its positions need no /Rotate or media-box offset.
      viewport: { transform: [1, 0, 0, -1, 0, height], convertToViewportPoint: (x, y) => [x, height - y] },
      confidence: Math.round(data.confidence ?? 0),
      words,
      items,
      skewDegrees: Math.round(((Math.atan(skewOf(lines)) * 180) / Math.PI) * 10) / 10,
      seconds: (performance.now() - t0) / 1000,
    };
    if (!items.length || (layer > 0 && textChars(items, layer * OCR_GAIN) < layer * OCR_GAIN)) return null;
    return page;
  }
}

/** Every OCR'd page says so (its text is read, not given), with its confidence; a low one says to check it. */
function note(p: OcrPage, low: number): string {
  return p.confidence < low
    ? `pdf:p${p.page}:ocr: read by OCR, low confidence ${p.confidence}/100; check its figures against the page`
    : `pdf:p${p.page}:ocr: read by OCR, confidence ${p.confidence}/100`;
}

/** [3,4,5,9] → "pages 3–5, 9". */
function ranges(pages: number[]): string {
  const out: string[] = [];
  for (let i = 0; i < pages.length; i++) {
    let j = i;
    while (j + 1 < pages.length && pages[j + 1] === pages[j] + 1) j++;
    out.push(j > i ? `${pages[i]}–${pages[j]}` : `${pages[i]}`);
    i = j;
  }
  return `page${pages.length > 1 ? 's' : ''} ${out.join(', ')}`;
}
