// One value ↔ one CSV cell. Lists are joined with "; ", booleans are true/false, null is an
// empty cell, and text that a spreadsheet would run as a formula gets a leading apostrophe.
import type { Field } from './fields.js';

export const LIST_SEPARATOR = '; ';

// Cells starting with these run as formulas in Excel / LibreOffice / Sheets (CSV injection).
// Leading apostrophes are counted too so that the prefix can be undone exactly on reading.
const NEEDS_PREFIX = /^'*[=+\-@\t\r\n]/;
const HAS_PREFIX = /^'+[=+\-@\t\r\n]/;

export function neutralise(text: string): string {
  return NEEDS_PREFIX.test(text) ? `'${text}` : text;
}

export function unneutralise(text: string): string {
  return HAS_PREFIX.test(text) ? text.slice(1) : text;
}

/** A value as the text of its CSV cell. Numbers stay numbers: -3 is written as -3. */
export function toCell(f: Field, v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return neutralise(v.map(String).join(LIST_SEPARATOR));
  if (f.type === 'integer' || f.type === 'number') return String(v);
  return neutralise(String(v));
}

export type CellResult = { ok: true; value: unknown } | { ok: false; message: string };

const NUMBER = /^-?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** A CSV cell back to the value of its column, or why it cannot be one. */
export function fromCell(f: Field, cell: string): CellResult {
  if (cell === '') {
    if (f.nullable) return { ok: true, value: null };
    if (f.type === 'string') return { ok: true, value: '' };
    if (f.type === 'array') return { ok: true, value: [] };
    return { ok: false, message: 'missing value (the column is not nullable)' };
  }
  switch (f.type) {
    case 'integer':
    case 'number':
      if (!NUMBER.test(cell)) return { ok: false, message: `not a number: "${cell}"` };
      return { ok: true, value: Number(cell) };
    case 'boolean':
      if (cell === 'true') return { ok: true, value: true };
      if (cell === 'false') return { ok: true, value: false };
      return { ok: false, message: `not a boolean: "${cell}" (true or false)` };
    case 'array':
      return { ok: true, value: unneutralise(cell).split(LIST_SEPARATOR) };
    default:
      return { ok: true, value: unneutralise(cell) };
  }
}
