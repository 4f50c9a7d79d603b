// A big input's parse allocates far more than it keeps (the page's tree, each row's cells, a
// figure per value): V8 lets the heap grow up to 4× between full collections, so a 20 MB
// table peaked at 2–3 GB while what was live stayed under 1 GB. From the first big input on,
// the heap grows by BIG_INPUT_GROWTH_PERCENT at a time: more frequent full collections (a few
// seconds on such a file), a peak near what is live. Small inputs never set it.
// node:v8 is required on that first big input only: loading it costs every short run ~1 ms.
import { createRequire } from 'node:module';

/** Inputs at least this big bound the heap's growth (a page of ~50k table rows). */
export const BIG_INPUT_BYTES = 4 * 1024 * 1024;
const BIG_INPUT_GROWTH_PERCENT = 20;
let bounded = false;

export function boundHeapGrowthFor(bytes: number): void {
  if (bounded || bytes < BIG_INPUT_BYTES) return;
  bounded = true;
  const v8 = createRequire(import.meta.url)('node:v8') as typeof import('node:v8');
  v8.setFlagsFromString(`--heap-growing-percent=${BIG_INPUT_GROWTH_PERCENT}`);
}
