// Police Scotland disclosure log: a table, one row per response (date | reference | title),
// references like "FOI 24-1234" (FOISA 2002 responses). Item slugs put the reference first
// (/disclosure-log-2024/march/24-0634-crime-recording-…/, older /disclosure-log/0/2019/may/19-0954-…/),
// so an item the listing prints no reference for takes it from its slug.
import type { PlatformConfig } from '../platforms.js';
import { selectorAdapter } from './selectors.js';
import { textOf } from './query.js';
import type { Adapter } from './types.js';

const REFERENCE = /(?<![A-Za-z])(FOI\s?\d{2}-\d{3,5})(?!\d)/i;
const SLUG_REFERENCE = /\/(\d{2}-\d{3,5})-[^/]+\/?$/;

export function createAdapter(cfg: PlatformConfig): Adapter {
  return selectorAdapter(cfg, {
    refineItem: (item, el) => ({ ...item, reference: item.reference ?? REFERENCE.exec(textOf(el))?.[1] ?? SLUG_REFERENCE.exec(new URL(item.url).pathname)?.[1] ?? null }),
  });
}
