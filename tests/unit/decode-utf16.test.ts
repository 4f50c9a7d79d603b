// UTF-16 text without a byte-order mark is decoded, not refused as binary; real binary
// (random bytes, NULs everywhere) and 8-bit text are not mistaken for it.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { bomlessUtf16, decodeText } from '../../src/documents/decode.js';
import { parseDocument } from '../../src/pipeline/parse.js';
import { sniffMediaType } from '../../src/readers/sniff.js';

const TEXT = `Officer Convictions (412A/23)
Request
How many officers were convicted in 2022? Siân asked for figures by rank — “all ranks”.
Response
3 officers were convicted in 2022.
`;
const PAGE = `<html><head><title>Officer Convictions (412A/23)</title></head><body><h1>Officer Convictions (412A/23)</h1><p>3 officers were convicted in 2022.</p></body></html>`;
const le = (s: string) => new Uint8Array(Buffer.from(s, 'utf16le'));
const be = (s: string) => new Uint8Array(Buffer.from(s, 'utf16le').swap16());

describe('UTF-16 without a BOM', () => {
  it.each([
    ['little-endian', le(TEXT), 'utf-16le'],
    ['big-endian', be(TEXT), 'utf-16be'],
  ] as const)('%s text is recognised and decoded exactly', (_n, bytes, cs) => {
    expect(bomlessUtf16(bytes)).toBe(cs);
    expect(decodeText(bytes)).toEqual({ text: TEXT, charset: cs, source: 'utf16-pattern' });
    expect(sniffMediaType(bytes, null, 'response.txt')).toBe('text/plain');
  });

  it('wins over a declared 8-bit charset (no 8-bit text has a NUL every other byte)', () => {
    expect(decodeText(le(TEXT), 'text/plain; charset=windows-1252').text).toBe(TEXT);
  });

  it('an HTML page is still HTML', () => {
    expect(sniffMediaType(le(PAGE), null, null)).toBe('text/html');
  });

  it('parses into a disclosure like the same text in UTF-8', async () => {
    const d16 = await parseDocument({ bytes: le(TEXT), name: 'response.txt' });
    const d8 = await parseDocument({ bytes: new TextEncoder().encode(TEXT), name: 'response.txt' });
    expect(d16.reference).toBe('412A/23');
    expect(d16.figures.map((f) => f.value)).toEqual([3]);
    // The same rows but for the hash of the bytes they came from.
    const noHash = (d: object, sha: string) => JSON.parse(JSON.stringify(d).replaceAll(sha, ''));
    expect(noHash(d16, d16.content_sha256)).toEqual(noHash(d8, d8.content_sha256));
  });

  it('an HTML page parses', async () => {
    const d = await parseDocument({ bytes: le(PAGE), name: 'page.html' });
    expect(d.reference).toBe('412A/23');
  });

  it('is not claimed for 8-bit text, UTF-8, NUL-padded binary or random bytes', () => {
    expect(bomlessUtf16(new TextEncoder().encode(TEXT))).toBeNull();
    expect(bomlessUtf16(Buffer.from('caf\xe9 na\xefve', 'latin1'))).toBeNull();
    expect(bomlessUtf16(new Uint8Array(4096))).toBeNull(); // all NUL: binary, not text
    const rnd = randomBytes(8192);
    expect(bomlessUtf16(rnd)).toBeNull();
    expect(sniffMediaType(new Uint8Array(4096), null, 'x.txt')).toBeNull();
  });
});
