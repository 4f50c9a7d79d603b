// Misbehaviours a fixture site can put on, so the HTTP client's manners are tested against
// real sockets: rate limiting, slowness, broken and oversized bodies, redirects, bombs.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createGzip } from 'node:zlib';

export interface FaultRule {
  /** Matched against the request path: a string equals the pathname (or pathname + query); a RegExp is tested on pathname + query. */
  path: string | RegExp;
  /** Responses used in order for successive hits; the last one repeats. */
  responses: FaultResponse[];
}

export type FaultResponse =
  | { kind: 'status'; status: number; headers?: Record<string, string>; body?: string }
  | { kind: 'slow'; delayMs: number }
  | { kind: 'drip'; bytesPerSecond: number }
  | { kind: 'truncate' }
  | { kind: 'reset' }
  | { kind: 'oversize'; bytes: number; chunked?: boolean }
  | { kind: 'redirect'; location: string; status?: number }
  | { kind: 'gzip-bomb'; bytes: number }
  | { kind: 'huge-headers'; bytes: number }
  | { kind: 'pass'; headers?: Record<string, string> };

export interface FaultContext {
  req: IncomingMessage;
  res: ServerResponse;
  /** The file at the path, or a filler page when there is none (faults work on any path). */
  body: Buffer;
  /** Resolves false when the connection or the server closed while waiting. */
  wait(ms: number): Promise<boolean>;
  /** Serve the path normally (file, 304, gzip, 404), with extra headers. */
  pass(headers?: Record<string, string>): Promise<void>;
}

export function ruleMatches(rule: FaultRule, pathname: string, search: string): boolean {
  if (typeof rule.path === 'string') return rule.path === pathname || rule.path === pathname + search;
  rule.path.lastIndex = 0;
  return rule.path.test(pathname + search);
}

export function fillerPage(bytes = 4096): Buffer {
  const head = '<!doctype html><html><head><title>filler</title></head><body><p>';
  const tail = '</p></body></html>';
  const n = Math.max(0, bytes - head.length - tail.length);
  return Buffer.from(head + 'lorem ipsum '.repeat(Math.ceil(n / 12)).slice(0, n) + tail);
}

// A gzip bomb is built once per size by streaming zeros through gzip (about 1000:1), so
// even a gigabyte bomb costs ~1 MB of memory here and the server never holds it inflated.
const bombs = new Map<number, Promise<Buffer>>();
function gzipBomb(bytes: number): Promise<Buffer> {
  let p = bombs.get(bytes);
  if (!p) {
    p = new Promise<Buffer>((resolvePromise, reject) => {
      const gz = createGzip({ level: 9 });
      const parts: Buffer[] = [];
      gz.on('data', (c: Buffer) => parts.push(c));
      gz.on('end', () => resolvePromise(Buffer.concat(parts)));
      gz.on('error', reject);
      const block = Buffer.alloc(1 << 20);
      let left = bytes;
      const pump = (): void => {
        while (left > 0) {
          const n = Math.min(left, block.length);
          left -= n;
          if (!gz.write(n === block.length ? block : block.subarray(0, n))) {
            gz.once('drain', pump);
            return;
          }
        }
        gz.end();
      };
      pump();
    });
    bombs.set(bytes, p);
  }
  return p;
}

/** Write `total` bytes of filler, respecting backpressure, stopping if the peer goes away. */
async function writeFiller(ctx: FaultContext, total: number): Promise<void> {
  const block = Buffer.alloc(64 * 1024, 0x61);
  let left = total;
  while (left > 0 && !ctx.res.destroyed) {
    const n = Math.min(left, block.length);
    left -= n;
    if (!ctx.res.write(n === block.length ? block : block.subarray(0, n))) {
      await new Promise<void>((r) => {
        const done = (): void => {
          ctx.res.off('drain', done);
          ctx.res.off('close', done);
          r();
        };
        ctx.res.once('drain', done);
        ctx.res.once('close', done);
      });
    }
  }
  if (!ctx.res.destroyed) ctx.res.end();
}

export async function respondWithFault(fault: FaultResponse, ctx: FaultContext): Promise<void> {
  const { res } = ctx;
  switch (fault.kind) {
    case 'pass':
      return ctx.pass(fault.headers);
    case 'status': {
      const body = Buffer.from(fault.body ?? '');
      res.writeHead(fault.status, { 'content-type': 'text/plain', 'content-length': String(body.length), ...fault.headers });
      res.end(ctx.req.method === 'HEAD' ? undefined : body);
      return;
    }
    case 'redirect':
      res.writeHead(fault.status ?? 302, { location: fault.location, 'content-length': '0' });
      res.end();
      return;
    case 'slow':
      if (await ctx.wait(fault.delayMs)) await ctx.pass();
      return;
    case 'drip': {
      const body = ctx.body;
      res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(body.length) });
      // Ten small writes a second, so the body trickles at the stated rate.
      const step = Math.max(1, Math.floor(fault.bytesPerSecond / 10));
      for (let i = 0; i < body.length; i += step) {
        if (i > 0 && !(await ctx.wait(100))) return;
        if (res.destroyed) return;
        res.write(body.subarray(i, i + step));
      }
      res.end();
      return;
    }
    case 'truncate': {
      // Promise the whole body, send half of it, then close the connection cleanly.
      const body = ctx.body.length >= 2 ? ctx.body : fillerPage();
      res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(body.length) });
      res.write(body.subarray(0, Math.floor(body.length / 2)), () => res.socket?.destroy());
      return;
    }
    case 'reset': {
      // Send part of the body, then abort the TCP connection (RST), as a crashing server would.
      const body = ctx.body.length >= 2 ? ctx.body : fillerPage();
      res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(body.length) });
      const socket = res.socket as (typeof res.socket & { resetAndDestroy?: () => void }) | null;
      res.write(body.subarray(0, Math.floor(body.length / 2)));
      // Give the partial body a moment to leave: an RST discards data still in the send queue.
      await ctx.wait(20);
      if (socket?.resetAndDestroy) socket.resetAndDestroy();
      else socket?.destroy();
      return;
    }
    case 'oversize': {
      const headers: Record<string, string> = { 'content-type': 'application/octet-stream' };
      if (!fault.chunked) headers['content-length'] = String(fault.bytes);
      res.writeHead(200, headers);
      if (ctx.req.method === 'HEAD') {
        res.end();
        return;
      }
      await writeFiller(ctx, fault.bytes);
      return;
    }
    case 'gzip-bomb': {
      const bomb = await gzipBomb(fault.bytes);
      res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip', 'content-length': String(bomb.length) });
      res.end(ctx.req.method === 'HEAD' ? undefined : bomb);
      return;
    }
    case 'huge-headers': {
      const headers: Record<string, string> = { 'content-type': 'text/html', 'content-length': String(ctx.body.length) };
      const value = 'x'.repeat(1000);
      for (let i = 0, sent = 0; sent < fault.bytes; i++, sent += value.length + 20) headers[`x-filler-${i}`] = value;
      res.writeHead(200, headers);
      res.end(ctx.req.method === 'HEAD' ? undefined : ctx.body);
      return;
    }
  }
}
