// A table row as one line of the document's text ("Dismissed | 6 | 4 | 9"), each cell told where
// its text stands in it, so every cell's locator and `char:` span agree. Shared by the readers
// that build text from tables (CSV, spreadsheets).
import type { Cell } from './types.js';

/** Joins the cells with " | " and records each cell's offsets, the line starting at `start`. */
export function rowLine(cells: Cell[], start: number): string {
  // Joined from parts: += leaves a tree of string pieces per line (a big table's memory).
  const parts: string[] = [];
  let len = 0;
  cells.forEach((c, i) => {
    if (i) {
      parts.push(' | ');
      len += 3;
    }
    c.start = start + len;
    parts.push(c.text);
    len += c.text.length;
    c.end = start + len;
  });
  return parts.join('');
}
