// Reads a response body under a byte cap that also holds after decompression. Compressed
// input goes to the inflater in small slices and the output is counted as it appears, so a
// gzip bomb is stopped within one slice's worth of output past the cap, never inflated whole.
import type { Readable, Transform } from 'node:stream';
import { brotliDecompressSync, createBrotliDecompress, createGunzip, createInflate, createInflateRaw, gunzipSync, inflateRawSync, inflateSync } from 'node:zlib';
import { FetchError } from './errors.js';

/** Compressed bytes handed to the inflater at a time: bounds the overshoot (deflate expands at most ~1032×). */
const SLICE_BYTES = 1024;

export interface BodyOptions {
  url: string;
  /** The Content-Encoding header, if any. */
  encoding: string | null;
  maxBytes: number;
  /** Past the cap: throw too_large, or keep the first maxBytes and stop reading. */
  overflow: 'error' | 'truncate';
}

export interface Body {
  bytes: Buffer;
  /** True when we stopped reading at the cap (overflow 'truncate'). */
  truncatedByUs: boolean;
}

type DecoderFactory = (firstByte: number) => Transform;
/** The same decoding in one call, for a small body already complete (output capped). */
type WholeDecoder = (bytes: Buffer, maxOutputLength: number) => Buffer;

function decoderFor(encoding: string | null): { stream: DecoderFactory; whole: WholeDecoder } | null {
  const coding = (encoding ?? '').trim().toLowerCase();
  if (coding === 'gzip' || coding === 'x-gzip') return { stream: () => createGunzip(), whole: (b, max) => gunzipSync(b, { maxOutputLength: max }) };
  if (coding === 'br') return { stream: () => createBrotliDecompress(), whole: (b, max) => brotliDecompressSync(b, { maxOutputLength: max }) };
  // "deflate" should be zlib-wrapped, but some servers send raw deflate: the first byte tells.
  if (coding === 'deflate') {
    return {
      stream: (b) => ((b & 0x0f) === 8 ? createInflate() : createInflateRaw()),
      whole: (b, max) => ((b[0] & 0x0f) === 8 ? inflateSync(b, { maxOutputLength: max }) : inflateRawSync(b, { maxOutputLength: max })),
    };
  }
  return null;
}

/**
 * A compressed body that has ended before this many bytes (most pages) is inflated in one
 * call: the sliced stream below costs ~0.3 ms of round trips per body, more than the
 * inflation itself (issue 17, crawl CPU). Its output is capped all the same.
 */
const WHOLE_BYTES = 16 * 1024;

class Collector {
  readonly chunks: Buffer[] = [];
  total = 0;
  full = false;
  constructor(private readonly opts: BodyOptions, private readonly decoded: boolean) {}

  /** Adds a chunk; false once the cap is reached in truncate mode. Throws too_large in error mode. */
  take(chunk: Buffer): boolean {
    if (this.total + chunk.length > this.opts.maxBytes) {
      if (this.opts.overflow === 'error') {
        const what = this.decoded ? 'decompressed body' : 'body';
        throw new FetchError('too_large', this.opts.url, `${what} exceeds the ${this.opts.maxBytes}-byte cap`);
      }
      this.chunks.push(chunk.subarray(0, this.opts.maxBytes - this.total));
      this.total = this.opts.maxBytes;
      this.full = true;
      return false;
    }
    this.chunks.push(chunk);
    this.total += chunk.length;
    return true;
  }
}

function decodeError(url: string, e: Error & { code?: string }): FetchError {
  if (e instanceof FetchError) return e;
  if (e.code === 'Z_BUF_ERROR' || /unexpected end/i.test(e.message)) return new FetchError('truncated', url, 'compressed body ended early');
  return new FetchError('network', url, `cannot decompress the body (${e.message})`);
}

/**
 * Resolves once the slice is inflated and its output counted (the write callback), or
 * when the inflater fails: zlib destroys itself on bad input without calling back.
 */
function inflateSlice(d: Transform, slice: Buffer): Promise<void> {
  if (d.destroyed) return Promise.resolve();
  return new Promise<void>((done) => {
    const settle = (): void => {
      d.off('close', settle);
      done();
    };
    d.once('close', settle);
    d.write(slice, settle);
  });
}

/**
 * Reads `res` by its events, handing each chunk to `take` until it returns false (the stream is
 * then paused, its listeners gone, for the caller to read on) or the stream ends (true). An
 * async iterator does the same with a promise, a listener set-up and end-of-stream tracking per
 * body, ~0.1 ms a response (issue 17, crawl CPU); it still reads what is left of a large body.
 * Rejects with the stream's error, with the error `take` throws, or on a close before the end
 * (the async iterator's "Premature close").
 */
function readChunks(res: Readable, take: (chunk: Buffer) => boolean): Promise<boolean> {
  return new Promise<boolean>((resolve, reject) => {
    // The 'error' listener stays: an error emitted while a paused stream waits for the caller's
    // async iterator would otherwise be an uncaught 'error' event (the iterator still sees it,
    // in the stream's state).
    const stop = (): void => {
      res.off('data', onData);
      res.off('end', onEnd);
      res.off('close', onClose);
    };
    const onData = (chunk: Buffer): void => {
      let more: boolean;
      try {
        more = take(chunk);
      } catch (e) {
        stop();
        res.pause();
        reject(e as Error);
        return;
      }
      if (!more) {
        stop();
        res.pause();
        resolve(false);
      }
    };
    const onEnd = (): void => {
      stop();
      resolve(true);
    };
    const onError = (e: Error): void => {
      stop();
      reject(e);
    };
    const onClose = (): void => {
      stop();
      reject(Object.assign(new Error('Premature close'), { code: 'ERR_STREAM_PREMATURE_CLOSE' }));
    };
    res.on('data', onData);
    res.on('end', onEnd);
    res.on('error', onError);
    res.on('close', onClose);
  });
}

async function readInflated(res: Readable, codec: { stream: DecoderFactory; whole: WholeDecoder }, out: Collector, opts: BodyOptions): Promise<void> {
  const head: Buffer[] = [];
  let headBytes = 0;
  if (opts.overflow === 'error') {
    const ended = await readChunks(res, (chunk) => {
      head.push(chunk);
      headBytes += chunk.length;
      // Not that small (or past the cap): the sliced stream, from the first byte, as before.
      return !(headBytes >= WHOLE_BYTES || headBytes > opts.maxBytes);
    });
    if (ended) {
      if (!headBytes) return;
      let bytes: Buffer;
      try {
        bytes = codec.whole(Buffer.concat(head, headBytes), opts.maxBytes + 1);
      } catch (e) {
        if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw new FetchError('too_large', opts.url, `decompressed body exceeds the ${opts.maxBytes}-byte cap`);
        throw decodeError(opts.url, e as Error);
      }
      out.take(bytes);
      return;
    }
  }
  const source = (res as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
  await readInflatedStream(
    (async function* () {
      yield* head;
      for (let r = await source.next(); !r.done; r = await source.next()) yield r.value;
    })(),
    codec.stream,
    out,
    opts,
  );
}

async function readInflatedStream(chunks: AsyncIterable<Buffer>, make: DecoderFactory, out: Collector, opts: BodyOptions): Promise<void> {
  let decoder: Transform | null = null;
  let failure: Error | null = null;
  let rawTotal = 0;
  try {
    for await (const chunk of chunks) {
      rawTotal += chunk.length;
      if (rawTotal > opts.maxBytes && opts.overflow === 'error') {
        throw new FetchError('too_large', opts.url, `body exceeds the ${opts.maxBytes}-byte cap`);
      }
      if (!decoder) {
        decoder = make(chunk[0]);
        decoder.on('data', (c: Buffer) => {
          if (failure || out.full) return;
          try {
            out.take(c);
          } catch (e) {
            failure = e as Error;
          }
        });
        decoder.on('error', (e: Error) => {
          failure ??= decodeError(opts.url, e);
        });
      }
      const d = decoder;
      for (let i = 0; i < chunk.length; i += SLICE_BYTES) {
        await inflateSlice(d, chunk.subarray(i, i + SLICE_BYTES));
        if (failure) throw failure;
        if (out.full) return;
      }
    }
    if (failure) throw failure;
    if (!decoder) return;
    const d = decoder;
    if (!d.destroyed) {
      await new Promise<void>((done) => {
        d.once('end', done);
        d.once('close', done);
        d.end();
      });
    }
    if (failure) throw failure;
  } finally {
    decoder?.destroy();
  }
}

export async function readDecodedBody(res: Readable, opts: BodyOptions): Promise<Body> {
  const make = decoderFor(opts.encoding);
  const out = new Collector(opts, make !== null);
  try {
    if (make) await readInflated(res, make, out, opts);
    else {
      // Identity, or a coding we do not know: keep the bytes as sent.
      await readChunks(res, (chunk) => out.take(chunk));
    }
  } catch (e) {
    res.destroy();
    throw e;
  }
  if (out.full) res.destroy();
  return { bytes: Buffer.concat(out.chunks, out.total), truncatedByUs: out.full };
}

