// Placeholder until the CSV table reader lands (issue: attachments): read as text meanwhile.
import { readText } from './text.js';
import type { ReadResult } from './types.js';

export function readCsv(text: string): ReadResult {
  return readText(text, 'text/csv');
}
