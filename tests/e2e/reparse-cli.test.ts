import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { Store } from '../../src/store/store.js';
import { runCli } from '../support/cli.js';
import { buildStore } from '../unit/store-build.js';
import { sampleDisclosure } from '../unit/store-sample.js';

let db: string;
let ids: string[];
beforeEach(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'reparse-e2e-'));
  db = join(dir, 'foi.db');
  ids = await buildStore(db);
  return () => rmSync(dir, { recursive: true, force: true });
});

const withStore = <T>(fn: (s: Store) => T): T => {
  const s = Store.open(db);
  try {
    return fn(s);
  } finally {
    s.close();
  }
};

describe('foi-harvest reparse', () => {
  it('finds nothing to change in a store the current parser built', () => {
    const r = runCli(['reparse', '--store', db]);
    expect([r.code, r.stdout, r.stderr]).toEqual([0, 'reparse: 0 new, 0 changed, 3 unchanged, 0 removed, 0 failed\n', '']);
  });

  it('rebuilds records an older parser wrote, from stored bytes alone, and moves renamed ids', () => {
    const original = withStore((s) => s.disclosures());
    const target = original.find((d) => d.reference === '65A/24')!;
    withStore((s) => {
      const run = s.startRun('fetch', { old: true });
      // What an older parser might have stored: another title, no figures.
      s.upsertDisclosure({ ...structuredClone(target), title: 'Old title', parser_version: '0.0.1', figures: [] }, s.sourcesOf(target.id), run);
      // And one stored under an id the current parser no longer gives.
      const other = original.find((d) => d.id !== target.id && d.force === 'west-midlands')!;
      const renamed = structuredClone(other);
      renamed.id = 'west-midlands/old-id';
      for (const t of ['questions', 'periods', 'exemptions', 'figures', 'cases', 'attachments'] as const) for (const row of renamed[t]) row.disclosure_id = renamed.id;
      s.upsertDisclosure(renamed, s.sourcesOf(other.id), run);
      s.removeDisclosure(other.id, run);
    });
    const r = runCli(['reparse', '--store', db, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ new: 1, changed: 1, unchanged: 1, removed: 1, failed: 0 });
    withStore((s) => {
      expect(s.disclosures()).toEqual(original);
      expect(s.disclosureIds()).toEqual([...ids].sort());
      expect(s.integrityCheck()).toBe('ok');
      const run = s.runs({ kind: 'reparse', limit: 1 })[0];
      expect(run).toMatchObject({ status: 'ok', stats: { new: 1, changed: 1, unchanged: 1, removed: 1, failed: 0 } });
      const changed = s.changes(run.id - 1, run.id).find((c) => c.change === 'changed')!;
      expect(changed.diff!.map((d) => d.path)).toEqual(expect.arrayContaining(['title', 'parser_version']));
    });
  });

  it('reports a disclosure whose stored bytes are missing, and still does the rest', () => {
    withStore((s) => s.upsertDisclosure(sampleDisclosure('essex/lost', { force: 'essex' }), [{ role: 'page', url: 'https://www.essex.police.uk/lost', sha256: 'f'.repeat(64), contentType: 'text/html' }], 1));
    withStore((s) => s.upsertDisclosure(sampleDisclosure('essex/no-page', { force: 'essex' }), [], 1));
    const r = runCli(['reparse', '--store', db]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('reparse: 0 new, 0 changed, 3 unchanged, 0 removed, 2 failed\n');
    expect(r.stderr).toBe(
      `foi-harvest: error: reparse: essex/lost: page https://www.essex.police.uk/lost: document ${'f'.repeat(64)} is missing from the store\n` +
        'foi-harvest: error: reparse: essex/no-page: no stored page to rebuild it from\n',
    );
    withStore((s) => expect(s.runs({ kind: 'reparse', limit: 1 })[0].status).toBe('partial'));
  });

  it('only touches the forces asked for', () => {
    const r = runCli(['reparse', '--store', db, '--force', 'west-midlands']);
    expect(r.stdout).toBe('reparse: 0 new, 0 changed, 2 unchanged, 0 removed, 0 failed\n');
    expect(runCli(['reparse', '--store', join(db, '..', 'missing.db')]).code).toBe(2);
  });
});
