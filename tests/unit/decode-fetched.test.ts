// A fetched body's decoding is remembered (decodeFetched) for the reader that decodes the same
// bytes again: the same text (the same string object, so the kept parse is found at once),
// and only for the same bytes object, content type and HTML flag.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeFetched, decodeText } from '../../src/documents/decode.js';

describe('decodeFetched', () => {
  it('a later decodeText of the same bytes gives the same string object', () => {
    const bytes = new Uint8Array(Buffer.from('<meta charset="utf-8"><p>café</p>'));
    const first = decodeFetched(bytes, null, true);
    expect(first).toEqual({ text: '<meta charset="utf-8"><p>café</p>', charset: 'utf-8', source: 'meta' });
    const again = decodeText(bytes, null, true);
    expect(again).toEqual(first);
    expect(again.text).toBe(first.text);
    // Each caller gets its own result object.
    expect(again).not.toBe(first);
    again.charset = 'changed';
    expect(decodeText(bytes, null, true).charset).toBe('utf-8');
  });

  it('other arguments, or other bytes with the same content, are decoded afresh', () => {
    const bytes = new Uint8Array(Buffer.from('<meta charset="windows-1252"><p>caf\xe9</p>', 'latin1'));
    expect(decodeFetched(bytes, 'text/html', true)).toEqual({ text: '<meta charset="windows-1252"><p>café</p>', charset: 'windows-1252', source: 'meta' });
    // Not HTML: the <meta> is not read; the bytes are not UTF-8, so they are sniffed.
    expect(decodeText(bytes, 'text/html', false).source).not.toBe('meta');
    expect(decodeText(bytes, 'text/html; charset=utf-8', true).source).not.toBe('meta');
    expect(decodeText(bytes, null, true)).toEqual({ text: '<meta charset="windows-1252"><p>café</p>', charset: 'windows-1252', source: 'meta' });
    const twin = new Uint8Array(bytes);
    expect(decodeText(twin, 'text/html', true)).toEqual(decodeText(bytes, 'text/html', true));
  });

  it('gives what decodeText gives, for any bytes and arguments (property)', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 64 }),
        fc.constantFrom(null, 'text/html', 'text/html; charset=utf-8', 'text/plain; charset=windows-1252'),
        fc.boolean(),
        (raw, type, isHtml) => {
          const bytes = new Uint8Array(raw);
          const want = decodeText(new Uint8Array(raw), type, isHtml);
          expect(decodeFetched(bytes, type, isHtml)).toEqual(want);
          expect(decodeText(bytes, type, isHtml)).toEqual(want);
        },
      ),
      { numRuns: 500, seed: 17 },
    );
  });
});
