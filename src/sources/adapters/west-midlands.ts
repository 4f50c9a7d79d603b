// West Midlands Police FOI site (WordPress): titles end with the reference, "Officer
// Convictions (266A/20)" (platforms.json `reference_in_title`). Sticky notices ("How we are
// working during COVID-19") head every listing page; they are not disclosures and, being
// old, would wrongly stop a `--since` walk, so they are dropped.
import type { PlatformConfig } from '../platforms.js';
import { selectorAdapter } from './selectors.js';
import { hasClass } from './query.js';
import type { Adapter } from './types.js';

export function createAdapter(cfg: PlatformConfig): Adapter {
  return selectorAdapter(cfg, {
    refineItem: (item, el) => (el && hasClass(el, 'sticky') ? null : item),
  });
}
