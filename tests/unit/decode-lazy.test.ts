// Start-up (issue 17): valid UTF-8 — declared or not — is decoded without loading iconv-lite or
// chardet (~60 ms of a small file's parse); other bytes still load them and decode as before.
import { describe, expect, it } from 'vitest';
import { decodeText, decoderLibsLoaded } from '../../src/documents/decode.js';

const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));

describe('decodeText without the charset libraries', () => {
  it.each([
    ['no declaration', utf8('3 officers – £40'), null, false, { text: '3 officers – £40', charset: 'utf-8', source: 'utf8' }],
    ['header utf-8', utf8('Siân: 3'), 'text/plain; charset=UTF-8', false, { text: 'Siân: 3', charset: 'utf-8', source: 'header' }],
    ['header utf8', utf8('Zoë 2'), 'text/html; charset=utf8', true, { text: 'Zoë 2', charset: 'utf8', source: 'header' }],
    ['meta utf-8', utf8('<meta charset="utf-8"><p>Ó Briain</p>'), null, true, { text: '<meta charset="utf-8"><p>Ó Briain</p>', charset: 'utf-8', source: 'meta' }],
  ])('%s', (_name, bytes, contentType, isHtml, expected) => {
    expect(decodeText(bytes, contentType, isHtml)).toEqual(expected);
    expect(decoderLibsLoaded()).toBe(false);
  });

  it('loads them for bytes that are not UTF-8, and decodes windows-1252', () => {
    const latin = new Uint8Array([0xa3, 0x34, 0x30, 0x20, 0x96, 0x20, 0x53, 0x69, 0xe2, 0x6e]); // "£40 – Siân"
    expect(decodeText(latin, 'text/plain; charset=utf-8').text).toBe('£40 – Siân');
    expect(decoderLibsLoaded()).toBe(true);
  });
});
