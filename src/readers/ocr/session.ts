// OCR for one PDF: which pages need it, rendering them (pdf-parse's getScreenshot, through
// its bundled pdf.js and @napi-rs/canvas) and recognising them on the process's worker pool.
// When a page needs OCR the next few pages are looked at too, so that every worker has a
// page while the reader goes on; a PDF with a text layer costs nothing here.
import { recognizePage, OcrTimeout } from './engine.js';
import { itemsFromLines, skewOf, type OcrLineIn } from './layout.js';
import type { OcrItem, OcrOptions, OcrPage } from './types.js';

/** Fewer letters and digits than this on a page is no usable text layer (a blank scan, a stamp, a page number). */
const USABLE_TEXT_CHARS = 20;

export interface PageSource {
  numPages: number;
  /** The page's text items (pdf.js getTextContent), to judge its text layer. */
  textItems(n: number): Promise<Array<{ str?: string }>>;
  /** The page rendered at `scale`, as an encoded image (PGM, PNG) tesseract reads. */
  render(n: number, scale: number): Promise<{ image: Uint8Array; width: number; height: number }>;
}

export function hasUsableText(items: Array<{ str?: string }>): boolean {
  let chars = 0;
  for (const i of items) if (typeof i.str === 'string') chars += i.str.replace(/[^\p{L}\p{N}]/gu, '').length;
  return chars >= USABLE_TEXT_CHARS;
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
      if (this.options.mode === 'auto' && hasUsableText(items)) return null;
      this.start(n);
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
    if (this.options.mode === 'auto') {
      let items: Array<{ str?: string }>;
      try {
        items = await this.source.textItems(m);
      } catch {
        return; // the reader meets the same page and reports it
      }
      if (hasUsableText(items)) return;
    }
    this.start(m);
  }

  private start(n: number): void {
    if (this.count >= this.options.maxPages) {
      this.capped.push(n);
      this.started.set(n, Promise.resolve(null));
      return;
    }
    this.count++;
    this.started.set(
      n,
      this.read(n).catch((e) => {
        const why = e instanceof OcrTimeout ? e.message : `OCR failed (${(e instanceof Error ? e.message : String(e)).split('\n')[0]})`;
        this.warnings.push(`pdf:p${n}:ocr: ${why}; page not read`);
        return null;
      }),
    );
  }

  private async read(n: number): Promise<OcrPage | null> {
    const t0 = performance.now();
    const { scale } = this.options;
    const image = await this.source.render(n, scale);
    const data = await recognizePage(image.image, { workers: this.options.workers, timeoutMs: this.options.pageTimeoutMs, dpi: Math.round(72 * scale) });
    const lines: OcrLineIn[] = (data.blocks ?? []).flatMap((b) => b.paragraphs.flatMap((p) => p.lines));
    const items: OcrItem[] = itemsFromLines(lines, image.height, scale);
    const words = lines.reduce((k, l) => k + l.words.length, 0);
    const page: OcrPage = {
      page: n,
      confidence: Math.round(data.confidence ?? 0),
      words,
      items,
      skewDegrees: Math.round(((Math.atan(skewOf(lines)) * 180) / Math.PI) * 10) / 10,
      seconds: (performance.now() - t0) / 1000,
    };
    return items.length ? page : null;
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
