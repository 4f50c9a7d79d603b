// decodeText reads its bytes through views, not copies (issue 17): bytes that are a view into
// the middle of a larger buffer decode exactly as a fresh copy of them does, on every path
// (BOM, UTF-16 pattern, declared charset, <meta>, valid UTF-8, sniffed), and are left unchanged.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/documents/decode.js';

/** `bytes` inside a larger buffer, with junk on both sides (byteOffset not 0). */
const inside = (bytes: Uint8Array) => {
  const b = new Uint8Array(bytes.length + 16).fill(0x5a);
  b.set(bytes, 7);
  return b.subarray(7, 7 + bytes.length);
};
const copy = (bytes: Uint8Array) => new Uint8Array(bytes);

describe('decodeText on views', () => {
  it.each([
    ['bom utf-8', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('café')]), null, { text: 'café', charset: 'utf-8', source: 'bom' }],
    ['bom utf-16le', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('ab', 'utf16le')]), null, { text: 'ab', charset: 'utf-16le', source: 'bom' }],
    ['utf-16 pattern', Buffer.from('plain text here', 'utf16le'), null, { text: 'plain text here', charset: 'utf-16le', source: 'utf16-pattern' }],
    ['declared windows-1252', Buffer.from([0x63, 0x61, 0x66, 0xe9]), 'text/html; charset=windows-1252', { text: 'café', charset: 'windows-1252', source: 'header' }],
    ['meta latin1', Buffer.from('<meta charset="iso-8859-1"><p>caf\xe9', 'latin1'), 'text/html', { text: '<meta charset="iso-8859-1"><p>café', charset: 'windows-1252', source: 'meta' }],
    ['declared utf-8', Buffer.from('<p>café</p>'), 'text/html; charset=utf-8', { text: '<p>café</p>', charset: 'utf-8', source: 'header' }],
    ['valid utf-8', Buffer.from('“quoted”'), null, { text: '“quoted”', charset: 'utf-8', source: 'utf8' }],
  ] as const)('%s', (_name, bytes, type, expected) => {
    const v = inside(bytes);
    const before = copy(v);
    expect(decodeText(v, type, true)).toEqual(expected);
    expect(v).toEqual(before);
  });

  it('gives what a copy gives, for any bytes (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), fc.constantFrom(null, 'text/html', 'text/html; charset=utf-8', 'text/plain; charset=windows-1252'), (bytes, type) => {
        const v = inside(bytes);
        expect(decodeText(v, type, true)).toEqual(decodeText(copy(bytes), type, true));
        expect(v).toEqual(bytes);
      }),
      { numRuns: 500, seed: 17 },
    );
  });
});
