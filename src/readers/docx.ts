// Placeholder until the Word reader lands (issue: attachments).
import { ReadError, type ReadResult } from './types.js';

export async function readDocx(_bytes: Uint8Array): Promise<ReadResult> {
  throw new ReadError('DOCX reading is not implemented yet');
}
