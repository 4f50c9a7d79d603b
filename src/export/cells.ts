// One value ↔ one CSV cell. Lists are joined with "; ", booleans are true/false, null is an
// empty cell, and text that a spreadsheet would run as a formula gets a leading apostrophe
// (unless the guard is off: `--no-formula-guard`, for machine pipelines).
import type { Field } from './fields.js';

export const LIST_SEPARATOR = '; ';

// The formula guard: a cell a spreadsheet would run as a formula (CSV injection) gets a
// leading apostrophe, and no other cell is touched, so text stays verbatim where it can
// ("- 83", "-3", "+44" and "@ home" are not formulas). A formula is a cell that starts —
// after any tabs or line breaks, which some importers strip — with "=", or with "+", "-" or
// "@" directly followed by something a formula parser reads as an operand or operator
// (anything but a space, or the end); a plain signed number is a number, not a formula.
// Leading apostrophes are counted so that the guard can be undone exactly on reading.
const FORMULA = /^[\t\r\n]*(=|[+\-@][^\s])/;
const SIGNED_NUMBER = /^[+-](\d+([.,]\d+)*|\.\d+)([eE][+-]?\d+)?$/;

/** Whether a spreadsheet would run this text as a formula (leading apostrophes aside). */
export function isFormula(text: string): boolean {
  const t = text.replace(/^'+/, '');
  return FORMULA.test(t) && !SIGNED_NUMBER.test(t);
}

/** Apostrophe-prefixes text a spreadsheet would run (and text that only looks guarded). */
export function neutralise(text: string): string {
  return isFormula(text) ? `'${text}` : text;
}

/** Undoes neutralise exactly. */
export function unneutralise(text: string): string {
  return text.startsWith("'") && isFormula(text) ? text.slice(1) : text;
}

/** A value as the text of its CSV cell. Numbers stay numbers: -3 is written as -3. */
export function toCell(f: Field, v: unknown, guard = true): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return String(v);
  const text = Array.isArray(v) ? v.map(String).join(LIST_SEPARATOR) : String(v);
  if (f.type === 'integer' || f.type === 'number') return text;
  return guard ? neutralise(text) : text;
}

export type CellResult = { ok: true; value: unknown } | { ok: false; message: string };

const NUMBER = /^-?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** A CSV cell back to the value of its column, or why it cannot be one. */
export function fromCell(f: Field, cell: string, guard = true): CellResult {
  const text = (c: string) => (guard ? unneutralise(c) : c);
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
      return { ok: true, value: text(cell).split(LIST_SEPARATOR) };
    default:
      return { ok: true, value: text(cell) };
  }
}
