// Police Scotland disclosure log: a table, one row per response (date | reference | title),
// references like "FOI 24-1234" (FOISA 2002 responses).
import type { PlatformConfig } from '../platforms.js';
import { selectorAdapter } from './selectors.js';
import type { Adapter } from './types.js';

const REFERENCE = /(?<![A-Za-z])(FOI\s?\d{2}-\d{3,5})(?!\d)/i;

export function createAdapter(cfg: PlatformConfig): Adapter {
  return selectorAdapter(cfg, {
    refineItem: (item, el) => ({ ...item, reference: item.reference ?? REFERENCE.exec(el.text())?.[1] ?? null }),
  });
}
