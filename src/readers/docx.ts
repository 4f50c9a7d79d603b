// DOCX → HTML (mammoth) → the HTML reader, so paragraphs, headings and tables are read one
// way; table cells then get `docx:t1:r3:c2` locators. The zip is checked for bombs first.
import mammoth from 'mammoth';
import { readHtml } from './html.js';
import { ReadError, type ReadResult } from './types.js';
import { assertSafeZip } from './zip-guard.js';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' as const;

export async function readDocx(bytes: Uint8Array): Promise<ReadResult> {
  assertSafeZip(bytes, 'DOCX', 'word/document.xml');
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })).value;
  } catch (e) {
    throw new ReadError(`corrupt DOCX (${(e instanceof Error ? e.message : String(e)).split('\n')[0]})`);
  }
  const doc = readHtml(`<body>${html}</body>`);
  if (!doc.text.trim() && !doc.tables.length) doc.warnings.push('docx: the document holds no text');
  const tables = doc.tables.map((t, i) => ({
    ...t,
    locator: `docx:t${i + 1}`,
    rows: t.rows.map((row, r) => row.map((cell, c) => ({ ...cell, locator: `docx:t${i + 1}:r${r + 1}:c${c + 1}` }))),
  }));
  return { ...doc, mediaType: DOCX_TYPE, tables };
}
