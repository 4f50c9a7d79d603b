// Any other site: driven purely by the selectors in the force's overrides (forces.json).
import type { PlatformConfig } from '../platforms.js';
import { selectorAdapter } from './selectors.js';
import type { Adapter } from './types.js';

export function createAdapter(cfg: PlatformConfig): Adapter {
  return selectorAdapter(cfg);
}
