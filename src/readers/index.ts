// Picks the reader for a document from its sniffed type. Heavy readers (pdf.js,
// spreadsheets, Word) are loaded only when a document needs them, to keep start-up fast.
import { decodeText } from '../documents/decode.js';
import type { OcrOptions } from './ocr/types.js';
import { boundHeapGrowthFor } from './heap-growth.js';
import { sniffMediaType } from './sniff.js';
import { readText } from './text.js';
import { ReadError, type ReadResult } from './types.js';

export interface ReadInput {
  bytes: Uint8Array;
  /** File name or URL, used as a hint only. */
  name?: string | null;
  /** Declared Content-Type (HTTP header), a hint only. */
  contentType?: string | null;
  /** Base URL to resolve links against. */
  url?: string | null;
  /** OCR of PDF pages without a text layer; the process's settings (--ocr) when absent. */
  ocr?: Partial<OcrOptions>;
}

// The HTML reader's module, kept once loaded: a dynamic import() resolves the module again on
// every call (~10 µs a page in a long run, issue 17), and an await of it costs a turn.
let htmlModule: typeof import('./html.js') | undefined;

export async function readDocument(input: ReadInput): Promise<ReadResult> {
  const { bytes } = input;
  if (bytes.length === 0) throw new ReadError('empty file (0 bytes)');
  boundHeapGrowthFor(bytes.length); // a big input: collect garbage before the heap balloons
  const type = sniffMediaType(bytes, input.contentType, input.name);
  switch (type) {
    case 'application/pdf': {
      const { readPdf } = await import('./pdf.js');
      return readPdf(bytes, { ocr: input.ocr });
    }
    case 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet':
    case 'application/vnd.ms-excel':
    case 'application/vnd.oasis.opendocument.spreadsheet': {
      const { readSpreadsheet } = await import('./sheet.js');
      return readSpreadsheet(bytes, type === 'application/vnd.ms-excel' ? 'xls' : type === 'application/vnd.oasis.opendocument.spreadsheet' ? 'ods' : 'xlsx');
    }
    case 'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {
      const { readDocx } = await import('./docx.js');
      return readDocx(bytes);
    }
    case 'text/html': {
      const { readHtml } = htmlModule ?? (htmlModule = await import('./html.js'));
      return readHtml(decodeText(bytes, input.contentType, true).text, input.url);
    }
    case 'text/csv': {
      const { readCsv } = await import('./csv.js');
      return readCsv(decodeText(bytes, input.contentType).text);
    }
    case 'text/plain': {
      const text = decodeText(bytes, input.contentType).text;
      if (!text.trim()) throw new ReadError('no text (blank file)');
      return readText(text);
    }
    default:
      throw new ReadError('unsupported or binary content (not HTML, text, PDF, XLSX, XLS, ODS, DOCX or CSV)');
  }
}
