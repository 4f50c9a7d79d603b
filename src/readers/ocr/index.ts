// The PDF reader's OCR hook: a session per document over pdf-parse's loaded document.
import { ocrOptions } from './config.js';
import { OcrSession, type PageSource } from './session.js';
import type { OcrOptions } from './types.js';

export type { OcrMode, OcrOptions, OcrPage } from './types.js';
export { OCR_MODES } from './types.js';
export { configureOcr } from './config.js';
export { shutdownOcr } from './engine.js';

interface Screenshots {
  getScreenshot(p: { partial: number[]; scale: number; imageBuffer: boolean; imageDataUrl: boolean }): Promise<{ pages: Array<{ data: Uint8Array; width: number; height: number }> }>;
}
interface Doc {
  numPages: number;
  getPage(n: number): Promise<{ getTextContent(): Promise<{ items: Array<{ str?: string }> }> }>;
}

/** OCR for one PDF, with the process's settings unless `overrides` says otherwise. */
export function ocrSession(parser: unknown, doc: Doc, warnings: string[], overrides?: Partial<OcrOptions>): OcrSession {
  const source: PageSource = {
    numPages: doc.numPages,
    textItems: async (n) => (await (await doc.getPage(n)).getTextContent()).items,
    render: async (n, scale) => {
      const shot = await (parser as Screenshots).getScreenshot({ partial: [n], scale, imageBuffer: true, imageDataUrl: false });
      const p = shot.pages[0];
      return { png: p.data, width: p.width, height: p.height };
    },
  };
  return new OcrSession(source, ocrOptions(overrides), warnings);
}
