// linkDuplicates: the same response from two sources points at the other; a row that already
// says what it should is left alone (and not counted as changed); a lone row is cleared.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Store } from '../../src/store/store.js';
import { sampleDisclosure } from './store-sample.js';

const dir = mkdtempSync(join(tmpdir(), 'store-dup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('linkDuplicates', () => {
  it('links twins once, keeps them linked, and clears a row whose twin is gone', () => {
    const store = Store.open(join(dir, 'store.db'));
    const run = store.startRun('fetch', null);
    const own = sampleDisclosure('west-midlands/65a-24', { source: 'west-midlands' });
    const wdtk = sampleDisclosure('whatdotheyknow/officer_convictions', { source: 'whatdotheyknow', reference: '65a / 24' });
    const other = sampleDisclosure('west-midlands/70-24', { source: 'west-midlands', reference: '70/24' });
    for (const d of [own, wdtk, other]) store.upsertDisclosure(d, [], run);

    expect(store.linkDuplicates(run).sort()).toEqual(['west-midlands/65a-24', 'whatdotheyknow/officer_convictions']);
    expect(store.disclosure(own.id)!.duplicate_of).toBe(wdtk.id);
    expect(store.disclosure(wdtk.id)!.duplicate_of).toBe(own.id);
    expect(store.disclosure(other.id)!.duplicate_of).toBe(null);
    expect(store.linkDuplicates(run)).toEqual([]);

    store.removeDisclosure(wdtk.id, run);
    expect(store.linkDuplicates(run)).toEqual([own.id]);
    expect(store.disclosure(own.id)!.duplicate_of).toBe(null);
    expect(store.linkDuplicates(run)).toEqual([]);
    store.close();
  });
});
