// Body decoding under a cap: every Content-Encoding we ask for, a truncated stream, and a
// gzip bomb that must be stopped after reading only the start of it.
import { Readable } from 'node:stream';
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readDecodedBody } from '../../src/http/body.js';
import { FetchError } from '../../src/http/errors.js';

const TEXT = Buffer.from('Freedom of information request reference no: 001234/24. '.repeat(500));
const url = 'http://127.0.0.1/x';

/** A source stream made of `chunks`, counting how many of them were pulled. */
function source(chunks: Buffer[]): { stream: Readable; pulled: () => number } {
  let pulled = 0;
  const stream = Readable.from(
    (function* () {
      for (const c of chunks) {
        pulled++;
        yield c;
      }
    })(),
    { objectMode: false, highWaterMark: 1 },
  );
  return { stream, pulled: () => pulled };
}

function split(buf: Buffer, size: number): Buffer[] {
  const out: Buffer[] = [];
  for (let i = 0; i < buf.length; i += size) out.push(buf.subarray(i, i + size));
  return out;
}

async function read(chunks: Buffer[], encoding: string | null, maxBytes = 10 * 1024 * 1024, overflow: 'error' | 'truncate' = 'error') {
  return readDecodedBody(source(chunks).stream, { url, encoding, maxBytes, overflow });
}

describe('readDecodedBody', () => {
  it.each([
    ['identity', null, TEXT],
    ['gzip', 'gzip', gzipSync(TEXT)],
    ['x-gzip', 'x-gzip', gzipSync(TEXT)],
    ['deflate (zlib-wrapped)', 'deflate', deflateSync(TEXT)],
    ['deflate (raw, as some servers send)', 'deflate', deflateRawSync(TEXT)],
    ['br', 'br', brotliCompressSync(TEXT)],
    ['GZIP in capitals', 'GZIP', gzipSync(TEXT)],
  ])('decodes %s', async (_name, encoding, encoded) => {
    const body = await read(split(encoded, 700), encoding);
    expect(body.truncatedByUs).toBe(false);
    expect(Buffer.compare(body.bytes, TEXT)).toBe(0);
  });

  it('keeps bytes as sent for an encoding it does not know', async () => {
    const body = await read([Buffer.from('abc')], 'compress');
    expect(body.bytes.toString()).toBe('abc');
  });

  it('an empty gzip body is empty', async () => {
    expect((await read([], 'gzip')).bytes.length).toBe(0);
  });

  it('a gzip stream cut short is truncated', async () => {
    const gz = gzipSync(TEXT);
    const err = await read([gz.subarray(0, gz.length - 100)], 'gzip').catch((e) => e);
    expect(err).toBeInstanceOf(FetchError);
    expect(err.reason).toBe('truncated');
  });

  it('garbage labelled gzip is an error, not bytes', async () => {
    const err = await read([Buffer.from('this is not gzip at all')], 'gzip').catch((e) => e);
    expect(err).toBeInstanceOf(FetchError);
    expect(err.reason).toBe('network');
    expect(err.message).toMatch(/^cannot decompress the body/);
  });

  it('a plain body over the cap is too_large', async () => {
    const err = await read(split(TEXT, 1000), null, 5000).catch((e) => e);
    expect(err.reason).toBe('too_large');
    expect(err.message).toBe('body exceeds the 5000-byte cap');
  });

  it('in truncate mode keeps exactly the first maxBytes', async () => {
    const body = await read(split(gzipSync(TEXT), 500), 'gzip', 5000, 'truncate');
    expect(body.truncatedByUs).toBe(true);
    expect(Buffer.compare(body.bytes, TEXT.subarray(0, 5000))).toBe(0);
  });

  it('stops a gzip bomb after reading only the start of it', async () => {
    // 16 gzip members of 64 MiB of zeros each: 1 GiB once inflated, ~1 MB on the wire.
    const member = gzipSync(Buffer.alloc(64 * 1024 * 1024), { level: 9 });
    const bomb = Buffer.concat(Array.from({ length: 16 }, () => member));
    const chunks = split(bomb, 16 * 1024);
    const src = source(chunks);
    const err = await readDecodedBody(src.stream, { url, encoding: 'gzip', maxBytes: 1024 * 1024, overflow: 'error' }).catch((e) => e);
    expect(err).toBeInstanceOf(FetchError);
    expect(err.reason).toBe('too_large');
    expect(err.message).toBe('decompressed body exceeds the 1048576-byte cap');
    // 1 MiB of output needs ~1 KB of input: the first 16 KB chunk (and one read ahead) at most.
    expect(src.pulled()).toBeLessThanOrEqual(2);
    expect(chunks.length).toBeGreaterThan(50);
  });
});
