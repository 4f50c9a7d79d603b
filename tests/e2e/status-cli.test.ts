import { LATEST_VERSION } from '../../src/store/migrations.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Store } from '../../src/store/store.js';
import { runCli } from '../support/cli.js';
import { buildStore } from '../unit/store-build.js';

let dir: string;
let db: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'status-e2e-'));
  db = join(dir, 'foi.db');
  await buildStore(db);
  const store = Store.open(db);
  const run = store.startRun('fetch', { force: ['west-midlands'] });
  store.logFetch({ runId: run, url: 'https://foi.west-midlands.police.uk/gone/', status: 404, error: 'HTTP 404' });
  store.logFetch({ runId: run, url: 'https://foi.west-midlands.police.uk/ok/', status: 200, bytes: 3 });
  store.finishRun(run, { new: 0, failed: 1 }, 'partial');
  store.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('foi-harvest status', () => {
  it('reports documents and disclosures per force, the last run and its failures as JSON', () => {
    const r = runCli(['status', '--store', db, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s.documents.count).toBe(4); // three pages and one CSV attachment
    expect(s.disclosures).toBe(3);
    const wmp = s.forces.find((f: { force: string | null }) => f.force === 'west-midlands');
    expect(wmp).toEqual({ force: 'west-midlands', disclosures: 2, documents: 3 });
    expect(s.forces.reduce((n: number, f: { disclosures: number }) => n + f.disclosures, 0)).toBe(3);
    expect(s.lastRun).toMatchObject({ kind: 'fetch', status: 'partial', stats: { new: 0, failed: 1 } });
    expect(s.failures).toMatchObject([{ url: 'https://foi.west-midlands.police.uk/gone/', status: 404, error: 'HTTP 404' }]);
  });

  it('prints a readable summary', () => {
    const r = runCli(['status', '--store', db]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`store: ${db} (schema version ${LATEST_VERSION})\ndocuments: 4 (`);
    expect(r.stdout).toMatch(/\n {2}west-midlands {2,}2 {2,}3\n/);
    expect(r.stdout).toMatch(/\nlast run: #\d+ fetch, partial, \d{4}-\d\d-\d\d \d\d:\d\d UTC \(\d+\.\d s\): 0 new, 1 failed\n/);
    expect(r.stdout).toContain('failed fetches (run #');
    expect(r.stdout).toContain('  https://foi.west-midlands.police.uk/gone/: HTTP 404\n');
  });

  it('after an export, also shows the last fetch', () => {
    expect(runCli(['export', '--store', db, '--out', join(dir, 'out'), '--format', 'json']).code).toBe(0);
    const r = runCli(['status', '--store', db]);
    expect(r.stdout).toMatch(/last run: #\d+ export, ok, .*\nlast fetch: #\d+ fetch, partial, /);
  });

  it('does not create a missing store', () => {
    const r = runCli(['status', '--store', join(dir, 'none.db')]);
    expect([r.code, r.stderr]).toEqual([2, `foi-harvest: error: --store: no store at ${join(dir, 'none.db')} (run foi-harvest fetch first)\n`]);
    expect(runCli(['status', '--store', db, '--format', 'xml']).code).toBe(2);
  });
});
