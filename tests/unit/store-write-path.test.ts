// The store's write path (issue 17): the compiled row pushers give toSqlValue's values, the
// ordinal gate names the same first bad row as a row-by-row look, and the url_state statements
// written once store what they did when joined per request.
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fieldsOf, rowPusher, toSqlValue } from '../../src/export/fields.js';
import { CHILD_TABLES, type Disclosure } from '../../src/records/schema.js';
import { checkRowKeys, Store } from '../../src/store/store.js';
import { sampleDisclosure } from './store-sample.js';

type Row = Record<string, unknown>;

describe('rowPusher', () => {
  it('pushes what toSqlValue gives for each column, in column order, for every table', () => {
    const d = sampleDisclosure() as unknown as Row;
    for (const t of ['disclosures', ...CHILD_TABLES] as const) {
      const row = (t === 'disclosures' ? d : (d[t] as Row[])[0]) as Row;
      const out: unknown[] = ['before'];
      rowPusher(t)(row, out);
      expect(out).toEqual(['before', ...fieldsOf(t).map((f) => toSqlValue(f, row[f.name]))]);
    }
  });

  it('gives exactly toSqlValue for null, undefined, booleans, lists and numbers in any column', () => {
    const value = fc.oneof(fc.constant(null), fc.constant(undefined), fc.boolean(), fc.integer(), fc.double(), fc.string({ maxLength: 4 }), fc.array(fc.integer(), { maxLength: 3 }));
    for (const t of ['disclosures', ...CHILD_TABLES] as const) {
      const fields = fieldsOf(t);
      fc.assert(
        fc.property(fc.array(value, { minLength: fields.length, maxLength: fields.length }), (vals) => {
          const row: Row = Object.fromEntries(fields.map((f, i) => [f.name, vals[i]]));
          const out: unknown[] = [];
          rowPusher(t)(row, out);
          expect(out).toEqual(fields.map((f) => toSqlValue(f, row[f.name])));
        }),
        { numRuns: 100, seed: 20261130 },
      );
    }
  });
});

describe('checkRowKeys', () => {
  const rec = (ordinals: number[], ids?: string[]) => {
    const d = sampleDisclosure();
    const q = d.questions[0];
    d.questions = ordinals.map((o, i) => ({ ...q, ordinal: o, disclosure_id: ids?.[i] ?? d.id }));
    return d;
  };
  const cases: Array<[string, Disclosure, string | null]> = [
    ['no rows', rec([]), null],
    ['1, 2, 3', rec([1, 2, 3]), null],
    ['unique but out of order', rec([2, 1, 3]), null],
    ['unique with a gap', rec([1, 3]), null],
    ['a repeated ordinal', rec([1, 2, 2]), 'disclosure west-midlands/65a-24: two questions rows have ordinal 2'],
    ['a repeat before a foreign row', rec([1, 1, 3], ['west-midlands/65a-24', 'west-midlands/65a-24', 'x']), 'disclosure west-midlands/65a-24: two questions rows have ordinal 1'],
    ['a foreign row before a repeat', rec([1, 2, 2], ['west-midlands/65a-24', 'x', 'west-midlands/65a-24']), 'disclosure west-midlands/65a-24: a questions row belongs to x'],
    ['a foreign row in order', rec([1, 2], ['west-midlands/65a-24', 'y']), 'disclosure west-midlands/65a-24: a questions row belongs to y'],
  ];
  it.each(cases)('%s', (_, d, message) => {
    if (message === null) expect(() => checkRowKeys(d, 'questions')).not.toThrow();
    else expect(() => checkRowKeys(d, 'questions')).toThrow(message);
  });
});

describe('url_state writes of logFetch', () => {
  it('stores a 200 with and without its final URL, and a 304, as before', () => {
    const dir = mkdtempSync(join(tmpdir(), 'store-wp-'));
    try {
      const store = Store.open(join(dir, 'foi.db'));
      const run = store.startRun('fetch', {});
      store.logFetch({ runId: run, url: 'http://a/1', status: 200, etag: '"e1"', lastModified: 'lm1', bytes: 3, sha256: 'a'.repeat(64), contentType: 'text/html' });
      store.logFetch({ runId: run, url: 'http://a/2', status: 200, etag: null, lastModified: null, bytes: 3, sha256: 'b'.repeat(64), contentType: 'text/html', finalUrl: 'http://a/2b' });
      store.logFetch({ runId: run, url: 'http://a/1', status: 304, etag: '"e2"', lastModified: null });
      store.logFetch({ runId: run, url: 'http://a/2', status: 304, etag: null, lastModified: 'lm2', finalUrl: 'http://a/2c' });
      store.close();
      const db = new Database(join(dir, 'foi.db'), { readonly: true });
      const rows = db.prepare('SELECT url, etag, last_modified, sha256, content_type, status, final_url FROM url_state ORDER BY url').all();
      db.close();
      expect(rows).toEqual([
        { url: 'http://a/1', etag: '"e2"', last_modified: 'lm1', sha256: 'a'.repeat(64), content_type: 'text/html', status: 304, final_url: null },
        { url: 'http://a/2', etag: null, last_modified: 'lm2', sha256: 'b'.repeat(64), content_type: 'text/html', status: 304, final_url: 'http://a/2c' },
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('child rows written several to a statement', () => {
  it.each([1, 7, 16, 17, 37])('stores %i figures once each, in order, with their values', (n) => {
    const dir = mkdtempSync(join(tmpdir(), 'store-wp-'));
    try {
      const store = Store.open(join(dir, 'foi.db'));
      const d = sampleDisclosure();
      d.figures = Array.from({ length: n }, (_, i) => ({ ...d.figures[0], ordinal: i + 1, value: i * 10 + 0.5, is_total: i % 2 === 0 }));
      expect(store.upsertDisclosure(d, [], 1)).toBe('new');
      store.close();
      const db = new Database(join(dir, 'foi.db'), { readonly: true });
      const rows = db.prepare('SELECT ordinal, value, is_total FROM figures ORDER BY rowid').all();
      db.close();
      expect(rows).toEqual(Array.from({ length: n }, (_, i) => ({ ordinal: i + 1, value: i * 10 + 0.5, is_total: i % 2 === 0 ? 1 : 0 })));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
