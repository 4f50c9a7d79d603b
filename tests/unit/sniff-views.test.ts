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
