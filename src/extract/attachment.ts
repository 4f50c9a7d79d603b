// Rows from an attachment (PDF / XLSX / DOCX / CSV) of a disclosure page: the tables
// interpreted into figures and cases. Placeholder until the attachments issue lands.
import type { ReadResult } from '../readers/types.js';
import type { Case, Figure } from '../records/schema.js';

/** Child rows before they are numbered and tied to a disclosure. */
export type FigureDraft = Omit<Figure, 'disclosure_id' | 'ordinal'>;
export type CaseDraft = Omit<Case, 'disclosure_id' | 'ordinal'>;

export interface AttachmentRows {
  figures: FigureDraft[];
  cases: CaseDraft[];
  warnings: string[];
}

export function extractAttachment(_doc: ReadResult, _ctx: { sha256: string }): AttachmentRows {
  return { figures: [], cases: [], warnings: [] };
}
