// A table row as one line of the document's text ("Dismissed | 6 | 4 | 9"), each cell told where
// its text stands in it, so every cell's locator and `char:` span agree. Shared by the readers
// that build text from tables (CSV, spreadsheets).
import type { Cell } from './types.js';

/** Joins the cells with " | " and records each cell's offsets, the line starting at `start`. */
export function rowLine(cells: Cell[], start: number): string {
  let line = '';
  cells.forEach((c, i) => {
    if (i) line += ' | ';
    c.start = start + line.length;
    line += c.text;
    c.end = start + line.length;
  });
  return line;
}
