// forceForUrl reads a table of the registry's hosts built once, and parses a URL only where a
// host of the registry stands in it (issue 17): the same force as the loop it replaced, for
// every host of the registry, its subdomains, look-alikes, mixed case, escapes and junk.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FORCES, forceForUrl, forceForUrlGate, type Force } from '../../src/sources/registry.js';

/** The loop forceForUrl replaced (main 16bfa27). */
function byLoop(url: string | null | undefined): Force | null {
  if (!url) return null;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  const host = u.hostname.toLowerCase().replace(/^www\./, '');
  const hostPath = `${host}${u.pathname.toLowerCase()}`;
  let best: { force: Force; len: number } | null = null;
  for (const f of FORCES) {
    for (const h of f.hosts) {
      const hit = h.includes('/') ? hostPath.startsWith(h) : host === h || host.endsWith(`.${h}`);
      if (hit && (!best || h.length > best.len)) best = { force: f, len: h.length };
    }
  }
  return best?.force ?? null;
}

const hosts = FORCES.flatMap((f) => f.hosts);

describe('forceForUrl', () => {
  it.each([
    ['https://www.kent.police.uk/foi/x', 'kent'],
    ['HTTPS://WWW.KENT.POLICE.UK/FOI', 'kent'],
    ['https://k%65nt.police.uk/', 'kent'],
    ['https://ke\nnt.police.uk/', 'kent'],
    ['http://127.0.0.1/kent/', null],
    ['https://notkent.police.uk/', null],
    ['not a url', null],
    ['', null],
    [null, null],
  ])('%j → %j', (url, id) => {
    expect(forceForUrl(url)?.id ?? null).toBe(id);
    expect(byLoop(url)?.id ?? null).toBe(id);
  });

  it('finds the force the loop found, for every host of the registry and its variants (property)', () => {
    const host = fc.constantFrom(...hosts);
    const url = fc
      .tuple(
        fc.constantFrom('https://', 'http://', 'HTTP://', 'ftp://', 'https://user@', '//', 'https:\\\\'),
        fc.constantFrom('', 'www.', 'WWW.', 'foi.', 'x-'),
        host,
        fc.constantFrom('', '.evil.com', 'x', ':8080', '.'),
        fc.constantFrom('', '/', '/foi-ai/x/', '/A/../B', '/%41', '?q=1', '#f'),
        fc.boolean(),
      )
      .map(([a, b, h, c, d, upper]) => {
        const u = `${a}${b}${h}${c}${d}`;
        return upper ? u.toUpperCase() : u;
      });
    fc.assert(
      fc.property(url, (u) => {
        expect(forceForUrl(u)?.id ?? null, u).toBe(byLoop(u)?.id ?? null);
        if (byLoop(u)) expect(forceForUrlGate(u), u).toBe(true);
      }),
      { numRuns: 3000, seed: 17 },
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (s) => {
        for (const u of [s, `https://${s}`, `https://${s}.${hosts[s.length % hosts.length]}/`]) expect(forceForUrl(u)?.id ?? null, u).toBe(byLoop(u)?.id ?? null);
      }),
      { numRuns: 2000, seed: 17 },
    );
  });
});
