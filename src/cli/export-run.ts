// The work behind `export` (and the export step of `refresh`): the store's disclosures →
// files, plus changes.json, recorded as an `export` run.
import { OutDirError } from '../export/atomic.js';
import { buildChanges, changesWindow, type ChangesReport } from '../export/changes.js';
import { EXPORT_FORMATS, writeExport, type ExportFormat } from '../export/write.js';
import { applyCorrections, orphanedByRemoval } from '../corrections/apply.js';
import type { CorrectionOutcome } from '../corrections/types.js';
import type { DatasetDisclosure, Disclosure } from '../records/schema.js';
import { EVENTS, KINDS, MEASURES, TOPICS } from '../records/vocab.js';
import { parseUserDate } from '../sources/dates.js';
import { findForce } from '../sources/registry.js';
import { openExistingStore } from '../store/open-existing.js';
import type { Store } from '../store/store.js';
import { UsageError, noteLine, reportFailure } from './errors.js';
import { humanTime } from './time.js';

export interface ExportCliOptions {
  store: string;
  out: string;
  format: string;
  excel?: boolean;
  overwrite?: boolean;
  /** commander's --no-formula-guard */
  formulaGuard?: boolean;
  changes?: boolean;
  force?: string[];
  topic?: string[];
  kind?: string[];
  since?: string;
  event?: string[];
  measure?: string[];
}

/** What a journalist narrows an export to (all optional; lists are "any of"). */
export interface ExportFilters {
  force?: string[];
  topic?: string[];
  kind?: string[];
  /** ISO date: disclosures published (else answered, else requested) on or after it. */
  since?: string;
  /** figures_flat only. */
  event?: string[];
  measure?: string[];
}

export interface ExportResult {
  runId: number;
  files: string[];
  disclosures: number;
  changes: ChangesReport & { corrections: CorrectionOutcome[] };
  /** Corrections that could not be applied (reported on every export). */
  orphaned: CorrectionOutcome[];
  /** When the export the changes are counted from ran (ISO time), or null: there was none before. */
  sinceExport: string | null;
}

function vocabList(option: string, values: string[] | undefined, allowed: readonly string[]): string[] | undefined {
  if (!values?.length) return undefined;
  const list = values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  for (const v of list) if (!allowed.includes(v)) throw new UsageError(`${option}: unknown value "${v}" (one of ${allowed.join(', ')})`);
  return [...new Set(list)];
}

/** The filter options checked and normalised; bad values are usage errors. */
export function parseFilters(opts: Pick<ExportCliOptions, 'force' | 'topic' | 'kind' | 'since' | 'event' | 'measure'>): ExportFilters {
  let since: string | undefined;
  if (opts.since !== undefined && opts.since !== '') {
    since = parseUserDate(String(opts.since)) ?? undefined;
    if (!since) throw new UsageError(`--since: "${opts.since}" is not a date (use YYYY-MM-DD)`);
  }
  return {
    force: parseForces(opts.force),
    topic: vocabList('--topic', opts.topic, TOPICS),
    kind: vocabList('--kind', opts.kind, KINDS),
    since,
    event: vocabList('--event', opts.event, EVENTS),
    measure: vocabList('--measure', opts.measure, MEASURES),
  };
}

/** Whether a disclosure passes the disclosure-level filters (force is applied by the store). */
export function disclosureFilter(f: ExportFilters): (d: Disclosure) => boolean {
  return (d) =>
    (!f.topic || d.topics.some((t) => f.topic!.includes(t))) &&
    (!f.kind || f.kind.includes(d.kind)) &&
    (!f.since || (d.published_date ?? d.response_date ?? d.request_date ?? '') >= f.since);
}

export function describeOrphan(o: CorrectionOutcome): string {
  return `correction ${o.id} (${o.disclosure_id} ${o.table}${o.ordinal ? ` #${o.ordinal}` : ''} ${o.field} = ${JSON.stringify(o.to)}) not applied: ${o.problem}`;
}

/** The earlier export whose dataset the changes are counted from: the one whose window ended where this one starts. */
function baselineExport(store: Store, after: number): string | null {
  if (after === 0) return null;
  for (const r of store.runs({ kind: 'export', finished: true, limit: 50 })) {
    const w = (r.stats as { changes_window?: { through?: number } } | null)?.changes_window;
    if (r.status === 'ok' && w?.through === after) return r.finishedAt ?? r.startedAt;
  }
  return null;
}


export function parseFormats(list: string): ExportFormat[] {
  const formats = list
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  if (!formats.length) throw new UsageError(`--format: give at least one of ${EXPORT_FORMATS.join(', ')}`);
  for (const f of formats) {
    if (!EXPORT_FORMATS.includes(f as ExportFormat)) throw new UsageError(`--format: unknown format "${f}" (one of ${EXPORT_FORMATS.join(', ')})`);
  }
  return [...new Set(formats)] as ExportFormat[];
}

export function parseForces(ids: string[] | undefined): string[] | undefined {
  if (!ids?.length) return undefined;
  const keys = ids.flatMap((k) => k.split(',')).map((k) => k.trim()).filter(Boolean);
  return keys.map((id) => {
    const f = findForce(id);
    if (!f) throw new UsageError(`--force: unknown force "${id}" (see foi-harvest forces)`);
    return f.id;
  });
}

/** Exports an open store; throws (after recording a failed run) if the files cannot be written. */
export async function exportStore(store: Store, opts: { out: string; formats: ExportFormat[]; excel?: boolean; formulaGuard?: boolean; overwrite?: boolean; force?: string[]; filters?: ExportFilters }): Promise<ExportResult> {
  const filters: ExportFilters = { ...opts.filters, force: opts.force ?? opts.filters?.force };
  const runId = store.startRun('export', { out: opts.out, formats: opts.formats, excel: !!opts.excel, formula_guard: opts.formulaGuard !== false, force: filters.force ?? null, ...filterArgs(filters) });
  try {
    const window = changesWindow(store);
    const sinceExport = baselineExport(store, window.after);
    const base = buildChanges(store, window, { force: filters.force });
    // Corrections are applied on the way out; each one's fate is listed in changes.json.
    const byDisclosure = new Map<string, ReturnType<Store['corrections']>>();
    for (const c of store.corrections()) byDisclosure.set(c.disclosureId, [...(byDisclosure.get(c.disclosureId) ?? []), c]);
    const outcomes: CorrectionOutcome[] = [];
    // Only ids asked about later are kept (a set of every id grew with the store, ~35 MB at
    // 200k): those with corrections (settle) and, under a record filter, those changes.json
    // names (narrowed).
    const seen = new Set<string>();
    const exported = new Set<string>();
    const named = filters.topic || filters.kind || filters.since ? new Set([...base.new, ...base.changed].map((e) => e.id)) : null;
    const keep = disclosureFilter(filters);
    let count = 0;
    function* records(): Generator<DatasetDisclosure> {
      // The store is read once, a page at a time, as the files are written.
      for (const d of store.iterateDisclosures({ force: filters.force })) {
        const corrections = byDisclosure.get(d.id);
        if (corrections) seen.add(d.id);
        const { record, outcomes: o } = applyCorrections(d, corrections ?? []);
        outcomes.push(...o);
        if (!keep(d)) continue;
        if (named?.has(d.id)) exported.add(d.id);
        count++;
        yield record;
      }
    }
    // Corrections to disclosures outside this export still get checked: an orphan is reported every time.
    const settle = () => {
      for (const [id, list] of byDisclosure) {
        if (seen.has(id)) continue;
        const d = store.disclosure(id);
        if (d) outcomes.push(...applyCorrections(d, list).outcomes);
        else outcomes.push(...list.map(orphanedByRemoval));
      }
      outcomes.sort((a, b) => a.id - b.id);
      return outcomes;
    };
    let changes: ExportResult['changes'] = { ...base, corrections: [] };
    const created = store.runs({ limit: 50 }).find((r) => r.id === window.through)?.finishedAt ?? null;
    const files = await writeExport(records(), {
      out: opts.out,
      formats: opts.formats,
      excel: opts.excel,
      formulaGuard: opts.formulaGuard,
      overwrite: opts.overwrite,
      flat: { event: filters.event, measure: filters.measure },
      info: { created, run: window.through || null },
      changes: () => (changes = { ...narrowed(base, filters, exported), corrections: settle() }),
    });
    const orphaned = changes.corrections.filter((o) => o.status === 'orphaned');
    store.finishRun(runId, { disclosures: count, files, changes_window: window, changes: changes.counts, corrections: { applied: changes.corrections.length - orphaned.length, orphaned: orphaned.length } }, 'ok');
    return { runId, files, disclosures: count, changes, orphaned, sinceExport };
  } catch (e) {
    store.finishRun(runId, { error: e instanceof Error ? e.message.split('\n')[0] : String(e) }, 'failed');
    throw e;
  }
}

/** changes.json of a filtered export lists only the disclosures it holds (removed ones: by force, as before). */
function narrowed(base: ChangesReport, f: ExportFilters, exported: Set<string>): ChangesReport {
  if (!f.topic && !f.kind && !f.since) return base;
  const report = { ...base, new: base.new.filter((e) => exported.has(e.id)), changed: base.changed.filter((e) => exported.has(e.id)) };
  return { ...report, counts: { new: report.new.length, changed: report.changed.length, removed: report.removed.length } };
}

function filterArgs(f: ExportFilters): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of ['topic', 'kind', 'since', 'event', 'measure'] as const) if (f[k] !== undefined) out[k] = f[k];
  return out;
}

export function describeExport(r: ExportResult, out: string, formats: ExportFormat[]): string {
  const c = r.changes.counts;
  const since = r.sinceExport ? `since the export of ${humanTime(r.sinceExport)}` : 'since the store began';
  return `exported ${r.disclosures} disclosure${r.disclosures === 1 ? '' : 's'} to ${out} (${formats.join(', ')}); ${since}: ${c.new} new, ${c.changed} changed, ${c.removed} removed`;
}

export async function runExport(opts: ExportCliOptions): Promise<void> {
  const formats = parseFormats(opts.format);
  const filters = parseFilters(opts);
  const store = openExistingStore(opts.store);
  try {
    const r = await exportStore(store, { out: opts.out, formats, excel: opts.excel, formulaGuard: opts.formulaGuard, overwrite: opts.overwrite, filters });
    if (opts.changes) process.stdout.write(JSON.stringify(r.changes, null, 2) + '\n');
    process.stderr.write(noteLine(describeExport(r, opts.out, formats)));
    for (const o of r.orphaned) process.stderr.write(`foi-harvest: warning: ${describeOrphan(o)}\n`);
  } catch (e) {
    // An --out that is not ours is bad usage (exit 2), not a failed export.
    if (e instanceof OutDirError) throw new UsageError(e.message);
    reportFailure(opts.out, e);
  } finally {
    store.close();
  }
}
