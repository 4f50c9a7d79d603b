// The PDF reader's OCR hook: a session per document over pdf-parse's loaded document.
import { ocrMode, ocrOptions } from './config.js';
import { despeckle } from './despeckle.js';
import { mayNeedOcr, OcrSession, type PageSource } from './session.js';
import type { OcrOptions } from './types.js';

export type { OcrMode, OcrOptions, OcrPage } from './types.js';
export { OCR_MODES } from './types.js';
export { configureOcr } from './config.js';
export { shutdownOcr } from './engine.js';

interface Canvas {
  width: number;
  height: number;
}
interface Context2D {
  getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray; width: number; height: number };
}
interface RenderablePage {
  getTextContent(): Promise<{ items: Array<{ str?: string }> }>;
  getViewport(o: { scale: number }): { width: number; height: number };
  render(o: { canvasContext: Context2D; viewport: unknown; canvas: Canvas }): { promise: Promise<void> };
  getOperatorList(): Promise<{ fnArray: number[] }>;
}
interface Doc {
  numPages: number;
  getPage(n: number): Promise<RenderablePage>;
  /** pdf.js's canvas factory (on @napi-rs/canvas under Node), as pdf-parse's getScreenshot uses it. */
  canvasFactory?: { create(w: number, h: number): { canvas: Canvas; context: Context2D }; destroy?(c: unknown): void };
}

/** pdf.js OPS codes that paint an image: paintImageMaskXObject, paintImageXObject, paintInlineImageXObject, paintImageXObjectRepeat (stable since pdf.js 1.x). */
const PAINT_IMAGE = new Set([83, 85, 86, 88]);

/** Dust is at most this many pixels at render scale 1 (72 dpi); it grows with the square of the scale. */
const DUST_AREA_AT_72DPI = 1;
/** …and stands at least this far (72 dpi pixels) from other ink; the dot of an i is nearer its stem. */
const DUST_GAP_AT_72DPI = 1.5;

/** Whether OCR may be asked to read a page with these text items, under the options given. */
export function ocrMayRead(items: Array<{ str?: string }>, overrides?: Partial<OcrOptions>): boolean {
  return mayNeedOcr(ocrMode(overrides), items);
}

/** OCR for one PDF, with the process's settings unless `overrides` says otherwise. */
export function ocrSession(pdf: { numPages: number }, warnings: string[], overrides?: Partial<OcrOptions>): OcrSession {
  const doc = pdf as Doc; // pdf-parse's loaded pdf.js document; its typings keep these members private
  const source: PageSource = {
    numPages: doc.numPages,
    textItems: async (n) => (await (await doc.getPage(n)).getTextContent()).items,
    hasImage: async (n) => (await (await doc.getPage(n)).getOperatorList()).fnArray.some((op) => PAINT_IMAGE.has(op)),
    render: async (n, scale) => {
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale });
      if (!doc.canvasFactory) throw new Error('pdf.js has no canvas to render on');
      const target = doc.canvasFactory.create(Math.ceil(viewport.width), Math.ceil(viewport.height));
      try {
        await page.render({ canvasContext: target.context, viewport, canvas: target.canvas }).promise;
        const image = target.context.getImageData(0, 0, target.canvas.width, target.canvas.height);
        despeckle(image.data, image.width, image.height, Math.round(DUST_AREA_AT_72DPI * scale * scale), Math.max(2, Math.round(DUST_GAP_AT_72DPI * scale)));
        return { image: toPgm(image.data, image.width, image.height), width: image.width, height: image.height };
      } finally {
        doc.canvasFactory.destroy?.(target);
      }
    },
  };
  return new OcrSession(source, ocrOptions(overrides), warnings);
}

/** Greyscale PGM (binary P5): an image format tesseract's Leptonica reads, written without compressing. */
function toPgm(rgba: Uint8ClampedArray, width: number, height: number): Uint8Array {
  const header = new TextEncoder().encode(`P5\n${width} ${height}\n255\n`);
  const out = new Uint8Array(header.length + width * height);
  out.set(header);
  for (let i = 0, k = 0, o = header.length; i < width * height; i++, k += 4, o++) out[o] = Math.round(0.299 * rgba[k] + 0.587 * rgba[k + 1] + 0.114 * rgba[k + 2]);
  return out;
}
