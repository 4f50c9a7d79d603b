// One HTTP exchange (no retries, no redirects, no manners): send a GET, read the status,
// headers and a capped, decoded body. Built on node:http rather than fetch because only
// node:http lets us cap header size per request, see socket resets as such, and own the
// decompression (fetch inflates for us, so a gzip bomb would be inflated before we count).
import http, { type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { Socket } from 'node:net';
import { FetchError } from './errors.js';
import { onAbort as hookAbort } from './abort-hooks.js';
import { readDecodedBody } from './body.js';

export interface Agents {
  http: http.Agent;
  https: https.Agent;
}

export interface ExchangeOptions {
  headers: Record<string, string>;
  /** Whole exchange: connect, headers and body. */
  timeoutMs: number;
  /** Cap on the body, raw and decoded. */
  maxBytes: number;
  maxHeaderBytes: number;
  agents: Agents;
  /** Past maxBytes: fail with too_large (default) or keep the first maxBytes (robots.txt). */
  overflow?: 'error' | 'truncate';
  /** Statuses whose body we want; others are drained (small) or dropped. Default: 2xx. */
  wantBody?: (status: number) => boolean;
  /** Aborts the exchange (client closing). */
  signal?: AbortSignal;
}

export interface Exchange {
  status: number;
  headers: IncomingHttpHeaders;
  /** Decoded body, or null when not wanted. */
  body: Buffer | null;
}

export function header(headers: IncomingHttpHeaders, name: string): string | null {
  const v = headers[name.toLowerCase()];
  if (v === undefined) return null;
  return Array.isArray(v) ? v.join(', ') : v;
}

/** What the OS said, in words first: "connection refused (connect ECONNREFUSED 127.0.0.1:9)". */
const OS_WORDS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'DNS lookup failed: no such host',
  EAI_AGAIN: 'DNS lookup failed (temporary)',
  EAI_FAIL: 'DNS lookup failed',
  ETIMEDOUT: 'connection timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ECONNABORTED: 'connection aborted',
  EPROTO: 'TLS/protocol error',
  CERT_HAS_EXPIRED: 'TLS certificate has expired',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'TLS certificate is self-signed',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'TLS certificate cannot be verified',
  ERR_TLS_CERT_ALTNAME_INVALID: "TLS certificate does not match the host",
};

function describe(e: Error & { code?: string }): string {
  const raw = e.code && !e.message.includes(e.code) ? `${e.message} (${e.code})` : e.message;
  const words = e.code ? OS_WORDS[e.code] : undefined;
  return words ? `${words} (${raw})` : raw;
}

export function exchange(target: URL, opts: ExchangeOptions): Promise<Exchange> {
  const url = target.href;
  return new Promise<Exchange>((resolve, reject) => {
    let settled = false;
    let timedOut = false;
    let socketError: (Error & { code?: string }) | null = null;
    let socket: Socket | null = null;
    let unhookAbort: (() => void) | null = null;
    const onSocketError = (e: Error): void => {
      socketError = e;
    };
    const finish = (err: Error | null, value?: Exchange): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      unhookAbort?.();
      socket?.off('error', onSocketError);
      if (err) {
        req.destroy();
        reject(err);
      } else resolve(value as Exchange);
    };
    // Turn whatever node:http reports into our reasons.
    let headersSeen = false;
    const classify = (e: Error & { code?: string }): FetchError => {
      if (e instanceof FetchError) return e;
      if (timedOut) return new FetchError('timeout', url, `timed out after ${opts.timeoutMs} ms`);
      if (opts.signal?.aborted) return new FetchError('network', url, 'client closed');
      if (e.code === 'HPE_HEADER_OVERFLOW') return new FetchError('too_large', url, `response headers exceed ${opts.maxHeaderBytes} bytes`);
      const sockErr = socketError as (Error & { code?: string }) | null;
      // A TCP reset arrives as an OS error (it has a syscall); node:http's own "aborted"
      // (the peer closed before Content-Length was reached) carries the same code but none.
      const osReset = e.code === 'ECONNRESET' && typeof (e as { syscall?: unknown }).syscall === 'string';
      if (osReset || sockErr?.code === 'ECONNRESET' || (!headersSeen && e.code === 'ECONNRESET')) return new FetchError('network', url, `connection reset by the server${headersSeen ? ' mid-body' : ''}`);
      if (headersSeen) return new FetchError('truncated', url, `body ended early (${describe(e)})`);
      return new FetchError('network', url, describe(sockErr ?? e));
    };

    const lib = target.protocol === 'https:' ? https : http;
    const req = lib.request(target, {
      method: 'GET',
      headers: opts.headers,
      agent: target.protocol === 'https:' ? opts.agents.https : opts.agents.http,
      maxHeaderSize: opts.maxHeaderBytes,
    });
    const timer = setTimeout(() => {
      timedOut = true;
      req.destroy(new FetchError('timeout', url, `timed out after ${opts.timeoutMs} ms`));
    }, opts.timeoutMs);
    const onAbort = (): void => {
      req.destroy(new FetchError('network', url, 'client closed'));
    };
    if (opts.signal?.aborted) onAbort();
    else if (opts.signal) unhookAbort = hookAbort(opts.signal, onAbort);

    req.on('socket', (s: Socket) => {
      socket = s;
      s.on('error', onSocketError);
    });
    req.on('error', (e) => finish(classify(e)));
    req.on('response', (res: IncomingMessage) => {
      headersSeen = true;
      const status = res.statusCode ?? 0;
      const wanted = (opts.wantBody ?? ((s: number) => s >= 200 && s < 300))(status);
      if (!wanted) {
        // Small bodies are drained so the connection can be reused; anything else is dropped.
        const length = Number(header(res.headers, 'content-length') ?? NaN);
        if (length <= 64 * 1024 || status === 304 || status === 204) {
          res.on('error', () => undefined);
          res.on('close', () => finish(null, { status, headers: res.headers, body: null }));
          res.resume();
        } else {
          res.destroy();
          finish(null, { status, headers: res.headers, body: null });
        }
        return;
      }
      const declared = Number(header(res.headers, 'content-length') ?? NaN);
      if (declared > opts.maxBytes && opts.overflow !== 'truncate') {
        finish(new FetchError('too_large', url, `body of ${declared} bytes exceeds the ${opts.maxBytes}-byte cap`));
        return;
      }
      readDecodedBody(res, {
        url,
        encoding: header(res.headers, 'content-encoding'),
        maxBytes: opts.maxBytes,
        overflow: opts.overflow ?? 'error',
      }).then(
        (body) => {
          if (!res.complete && !body.truncatedByUs) finish(classify(new Error('connection closed before the body was complete')));
          else finish(null, { status, headers: res.headers, body: body.bytes });
        },
        (e: Error) => finish(classify(e)),
      );
    });
    req.end();
  });
}
