// The work behind `status`: what the store holds, per force, and how the last run went.
import { openExistingStore } from '../store/open-existing.js';
import type { RunInfo, StoreStatus } from '../store/store.js';
import { UsageError } from './errors.js';

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function runLine(r: RunInfo): string {
  const stats = r.stats && typeof r.stats === 'object' ? ` ${JSON.stringify(r.stats)}` : '';
  return `#${r.id} ${r.kind}, ${r.status}, started ${r.startedAt}${r.finishedAt ? `, finished ${r.finishedAt}` : ''}${stats}`;
}

export function formatStatus(s: StoreStatus): string {
  const lines = [`store: ${s.path} (schema version ${s.schemaVersion})`, `documents: ${s.documents.count} (${size(s.documents.bytes)})`, `disclosures: ${s.disclosures}`];
  if (s.forces.length) {
    const width = Math.max(5, ...s.forces.map((f) => (f.force ?? '(unknown)').length));
    lines.push(`  ${'force'.padEnd(width)}  disclosures  documents`);
    for (const f of s.forces) lines.push(`  ${(f.force ?? '(unknown)').padEnd(width)}  ${String(f.disclosures).padStart(11)}  ${String(f.documents).padStart(9)}`);
  }
  lines.push(`last run: ${s.lastRun ? runLine(s.lastRun) : 'none'}`);
  // After a refresh the last run is its export; the fetch before it is what people ask about.
  const lastData = s.recentRuns.find((r) => r.kind !== 'export');
  if (s.lastRun?.kind === 'export' && lastData) lines.push(`last ${lastData.kind}: ${runLine(lastData)}`);
  if (s.failures.length) {
    lines.push(`failed fetches (run #${s.failures[0].runId}): ${s.failures.length}`);
    for (const f of s.failures) lines.push(`  ${f.url}: ${f.error ?? `HTTP ${f.status}`}`);
  } else lines.push('failed fetches: 0');
  return lines.join('\n') + '\n';
}

export async function runStatus(opts: { store: string; format: string }): Promise<void> {
  if (opts.format !== 'text' && opts.format !== 'json') throw new UsageError(`--format must be text or json (got "${opts.format}")`);
  const store = openExistingStore(opts.store);
  try {
    const s = store.status();
    process.stdout.write(opts.format === 'json' ? JSON.stringify(s, null, 2) + '\n' : formatStatus(s));
  } finally {
    store.close();
  }
}
