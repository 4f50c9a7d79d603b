import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildChanges, changesWindow } from '../../src/export/changes.js';
import { composeDiffs, diffRecords } from '../../src/store/diff.js';
import { Store } from '../../src/store/store.js';
import { sampleDisclosure } from './store-sample.js';

let dir: string;
let store: Store;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'changes-'));
  store = Store.open(join(dir, 's.db'));
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const exported = (window: { after: number; through: number }) => {
  const id = store.startRun('export', {});
  store.finishRun(id, { changes_window: window }, 'ok');
};

describe('diffRecords', () => {
  it.each([
    [{ a: 1, b: [1, 2] }, { a: 1, b: [1, 2] }, []],
    [{ a: 1 }, { a: 2 }, [{ path: 'a', from: 1, to: 2 }]],
    [{ t: ['x'] }, { t: ['x', 'y'] }, [{ path: 't', from: ['x'], to: ['x', 'y'] }]],
    [{ f: [{ v: 1 }] }, { f: [{ v: 1 }, { v: 2 }] }, [{ path: 'f[2]', from: null, to: { v: 2 } }]],
    [{ f: [{ v: 1, w: 0 }] }, { f: [{ w: 0, v: 3 }] }, [{ path: 'f[1].v', from: 1, to: 3 }]],
    [{ a: null }, { a: 'x', b: 1 }, [{ path: 'a', from: null, to: 'x' }, { path: 'b', from: null, to: 1 }]],
  ])('%j → %j', (a, b, expected) => {
    expect(diffRecords(a, b)).toEqual(expected);
  });

  it('composes successive diffs into the net change', () => {
    expect(
      composeDiffs([
        [{ path: 'a', from: 1, to: 2 }, { path: 'b', from: 'x', to: 'y' }],
        [{ path: 'a', from: 2, to: 3 }, { path: 'b', from: 'y', to: 'x' }],
      ]),
    ).toEqual([{ path: 'a', from: 1, to: 3 }]);
  });
});

describe('changes report', () => {
  it('lists new, changed (net field diff) and removed since the previous export, the same again if nothing ran', () => {
    const r1 = store.startRun('fetch', {});
    for (const id of ['essex/a', 'essex/b', 'west-midlands/c']) store.upsertDisclosure(sampleDisclosure(id, id.startsWith('essex') ? { force: 'essex' } : {}), [], r1);
    const w1 = changesWindow(store);
    expect(w1).toEqual({ after: 0, through: r1 });
    expect(buildChanges(store, w1).new.map((e) => e.id)).toEqual(['essex/a', 'essex/b', 'west-midlands/c']);
    exported(w1);

    const r2 = store.startRun('fetch', {});
    store.upsertDisclosure(sampleDisclosure('essex/a', { force: 'essex', title: 'Renamed' }), [], r2);
    store.removeDisclosure('essex/b', r2);
    store.upsertDisclosure(sampleDisclosure('west-midlands/d'), [], r2);
    const r3 = store.startRun('reparse', {});
    store.upsertDisclosure(sampleDisclosure('essex/a', { force: 'essex', title: 'Renamed', outcome: 'full' }), [], r3);
    store.upsertDisclosure(sampleDisclosure('west-midlands/e'), [], r3);
    store.removeDisclosure('west-midlands/e', r3);

    const w2 = changesWindow(store);
    expect(w2).toEqual({ after: r1, through: r3 });
    expect(r3).toBe(r2 + 1);
    const report = buildChanges(store, w2);
    expect(report).toEqual({
      from_run: r1,
      through_run: r3,
      counts: { new: 1, changed: 1, removed: 1 },
      new: [{ id: 'west-midlands/d', force: 'west-midlands', title: 'Officer Convictions', url: sampleDisclosure().url }],
      changed: [
        {
          id: 'essex/a',
          force: 'essex',
          title: 'Renamed',
          url: sampleDisclosure().url,
          diff: [
            { path: 'title', from: 'Officer Convictions', to: 'Renamed' },
            { path: 'outcome', from: 'partial', to: 'full' },
          ],
        },
      ],
      removed: [{ id: 'essex/b', force: 'essex' }],
    });
    expect(buildChanges(store, w2, { force: ['essex'] }).counts).toEqual({ new: 0, changed: 1, removed: 1 });
    exported(w2);
    // Nothing has run since: the next export repeats the same report.
    expect(changesWindow(store)).toEqual(w2);
    // A failed export does not move the window.
    const failed = store.startRun('export', {});
    store.finishRun(failed, { changes_window: { after: 99, through: 100 } }, 'failed');
    expect(changesWindow(store)).toEqual(w2);
    // A fetch that found nothing new: the next report is empty, not yesterday's again.
    const r4 = store.startRun('fetch', {});
    store.upsertDisclosure(sampleDisclosure('west-midlands/d'), [], r4);
    store.finishRun(r4, {}, 'ok');
    expect(changesWindow(store)).toEqual({ after: r3, through: r4 });
    expect(buildChanges(store, changesWindow(store))).toEqual({ from_run: r3, through_run: r4, counts: { new: 0, changed: 0, removed: 0 }, new: [], changed: [], removed: [] });
  });
});
