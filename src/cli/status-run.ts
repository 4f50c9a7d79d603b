// The work behind `status`: what the store holds, per force, and how the last runs went —
// in words a person reads at a glance (`--format json` keeps every statistic).
import { openExistingStore } from '../store/open-existing.js';
import type { RunInfo, StoreStatus } from '../store/store.js';
import { UsageError } from './errors.js';
import { humanTime } from './time.js';

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** A failure a run recorded: from a fetch run's summary (every failure, with its reason). */
interface RunFailure {
  url: string;
  reason: string;
}

function runFailures(r: RunInfo | undefined): RunFailure[] | null {
  const list = (r?.stats as { failures?: unknown } | null)?.failures;
  if (!Array.isArray(list)) return null;
  return list
    .filter((f): f is { url: string; reason: string } => !!f && typeof f.url === 'string')
    .map((f) => ({ url: f.url, reason: typeof f.reason === 'string' ? f.reason : 'failed' }));
}

/** What a run did, in one phrase per kind (the stats are the run's summary as stored). */
function statsPhrase(r: RunInfo): string {
  const s = (r.stats ?? {}) as Record<string, unknown>;
  if (typeof s.error === 'string') return `error: ${s.error}`;
  if (r.kind === 'fetch') {
    const d = (s.disclosures ?? {}) as Record<string, unknown>;
    const failed = Array.isArray(s.failures) ? s.failures.length : num(s.failed);
    const parts = [];
    if (num(s.requests) !== null) parts.push(plural(num(s.requests)!, 'request'));
    if (num(d.new) !== null) parts.push(`${d.new} new, ${d.changed ?? 0} changed, ${d.unchanged ?? 0} unchanged`);
    else if (num(s.new) !== null) parts.push(`${s.new} new`);
    if (failed !== null) parts.push(`${failed} failed`);
    return parts.join(', ');
  }
  if (r.kind === 'export') {
    const c = (s.changes ?? null) as Record<string, unknown> | null;
    const files = Array.isArray(s.files) ? `, ${plural(s.files.length, 'file')}` : '';
    const disclosures = num(s.disclosures) !== null ? plural(num(s.disclosures)!, 'disclosure') : '';
    return `${disclosures}${files}${c ? `; ${c.new ?? 0} new, ${c.changed ?? 0} changed, ${c.removed ?? 0} removed` : ''}`;
  }
  if (r.kind === 'reparse') return ['new', 'changed', 'unchanged', 'removed', 'failed'].filter((k) => num(s[k]) !== null).map((k) => `${s[k]} ${k}`).join(', ');
  return '';
}

function duration(r: RunInfo): string {
  if (!r.finishedAt) return 'still running or interrupted';
  const ms = Date.parse(r.finishedAt) - Date.parse(r.startedAt);
  if (!Number.isFinite(ms) || ms < 0) return '';
  return ms < 60_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 60_000)} min`;
}

export function runLine(r: RunInfo): string {
  const took = duration(r);
  const what = statsPhrase(r);
  return `#${r.id} ${r.kind}, ${r.status}, ${humanTime(r.startedAt)}${took ? ` (${took})` : ''}${what ? `: ${what}` : ''}`;
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
  // The last fetch's own count of failures (every one, robots.txt causes and build failures
  // included); the fetch log's failed requests where a run kept no list.
  const lastFetch = s.recentRuns.find((r) => r.kind === 'fetch');
  const fromRun = runFailures(lastFetch);
  if (fromRun && lastFetch) {
    lines.push(`failed fetches (run #${lastFetch.id}): ${fromRun.length}`);
    for (const f of fromRun) lines.push(`  ${f.url}: ${f.reason}`);
  } else if (s.failures.length) {
    lines.push(`failed fetches (run #${s.failures[0].runId}): ${s.failures.length}`);
    for (const f of s.failures) lines.push(`  ${f.url}: ${f.error ?? `HTTP ${f.status}`}`);
  } else lines.push('failed fetches: 0');
  return lines.join('\n') + '\n';
}

export async function runStatus(opts: { store: string; format: string }): Promise<void> {
  if (opts.format !== 'text' && opts.format !== 'json') throw new UsageError(`status: --format must be text or json, not "${opts.format}"`);
  const store = openExistingStore(opts.store);
  try {
    const s = store.status();
    process.stdout.write(opts.format === 'json' ? JSON.stringify(s, null, 2) + '\n' : formatStatus(s));
  } finally {
    store.close();
  }
}
