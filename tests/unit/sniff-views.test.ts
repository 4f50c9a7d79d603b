// sniffMediaType reads its bytes through views (no copies) and lower-cases only a page's opening
// (issue 17): the answers must be those of the whole, copied, lower-cased head.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sniffMediaType } from '../../src/readers/sniff.js';

/** `text`'s bytes as a view into the middle of a larger buffer (a byteOffset that is not 0). */
const inside = (text: string, enc: BufferEncoding = 'utf8') => {
  const b = Buffer.from(`JUNK${text}JUNK`, enc);
  const pad = Buffer.byteLength('JUNK', enc);
  return new Uint8Array(b.buffer, b.byteOffset + pad, b.length - 2 * pad);
};

const OPENING = /^(<!doctype html|<html|<head|<body|<meta|<title|<!--|<div|<p[\s>]|<h[1-6][\s>]|<table)/;

describe('sniffMediaType on views', () => {
  it.each([
    ['\uFEFF  \n<!DOCTYPE HTML><html><body>x</body></html>', null, 'text/html'],
    ['<TABLE><tr><td>1</td></tr></TABLE>', null, 'text/html'],
    ['<P\u00a0class=x>text', null, 'text/html'],
    ['<H2>Title</H2>', null, 'text/html'],
    ['<span>not an opening tag we know</span>', null, 'text/plain'],
    ['<span>declared html</span>', 'text/html', 'text/html'],
    ['plain words', 'text/html', 'text/plain'],
    ['garbage then %PDF-1.7 and more', null, 'application/pdf'],
    ['a,b\n1,2\n', 'text/csv', 'text/csv'],
  ])('%j (%s) → %s', (text, declared, expected) => {
    expect(sniffMediaType(inside(text), declared)).toBe(expected);
    expect(sniffMediaType(Buffer.from(text), declared)).toBe(expected);
  });

  it('finds a PDF header within the first KiB of a view, and not beyond it', () => {
    expect(sniffMediaType(inside(`${'x'.repeat(1000)}%PDF-1.4`))).toBe('application/pdf');
    expect(sniffMediaType(inside(`${'x'.repeat(1030)}%PDF-1.4`))).toBe('text/plain');
  });

  it('gives the same answer for a view as for a copy (property)', () => {
    const piece = fc.constantFrom('<', '>', '!', 'doctype', 'DOCTYPE', ' ', '\n', 'html', 'HTML', 'p', 'P', 'h1', 'table', 'div', 'x', '%PDF-', '\uFEFF', 'İ', 'K');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), fc.constantFrom(null, 'text/html', 'text/csv'), (parts, declared) => {
        const text = parts.join('') || 'x';
        const type = sniffMediaType(inside(text), declared);
        expect(type).toBe(sniffMediaType(new Uint8Array(Buffer.from(text)), declared));
        // As the whole head lower-cased answered before (no declared type, no PDF: HTML exactly then).
        if (declared === null && !text.includes('%PDF-')) expect(type === 'text/html').toBe(OPENING.test(text.replace(/^\uFEFF/, '').trimStart().toLowerCase()));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('sniffMediaType by name (read only where a rule asks for it)', () => {
  const zip = (entry: string) => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from(`....${entry}....`)]);
  const cfb = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(32)]);
  it.each([
    ['<span>x</span>', null, 'http://x/FOI/Page.ASPX?id=1#top', 'text/html'],
    ['<span>x</span>', null, 'page.php', 'text/html'],
    ['no tags here', null, 'page.htm', 'text/plain'],
    ['<span>x</span>', null, 'notes.txt', 'text/plain'],
    ['a,b\n1,2\n', null, 'Data.CSV', 'text/csv'],
    ['a,b\n1,2\n', null, 'data.csv?download=1', 'text/csv'],
    ['a,b\n1,2\n', null, null, 'text/plain'],
  ])('%j (%s, name %s) → %s', (text, declared, name, expected) => {
    expect(sniffMediaType(inside(text), declared, name)).toBe(expected);
  });
  it.each([
    [zip('other/'), 'book.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    [zip('other/'), 'sheet.ods', 'application/vnd.oasis.opendocument.spreadsheet'],
    [zip('other/'), 'letter.DOCX', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    [zip('other/'), 'archive.zip', null],
    [zip('xl/'), 'letter.docx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    [cfb, 'old.xls', 'application/vnd.ms-excel'],
    [cfb, 'old.doc', null],
  ])('binary containers by name: %#', (bytes, name, expected) => {
    expect(sniffMediaType(bytes, null, name)).toBe(expected);
  });
});
