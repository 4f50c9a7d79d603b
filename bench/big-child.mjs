// One big input through `parseDocument` in its own process: time and peak RSS, or the error.
//   node bench/big-child.mjs <file> <name>
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CODE_ROOT, peakRss } from './lib/stats.mjs';

const [file, name] = process.argv.slice(2);
const t0 = performance.now();
try {
  const { parseDocument } = await import(join(CODE_ROOT, 'dist', 'pipeline', 'parse.js'));
  const d = await parseDocument({ bytes: readFileSync(file), name });
  process.stdout.write(JSON.stringify({ ok: true, ms: performance.now() - t0, peakRss: peakRss(), figures: d.figures.length, cases: d.cases.length, warnings: d.warnings.length }) + '\n');
} catch (e) {
  process.stdout.write(JSON.stringify({ ok: false, ms: performance.now() - t0, peakRss: peakRss(), error: String(e?.message ?? e).split('\n')[0].slice(0, 160) }) + '\n');
}
