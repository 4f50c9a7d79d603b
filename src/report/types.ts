// Types the report stage shares.
import type { ReadResult } from '../readers/types.js';

/** One extracted row to show in its source: which table, which row, where it was read from. */
export interface Mark {
  /** e.g. `figures-3`: the element id the page scrolls to. */
  key: string;
  kind: 'figures' | 'questions' | 'periods' | 'exemptions' | 'cases';
  locator: string;
  text: string;
  sha256: string;
}

/** A source document as read again for display. */
export interface ShownDoc {
  sha256: string;
  role: 'page' | 'attachment';
  url: string;
  name: string | null;
  read: ReadResult | null;
  error: string | null;
}
