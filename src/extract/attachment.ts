// Rows from an attachment (PDF / XLSX / DOCX / CSV) of a disclosure page: every table
// interpreted into figures and cases (src/extract/tables.ts). Figures stated in an
// attachment's prose are out of scope here: the disclosure extractor reads prose.
import type { ReadResult } from '../readers/types.js';
import type { Case, Figure } from '../records/schema.js';
import { interpretTable, type TableContext } from './tables.js';

/** Child rows before they are numbered and tied to a disclosure. */
export type FigureDraft = Omit<Figure, 'disclosure_id' | 'ordinal'>;
export type CaseDraft = Omit<Case, 'disclosure_id' | 'ordinal'>;

export interface AttachmentRows {
  figures: FigureDraft[];
  cases: CaseDraft[];
  warnings: string[];
}

export function extractAttachment(doc: ReadResult, ctx: { sha256: string } & Partial<TableContext>): AttachmentRows {
  const out: AttachmentRows = { figures: [], cases: [], warnings: [] };
  for (const table of doc.tables) {
    const rows = interpretTable(table, { ...ctx, sha256: ctx.sha256 });
    // Loops, not spreads: a table of 240k rows gives more figures than a call has room for arguments.
    for (const f of rows.figures) out.figures.push(f);
    for (const c of rows.cases) out.cases.push(c);
    for (const w of rows.warnings) out.warnings.push(w);
  }
  return out;
}
