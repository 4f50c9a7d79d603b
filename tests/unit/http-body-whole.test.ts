// A compressed body that ends within 16 KiB is inflated in one call, a larger one through the
// sliced stream (src/http/body.ts): both give the same bytes and the same errors.
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readDecodedBody } from '../../src/http/body.js';

const url = 'http://127.0.0.1/x';
const SMALL = Buffer.from('Officers dismissed in 2023: 12. '.repeat(200)); // compresses to well under 16 KiB
const LARGE = Buffer.from(randomBytes(60 * 1024).toString('base64')); // ~60 KiB compressed: the stream path

const read = (bytes: Buffer, encoding: string, maxBytes = 10 * 1024 * 1024) =>
  readDecodedBody(Readable.from([bytes], { objectMode: false }), { url, encoding, maxBytes, overflow: 'error' });
const failure = (p: Promise<unknown>) => p.then(() => null, (e: { reason: string; message: string }) => `${e.reason}: ${e.message}`);

describe('one-call and streamed inflation agree', () => {
  const codings: Array<[string, (b: Buffer) => Buffer]> = [
    ['gzip', gzipSync],
    ['deflate', deflateSync],
    ['deflate', deflateRawSync],
    ['br', brotliCompressSync],
  ];
  it.each(codings)('%s (%#)', async (encoding, encode) => {
    expect(encode(SMALL).length).toBeLessThan(16 * 1024);
    expect(encode(LARGE).length).toBeGreaterThan(16 * 1024);
    for (const text of [SMALL, LARGE]) expect(Buffer.compare((await read(encode(text), encoding)).bytes, text)).toBe(0);
  });

  it.each([
    // Caps above the compressed size and below the inflated one.
    ['over the cap', (b: Buffer) => gzipSync(b), [1000, 70_000], 'too_large: decompressed body exceeds the {cap}-byte cap'],
    ['cut short', (b: Buffer) => { const gz = gzipSync(b); return gz.subarray(0, gz.length - 10); }, [undefined, undefined], 'truncated: compressed body ended early'],
    ['not gzip', (b: Buffer) => Buffer.concat([Buffer.from('garbage!'), b]), [undefined, undefined], 'network: cannot decompress the body (incorrect header check)'],
  ] as Array<[string, (b: Buffer) => Buffer, Array<number | undefined>, string]>)('%s: the same error either way', async (_name, make, caps, expected) => {
    expect(await failure(read(make(SMALL), 'gzip', caps[0]))).toBe(expected.replace('{cap}', String(caps[0])));
    expect(await failure(read(make(LARGE), 'gzip', caps[1]))).toBe(expected.replace('{cap}', String(caps[1])));
  });
});
