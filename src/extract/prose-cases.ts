// Officer-level cases described in sentences. Placeholder (filled in by the accuracy issue).
import type { CaseDraft } from './attachment.js';
import type { Line } from './doc-model.js';

export function extractCases(_lines: Line[], _sha256: string): CaseDraft[] {
  return [];
}
