import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/pipeline/parse.js';
import { DisclosureSchema, TABLES } from '../../src/records/schema.js';
import { LATEST_VERSION, MIGRATIONS } from '../../src/store/migrations.js';
import { Store, type SourceRef } from '../../src/store/store.js';
import { sampleDisclosure } from './store-sample.js';

let dir: string;
let store: Store;
const SRC: SourceRef[] = [
  { role: 'page', url: 'https://foi.west-midlands.police.uk/officer-convictions-65a-24/', sha256: 'a'.repeat(64), contentType: 'text/html' },
  { role: 'attachment', url: 'https://foi.west-midlands.police.uk/65A_24.pdf', sha256: 'b'.repeat(64), contentType: 'application/pdf', name: '65A_24.pdf' },
  { role: 'attachment', url: 'https://foi.west-midlands.police.uk/gone.pdf', sha256: null, contentType: null, name: 'gone', error: 'HTTP 404' },
];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'store-'));
  store = Store.open(join(dir, 'nested', 'foi.db'));
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const count = (table: string) => {
  const db = new Database(store.path, { readonly: true });
  try {
    return (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  } finally {
    db.close();
  }
};

describe('Store documents', () => {
  it('stores bytes by sha256 once and gives them back', () => {
    const bytes = new TextEncoder().encode('<html>hello</html>');
    const sha = store.putDocument(bytes, 'text/html');
    expect(sha).toBe('7e537e903df5bfa9c9de2dc590d2646f8b4aa71dd14877bd3e2eceda829a4618');
    expect(store.putDocument(bytes, null)).toBe(sha);
    expect(Buffer.from(store.getDocument(sha)!).toString()).toBe('<html>hello</html>');
    expect(store.getDocument('f'.repeat(64))).toBeNull();
    expect(count('documents')).toBe(1);
  });
});

describe('Store fetch log and url state', () => {
  it('records validators on 200, keeps them on 304, ignores errors', () => {
    const run = store.startRun('fetch', {});
    expect(store.urlState('https://x.police.uk/a')).toBeNull();
    store.logFetch({ runId: run, url: 'https://x.police.uk/a', status: 200, etag: '"v1"', lastModified: 'Mon, 01 Jan 2024 00:00:00 GMT', sha256: 'c'.repeat(64), contentType: 'text/html', bytes: 10 });
    expect(store.urlState('https://x.police.uk/a')).toEqual({ etag: '"v1"', lastModified: 'Mon, 01 Jan 2024 00:00:00 GMT', sha256: 'c'.repeat(64), contentType: 'text/html' });
    store.logFetch({ runId: run, url: 'https://x.police.uk/a', status: 304 });
    expect(store.urlState('https://x.police.uk/a')!.etag).toBe('"v1"');
    store.logFetch({ runId: run, url: 'https://x.police.uk/a', status: 304, etag: '"v2"', error: 'document not held' });
    expect(store.urlState('https://x.police.uk/a')!.etag).toBe('"v1"');
    store.logFetch({ runId: run, url: 'https://x.police.uk/a', status: 500, error: 'HTTP 500' });
    store.logFetch({ runId: run, url: 'https://x.police.uk/b', status: null, error: 'timeout after 30 s' });
    expect(store.urlState('https://x.police.uk/a')!.sha256).toBe('c'.repeat(64));
    expect(store.urlState('https://x.police.uk/b')).toBeNull();
    expect(count('fetch_log')).toBe(5);
    expect(store.status().failures.map((f) => [f.url, f.status, f.error])).toEqual([
      ['https://x.police.uk/a', 304, 'document not held'],
      ['https://x.police.uk/a', 500, 'HTTP 500'],
      ['https://x.police.uk/b', null, 'timeout after 30 s'],
    ]);
  });

  it('keeps where a request ended up (after redirects) with the URL state, on 200 and 304', () => {
    const run = store.startRun('fetch', {});
    const url = 'https://x.police.uk/a';
    const sha = store.putDocument(new TextEncoder().encode('<p>x</p>'), 'text/html');
    store.logFetch({ runId: run, url, status: 200, sha256: sha, contentType: 'text/html', finalUrl: 'https://x.police.uk/a/' });
    expect(store.storedCopy(url)!.finalUrl).toBe('https://x.police.uk/a/');
    store.logFetch({ runId: run, url, status: 304 }); // finalUrl not given: left as it was
    expect(store.storedCopy(url)!.finalUrl).toBe('https://x.police.uk/a/');
    store.logFetch({ runId: run, url, status: 304, finalUrl: null }); // no longer redirected
    expect(store.storedCopy(url)!.finalUrl).toBe(url);
    store.logFetch({ runId: run, url, status: 304, finalUrl: 'https://x.police.uk/b' });
    store.logFetch({ runId: run, url, status: 404, error: 'HTTP 404', finalUrl: 'https://x.police.uk/c' }); // a failure changes nothing
    expect(store.storedCopy(url)!.finalUrl).toBe('https://x.police.uk/b');
    store.logFetch({ runId: run, url, status: 200, sha256: sha, contentType: 'text/html' });
    expect(store.storedCopy(url)!.finalUrl).toBe('https://x.police.uk/b');
  });
});

describe('Store disclosures', () => {
  it('round-trips a nested disclosure exactly, with its sources', () => {
    const d = sampleDisclosure();
    const run = store.startRun('fetch', {});
    expect(store.upsertDisclosure(d, SRC, run)).toBe('new');
    const [back] = store.disclosures();
    expect(back).toEqual(d);
    expect(DisclosureSchema.parse(back)).toEqual(d);
    expect(JSON.stringify(back)).toBe(JSON.stringify(DisclosureSchema.parse(d)));
    expect(store.sourcesOf(d.id)).toEqual([
      { ...SRC[0], name: null, error: null },
      { ...SRC[1], error: null },
      { ...SRC[2] },
    ]);
    expect(store.disclosureIds()).toEqual([d.id]);
    expect(count('figures')).toBe(2);
    expect(count('cases')).toBe(1);
  });

  it('round-trips a disclosure parsed from text', async () => {
    const d = await parseDocument({ bytes: new TextEncoder().encode('Freedom of Information Request\nI note you seek access to the following information:\n1. How many officers were convicted since 2018?\nSection 40(2) applies.\n'), name: 'r.txt' });
    store.upsertDisclosure(d, [{ role: 'page', url: 'file:r.txt', sha256: d.content_sha256, contentType: 'text/plain' }], store.startRun('parse', {}));
    expect(store.disclosures()).toEqual([d]);
  });

  it('stores flat columns the way SQL users expect: booleans 0/1, lists as JSON', () => {
    store.upsertDisclosure(sampleDisclosure(), SRC, 1);
    const db = new Database(store.path, { readonly: true });
    const row = db.prepare('SELECT ncnd, topics, warnings FROM disclosures').get();
    const period = db.prepare('SELECT "start", "end", questions FROM periods').get();
    const fig = db.prepare('SELECT value, is_total FROM figures ORDER BY ordinal').all();
    db.close();
    expect(row).toEqual({ ncnd: 0, topics: '["convictions","suspensions"]', warnings: '["attachment x.pdf: not fetched (timeout)"]' });
    expect(period).toEqual({ start: '2019-01-01', end: null, questions: '["1","2"]' });
    expect(fig).toEqual([{ value: 21, is_total: 0 }, { value: -3, is_total: 1 }]);
  });

  it('stores every child row of a disclosure with many (rows go in several per INSERT)', () => {
    const base = sampleDisclosure();
    // 37 figures: groups of 16, 16, 4 and 1 rows.
    const figures = Array.from({ length: 37 }, (_, i) => ({ ...base.figures[0], ordinal: i + 1, value: i * 3 }));
    const d = { ...base, figures };
    store.upsertDisclosure(d, SRC, 1);
    const db = new Database(store.path, { readonly: true });
    const rows = db.prepare('SELECT ordinal, value FROM figures ORDER BY rowid').all();
    db.close();
    expect(rows).toEqual(figures.map((f) => ({ ordinal: f.ordinal, value: f.value })));
    expect(store.disclosure(d.id)).toEqual(d);
  });

  it('upserts idempotently: no duplicates, unchanged detected, changes updated in place with a field diff', () => {
    const d = sampleDisclosure();
    expect(store.upsertDisclosure(d, SRC, 1)).toBe('new');
    expect(store.upsertDisclosure(structuredClone(d), SRC, 2)).toBe('unchanged');
    // Same record with keys in another order is still unchanged.
    const reordered = Object.fromEntries(Object.entries(d).reverse()) as typeof d;
    expect(store.upsertDisclosure(reordered, SRC, 2)).toBe('unchanged');
    const changed = sampleDisclosure(d.id, { title: 'Officer convictions (updated)', outcome: 'full' });
    changed.figures = changed.figures.slice(0, 1);
    changed.figures[0].value = 22;
    expect(store.upsertDisclosure(changed, SRC.slice(0, 1), 3)).toBe('changed');
    expect(count('disclosures')).toBe(1);
    expect(count('figures')).toBe(1);
    expect(count('sources')).toBe(1);
    expect(store.disclosures()).toEqual([changed]);
    const rows = store.changes(0, 99);
    expect(rows.map((r) => [r.runId, r.change])).toEqual([
      [1, 'new'],
      [3, 'changed'],
    ]);
    expect(rows[1].diff).toEqual([
      { path: 'title', from: 'Officer Convictions', to: 'Officer convictions (updated)' },
      { path: 'outcome', from: 'partial', to: 'full' },
      { path: 'figures[1].value', from: 21, to: 22 },
      { path: 'figures[2]', from: d.figures[1], to: null },
    ]);
    expect(store.lastChangeRun()).toBe(3);
  });

  it('rejects a record that breaks the schema or its own keys, storing nothing', () => {
    const bad = sampleDisclosure();
    (bad as { outcome: string }).outcome = 'maybe';
    expect(() => store.upsertDisclosure(bad, SRC, 1)).toThrow(/west-midlands\/65a-24 fails the schema at outcome/);
    const dup = sampleDisclosure();
    dup.figures[1].ordinal = 1;
    expect(() => store.upsertDisclosure(dup, SRC, 1)).toThrow('two figures rows have ordinal 1');
    expect(count('disclosures')).toBe(0);
  });

  it('removes a disclosure with its rows and records it', () => {
    store.upsertDisclosure(sampleDisclosure(), SRC, 1);
    expect(store.removeDisclosure('west-midlands/65a-24', 2)).toBe(true);
    expect(store.removeDisclosure('west-midlands/65a-24', 2)).toBe(false);
    expect(['disclosures', 'figures', 'sources'].map(count)).toEqual([0, 0, 0]);
    expect(store.changes(1, 2).map((c) => [c.disclosureId, c.force, c.change])).toEqual([['west-midlands/65a-24', 'west-midlands', 'removed']]);
  });

  it('filters by force, ordered by id', () => {
    store.upsertDisclosure(sampleDisclosure('west-midlands/b'), [], 1);
    store.upsertDisclosure(sampleDisclosure('essex/a', { force: 'essex' }), [], 1);
    store.upsertDisclosure(sampleDisclosure('west-midlands/a'), [], 1);
    expect(store.disclosures().map((d) => d.id)).toEqual(['essex/a', 'west-midlands/a', 'west-midlands/b']);
    expect(store.disclosures({ force: ['west-midlands'] }).map((d) => d.id)).toEqual(['west-midlands/a', 'west-midlands/b']);
  });
});

describe('Store runs and status', () => {
  it('reports documents and disclosures per force and the last run', () => {
    const run = store.startRun('fetch', { force: ['west-midlands'] });
    const sha = store.putDocument(new TextEncoder().encode('page'), 'text/html');
    store.upsertDisclosure(sampleDisclosure(), [{ role: 'page', url: 'https://foi.west-midlands.police.uk/p', sha256: sha, contentType: 'text/html' }], run);
    store.upsertDisclosure(sampleDisclosure('unknown/u-1', { force: null }), [], run);
    store.finishRun(run, { new: 2 }, 'ok');
    const s = store.status();
    expect(s.documents).toEqual({ count: 1, bytes: 4 });
    expect(s.disclosures).toBe(2);
    expect(s.forces).toEqual([
      { force: 'west-midlands', disclosures: 1, documents: 1 },
      { force: null, disclosures: 1, documents: 0 },
    ]);
    expect(s.lastRun).toMatchObject({ id: run, kind: 'fetch', status: 'ok', args: { force: ['west-midlands'] }, stats: { new: 2 } });
    expect(s.lastRun!.finishedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(store.integrityCheck()).toBe('ok');
  });
});

describe('Store migrations', () => {
  it('creates every dataset column of the schemas', () => {
    const db = new Database(store.path, { readonly: true });
    for (const [table, schema] of Object.entries(TABLES)) {
      const cols = (db.prepare(`PRAGMA table_info(${table})`).all() as Array<{ name: string }>).map((c) => c.name);
      // In the schema's order; columns added by a later migration come after the store's own (ALTER TABLE appends).
      expect(cols.filter((c) => c in schema.shape), table).toEqual(Object.keys(schema.shape));
    }
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    db.close();
  });

  it('upgrades a version-1 store, keeping its data', () => {
    const path = join(dir, 'old.db');
    const db = new Database(path);
    db.exec(MIGRATIONS[0].sql);
    db.pragma('user_version = 1');
    db.prepare("INSERT INTO documents VALUES ('" + 'd'.repeat(64) + "', x'6869', 'text/plain', 2, '2024-01-01T00:00:00Z')").run();
    db.close();
    const s = Store.open(path);
    expect(Buffer.from(s.getDocument('d'.repeat(64))!).toString()).toBe('hi');
    s.upsertDisclosure(sampleDisclosure(), SRC, 1);
    expect(s.disclosures()).toHaveLength(1);
    s.close();
    const after = new Database(path, { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    const indexes = (after.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'changes_run'").all() as unknown[]).length;
    after.close();
    expect(indexes).toBe(1);
  });

  it('refuses a store written by a newer version, naming it', () => {
    const path = join(dir, 'new.db');
    const db = new Database(path);
    db.pragma(`user_version = ${LATEST_VERSION + 1}`);
    db.close();
    expect(() => Store.open(path)).toThrow(`store ${path} has schema version ${LATEST_VERSION + 1}, newer than this foi-harvest understands`);
  });

  it('does not create a store when asked not to', () => {
    expect(() => Store.open(join(dir, 'missing.db'), { create: false })).toThrow(`no store at ${join(dir, 'missing.db')}`);
  });
});
