// Tables without rules, rebuilt from where pdf.js puts each piece of text: pieces on one
// baseline form a line, pieces far apart on a line are separate cells, and a run of lines
// whose cells stack into the same columns is a table. Pure, so it is tested on made-up
// positions as well as on real PDFs.

/** A text item as pdf.js gives it: x, y of its baseline start (PDF units, y up), width, font size. */
export interface PositionedText {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

export interface Segment {
  text: string;
  x0: number;
  x1: number;
}

export interface TextLine {
  y: number;
  size: number;
  segments: Segment[];
}

export interface LayoutTable {
  rows: string[][];
  /** Left edge of each column. */
  columns: number[];
  /** Index in the page's lines of the table's first and last line. */
  firstLine: number;
  lastLine: number;
  /** A short line just above the table (its title), if there is one. */
  caption?: string;
}

/** Lines top to bottom; within a line, items closer than a word gap join into one segment. */
export function groupLines(items: PositionedText[]): TextLine[] {
  const pieces = items
    .flatMap(splitWide)
    .filter((i) => i.str.trim() !== '')
    .sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: { y: number; size: number; items: PositionedText[] }[] = [];
  for (const it of pieces) {
    const size = it.size > 0 ? it.size : 10;
    const line = lines.find((l) => Math.abs(l.y - it.y) <= Math.max(l.size, size) * 0.45);
    if (line) {
      line.items.push(it);
      line.size = Math.max(line.size, size);
    } else lines.push({ y: it.y, size, items: [it] });
  }
  lines.sort((a, b) => b.y - a.y);
  return lines.map((l) => {
    const sorted = l.items.sort((a, b) => a.x - b.x);
    const segments: Segment[] = [];
    for (const it of sorted) {
      const last = segments[segments.length - 1];
      const gap = last ? it.x - last.x1 : Infinity;
      // A column gap is wider than about one character; a word gap is a fraction of one.
      if (last && gap < l.size * 0.9) {
        const sep = gap > l.size * 0.12 && !last.text.endsWith(' ') && !it.str.startsWith(' ') ? ' ' : '';
        last.text += sep + it.str;
        last.x1 = Math.max(last.x1, it.x + it.width);
      } else segments.push({ text: it.str, x0: it.x, x1: it.x + it.width });
    }
    for (const s of segments) s.text = s.text.replace(/\s+/g, ' ').trim();
    return { y: l.y, size: l.size, segments: segments.filter((s) => s.text) };
  });
}

/** An item holding a whole row laid out with runs of spaces or tabs (typewriter-style reports) → one item per cell, x by character share. */
function splitWide(item: PositionedText): PositionedText[] {
  if (!/\S(\s{3,}|\t)\S/.test(item.str)) return [item];
  const out: PositionedText[] = [];
  const perChar = item.str.length ? item.width / item.str.length : 0;
  const re = /[^\t]+?(?=\s{3,}|\t|$)/g;
  for (let m = re.exec(item.str); m; m = re.exec(item.str)) {
    const lead = m[0].length - m[0].trimStart().length;
    const text = m[0].trim();
    if (text) out.push({ ...item, str: text, x: item.x + (m.index + lead) * perChar, width: text.length * perChar });
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
}

/** "Page 2 of 3", "- 4 -", "12": page furniture, not content. */
export function isFooterLine(line: TextLine): boolean {
  const t = line.segments.map((s) => s.text).join(' ').trim();
  return /^(page\s*)?[-–\s]*\d{1,4}[-–\s]*((of|\/)\s*\d{1,4})?$/i.test(t);
}

/** Runs of two or more lines with two or more cells each, whose cells line up in columns. */
export function findLayoutTables(lines: TextLine[]): LayoutTable[] {
  const tables: LayoutTable[] = [];
  const isRow = (k: number) => k < lines.length && lines[k].segments.length >= 2 && !isFooterLine(lines[k]);
  const near = (a: number, b: number, factor: number) => lines[a].y - lines[b].y <= lines[a].size * factor;
  let i = 0;
  while (i < lines.length) {
    if (!isRow(i)) {
      i++;
      continue;
    }
    let j = i;
    for (;;) {
      if (isRow(j + 1) && near(j, j + 1, 3.5)) j++;
      // A one-cell line tight under a row, with the table going on below it: a wrapped cell.
      else if (j + 2 < lines.length && !isFooterLine(lines[j + 1]) && near(j, j + 1, WRAP) && isRow(j + 2) && near(j + 1, j + 2, 3.5)) j += 2;
      else break;
    }
    if (j > i) {
      const t = buildTable(lines, i, j);
      if (t) tables.push(t);
    }
    i = j + 1;
  }
  return tables;
}

/** Lines closer than this (in font sizes) may be one cell wrapped; table rows are further apart. */
const WRAP = 1.4;

/** Groups a run's lines into rows: where rows are spaced out, a line tight under another continues its row. */
function rowsOfLines(lines: TextLine[], first: number, last: number): number[][] {
  const pitch = (k: number) => lines[k - 1].y - lines[k].y;
  const loose: number[] = [];
  for (let k = first + 1; k <= last; k++) if (pitch(k) > lines[k].size * WRAP) loose.push(pitch(k));
  loose.sort((a, b) => a - b);
  const rowPitch = loose.length ? loose[Math.floor(loose.length / 2)] : 0;
  const groups: number[][] = [[first]];
  for (let k = first + 1; k <= last; k++) {
    const wrapped = rowPitch > 0 && pitch(k) <= lines[k].size * WRAP && pitch(k) <= rowPitch * 0.8;
    if (wrapped) groups[groups.length - 1].push(k);
    else groups.push([k]);
  }
  return groups;
}

function buildTable(lines: TextLine[], first: number, last: number): LayoutTable | null {
  const segs = lines.slice(first, last + 1).flatMap((l) => l.segments);
  // Columns: x-ranges that overlap from line to line belong to one column.
  const sorted = [...segs].sort((a, b) => a.x0 - b.x0);
  const cols: { x0: number; x1: number }[] = [];
  for (const s of sorted) {
    const c = cols[cols.length - 1];
    if (c && s.x0 <= c.x1 + 1) c.x1 = Math.max(c.x1, s.x1);
    else cols.push({ x0: s.x0, x1: s.x1 });
  }
  if (cols.length < 2) return null;
  const rows = rowsOfLines(lines, first, last).map((group) => {
    const row = cols.map(() => '');
    for (const s of group.flatMap((k) => lines[k].segments)) {
      const k = cols.findIndex((c) => s.x0 >= c.x0 - 1 && s.x0 <= c.x1 + 1);
      row[k] = row[k] ? `${row[k]} ${s.text}` : s.text;
    }
    return row;
  });
  // Consistent columns: most rows fill most columns; prose that happens to have a wide gap does not.
  const filled = rows.reduce((n, r) => n + r.filter(Boolean).length, 0);
  if (filled < rows.length * cols.length * 0.5) return null;
  const prev = lines[first - 1];
  const caption =
    prev && prev.segments.length === 1 && prev.y - lines[first].y <= lines[first].size * 3 && prev.segments[0].text.length <= 150 && !isFooterLine(prev)
      ? prev.segments[0].text
      : undefined;
  return { rows, columns: cols.map((c) => c.x0), firstLine: first, lastLine: last, caption };
}
