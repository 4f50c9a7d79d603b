// A disclosure id hashes its URL's path and query (pathname + search). Plain http(s) URLs are
// read without the URL parser (issue 17); every URL must give what the parser gives.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { urlPath } from '../../src/extract/disclosure.js';

const parsed = (url: string) => {
  try {
    const u = new URL(url);
    return u.pathname + u.search;
  } catch {
    return url;
  }
};

describe('urlPath', () => {
  it.each([
    ['http://127.0.0.1/west-midlands/officer-convictions-65a-24/', '/west-midlands/officer-convictions-65a-24/'],
    ['https://www.essex.police.uk', '/'],
    ['https://www.essex.police.uk?', '/'],
    ['https://WWW.Essex.Police.UK:8080/foi/?page=2&x=a%20b', '/foi/?page=2&x=a%20b'],
    ['https://example.org/a/./b/../c', '/a/c'],
    ['https://example.org/a/%2e%2E/c', '/c'],
    ['https://example.org/a b', '/a%20b'],
    ["https://example.org/p?q='x'", '/p?q=%27x%27'],
    ['https://example.org/p#frag', '/p'],
    ['http://1.2.3.999/x', 'http://1.2.3.999/x'],
    ['not a url', 'not a url'],
    ['https://example.org/a\\b', '/a/b'],
  ])('%s → %s', (url, path) => {
    expect(urlPath(url)).toBe(path);
    expect(urlPath(url)).toBe(parsed(url));
  });

  it('agrees with the URL parser on open-ended URLs', () => {
    const part = (chars: string, max: number) => fc.array(fc.constantFrom(...chars.split('')), { maxLength: max }).map((a) => a.join(''));
    const host = fc.oneof(
      part('abcxn-.09', 14),
      fc.tuple(fc.nat(300), fc.nat(300), fc.nat(300), fc.nat(300)).map((q) => q.join('.')),
      fc.constantFrom('127.0.0.1', 'www.met.police.uk', 'a..b', '-a.b', 'x.1', '0x7f.1', 'xn--a.com', 'XN--abc.org'),
    );
    const url = fc.tuple(
      fc.constantFrom('http://', 'https://', 'HTTP://', 'ftp://', 'http:/', ''),
      host,
      fc.constantFrom('', ':80', ':8123', ':99999', ':'),
      part("/ab.%2eE_-~!$&'()*+,;=:@\\ \"<>`{}^|é", 24),
      fc.constantFrom('', '?', '?a=1', "?q='x'&b=/c?d", '?a b', '#f', '?a#f'),
    ).map((p) => p.join(''));
    fc.assert(fc.property(url, (u) => urlPath(u) === parsed(u)), { numRuns: 5000 });
  });
});
