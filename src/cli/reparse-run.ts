// The work behind `reparse`: rebuild every stored disclosure from its stored bytes with the
// current parser (no network), and record what changed.
import type { SourceDoc } from '../pipeline/assemble.js';
import type { Disclosure } from '../records/schema.js';
import { openExistingStore } from '../store/open-existing.js';
import type { Store, SourceRef } from '../store/store.js';
import { UsageError, describeError, reportFailure } from './errors.js';
import { parseForces } from './export-run.js';
import { startProgress, wantsProgress } from './progress.js';

/** Rebuilt disclosures stored per transaction. */
const BATCH = 200;

export interface ReparseStats {
  new: number;
  changed: number;
  unchanged: number;
  removed: number;
  failed: number;
}

/** Rebuilds one disclosure from its sources; throws naming what is missing. */
async function rebuild(store: Store, old: Disclosure, sources: SourceRef[]): Promise<Disclosure> {
  const { assembleDisclosure } = await import('../pipeline/assemble.js');
  const page = sources.find((s) => s.role === 'page');
  if (!page) throw new Error('no stored page to rebuild it from');
  if (!page.sha256) throw new Error(`page ${page.url} was never fetched${page.error ? ` (${page.error})` : ''}`);
  const bytes = store.getDocument(page.sha256);
  if (!bytes) throw new Error(`page ${page.url}: document ${page.sha256} is missing from the store`);
  const attachments: SourceDoc[] = sources
    .filter((s) => s.role === 'attachment')
    .map((s) => {
      const b = s.sha256 ? store.getDocument(s.sha256) : null;
      return { url: s.url, bytes: b, contentType: s.contentType, name: s.name ?? null, error: s.error ?? (s.sha256 && !b ? `document ${s.sha256} is missing from the store` : null) };
    });
  const { withSource, factsOf } = await import('../harvest/source-facts.js');
  // What the harvest knew beyond the documents (source, its state, a fixed id) is kept.
  return withSource(await assembleDisclosure({ url: page.url, bytes, contentType: page.contentType, name: page.name ?? null }, attachments, old.force), factsOf(old));
}

/** Reparses an open store inside a `reparse` run. One disclosure's failure never stops the rest. */
export async function reparseStore(store: Store, opts: { force?: string[]; onFailure?: (id: string, err: unknown) => void; progress?: boolean } = {}): Promise<{ runId: number; stats: ReparseStats }> {
  const runId = store.startRun('reparse', { force: opts.force ?? null });
  const stats: ReparseStats = { new: 0, changed: 0, unchanged: 0, removed: 0, failed: 0 };
  const bar = await startProgress(store.countDisclosures({ force: opts.force }), !!opts.progress);
  try {
    // A page of stored records at a time; records this run adds are not visited again.
    // Rebuilt records are stored BATCH at a time, in one transaction each.
    let pending: Array<{ old: Disclosure; fresh: Disclosure; sources: SourceRef[] }> = [];
    const store_ = () => {
      const batch = pending;
      pending = [];
      store.batch(() => {
        for (const { old: d, fresh, sources } of batch) {
          try {
            stats[store.upsertDisclosure(fresh, sources, runId)]++;
            // The parser now reads a different id (e.g. it found the reference): the old row goes.
            if (fresh.id !== d.id && store.removeDisclosure(d.id, runId)) stats.removed++;
          } catch (e) {
            stats.failed++;
            opts.onFailure?.(d.id, e);
          }
        }
      });
      for (let i = 0; i < batch.length; i++) bar.increment();
    };
    for (const d of store.iterateDisclosures({ force: opts.force })) {
      try {
        const sources = store.sourcesOf(d.id);
        const fresh = await rebuild(store, d, sources);
        pending.push({ old: d, fresh, sources });
        // A renamed record is stored before the next is rebuilt, which might read its rows.
        if (fresh.id !== d.id) store_();
      } catch (e) {
        stats.failed++;
        opts.onFailure?.(d.id, e);
        bar.increment();
      }
      if (pending.length >= BATCH) store_();
    }
    if (pending.length) store_();
  } finally {
    bar.stop();
  }
  const done = stats.new + stats.changed + stats.unchanged;
  store.finishRun(runId, stats, stats.failed === 0 ? 'ok' : done > 0 ? 'partial' : 'failed');
  return { runId, stats };
}

export function reparseLine(s: ReparseStats): string {
  return `reparse: ${s.new} new, ${s.changed} changed, ${s.unchanged} unchanged, ${s.removed} removed, ${s.failed} failed`;
}

export async function runReparse(opts: { store: string; force?: string[]; format: string }): Promise<void> {
  if (opts.format !== 'text' && opts.format !== 'json') throw new UsageError(`--format must be text or json (got "${opts.format}")`);
  const force = parseForces(opts.force);
  const store = openExistingStore(opts.store);
  try {
    const { stats } = await reparseStore(store, {
      force,
      progress: wantsProgress(),
      onFailure: (id, e) => reportFailure(`reparse: ${id}`, new Error(describeError(e))),
    });
    process.stdout.write(opts.format === 'json' ? JSON.stringify(stats) + '\n' : reparseLine(stats) + '\n');
  } finally {
    store.close();
  }
}
