// Single Online Home (www.<force>.police.uk/foi-ai/<force>/disclosure-log/): listing cards
// carry the request reference in their summary ("Reference no: 01.FOI.23.028770").
import type { PlatformConfig } from '../platforms.js';
import { selectorAdapter } from './selectors.js';
import { textOf } from './query.js';
import type { Adapter } from './types.js';

const REFERENCE = /reference(?:\s+no\.?|\s+number)?\s*:?\s*([0-9][\w./-]*\d)/i;

export function createAdapter(cfg: PlatformConfig): Adapter {
  return selectorAdapter(cfg, {
    refineItem: (item, el) => ({ ...item, reference: item.reference ?? REFERENCE.exec(textOf(el))?.[1] ?? null }),
  });
}
