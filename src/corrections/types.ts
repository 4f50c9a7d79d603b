// Corrections: a person's fix to one field of one row, kept in the store apart from parsed
// records so that refresh and reparse (which rewrite records) never undo it.
import type { ChildTable } from '../records/schema.js';

export type CorrectionTable = 'disclosures' | ChildTable;

/** A correction as asked for (before it is stored). */
export interface CorrectionInput {
  disclosureId: string;
  table: CorrectionTable;
  /** The row's ordinal now; null for the disclosure itself. */
  ordinal: number | null;
  field: string;
  /** The new value, as typed (converted to the column's type when stored). */
  value: string;
  reason: string;
}

/** A stored correction. `locator` + `text` identify its row across reparses; ordinal is a tie-break. */
export interface Correction {
  id: number;
  disclosureId: string;
  table: CorrectionTable;
  ordinal: number | null;
  locator: string | null;
  text: string | null;
  field: string;
  value: unknown;
  /** The value the row had when the correction was made. */
  original: unknown;
  reason: string;
  createdAt: string;
}

/** What became of a correction on one export. */
export interface CorrectionOutcome {
  id: number;
  disclosure_id: string;
  table: CorrectionTable;
  /** The row it applies to now (null for a disclosure, or when orphaned). */
  ordinal: number | null;
  field: string;
  from: unknown;
  to: unknown;
  reason: string;
  status: 'applied' | 'orphaned';
  /** Why an orphaned correction could not be applied. */
  problem?: string;
}
