// The fixture corpora's texts, which the gate tests walk: wherever a pattern matches one of their
// lines, its cheap gate must match too.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', 'fixtures');

/** Each text of tests/fixtures/<set>/corpus/*.txt, whole, in a stable order (sets without a corpus left out). */
export function fixtureCorpusTexts(): string[] {
  const out: string[] = [];
  for (const set of readdirSync(ROOT).sort()) {
    const dir = join(ROOT, set, 'corpus');
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.txt')).sort()) out.push(readFileSync(join(dir, f), 'utf8'));
  }
  return out;
}
