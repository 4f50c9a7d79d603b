// PDF → page-by-page text blocks with `pdf:p<N>` locators. pdf.js runs without eval,
// and the parser is always destroyed, even when the document is broken.
import { PDFParse } from 'pdf-parse';
import { linesToBlocks } from './text.js';
import { ReadError, type Block, type ReadResult } from './types.js';

export async function readPdf(bytes: Uint8Array): Promise<ReadResult> {
  const parser = new PDFParse({ data: new Uint8Array(bytes), isEvalSupported: false, verbosity: 0 } as ConstructorParameters<typeof PDFParse>[0]);
  try {
    let result;
    try {
      result = await parser.getText();
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      if (/password/i.test(msg)) throw new ReadError('encrypted PDF (password required)');
      throw new ReadError(`corrupt PDF (${msg.split('\n')[0]})`);
    }
    const warnings: string[] = [];
    const blocks: Block[] = [];
    let text = '';
    for (const page of result.pages) {
      const pageText = page.text ?? '';
      if (!pageText.trim()) warnings.push(`pdf:p${page.num}: no text layer (scanned image?)`);
      if (text) text += '\n';
      const offset = text.length;
      text += pageText;
      for (const b of linesToBlocks(pageText)) {
        blocks.push({ ...b, start: b.start + offset, end: b.end + offset, locator: `pdf:p${page.num}`, page: page.num });
      }
    }
    return { mediaType: 'application/pdf', text, blocks, tables: [], links: [], title: null, pages: result.pages.length, warnings };
  } finally {
    await parser.destroy().catch(() => undefined);
  }
}
