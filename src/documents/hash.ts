import { createHash, hash } from 'node:crypto';

// crypto.hash (Node ≥ 20.12, in our engines range) hashes in one call without a Hash object:
// ~1.8 → 1.0 µs for a URL path, 33 → 25 µs for a 20 kB page (issue 17). Same digest.
export function sha256Hex(data: Uint8Array | string): string {
  return typeof hash === 'function' ? hash('sha256', data, 'hex') : createHash('sha256').update(data).digest('hex');
}
