import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { sha256Fetched, sha256Hex } from '../../src/documents/hash.js';

// FIPS 180-2 test vectors: the one-call hash must give the digest createHash gave.
describe('sha256Hex', () => {
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    ['abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq', '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1'],
  ])('%j', (text, digest) => {
    expect(sha256Hex(text)).toBe(digest);
    expect(sha256Hex(new TextEncoder().encode(text))).toBe(digest);
  });
  it('hashes a string as its UTF-8 bytes', () => expect(sha256Hex('£')).toBe(sha256Hex(new Uint8Array([0xc2, 0xa3]))));
});

// A fetched body is hashed once (sha256Fetched); a later sha256Hex of the same bytes object is a lookup.
describe('sha256Fetched', () => {
  it('gives the digest, and sha256Hex of the same bytes gives it again', () => {
    const bytes = new TextEncoder().encode('abc');
    expect(sha256Fetched(bytes)).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex(bytes)).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    // Other bytes (a copy, a view of part) are hashed as ever.
    expect(sha256Hex(new Uint8Array(bytes))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex(bytes.subarray(0, 0))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    // A string is never looked up.
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('agrees with createHash for any bytes (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (raw) => {
        const want = createHash('sha256').update(raw).digest('hex');
        const bytes = new Uint8Array(raw);
        expect(sha256Fetched(bytes)).toBe(want);
        expect(sha256Hex(bytes)).toBe(want);
      }),
      { numRuns: 300, seed: 17 },
    );
  });
});
