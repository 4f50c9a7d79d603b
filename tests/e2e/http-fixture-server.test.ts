// The loopback fixture server itself: what it serves, what it refuses (traversal, its own
// config), validators and 304s, gzip, query-selected files, scripted faults, the request log.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { startSite, startSites, type FaultRule, type SiteServer } from '../../src/fixture-server/server.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function tempTree(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'foi-fixture-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

async function serve(dir: string, opts: Parameters<typeof startSite>[1] = {}): Promise<SiteServer> {
  const s = await startSite(dir, opts);
  cleanups.push(() => s.close());
  return s;
}

interface Raw {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A request with the path sent exactly as given (no URL normalisation, no decompression). */
function raw(s: SiteServer, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: s.port, path, method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

const PAGE = '<html><body><h1>Disclosure log</h1></body></html>';

describe('serving files', () => {
  it('serves files with a content type by extension, index.html for directories, 404 otherwise', async () => {
    const s = await serve(
      tempTree({
        'index.html': PAGE,
        'foi/index.html': '<html>foi</html>',
        'files/a.pdf': '%PDF-1.4 fake',
        'files/b.xlsx': 'PK fake',
        'files/c.docx': 'PK fake',
        'files/d.txt': 'text',
        'files/e.csv': 'a,b',
        'files/f.bin': 'x',
      }),
    );
    expect(s.url).toBe(`http://127.0.0.1:${s.port}`);
    const root = await raw(s, '/');
    expect(root.status).toBe(200);
    expect(root.body.toString()).toBe(PAGE);
    expect(root.headers['content-type']).toBe('text/html');
    expect(root.headers['content-length']).toBe(String(PAGE.length));
    expect((await raw(s, '/foi/')).body.toString()).toBe('<html>foi</html>');
    expect((await raw(s, '/foi')).body.toString()).toBe('<html>foi</html>');
    const types = await Promise.all(['a.pdf', 'b.xlsx', 'c.docx', 'd.txt', 'e.csv', 'f.bin'].map(async (f) => (await raw(s, `/files/${f}`)).headers['content-type']));
    expect(types).toEqual([
      'application/pdf',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'text/plain',
      'text/csv',
      'application/octet-stream',
    ]);
    expect((await raw(s, '/nope.html')).status).toBe(404);
    expect((await raw(s, '/files/a.pdf', {}, 'POST')).status).toBe(405);
    const head = await raw(s, '/', {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
  });

  it('never serves anything outside the site directory, nor its own config', async () => {
    const outer = tempTree({ 'secret.txt': 'TOP SECRET', 'site/index.html': PAGE, 'site/_faults.json': '[]', 'site/.hidden': 'x' });
    symlinkSync(join(outer, 'secret.txt'), join(outer, 'site', 'link.txt'));
    const s = await serve(join(outer, 'site'));
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/foo/../../secret.txt', '/%2e%2e%5csecret.txt', '/link.txt', '/_faults.json', '/.hidden', '/%00', '/%zz']) {
      const r = await raw(s, path);
      expect(r.status, path).toBe(404);
      expect(r.body.toString(), path).not.toContain('TOP SECRET');
    }
  });

  it('selects a file by query string, falling back to the plain file', async () => {
    const s = await serve(
      tempTree({
        'log.html': 'page 1',
        'log__page_2.html': 'page 2',
        'list/index.html': 'list 1',
        'list/index__page_2.html': 'list 2',
      }),
    );
    expect((await raw(s, '/log.html?page=2')).body.toString()).toBe('page 2');
    expect((await raw(s, '/log.html?page=9')).body.toString()).toBe('page 1');
    expect((await raw(s, '/log.html')).body.toString()).toBe('page 1');
    expect((await raw(s, '/list/?page=2')).body.toString()).toBe('list 2');
    expect((await raw(s, '/list?page=2')).body.toString()).toBe('list 2');
    expect((await raw(s, '/list/')).body.toString()).toBe('list 1');
  });

  it('gzips text when asked, and only then', async () => {
    const big = PAGE.repeat(100);
    const s = await serve(tempTree({ 'page.html': big, 'a.pdf': big }));
    const zipped = await raw(s, '/page.html', { 'accept-encoding': 'gzip, deflate' });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toBe('Accept-Encoding');
    expect(gunzipSync(zipped.body).toString()).toBe(big);
    expect((await raw(s, '/page.html')).headers['content-encoding']).toBeUndefined();
    expect((await raw(s, '/page.html', { 'accept-encoding': 'gzip;q=0' })).headers['content-encoding']).toBeUndefined();
    expect((await raw(s, '/a.pdf', { 'accept-encoding': 'gzip' })).headers['content-encoding']).toBeUndefined();
  });
});

describe('validators', () => {
  it('ETag is the sha256 of the bytes; Last-Modified is the same on every run', async () => {
    const dir = tempTree({ 'page.html': PAGE });
    const a = await serve(dir);
    const b = await serve(dir);
    const [ra, rb] = [await raw(a, '/page.html'), await raw(b, '/page.html')];
    expect(ra.headers.etag).toBe(`"${createHash('sha256').update(PAGE).digest('hex')}"`);
    expect(ra.headers['last-modified']).toBe(rb.headers['last-modified']);
    expect(ra.headers['last-modified']).toMatch(/^\w{3}, \d{2} \w{3} 20(2[0-3]) \d{2}:\d{2}:\d{2} GMT$/);
  });

  it('answers a matching If-None-Match or If-Modified-Since with 304 and no body', async () => {
    const s = await serve(tempTree({ 'page.html': PAGE }));
    const first = await raw(s, '/page.html');
    const etag = first.headers.etag!;
    const lm = first.headers['last-modified']!;
    for (const headers of [{ 'if-none-match': etag }, { 'if-none-match': `W/${etag}` }, { 'if-none-match': `"other", ${etag}` }, { 'if-modified-since': lm }]) {
      const r = await raw(s, '/page.html', headers);
      expect(r.status, JSON.stringify(headers)).toBe(304);
      expect(r.body.length).toBe(0);
      expect(r.headers.etag).toBe(etag);
    }
    expect((await raw(s, '/page.html', { 'if-none-match': '"other"' })).status).toBe(200);
    // If-None-Match wins over If-Modified-Since (RFC 9110 §13.2.2).
    expect((await raw(s, '/page.html', { 'if-none-match': '"other"', 'if-modified-since': lm })).status).toBe(200);
    expect((await raw(s, '/page.html', { 'if-modified-since': 'Mon, 01 Jan 2001 00:00:00 GMT' })).status).toBe(200);
  });
});

describe('faults', () => {
  it('uses responses in order, the last one repeating', async () => {
    const s = await serve(tempTree({ 'page.html': PAGE }), {
      faults: [{ path: '/page.html', responses: [{ kind: 'status', status: 503, body: 'busy' }, { kind: 'status', status: 429, headers: { 'retry-after': '7' } }, { kind: 'pass' }] }],
    });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await raw(s, '/page.html')).status);
    expect(statuses).toEqual([503, 429, 200, 200]);
    expect(s.requests.map((r) => r.status)).toEqual([503, 429, 200, 200]);
  });

  it('matches a RegExp against path and query, and a string against the pathname', async () => {
    const s = await serve(tempTree({ 'a.html': PAGE }), {
      faults: [
        { path: /\?page=\d+$/, responses: [{ kind: 'status', status: 418 }] },
        { path: '/a.html', responses: [{ kind: 'redirect', location: '/b.html', status: 301 }] },
      ],
    });
    expect((await raw(s, '/x?page=3')).status).toBe(418);
    const r = await raw(s, '/a.html?utm=1');
    expect(r.status).toBe(301);
    expect(r.headers.location).toBe('/b.html');
  });

  it('reads string-path rules from _faults.json, and passes extra headers', async () => {
    const faults = [
      { path: '/cp1252.html', responses: [{ kind: 'pass', headers: { 'Content-Type': 'text/html; charset=windows-1252' } }] },
      { path: '/gone', responses: [{ kind: 'status', status: 410 }] },
    ];
    const s = await serve(tempTree({ 'cp1252.html': Buffer.from([0x3c, 0x70, 0x3e, 0xa3, 0x35]), '_faults.json': JSON.stringify(faults) }));
    const r = await raw(s, '/cp1252.html');
    expect(r.headers['content-type']).toBe('text/html; charset=windows-1252');
    expect([...r.body]).toEqual([0x3c, 0x70, 0x3e, 0xa3, 0x35]);
    expect((await raw(s, '/gone')).status).toBe(410);
  });

  it('refuses a malformed _faults.json, naming the file and the problem', async () => {
    const dir = tempTree({ '_faults.json': JSON.stringify([{ path: '/x', responses: [{ kind: 'explode' }] }]) });
    await expect(startSite(dir)).rejects.toThrow(/_faults\.json: 0\.responses\.0\.kind: /);
    const dir2 = tempTree({ '_faults.json': '{ nope' });
    await expect(startSite(dir2)).rejects.toThrow(/_faults\.json: not valid JSON/);
    await expect(startSite(join(dir2, 'missing'))).rejects.toThrow(/missing: not a directory/);
  });

  it('oversize, huge headers and the gzip bomb say what they are', async () => {
    const rules: FaultRule[] = [
      { path: '/big', responses: [{ kind: 'oversize', bytes: 300_000 }] },
      { path: '/headers', responses: [{ kind: 'huge-headers', bytes: 20_000 }] },
      { path: '/bomb', responses: [{ kind: 'gzip-bomb', bytes: 10_000_000 }] },
    ];
    const s = await serve(tempTree({}), { faults: rules });
    const big = await raw(s, '/big');
    expect(big.headers['content-length']).toBe('300000');
    expect(big.body.length).toBe(300_000);
    const headers = await new Promise<number>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port: s.port, path: '/headers', agent: false, maxHeaderSize: 1_000_000 }, (res) => {
        res.resume();
        resolve(res.rawHeaders.join('').length);
      });
      req.on('error', reject);
      req.end();
    });
    expect(headers).toBeGreaterThanOrEqual(20_000);
    const bomb = await raw(s, '/bomb');
    expect(bomb.headers['content-encoding']).toBe('gzip');
    expect(bomb.body.length).toBeLessThan(100_000);
    expect(gunzipSync(bomb.body).length).toBe(10_000_000);
  });
});

describe('the request log and options', () => {
  it('logs method, path, headers, status, bytes and arrival time', async () => {
    const s = await serve(tempTree({ 'page.html': PAGE }));
    const before = Date.now();
    await raw(s, '/page.html?x=1', { 'user-agent': 'probe/1' });
    await raw(s, '/missing');
    expect(s.requests).toHaveLength(2);
    expect(s.requests[0]).toMatchObject({ method: 'GET', path: '/page.html?x=1', status: 200, bytes: PAGE.length });
    expect(s.requests[0].headers['user-agent']).toBe('probe/1');
    expect(s.requests[0].at).toBeGreaterThanOrEqual(before);
    expect(s.requests[1]).toMatchObject({ path: '/missing', status: 404 });
  });

  it('adds latency to every response', async () => {
    const s = await serve(tempTree({ 'page.html': PAGE }), { latencyMs: 150 });
    const t = Date.now();
    await raw(s, '/page.html');
    expect(Date.now() - t).toBeGreaterThanOrEqual(150);
  });

  it('close() ends promptly even with a slow response in flight', async () => {
    const s = await startSite(tempTree({}), { faults: [{ path: '/slow', responses: [{ kind: 'slow', delayMs: 60_000 }] }] });
    const pending = raw(s, '/slow').catch((e: Error) => e);
    await new Promise((r) => setTimeout(r, 50));
    const t = Date.now();
    await s.close();
    expect(Date.now() - t).toBeLessThan(1000);
    expect(await pending).toBeInstanceOf(Error);
  });

  it('startSites serves each subdirectory as its own origin', async () => {
    const root = tempTree({ 'alpha/index.html': 'A', 'beta/index.html': 'B', '_shared/x.txt': 'no', '.git/x': 'no', 'README.md': 'no' });
    const sites = await startSites(root, { faults: { beta: [{ path: '/', responses: [{ kind: 'status', status: 503 }] }] } });
    cleanups.push(async () => {
      for (const s of sites.values()) await s.close();
    });
    expect([...sites.keys()]).toEqual(['alpha', 'beta']);
    const [a, b] = [sites.get('alpha')!, sites.get('beta')!];
    expect(a.name).toBe('alpha');
    expect(a.port).not.toBe(b.port);
    expect((await raw(a, '/')).body.toString()).toBe('A');
    expect((await raw(b, '/')).status).toBe(503);
  });
});
