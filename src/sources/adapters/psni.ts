// PSNI disclosure log (psni.police.uk/foi-disclosure-log/<slug>): cards dated month-first
// ("February 04, 2026 | Organisational Information") with the request number on them
// ("Request Number: FOI/14806", older ones "F-013412", "F-2022-01268" — whole, not cut to "F-2022").
import type { PlatformConfig } from '../platforms.js';
import { selectorAdapter } from './selectors.js';
import { textOf } from './query.js';
import type { Adapter } from './types.js';

const REFERENCE = /\b(FOI\/\d+|F-\d{4,}(?:-\d{3,})?)\b/;

export function createAdapter(cfg: PlatformConfig): Adapter {
  return selectorAdapter(cfg, {
    refineItem: (item, el) => ({ ...item, reference: item.reference ?? REFERENCE.exec(textOf(el))?.[1] ?? null }),
  });
}
