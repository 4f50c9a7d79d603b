// Loopback web server for the bundled fixture sites: one origin (own port) per site, so
// robots.txt and per-host politeness behave as on the real web. Used by tests, by
// `foi-harvest demo` and by the benchmark; it never listens beyond 127.0.0.1.
//
// Serving: files under the site directory (`index.html` for directories; a query string
// selects `name__<query>.ext`, see static-files.ts), Content-Type by extension, ETag
// (sha256 of the bytes) and a content-derived Last-Modified, 304 for If-None-Match /
// If-Modified-Since, gzip for text when the client accepts it, 404 otherwise.
// Misbehaviour comes from `opts.faults` and from `<dir>/_faults.json` (string paths only).
import { createServer, type IncomingMessage, type ServerResponse, type Server } from 'node:http';
import { readFile, readdir, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { z } from 'zod';
import { fillerPage, respondWithFault, ruleMatches, type FaultRule, type FaultResponse } from './faults.js';
import { isCompressible, mediaTypeFor } from './media-types.js';
import { readStatic, type StaticFile } from './static-files.js';

export type { FaultRule, FaultResponse } from './faults.js';

export interface RequestLog {
  method: string;
  /** As requested: pathname plus query. */
  path: string;
  headers: Record<string, string | string[] | undefined>;
  /** Status sent (0 when the connection ended before any). Final once the response is over. */
  status: number;
  /** Body bytes written (after compression). */
  bytes: number;
  /** Arrival time, ms since the epoch. */
  at: number;
}

export interface SiteServer {
  name: string;
  /** http://127.0.0.1:PORT */
  url: string;
  port: number;
  requests: RequestLog[];
  close(): Promise<void>;
}

export interface SiteOptions {
  faults?: FaultRule[];
  /** Added before every response. */
  latencyMs?: number;
  /** Default 0: an ephemeral port. */
  port?: number;
}

export interface SitesOptions {
  /** Extra fault rules per site name (subdirectory name). */
  faults?: Record<string, FaultRule[]>;
  latencyMs?: number;
}

const faultResponseSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('status'), status: z.number().int().min(100).max(599), headers: z.record(z.string(), z.string()).optional(), body: z.string().optional() }),
  z.object({ kind: z.literal('slow'), delayMs: z.number().nonnegative() }),
  z.object({ kind: z.literal('drip'), bytesPerSecond: z.number().positive() }),
  z.object({ kind: z.literal('truncate') }),
  z.object({ kind: z.literal('reset') }),
  z.object({ kind: z.literal('oversize'), bytes: z.number().int().nonnegative(), chunked: z.boolean().optional() }),
  z.object({ kind: z.literal('redirect'), location: z.string(), status: z.number().int().min(300).max(399).optional() }),
  z.object({ kind: z.literal('gzip-bomb'), bytes: z.number().int().positive() }),
  z.object({ kind: z.literal('huge-headers'), bytes: z.number().int().positive() }),
  z.object({ kind: z.literal('pass'), headers: z.record(z.string(), z.string()).optional() }),
]);
const faultsFileSchema = z.array(z.object({ path: z.string(), responses: z.array(faultResponseSchema).min(1) }));

async function loadFaultsFile(root: string): Promise<FaultRule[]> {
  const file = join(root, '_faults.json');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return [];
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new Error(`${file}: not valid JSON (${(e as Error).message})`);
  }
  const parsed = faultsFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${file}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return parsed.data as FaultRule[];
}

function acceptsGzip(req: IncomingMessage): boolean {
  const header = req.headers['accept-encoding'];
  if (typeof header !== 'string') return false;
  return header.split(',').some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    if (coding.trim() !== 'gzip' && coding.trim() !== '*') return false;
    const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)).find(Boolean);
    return !q || Number(q[1]) > 0;
  });
}

function etagMatches(header: string, etag: string): boolean {
  const strip = (t: string): string => t.trim().replace(/^W\//, '');
  return header.split(',').some((t) => t.trim() === '*' || strip(t) === etag);
}

function isNotModified(req: IncomingMessage, file: StaticFile): boolean {
  const inm = req.headers['if-none-match'];
  if (typeof inm === 'string') return etagMatches(inm, file.etag);
  // Exact match only (nginx's default): our dates derive from content, so an edited file
  // may carry an earlier date, and "not modified since" ordering would lie.
  const ims = req.headers['if-modified-since'];
  return typeof ims === 'string' && ims.trim() === file.lastModified;
}

function lowerKeys(headers: Record<string, string> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
}

function servePass(req: IncomingMessage, res: ServerResponse, file: StaticFile | null, extra?: Record<string, string>): void {
  if (!file) {
    const body = Buffer.from('Not found\n');
    res.writeHead(404, { 'content-type': 'text/plain', 'content-length': String(body.length), ...lowerKeys(extra) });
    res.end(req.method === 'HEAD' ? undefined : body);
    return;
  }
  const mediaType = mediaTypeFor(file.path);
  const headers: Record<string, string> = { 'content-type': mediaType, etag: file.etag, 'last-modified': file.lastModified };
  if (isCompressible(mediaType)) headers.vary = 'Accept-Encoding';
  Object.assign(headers, lowerKeys(extra));
  if (isNotModified(req, file)) {
    const { etag, 'last-modified': lastModified, vary } = headers;
    res.writeHead(304, vary ? { etag, 'last-modified': lastModified, vary } : { etag, 'last-modified': lastModified });
    res.end();
    return;
  }
  let body = file.bytes;
  if (isCompressible(mediaType) && acceptsGzip(req)) {
    body = gzipSync(body);
    headers['content-encoding'] = 'gzip';
  }
  headers['content-length'] = String(body.length);
  res.writeHead(200, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
}

// Records the status and counts body bytes as they are written, for the request log.
function track(res: ServerResponse, entry: RequestLog): void {
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
  res.writeHead = ((status: number, ...rest: unknown[]) => {
    entry.status = status;
    return writeHead(status, ...rest);
  }) as ServerResponse['writeHead'];
  const size = (chunk: unknown): number =>
    typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk instanceof Uint8Array ? chunk.length : 0;
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  res.write = ((chunk: unknown, ...rest: unknown[]) => {
    entry.bytes += size(chunk);
    return write(chunk, ...rest);
  }) as ServerResponse['write'];
  res.end = ((chunk?: unknown, ...rest: unknown[]) => {
    if (typeof chunk !== 'function') entry.bytes += size(chunk);
    return end(chunk, ...rest);
  }) as ServerResponse['end'];
}

export async function startSite(dir: string, opts: SiteOptions = {}): Promise<SiteServer> {
  const root = resolve(dir);
  const info = await stat(root).catch(() => null);
  if (!info?.isDirectory()) throw new Error(`${dir}: not a directory`);
  const rules = [...(opts.faults ?? []), ...(await loadFaultsFile(root))];
  const hits = new Map<FaultRule, number>();
  const requests: RequestLog[] = [];
  const closing = new AbortController();

  const wait = (ms: number, res: ServerResponse): Promise<boolean> =>
    new Promise((done) => {
      if (closing.signal.aborted || res.destroyed) return done(false);
      const finish = (ok: boolean): void => {
        clearTimeout(timer);
        res.off('close', onClose);
        closing.signal.removeEventListener('abort', onClose);
        done(ok);
      };
      const onClose = (): void => finish(false);
      const timer = setTimeout(() => finish(!res.destroyed && !closing.signal.aborted), ms);
      res.once('close', onClose);
      closing.signal.addEventListener('abort', onClose, { once: true });
    });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const entry: RequestLog = { method: req.method ?? 'GET', path: req.url ?? '/', headers: { ...req.headers }, status: 0, bytes: 0, at: Date.now() };
    requests.push(entry);
    track(res, entry);
    if (opts.latencyMs && !(await wait(opts.latencyMs, res))) return;
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://127.0.0.1');
    } catch {
      res.writeHead(400, { 'content-type': 'text/plain' }).end('Bad request\n');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain' }).end('Method not allowed\n');
      return;
    }
    const file = await readStatic(root, url.pathname, url.search);
    const rule = rules.find((r) => ruleMatches(r, url.pathname, url.search));
    if (!rule) return servePass(req, res, file);
    const n = hits.get(rule) ?? 0;
    hits.set(rule, n + 1);
    const fault = rule.responses[Math.min(n, rule.responses.length - 1)];
    await respondWithFault(fault, {
      req,
      res,
      body: file?.bytes ?? fillerPage(),
      wait: (ms) => wait(ms, res),
      pass: async (headers) => servePass(req, res, file, headers),
    });
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      // A fixture server must not die on one bad request; report it as a 500.
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' }).end(`${(e as Error).message}\n`);
      else res.destroy();
    });
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      server.off('error', fail);
      ok();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  let closed: Promise<void> | null = null;
  return {
    name: basename(root),
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    close(): Promise<void> {
      closed ??= new Promise<void>((done) => {
        closing.abort();
        server.close(() => done());
        server.closeAllConnections();
      });
      return closed;
    },
  };
}

/** One server per subdirectory of `root` (e.g. fixtures/sites), keyed by directory name. */
export async function startSites(root: string, opts: SitesOptions = {}): Promise<Map<string, SiteServer>> {
  const entries = await readdir(root, { withFileTypes: true }).catch((e: Error) => {
    throw new Error(`${root}: cannot list fixture sites (${e.message})`);
  });
  const names = entries.filter((e) => e.isDirectory() && !/^[._]/.test(e.name)).map((e) => e.name).sort();
  const sites = new Map<string, SiteServer>();
  try {
    for (const name of names) {
      sites.set(name, await startSite(join(root, name), { latencyMs: opts.latencyMs, faults: opts.faults?.[name] }));
    }
  } catch (e) {
    await Promise.all([...sites.values()].map((s) => s.close()));
    throw e;
  }
  return sites;
}
