// buildDoc's lines (extract/doc-model.ts): a block is one line, unless it is a letter run onto one
// line (a transcript), which is cut where its parts begin. Issue 17: a one-line block makes no list
// of pieces; the lines must be exactly those of the cut (offsets, locators, furniture, blank).
import { describe, expect, it } from 'vitest';
import { buildDoc } from '../../src/extract/doc-model.js';
import type { Block, ReadResult } from '../../src/readers/types.js';

function result(parts: Array<[Block['kind'], string]>): ReadResult {
  const blocks: Block[] = [];
  let text = '';
  for (const [kind, t] of parts) {
    if (text) text += '\n';
    const start = text.length;
    text += t;
    blocks.push({ kind, text: t, start, end: text.length, locator: `char:${start}-${text.length}` });
  }
  return { mediaType: 'text/plain', text, blocks, tables: [], links: [], title: null, warnings: [] };
}

const line = (l: { i: number; text: string; start: number; end: number; locator: string; kind: string; furniture: boolean; blank: boolean }) => [l.i, l.text, l.start, l.end, l.locator, l.kind, l.furniture, l.blank];

describe('buildDoc lines', () => {
  it('makes one line of each block of a structured page', () => {
    const doc = buildDoc(result([
      ['heading', 'Officer misconduct'],
      ['paragraph', 'We use cookies on this site'],
      ['paragraph', '\u00a0'],
      ['table_row', 'Year | Count'],
      ['paragraph', 'Skip to main content'],
    ]));
    expect(doc.lines.map(line)).toEqual([
      [0, 'Officer misconduct', 0, 18, 'char:0-18', 'heading', false, false],
      [1, 'We use cookies on this site', 19, 46, 'char:19-46', 'paragraph', true, false],
      [2, '\u00a0', 47, 48, 'char:47-48', 'paragraph', false, true],
      [3, 'Year | Count', 49, 61, 'char:49-61', 'table_row', false, false],
      [4, 'Skip to main content', 62, 82, 'char:62-82', 'paragraph', true, false],
    ]);
  });

  it('cuts a transcript at its parts, with exact offsets and locators', () => {
    const letter = `Our Ref: 123/24 Dear Mr Smith, thank you for your request which we received on 3 March 2024 and have now considered in full. ${'We hold some of the information you asked for and it is set out below in the order of your questions. '.repeat(8)}Yours sincerely, the Disclosure Team`;
    const doc = buildDoc(result([['paragraph', letter]]));
    const cut = doc.lines.map((l) => [l.text.slice(0, 20), l.start, l.end, l.locator]);
    // The reference and the salutation are one piece: a run shorter than 25 characters stays with what follows.
    expect(cut[0]).toEqual(['Our Ref: 123/24 Dear', 0, 124, 'char:0-124']);
    expect(cut[1]).toEqual(['We hold some of the ', 125, 226, 'char:125-226']);
    expect(cut.at(-1)).toEqual(['Yours sincerely, the', 941, 977, 'char:941-977']);
    expect(cut).toHaveLength(10);
    for (const l of doc.lines) expect(letter.slice(l.start, l.end)).toBe(l.text);
    expect(doc.lines.map((l) => l.i)).toEqual(doc.lines.map((_, k) => k));
  });

  it('keeps a long table row whole', () => {
    const row = `${'cell text | '.repeat(150)}end`;
    const doc = buildDoc(result([['table_row', row]]));
    expect(doc.lines.map(line)).toEqual([[0, row, 0, row.length, `char:0-${row.length}`, 'table_row', false, false]]);
  });
});
