// A single capped GET, for `parse <url>`: no crawling manners needed for one page a
// user asked for (no robots.txt, no delay, redirects followed to any public host — never to
// this machine, the LAN or a metadata service unless the start was there: address-guard.ts),
// but the same
// size, header, time and decompression caps as the polite client, and a User-Agent that
// names us.
import http from 'node:http';
import https from 'node:https';
import { RedirectGuard } from './address-guard.js';
import { exchange, header } from './transport.js';
import { DEFAULT_USER_AGENT } from './user-agent.js';

export { DEFAULT_USER_AGENT } from './user-agent.js';

export interface GotDocument {
  url: string;
  status: number;
  contentType: string | null;
  bytes: Uint8Array;
}

const MAX_REDIRECTS = 5;

export async function getOnce(url: string, opts: { maxBytes?: number; timeoutMs?: number; userAgent?: string } = {}): Promise<GotDocument> {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    throw new Error('not a valid URL');
  }
  const guard = new RedirectGuard();
  const agents = { http: new http.Agent({ lookup: guard.lookup } as http.AgentOptions), https: new https.Agent({ lookup: guard.lookup } as https.AgentOptions) };
  try {
    for (let hops = 0; ; hops++) {
      if (target.protocol !== 'http:' && target.protocol !== 'https:') throw new Error(`not an http(s) URL: ${target.href}`);
      if (hops > 0) guard.redirect();
      guard.checkUrl(target);
      const res = await exchange(target, {
        headers: { 'user-agent': opts.userAgent ?? DEFAULT_USER_AGENT, accept: '*/*', 'accept-encoding': 'gzip, deflate, br' },
        timeoutMs: opts.timeoutMs ?? 30_000,
        maxBytes: opts.maxBytes ?? 50 * 1024 * 1024,
        maxHeaderBytes: 32 * 1024,
        agents,
      });
      const location = header(res.headers, 'location');
      if (res.status >= 300 && res.status < 400 && location) {
        if (hops >= MAX_REDIRECTS) throw new Error(`more than ${MAX_REDIRECTS} redirects`);
        try {
          target = new URL(location, target);
        } catch {
          throw new Error(`redirect to an unusable URL: ${location}`);
        }
        continue;
      }
      if (res.status < 200 || res.status >= 300) throw new Error(`HTTP ${res.status}`);
      return { url: target.href, status: res.status, contentType: header(res.headers, 'content-type'), bytes: new Uint8Array(res.body ?? Buffer.alloc(0)) };
    }
  } finally {
    agents.http.destroy();
    agents.https.destroy();
  }
}
