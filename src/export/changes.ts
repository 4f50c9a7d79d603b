// changes.json: what is new, changed (with field-level diffs) or removed since the previous
// export — what a reporter checks each morning. The window is a range of run ids kept in the
// export run's stats, so exporting an unchanged store again gives the same file.
import type { Store } from '../store/store.js';
import { composeDiffs, type FieldChange } from '../store/diff.js';

export interface ChangeEntry {
  id: string;
  force: string | null;
  title: string | null;
  url: string | null;
}

export interface ChangesReport {
  /** Changes made by runs with from_run < id <= through_run. */
  from_run: number;
  through_run: number;
  counts: { new: number; changed: number; removed: number };
  new: ChangeEntry[];
  changed: Array<ChangeEntry & { diff: FieldChange[] }>;
  removed: Array<{ id: string; force: string | null }>;
}

export interface ChangesWindow {
  after: number;
  through: number;
}

/**
 * Runs since the last successful export. If nothing but exports has run since, that export's
 * window again (so re-exporting an untouched store gives identical files); a fetch that found
 * nothing new gives an empty report.
 */
export function changesWindow(store: Store): ChangesWindow {
  const latest = store.lastDataRun();
  const prev = store
    .runs({ kind: 'export', finished: true, limit: 50 })
    .filter((r) => r.status === 'ok')
    .map((r) => (r.stats as { changes_window?: ChangesWindow } | null)?.changes_window)
    .find((w): w is ChangesWindow => !!w && Number.isInteger(w.after) && Number.isInteger(w.through));
  if (!prev) return { after: 0, through: latest };
  if (latest > prev.through) return { after: prev.through, through: latest };
  return prev;
}

export function buildChanges(store: Store, window: ChangesWindow, opts: { force?: string[] } = {}): ChangesReport {
  const byId = new Map<string, ReturnType<Store['changes']>>();
  for (const c of store.changes(window.after, window.through)) {
    const list = byId.get(c.disclosureId) ?? [];
    list.push(c);
    byId.set(c.disclosureId, list);
  }
  // Only the disclosures the window names are looked up, by their flat columns (not every record).
  const inFilter = (force: string | null) => !opts.force?.length || (force !== null && opts.force.includes(force));
  const currentOf = (id: string) => {
    const head = store.disclosureHead(id);
    return head && inFilter(head.force) ? head : undefined;
  };
  const wanted = (force: string | null) => !opts.force?.length || (force !== null && opts.force.includes(force));
  const report: ChangesReport = { from_run: window.after, through_run: window.through, counts: { new: 0, changed: 0, removed: 0 }, new: [], changed: [], removed: [] };
  for (const id of [...byId.keys()].sort()) {
    const list = byId.get(id)!;
    const existedBefore = list[0].change !== 'new';
    const existsNow = list[list.length - 1].change !== 'removed';
    const d = existsNow ? currentOf(id) : undefined;
    const entry = (): ChangeEntry => ({ id, force: d?.force ?? null, title: d?.title ?? null, url: d?.url ?? null });
    if (!existsNow) {
      const force = list[list.length - 1].force;
      if (existedBefore && wanted(force)) report.removed.push({ id, force });
    } else if (!d) {
      continue; // filtered out by --force
    } else if (!existedBefore) {
      report.new.push(entry());
    } else {
      const diff = composeDiffs(list.map((c) => c.diff ?? []));
      const reAdded = list.some((c) => c.change === 'new');
      if (diff.length || reAdded) report.changed.push({ ...entry(), diff });
    }
  }
  report.counts = { new: report.new.length, changed: report.changed.length, removed: report.removed.length };
  return report;
}
