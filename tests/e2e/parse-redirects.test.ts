// `parse <url>` follows redirects to public hosts, but never to this machine, the LAN or a
// cloud metadata address unless the page it started at was already of that kind (a local
// test server may redirect to itself). Servers run on 127.0.0.1 only; the refused targets
// are never connected to.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addressClass, RedirectGuard } from '../../src/http/address-guard.js';
import { runCliAsync } from './fetch-support.js';

const PAGE = 'Officer Dismissals (412A/23)\nResponse\n4 officers were dismissed in 2022.\n';
let server: Server;
let port = 0;
const hits: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    hits.push(req.url ?? '');
    const to: Record<string, string> = {
      '/to-metadata': 'http://169.254.169.254/latest/meta-data/',
      '/to-metadata-mapped': 'http://[::ffff:169.254.169.254]/latest/meta-data/',
      '/to-private': 'http://10.20.30.40/admin',
      '/to-link-local-v6': 'http://[fe80::1]/',
      '/to-self': `http://127.0.0.1:${port}/page.txt`,
      '/to-localhost': `http://localhost:${port}/page.txt`,
    };
    if (to[req.url ?? '']) {
      res.writeHead(302, { location: to[req.url ?? ''] });
      res.end();
    } else if (req.url === '/page.txt') {
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(PAGE);
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const url = (p: string) => `http://127.0.0.1:${port}${p}`;

describe('parse <url> redirects', () => {
  it.each([
    ['/to-metadata', '169.254.169.254', 'metadata'],
    ['/to-metadata-mapped', '::ffff:a9fe:a9fe', 'metadata'], // as the URL parser writes it,
    ['/to-private', '10.20.30.40', 'private'],
    ['/to-link-local-v6', 'fe80::1', 'link-local'],
  ])('%s is refused, naming the address and its kind', async (path, addr, kind) => {
    const r = await runCliAsync(['parse', url(path)], { timeoutMs: 20_000 });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(url(path));
    expect(r.stderr).toContain(`a redirect to ${addr}`);
    expect(r.stderr).toContain(`a ${kind} address`);
    expect(JSON.parse(r.stdout)).toEqual([]);
  });

  it.each([['/to-self'], ['/to-localhost']])('%s (a local start redirecting to the same machine) is followed', async (path) => {
    const r = await runCliAsync(['parse', url(path)], { timeoutMs: 20_000 });
    expect(r.code, r.stderr).toBe(0);
    const [d] = JSON.parse(r.stdout);
    expect(d.reference).toBe('412A/23');
    expect(d.url).toMatch(/\/page\.txt$/);
  });
});

describe('addressClass', () => {
  it.each([
    ['93.184.216.34', 'public'],
    ['2606:4700::1111', 'public'],
    ['127.0.0.1', 'loopback'],
    ['127.8.9.10', 'loopback'],
    ['::1', 'loopback'],
    ['0.0.0.0', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['169.254.1.1', 'link-local'],
    ['fe80::abcd', 'link-local'],
    ['169.254.169.254', 'metadata'],
    ['fd00:ec2::254', 'metadata'],
    ['100.100.100.200', 'metadata'],
    ['10.0.0.1', 'private'],
    ['172.16.5.4', 'private'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'private'],
    ['fd12:3456::1', 'private'],
    ['224.0.0.1', 'reserved'],
    ['not an address', 'reserved'],
  ])('%s is %s', (a, cls) => {
    expect(addressClass(a)).toBe(cls);
  });
});

describe('RedirectGuard', () => {
  it('after a public start, a name resolving to this machine is refused at lookup', async () => {
    const g = new RedirectGuard();
    g.check('news.example', '93.184.216.34');
    g.redirect();
    const err = await new Promise<Error | null>((resolve) => g.lookup('localhost', {}, (e) => resolve(e)));
    expect(err?.message).toMatch(/^refused: a redirect to localhost \((127\.0\.0\.1|::1)\), a loopback address/);
  });

  it('after a public start, public addresses are followed and metadata is not', () => {
    const g = new RedirectGuard();
    g.check('a.example', '93.184.216.34');
    g.redirect();
    expect(() => g.check('b.example', '151.101.1.1')).not.toThrow();
    expect(() => g.checkUrl(new URL('http://169.254.169.254/'))).toThrow(/metadata address/);
  });

  it('a loopback start may not go on to the LAN', () => {
    const g = new RedirectGuard();
    g.checkUrl(new URL('http://127.0.0.1:8080/'));
    g.redirect();
    expect(() => g.checkUrl(new URL('http://127.0.0.1:9090/'))).not.toThrow();
    expect(() => g.checkUrl(new URL('http://192.168.0.10/'))).toThrow(/private address/);
  });
});
