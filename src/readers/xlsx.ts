// Placeholder until the spreadsheet reader lands (issue: attachments).
import { ReadError, type ReadResult } from './types.js';

export async function readXlsx(_bytes: Uint8Array): Promise<ReadResult> {
  throw new ReadError('XLSX reading is not implemented yet');
}
