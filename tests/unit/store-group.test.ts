// Store.groupCommits: a crawl's writes share a transaction per group, yet each write still
// succeeds or fails alone, and nothing is lost at finishRun/close.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Disclosure } from '../../src/records/schema.js';
import { Store } from '../../src/store/store.js';
import { sampleDisclosure } from './store-sample.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'store-group-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const SRC = [{ role: 'page' as const, url: 'https://x.example/p', sha256: null, contentType: null }];
const countIn = (path: string) => {
  const db = new Database(path, { readonly: true });
  try {
    return (db.prepare('SELECT COUNT(*) AS n FROM disclosures').get() as { n: number }).n;
  } finally {
    db.close();
  }
};

describe('Store.groupCommits', () => {
  it('commits every maxWrites writes, and the rest at finishRun', () => {
    const path = join(dir, 's.db');
    const store = Store.open(path);
    const run = store.startRun('fetch', null);
    store.groupCommits({ maxWrites: 3, maxMs: 60_000 });
    store.upsertDisclosure(sampleDisclosure('a/1'), SRC, run);
    store.upsertDisclosure(sampleDisclosure('a/2'), SRC, run);
    expect(countIn(path)).toBe(0); // another connection sees nothing yet
    store.upsertDisclosure(sampleDisclosure('a/3'), SRC, run);
    expect(countIn(path)).toBe(3);
    store.upsertDisclosure(sampleDisclosure('a/4'), SRC, run);
    expect(store.disclosureIds()).toEqual(['a/1', 'a/2', 'a/3', 'a/4']); // its own writes, at once
    expect(countIn(path)).toBe(3);
    store.finishRun(run, {}, 'ok');
    expect(countIn(path)).toBe(4);
    store.close();
  });

  it('a write that fails is undone alone; the group keeps the others', () => {
    const path = join(dir, 's.db');
    const store = Store.open(path);
    const run = store.startRun('fetch', null);
    store.groupCommits({ maxWrites: 100, maxMs: 60_000 });
    store.upsertDisclosure(sampleDisclosure('a/1'), SRC, run);
    const bad = { ...sampleDisclosure('a/2'), outcome: 'maybe' } as unknown as Disclosure;
    expect(() => store.upsertDisclosure(bad, SRC, run)).toThrow(/a\/2 fails the schema at outcome/);
    const twoSources = [...SRC, { role: 'nonsense', url: 'x', sha256: null, contentType: null }] as unknown as typeof SRC;
    expect(() => store.upsertDisclosure(sampleDisclosure('a/3'), twoSources, run)).toThrow(/role must be page or attachment/);
    store.upsertDisclosure(sampleDisclosure('a/4'), SRC, run);
    store.close();
    expect(countIn(path)).toBe(2);
    const again = Store.open(path);
    expect(again.disclosureIds()).toEqual(['a/1', 'a/4']);
    again.close();
  });

  it('a grouped write that fails half-way (after its checks) rolls the open group back, never leaves half a record', () => {
    const path = join(dir, 's.db');
    // A failure SQLite raises after the disclosure row is in: the change row is refused for a/3.
    const store = Store.open(path);
    const raw = new Database(path);
    raw.exec(`CREATE TRIGGER refuse_a3 BEFORE INSERT ON changes WHEN NEW.disclosure_id = 'a/3' BEGIN SELECT RAISE(ABORT, 'refused by test'); END`);
    raw.close();
    const run = store.startRun('fetch', null);
    store.groupCommits({ maxWrites: 100, maxMs: 60_000 });
    store.upsertDisclosure(sampleDisclosure('a/1'), SRC, run);
    store.logFetch({ runId: run, url: 'https://x.example/p', status: 200, sha256: null });
    expect(() => store.upsertDisclosure(sampleDisclosure('a/3'), SRC, run)).toThrow(/refused by test \(the store's open group of writes was rolled back/);
    // The group is gone (a/1 and the log line with it), a/3 left nothing; the store goes on.
    expect(store.disclosureIds()).toEqual([]);
    store.upsertDisclosure(sampleDisclosure('a/4'), SRC, run);
    store.finishRun(run, {}, 'partial');
    store.close();
    expect(countIn(path)).toBe(1);
    const db = new Database(path, { readonly: true });
    expect((db.prepare('SELECT COUNT(*) AS n FROM fetch_log').get() as { n: number }).n).toBe(0);
    expect((db.prepare("SELECT COUNT(*) AS n FROM sources WHERE disclosure_id = 'a/3'").get() as { n: number }).n).toBe(0);
    db.close();
  });

  it('commits a quiet group after maxMs', async () => {
    const path = join(dir, 's.db');
    const store = Store.open(path);
    const run = store.startRun('fetch', null);
    store.groupCommits({ maxWrites: 100, maxMs: 20 });
    store.upsertDisclosure(sampleDisclosure('a/1'), SRC, run);
    expect(countIn(path)).toBe(0);
    await new Promise((r) => setTimeout(r, 60));
    expect(countIn(path)).toBe(1);
    store.close();
  });
});
