// The streamed export (one record at a time, src/export/writers.ts) must give exactly the
// files of the in-memory way of writing them — JSON.stringify of the whole array, flatten()
// + tableToCsv per table, writeSqlite of all rows — on every fixture document's disclosure.
import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableToCsv } from '../../src/export/csv.js';
import { writeSqlite } from '../../src/export/sqlite.js';
import { DATASET_TABLE_NAMES, asDataset, flatten } from '../../src/export/tables.js';
import { writeExport } from '../../src/export/write.js';
import { parseDocument } from '../../src/pipeline/parse.js';
import type { DatasetTable, Disclosure } from '../../src/records/schema.js';
import { Store } from '../../src/store/store.js';
import { hostileDisclosure, sampleDisclosure } from './store-sample.js';

function* walk(d: string): Generator<string> {
  for (const e of readdirSync(d).sort()) {
    const p = join(d, e);
    if (statSync(p).isDirectory()) yield* walk(p);
    else yield p;
  }
}

let dir: string;
let all: Disclosure[] = [];
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'export-stream-'));
  const seen = new Set<string>();
  for (const root of ['fixtures', 'tests/fixtures']) {
    for (const f of walk(root)) {
      if (statSync(f).size > 5_000_000) continue;
      try {
        const d = await parseDocument({ bytes: readFileSync(f), name: basename(f) });
        if (seen.has(d.id)) continue; // ids are keys: the same document twice is one record
        seen.add(d.id);
        all.push(d);
      } catch {
        // broken fixtures (encrypted, truncated, binary) are error paths, not export input
      }
    }
  }
  all.push(hostileDisclosure(), sampleDisclosure());
  all = all.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Every exported table, figures_flat included (a view in the SQLite file).
const TABLE_NAMES = DATASET_TABLE_NAMES;
const rowsOfDb = (path: string, table: DatasetTable) => {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare(`SELECT * FROM "${table}" ORDER BY 1, 2`).all();
  } finally {
    db.close();
  }
};

describe('streamed export = in-memory export', () => {
  it('has many fixture disclosures with child rows to compare', () => {
    expect(all.length).toBeGreaterThan(100);
    const tables = flatten(all);
    for (const t of ['questions', 'figures', 'exemptions', 'periods'] as const) expect(tables[t].length).toBeGreaterThan(50);
  });

  it('gives identical JSON, NDJSON and CSV bytes, and the same SQLite rows', async () => {
    const out = join(dir, 'all');
    // A generator, as the store's cursor hands them over: the writer never sees an array.
    const files = await writeExport((function* () { yield* all; })(), { out, formats: ['csv', 'json', 'ndjson', 'sqlite'] });
    expect(files).toContain('disclosures.json');
    // Records go out marked (corrected: false here: no corrections were given).
    const marked = all.map(asDataset);
    expect(readFileSync(join(out, 'disclosures.json'), 'utf8')).toBe(JSON.stringify(marked, null, 2) + '\n');
    expect(JSON.parse(readFileSync(join(out, 'disclosures.json'), 'utf8'))).toEqual(marked);
    expect(readFileSync(join(out, 'disclosures.ndjson'), 'utf8')).toBe(marked.map((d) => JSON.stringify(d) + '\n').join(''));
    expect(readFileSync(join(out, 'figures_flat.ndjson'), 'utf8')).toBe(flatten(all).figures_flat.map((r) => JSON.stringify(r) + '\n').join(''));
    const tables = flatten(all);
    for (const t of TABLE_NAMES) expect(readFileSync(join(out, `${t}.csv`), 'utf8'), t).toBe(tableToCsv(t, tables[t]));
    const ref = join(dir, 'ref.sqlite');
    writeSqlite(ref, tables);
    for (const t of TABLE_NAMES) expect(rowsOfDb(join(out, 'foi-harvest.sqlite'), t), t).toEqual(rowsOfDb(ref, t));
  });

  it('writes the Excel byte-order mark once per CSV file, and an empty export as the empty array', async () => {
    const out = join(dir, 'excel');
    await writeExport(all.slice(0, 7), { out, formats: ['csv'], excel: true });
    const tables = flatten(all.slice(0, 7));
    for (const t of TABLE_NAMES) expect(readFileSync(join(out, `${t}.csv`), 'utf8')).toBe(tableToCsv(t, tables[t], { excel: true }));
    const empty = join(dir, 'empty');
    await writeExport([], { out: empty, formats: ['json', 'ndjson', 'csv'] });
    expect(readFileSync(join(empty, 'disclosures.json'), 'utf8')).toBe(JSON.stringify([], null, 2) + '\n');
    expect(readFileSync(join(empty, 'disclosures.ndjson'), 'utf8')).toBe('');
    for (const t of TABLE_NAMES) expect(readFileSync(join(empty, `${t}.csv`), 'utf8')).toBe(tableToCsv(t, []));
  });

  it('guards formulas in every CSV, figures_flat.csv included, unless --no-formula-guard, and says which in datapackage.json', async () => {
    const tables = flatten(all);
    for (const guard of [true, false]) {
      const out = join(dir, `guard-${guard}`);
      await writeExport(all, { out, formats: ['csv'], formulaGuard: guard });
      for (const t of TABLE_NAMES) expect(readFileSync(join(out, `${t}.csv`), 'utf8'), t).toBe(tableToCsv(t, tables[t], { formulaGuard: guard }));
      expect(JSON.parse(readFileSync(join(out, 'datapackage.json'), 'utf8')).formulaGuard.applied).toBe(guard);
    }
    // The fixtures hold formula-like text, so the two settings really differ.
    expect(readFileSync(join(dir, 'guard-true', 'disclosures.csv'), 'utf8')).not.toBe(readFileSync(join(dir, 'guard-false', 'disclosures.csv'), 'utf8'));
    expect(readFileSync(join(dir, 'guard-true', 'figures_flat.csv'), 'utf8')).toContain(`"'=HYPERLINK(`);
    expect(readFileSync(join(dir, 'guard-false', 'figures_flat.csv'), 'utf8')).toContain(`"=HYPERLINK(`);
  });
});

describe('Store.iterateDisclosures', () => {
  it('pages through the store in id order, each record once, whatever the page size', () => {
    const store = Store.open(join(dir, 'iter.sqlite'));
    try {
      const run = store.startRun('test', null);
      const some = all.slice(0, 40);
      for (const d of [...some].reverse()) store.upsertDisclosure(d, [{ role: 'page', url: d.url ?? `file:${d.id}`, sha256: null, contentType: null }], run);
      for (const size of [1, 3, 39, 40, 41, 500]) expect([...store.iterateDisclosures({ pageSize: size })], String(size)).toEqual(some);
      const forces = [...new Set(some.map((d) => d.force).filter((f): f is string => !!f))].slice(0, 2);
      expect([...store.iterateDisclosures({ force: forces, pageSize: 2 })]).toEqual(some.filter((d) => d.force && forces.includes(d.force)));
      expect(store.countDisclosures()).toBe(40);
    } finally {
      store.close();
    }
  });

  it('does not visit a record added while it iterates (reparse may rename ids)', () => {
    const store = Store.open(join(dir, 'iter-grow.sqlite'));
    try {
      const run = store.startRun('test', null);
      const src = [{ role: 'page' as const, url: 'https://x.example/a', sha256: null, contentType: null }];
      store.upsertDisclosure(sampleDisclosure('a/1'), src, run);
      store.upsertDisclosure(sampleDisclosure('c/1'), src, run);
      const seen: string[] = [];
      for (const d of store.iterateDisclosures({ pageSize: 1 })) {
        seen.push(d.id);
        if (d.id === 'a/1') store.upsertDisclosure(sampleDisclosure('b/1'), src, run); // sorts between a and c
      }
      expect(seen).toEqual(['a/1', 'c/1']);
      expect([...store.iterateDisclosures()].map((d) => d.id)).toEqual(['a/1', 'b/1', 'c/1']);
    } finally {
      store.close();
    }
  });
});
