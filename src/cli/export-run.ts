// The work behind `export` (and the export step of `refresh`): the store's disclosures →
// files, plus changes.json, recorded as an `export` run.
import { buildChanges, changesWindow, type ChangesReport } from '../export/changes.js';
import { EXPORT_FORMATS, writeExport, type ExportFormat } from '../export/write.js';
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
  /** commander's --no-formula-guard */
  formulaGuard?: boolean;
  changes?: boolean;
  force?: string[];
}

export interface ExportResult {
  runId: number;
  files: string[];
  disclosures: number;
  changes: ChangesReport;
  /** When the export the changes are counted from ran (ISO time), or null: there was none before. */
  sinceExport: string | null;
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
  if (!formats.length) throw new UsageError('--format: give at least one of csv, json, ndjson, sqlite');
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
export async function exportStore(store: Store, opts: { out: string; formats: ExportFormat[]; excel?: boolean; formulaGuard?: boolean; force?: string[] }): Promise<ExportResult> {
  const runId = store.startRun('export', { out: opts.out, formats: opts.formats, excel: !!opts.excel, formula_guard: opts.formulaGuard !== false, force: opts.force ?? null });
  try {
    const window = changesWindow(store);
    const sinceExport = baselineExport(store, window.after);
    const changes = buildChanges(store, window, { force: opts.force });
    // The store is read once, a page at a time, as the files are written.
    let count = 0;
    const disclosures = (function* () {
      for (const d of store.iterateDisclosures({ force: opts.force })) {
        count++;
        yield d;
      }
    })();
    const files = await writeExport(disclosures, { out: opts.out, formats: opts.formats, excel: opts.excel, formulaGuard: opts.formulaGuard, changes });
    store.finishRun(runId, { disclosures: count, files, changes_window: window, changes: changes.counts }, 'ok');
    return { runId, files, disclosures: count, changes, sinceExport };
  } catch (e) {
    store.finishRun(runId, { error: e instanceof Error ? e.message.split('\n')[0] : String(e) }, 'failed');
    throw e;
  }
}

export function describeExport(r: ExportResult, out: string, formats: ExportFormat[]): string {
  const c = r.changes.counts;
  const since = r.sinceExport ? `since the export of ${humanTime(r.sinceExport)}` : 'since the store began';
  return `exported ${r.disclosures} disclosure${r.disclosures === 1 ? '' : 's'} to ${out} (${formats.join(', ')}); ${since}: ${c.new} new, ${c.changed} changed, ${c.removed} removed`;
}

export async function runExport(opts: ExportCliOptions): Promise<void> {
  const formats = parseFormats(opts.format);
  const force = parseForces(opts.force);
  const store = openExistingStore(opts.store);
  try {
    const r = await exportStore(store, { out: opts.out, formats, excel: opts.excel, formulaGuard: opts.formulaGuard, force });
    if (opts.changes) process.stdout.write(JSON.stringify(r.changes, null, 2) + '\n');
    process.stderr.write(noteLine(describeExport(r, opts.out, formats)));
  } catch (e) {
    reportFailure(opts.out, e);
  } finally {
    store.close();
  }
}
