// Where each extracted row stands in its source document, and the document rendered as HTML
// with those places highlighted (text spans and table cells), each with an anchor to scroll to.
// Pure: the same document and marks give the same HTML.
import type { Cell, ReadResult } from '../readers/types.js';
import { esc } from './html.js';
import type { Mark } from './types.js';

export type Placement = { kind: 'cells'; cells: Cell[] } | { kind: 'range'; start: number; end: number } | { kind: 'none' };

const CHAR = /^char:(\d+)-(\d+)$/;
const XLSX_RANGE = /^xlsx:(.+)!([A-Z]+)(\d+):([A-Z]+)(\d+)$/;
const XLSX_CELL = /^xlsx:(.+)!([A-Z]+)(\d+)$/;

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Finds a mark's place: a table cell (or row) by locator, a char range, else its verbatim text. */
export function place(doc: ReadResult, m: Pick<Mark, 'locator' | 'text'>): Placement {
  const cells = doc.tables.flatMap((t) => t.rows.flat());
  const exact = cells.filter((c) => c.locator === m.locator);
  if (exact.length) return { kind: 'cells', cells: exact.slice(0, 1) };
  // Row-level locators (pdf:p1:t1:r2, docx:t1:r3) cover the cells under them.
  const under = cells.filter((c) => c.locator.startsWith(`${m.locator}:`));
  if (under.length) return { kind: 'cells', cells: [...new Set(under)] };
  const range = XLSX_RANGE.exec(m.locator);
  if (range) {
    const [, sheet, c1, r1, c2, r2] = range;
    const inRange = cells.filter((c) => {
      const x = XLSX_CELL.exec(c.locator);
      if (!x || x[1] !== sheet) return false;
      const col = colNumber(x[2]);
      const row = Number(x[3]);
      return row >= Number(r1) && row <= Number(r2) && col >= colNumber(c1) && col <= colNumber(c2);
    });
    if (inRange.length) return { kind: 'cells', cells: [...new Set(inRange)] };
  }
  const ch = CHAR.exec(m.locator);
  if (ch) {
    const start = Number(ch[1]);
    const end = Number(ch[2]);
    if (start < end && end <= doc.text.length) return { kind: 'range', start, end };
  }
  const at = m.text ? doc.text.indexOf(m.text) : -1;
  if (at >= 0) return { kind: 'range', start: at, end: at + m.text.length };
  return { kind: 'none' };
}

interface Span {
  start: number;
  end: number;
  mark: Mark;
}

/** The document text with every range highlighted; overlapping ranges nest as split pieces. */
export function highlightText(text: string, spans: Span[]): string {
  if (!spans.length) return esc(text);
  const cuts = new Set<number>([0, text.length]);
  for (const s of spans) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const anchored = new Set<string>();
  let html = '';
  for (let i = 0; i < points.length - 1; i++) {
    const a = points[i];
    const b = points[i + 1];
    const over = spans.filter((s) => s.start <= a && s.end >= b);
    // Anchors go where a mark begins, so scrolling lands on its first character.
    for (const s of spans) {
      if (s.start === a && !anchored.has(s.mark.key)) {
        anchored.add(s.mark.key);
        html += `<span class="anchor" id="${esc(s.mark.key)}"></span>`;
      }
    }
    const piece = esc(text.slice(a, b));
    if (!over.length) {
      html += piece;
      continue;
    }
    const kinds = [...new Set(over.map((s) => s.mark.kind))];
    const keys = over.map((s) => s.mark.key).join(' ');
    html += `<mark class="hl ${kinds.map((k) => `hl-${k}`).join(' ')}" data-keys="${esc(keys)}">${piece}</mark>`;
  }
  return html;
}

/** One document: its text with highlighted ranges, then its tables with highlighted cells. */
export function renderDoc(doc: ReadResult, marks: Mark[]): { html: string; placed: Set<string> } {
  const spans: Span[] = [];
  const byCell = new Map<Cell, Mark[]>();
  const placed = new Set<string>();
  for (const m of marks) {
    const p = place(doc, m);
    if (p.kind === 'range') spans.push({ start: p.start, end: p.end, mark: m });
    else if (p.kind === 'cells') for (const c of p.cells) byCell.set(c, [...(byCell.get(c) ?? []), m]);
    if (p.kind !== 'none') placed.add(m.key);
  }
  const anchoredCells = new Set<string>();
  // A table's own copy of a cell is the better anchor than the flattened text.
  const cellAnchors = new Set([...byCell.values()].flat().map((m) => m.key));
  const textSpans = spans.map((s) => (cellAnchors.has(s.mark.key) ? { ...s, mark: { ...s.mark, key: `${s.mark.key}-text` } } : s));
  let html = `<div class="doctext">${highlightText(doc.text, textSpans)}</div>`;
  for (const t of doc.tables) {
    html += `<table class="src"><caption>${esc(t.caption ?? t.locator)}</caption>`;
    for (const row of t.rows) {
      html += '<tr>';
      for (const c of row) {
        const ms = byCell.get(c) ?? [];
        let anchor = '';
        for (const m of ms) {
          if (anchoredCells.has(m.key)) continue;
          anchoredCells.add(m.key);
          anchor += `<span class="anchor" id="${esc(m.key)}"></span>`;
        }
        const cls = ms.length ? ` class="hl ${[...new Set(ms.map((m) => `hl-${m.kind}`))].join(' ')}" data-keys="${esc(ms.map((m) => m.key).join(' '))}"` : '';
        html += `<td${cls} title="${esc(c.locator)}">${anchor}${esc(c.text)}</td>`;
      }
      html += '</tr>';
    }
    html += '</table>';
  }
  return { html, placed };
}
