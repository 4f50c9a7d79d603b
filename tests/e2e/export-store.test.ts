import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyCorrections } from '../../src/corrections/apply.js';
import { Store } from '../../src/store/store.js';
import { BIN, runCli } from '../support/cli.js';
import { buildStore } from '../unit/store-build.js';

let dir: string;
let db: string;
let ids: string[];
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'export-e2e-'));
  db = join(dir, 'foi.db');
  ids = await buildStore(db);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Each central-directory entry of a zip: name, DOS date and time. */
function zipEntryTimes(zip: Buffer): Array<{ name: string; date: number; time: number }> {
  const out: Array<{ name: string; date: number; time: number }> = [];
  for (let i = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); i >= 0 && i + 46 <= zip.length; ) {
    const nameLen = zip.readUInt16LE(i + 28);
    out.push({ name: zip.toString('utf8', i + 46, i + 46 + nameLen), time: zip.readUInt16LE(i + 12), date: zip.readUInt16LE(i + 14) });
    i += 46 + nameLen + zip.readUInt16LE(i + 30) + zip.readUInt16LE(i + 32);
    if (zip.readUInt32LE(i) !== 0x02014b50) break;
  }
  return out;
}

const snapshot = (out: string) => Object.fromEntries(readdirSync(out).sort().map((f) => [f, readFileSync(join(out, f))]));

describe('foi-harvest export', () => {
  it('exports every format from the store, valid, byte-identical when repeated', () => {
    const out = join(dir, 'out');
    const r = runCli(['export', '--store', db, '--out', out, '--format', 'csv,json,ndjson,sqlite']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`foi-harvest: exported 3 disclosures to ${out} (csv, json, ndjson, sqlite); since the store began: 3 new, 0 changed, 0 removed\n`);
    const store = Store.open(db);
    const stored = store.disclosures();
    store.close();
    expect(JSON.parse(readFileSync(join(out, 'disclosures.json'), 'utf8'))).toEqual(stored.map((d) => applyCorrections(d, []).record));
    expect(stored.map((d) => d.id)).toEqual([...ids].sort());
    const changes = JSON.parse(readFileSync(join(out, 'changes.json'), 'utf8'));
    expect(changes.new.map((e: { id: string }) => e.id)).toEqual([...ids].sort());
    expect(changes.corrections).toEqual([]);
    const v = runCli(['validate', out]);
    expect(v.code, v.stdout).toBe(0);
    expect(v.stdout).toBe('');

    const first = snapshot(out);
    const again = runCli(['export', '--store', db, '--out', out, '--format', 'csv,json,ndjson,sqlite', '--changes']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toEqual(changes);
    expect(snapshot(out)).toEqual(first);
  });

  it('the workbook and the Parquet files are byte-identical when repeated: every zip entry dated at the export\'s data time', () => {
    const out = join(dir, 'books');
    const run = () => {
      const r = runCli(['export', '--store', db, '--out', out, '--format', 'csv,xlsx,parquet']);
      expect(r.code, r.stderr).toBe(0);
      return snapshot(out);
    };
    const first = run();
    const created = new Date(JSON.parse(first['datapackage.json'].toString('utf8')).created as string);
    expect(created.getTime()).toBeGreaterThan(Date.parse('2020-01-01'));
    // DOS time in UTC, to two seconds: what archiver writes for a Date.
    const dos = [
      ((created.getUTCFullYear() - 1980) << 9) | ((created.getUTCMonth() + 1) << 5) | created.getUTCDate(),
      (created.getUTCHours() << 11) | (created.getUTCMinutes() << 5) | (created.getUTCSeconds() >> 1),
    ];
    const entries = zipEntryTimes(first['foi-harvest.xlsx']);
    expect(entries.length).toBeGreaterThan(10);
    expect(entries.filter((e) => e.date !== dos[0] || e.time !== dos[1])).toEqual([]);
    expect(run()).toEqual(first);
  });

  it('filters by force and defaults to csv,json', () => {
    const out = join(dir, 'wmp');
    const r = runCli(['export', '--store', db, '--out', out, '--force', 'WMP']);
    expect(r.code, r.stderr).toBe(0);
    const rows = JSON.parse(readFileSync(join(out, 'disclosures.json'), 'utf8')) as Array<{ force: string }>;
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((d) => d.force))).toEqual(new Set(['west-midlands']));
    expect(existsSync(join(out, 'disclosures.csv'))).toBe(true);
    expect(existsSync(join(out, 'foi-harvest.sqlite'))).toBe(false);
  });

  it('gives one-line usage errors with exit 2', () => {
    const missing = runCli(['export', '--store', join(dir, 'nope.db'), '--out', join(dir, 'x')]);
    expect([missing.code, missing.stderr]).toEqual([2, `foi-harvest: error: --store: no store at ${join(dir, 'nope.db')} (run foi-harvest fetch first)\n`]);
    expect(existsSync(join(dir, 'nope.db'))).toBe(false);
    const fmt = runCli(['export', '--store', db, '--out', join(dir, 'x'), '--format', 'csv,xml']);
    expect([fmt.code, fmt.stderr]).toEqual([2, 'foi-harvest: error: --format: unknown format "xml" (one of csv, json, ndjson, sqlite, xlsx, parquet)\n']);
    const force = runCli(['export', '--store', db, '--force', 'atlantis']);
    expect(force.code).toBe(2);
    expect(force.stderr).toContain('unknown force "atlantis"');
  });

  it('a failed export exits 1 naming the output, and leaves the previous files intact', () => {
    const out = join(dir, 'atomic');
    expect(runCli(['export', '--store', db, '--out', out, '--format', 'csv,json']).code).toBe(0);
    const before = snapshot(out);
    const r = runCli(['export', '--store', db, '--out', out, '--format', 'csv,json,sqlite'], { env: { FOI_HARVEST_TEST_EXPORT_FAULT: 'fail' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`foi-harvest: error: ${out}: injected failure (FOI_HARVEST_TEST_EXPORT_FAULT)\n`);
    expect(snapshot(out)).toEqual(before);
    expect(readdirSync(dir).filter((f) => f.includes('.export-'))).toEqual([]);
    const status = JSON.parse(runCli(['status', '--store', db, '--format', 'json']).stdout);
    expect(status.lastRun).toMatchObject({ kind: 'export', status: 'failed', stats: { error: 'injected failure (FOI_HARVEST_TEST_EXPORT_FAULT)' } });
  });

  it('an export killed with SIGKILL mid-way leaves the previous files, and the next one cleans up', async () => {
    const out = join(dir, 'killed');
    expect(runCli(['export', '--store', db, '--out', out, '--format', 'json']).code).toBe(0);
    const before = snapshot(out);
    const child = spawn(process.execPath, [BIN, 'export', '--store', db, '--out', out, '--format', 'csv,json,sqlite'], {
      env: { ...process.env, FOI_HARVEST_TEST_EXPORT_FAULT: 'pause:20000' },
      stdio: 'ignore',
    });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    // Wait until every file is staged beside the target, then kill it.
    const staged = () => readdirSync(dir).find((f) => f.startsWith('.killed.export-') && readdirSync(join(dir, f)).includes('changes.json'));
    for (let i = 0; i < 200 && !staged(); i++) await new Promise((r) => setTimeout(r, 50));
    expect(staged()).toBeTruthy();
    child.kill('SIGKILL');
    await exited;
    expect(snapshot(out)).toEqual(before);
    const again = runCli(['export', '--store', db, '--out', out, '--format', 'json']);
    expect(again.code, again.stderr).toBe(0);
    expect(readdirSync(dir).filter((f) => f.startsWith('.killed.export-'))).toEqual([]);
    expect(snapshot(out)['disclosures.json']).toEqual(before['disclosures.json']);
    const store = Store.open(db);
    expect(store.integrityCheck()).toBe('ok');
    store.close();
  });
});
