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
  /** How far the text rises above its baseline when it is printed upwards (a rotated heading). */
  rise?: number;
}

export interface Segment {
  text: string;
  x0: number;
  x1: number;
}

export interface TextLine {
  y: number;
  size: number;
  /** The highest point of the line's text (above y when a heading is printed upwards). */
  top?: number;
  segments: Segment[];
}

export interface LayoutTable {
  rows: string[][];
  /** Left edge of each column. */
  columns: number[];
  /** Right edge of each column. */
  ends?: number[];
  /** Index in the page's lines of the table's first and last line. */
  firstLine: number;
  lastLine: number;
  /** A short line just above the table (its title), if there is one. */
  caption?: string;
}

/** A count, a decimal or a year heading ("1,051", "2019/20"): narrow-column cells never run into each other. */
const NUMBERISH = /^[-–]?\d[\d,./]*%?$/;

/** Lines top to bottom; within a line, items closer than a word gap join into one segment. */
export function groupLines(items: PositionedText[]): TextLine[] {
  const pieces = items
    .flatMap(splitWide)
    .filter((i) => i.str.trim() !== '')
    .sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: { y: number; size: number; top: number; items: PositionedText[] }[] = [];
  // The pieces come top to bottom, so every line so far starts at or above this piece, the later
  // lines the lower: the ones further above it than the tallest line's reach cannot take it, and a
  // binary search passes over them before the first line that takes it is looked for (the same line
  // as looking from the top: a page's pieces were each compared with every line above them).
  const ordered = pieces.every((p) => Number.isFinite(p.y));
  let tallest = 0;
  for (const it of pieces) {
    const size = it.size > 0 ? it.size : 10;
    let from = 0;
    if (ordered) {
      const reach = Math.max(tallest, size) * 0.45;
      let hi = lines.length;
      while (from < hi) {
        const mid = (from + hi) >> 1;
        if (lines[mid].y - it.y <= reach) hi = mid;
        else from = mid + 1;
      }
    }
    let line: (typeof lines)[number] | undefined;
    for (let k = from; k < lines.length; k++) {
      if (Math.abs(lines[k].y - it.y) <= Math.max(lines[k].size, size) * 0.45) {
        line = lines[k];
        break;
      }
    }
    tallest = Math.max(tallest, size);
    if (line) {
      line.items.push(it);
      line.size = Math.max(line.size, size);
      line.top = Math.max(line.top, it.y + (it.rise ?? 0));
    } else lines.push({ y: it.y, size, top: it.y + (it.rise ?? 0), items: [it] });
  }
  lines.sort((a, b) => b.y - a.y);
  return lines.map((l) => {
    const sorted = l.items.sort((a, b) => a.x - b.x);
    const segments: Segment[] = [];
    let lastRotated = false;
    for (const it of sorted) {
      const last = segments[segments.length - 1];
      const gap = last ? it.x - last.x1 : Infinity;
      // A heading printed upwards is a column of its own, however close the next one stands.
      const rotated = it.rise !== undefined || lastRotated;
      lastRotated = it.rise !== undefined;
      // A column gap is wider than about one character; a word gap is a fraction of one.
      // Numbers a space apart are cells of narrow columns ("2185 344 275"), not one phrase
      // (asked last: only of pieces close enough to join).
      if (last && gap < l.size * 0.9 && !rotated && !(gap > l.size * 0.12 && NUMBERISH.test(it.str.trim()) && NUMBERISH.test(lastWord(last.text)))) {
        const sep = gap > l.size * 0.12 && !last.text.endsWith(' ') && !it.str.startsWith(' ') ? ' ' : '';
        last.text += sep + it.str;
        last.x1 = Math.max(last.x1, it.x + it.width);
      } else segments.push({ text: it.str, x0: it.x, x1: it.x + it.width });
    }
    for (const s of segments) s.text = s.text.replace(/\s+/g, ' ').trim();
    const out: TextLine = { y: l.y, size: l.size, segments: segments.filter((s) => s.text) };
    if (l.top > l.y) out.top = l.top;
    return out;
  });
}

/** The last word of a text (what follows its last space, once trimmed). */
function lastWord(text: string): string {
  const t = text.trim();
  return t.slice(t.lastIndexOf(' ') + 1);
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
  // A row of cells ("- | - | 1") is not a page number, however few its characters.
  if (line.segments.length > 2) return false;
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
      if (isRow(j + 1) && near(j, j + 1, 3.5)) {
        j++;
        continue;
      }
      // One-cell lines between rows, each close to the next: a cell (a row label, a heading)
      // wrapped over several lines, its values on the row above or below. More than two such
      // lines must stand in the first column (a long row label), or they are prose.
      let k = j + 1;
      let labelX = Infinity;
      for (let m = i; m <= j; m++) labelX = Math.min(labelX, lines[m].segments[0].x0);
      while (k < lines.length && k - j <= MAX_WRAPPED_LINES && !isRow(k) && !isFooterLine(lines[k]) && near(k - 1, k, FRAGMENT_GAP) && lines[k].segments.length === 1) k++;
      if (k - j > 3 && lines.slice(j + 1, k).some((l) => Math.abs(l.segments[0].x0 - labelX) > 2)) break;
      if (k > j + 1 && isRow(k) && near(k - 1, k, FRAGMENT_GAP)) j = k;
      else break;
    }
    // A row label wrapped above a first row of figures (a table continued from the previous
    // page starts mid-label): the label's lines, tight above, belong to the table.
    // A heading wrapped above the heading row ("Grand" over "Total") belongs to it too.
    let start = i;
    const dataRow = lines[i].segments.slice(1).some((s) => NUMBERISH.test(s.text) && !/^(19|20)\d\d/.test(s.text));
    const wrappedAbove = (frag: Segment) =>
      dataRow
        ? Math.abs(frag.x0 - lines[i].segments[0].x0) <= 2
        : lines[i].segments.slice(1).some((s) => frag.x0 >= s.x0 - lines[i].size && frag.x1 <= s.x1 + lines[i].size);
    while (start > 0 && i - start < MAX_WRAPPED_LINES && lines[start - 1].segments.length === 1 && !isFooterLine(lines[start - 1]) && wrappedAbove(lines[start - 1].segments[0]) && near(start - 1, start, WRAP)) start--;
    if (j > i) {
      const t = buildTable(lines, start, j);
      if (t) tables.push(t);
    }
    i = j + 1;
  }
  return tables;
}

/** Lines closer than this (in font sizes) may be one cell wrapped; table rows are further apart. */
const WRAP = 1.4;
/** A row label wraps over at most this many lines. */
const MAX_WRAPPED_LINES = 10;
/** A wrapped cell's lines sit closer than this (in font sizes) to the rows around them. */
const FRAGMENT_GAP = 2.2;

/**
 * Groups a run's lines into rows. Lines of two or more cells are rows (two such lines tight
 * together where rows are spaced out are one row wrapped); a line of one cell is a wrapped
 * cell of the nearer row, and of the row below when it is as near to both (a label wraps
 * above its values, which sit on its last line).
 */
function rowsOfLines(lines: TextLine[], first: number, last: number, labelX1: number): number[][] {
  const pitch = (k: number) => lines[k - 1].y - lines[k].y;
  const loose: number[] = [];
  for (let k = first + 1; k <= last; k++) if (pitch(k) > lines[k].size * WRAP) loose.push(pitch(k));
  loose.sort((a, b) => a - b);
  const rowPitch = loose.length ? loose[Math.floor(loose.length / 2)] : 0;
  const groups: number[][] = [];
  const isAnchor = (k: number) => lines[k].segments.length >= 2;
  let pending: number[] = [];
  let lastAnchor = -1;
  for (let k = first; k <= last; k++) {
    if (!isAnchor(k)) {
      pending.push(k);
      continue;
    }
    // Fragments since the last row: those nearer the row above join it, the rest join this one.
    if (pending.length && groups.length) {
      let split = pending.length;
      for (let p = 0; p < pending.length; p++) {
        const up = lines[p === 0 ? lastAnchor : pending[p - 1]].y - lines[pending[p]].y;
        const down = lines[pending[p]].y - lines[p === pending.length - 1 ? k : pending[p + 1]].y;
        if (!(up < down - 0.5)) {
          split = p;
          break;
        }
      }
      groups[groups.length - 1].push(...pending.slice(0, split));
      pending = pending.slice(split);
    }
    // A line with a label of its own is a row of its own, however tight.
    const ownLabel = lines[k].segments[0].x0 <= labelX1 + 1;
    const wrapped = rowPitch > 0 && groups.length && !pending.length && lastAnchor === k - 1 && !ownLabel && pitch(k) <= lines[k].size * WRAP && pitch(k) <= rowPitch * 0.8;
    if (wrapped) groups[groups.length - 1].push(k);
    else groups.push([...pending, k]);
    pending = [];
    lastAnchor = k;
  }
  if (pending.length && groups.length) groups[groups.length - 1].push(...pending);
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
  const rows = rowsOfLines(lines, first, last, cols[0].x1).map((group) => {
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
  // The title: up to three short lines just above (a table number, its subject, its period).
  const above: string[] = [];
  for (let k = first - 1; k >= 0 && above.length < 3; k--) {
    const l = lines[k];
    const below = lines[k + 1];
    if (l.segments.length !== 1 || isFooterLine(l) || l.y - (below.top ?? below.y) > below.size * 3) break;
    const t = l.segments[0].text;
    // Titles are short and are not sentences: prose above a table ("The figures are below.") is not its title.
    const numbered = /^(table|question|q|figure|chart)\s*\d/i.test(t);
    const sentence = /[.!?;:]$/.test(t) || /[a-z]\.\s+[A-Z]/.test(t);
    if (t.length > 150 || (!numbered && sentence) || (above.length && /[.:;]$/.test(t) && !numbered)) break;
    above.unshift(t);
  }
  const caption = above.length ? above.join(' ') : undefined;
  return { rows, columns: cols.map((c) => c.x0), ends: cols.map((c) => c.x1), firstLine: first, lastLine: last, caption };
}
