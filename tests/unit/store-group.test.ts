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
