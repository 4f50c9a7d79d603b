import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { startSite } from '../../src/fixture-server/server.js';
import { Store } from '../../src/store/store.js';
import { BIN, ROOT, runCli } from '../support/cli.js';
import { buildStore } from '../unit/store-build.js';

let dir: string;
let db: string;
let out: string;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'refresh-e2e-'));
  db = join(dir, 'foi.db');
  out = join(dir, 'data');
  await buildStore(db);
  return () => rmSync(dir, { recursive: true, force: true });
});

interface Child {
  pid: number;
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
  kill(): void;
}

function start(args: string[], env: Record<string, string> = {}): Child {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (b) => (stdout += b));
  child.stderr.on('data', (b) => (stderr += b));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { pid: child.pid!, done, kill: () => child.kill('SIGKILL') };
}

const until = async (cond: () => boolean, ms = 10_000) => {
  for (let t = 0; t < ms && !cond(); t += 25) await new Promise((r) => setTimeout(r, 25));
  return cond();
};

const snapshot = () => Object.fromEntries(readdirSync(out).sort().map((f) => [f, readFileSync(join(out, f))]));
const deadPid = () => spawnSync(process.execPath, ['-e', '0']).pid!;

describe('foi-harvest refresh', () => {
  it('exports what the store holds, prints one summary line and releases its lock', () => {
    const r = runCli(['refresh', '--store', db, '--out', out, '--no-fetch']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toBe(`refresh: 0 new, 0 changed, 0 unchanged, 0 failed; exported 3 disclosures to ${out} (csv, json); since the store began: 3 new, 0 changed, 0 removed\n`);
    expect(existsSync(join(out, 'disclosures.csv'))).toBe(true);
    expect(existsSync(`${db}.lock`)).toBe(false);
    expect(runCli(['validate', out]).code).toBe(0);
  });

  it('speaks JSON for cron with --log-format json', () => {
    const r = runCli(['refresh', '--store', db, '--out', out, '--no-fetch', '--log-format', 'json', '--format', 'ndjson']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      new: 0,
      changed: 0,
      unchanged: 0,
      failed: 0,
      warnings: 0,
      fetched: false,
      exported: { out, files: ['disclosures.ndjson', 'figures_flat.ndjson', 'changes.json'], disclosures: 3, changes: { new: 3, changed: 0, removed: 0 }, since_export: null },
    });
    // Every log line: one JSON object with time, run, level and event; the run starts and finishes.
    const lines = r.stderr.trim().split('\n').map((l) => JSON.parse(l));
    for (const l of lines) {
      expect(Object.keys(l).slice(0, 4)).toEqual(['time', 'run', 'level', 'event']);
      expect(new Date(l.time).toISOString()).toBe(l.time);
      expect(l.run).toBe(lines[0].run);
    }
    expect(lines.map((l) => l.event)).toEqual(['run-start', 'run-finish']);
    expect(lines[1]).toMatchObject({ level: 'info', summary: { new: 0, failed: 0, fetched: false, exported: { disclosures: 3 } } });
  });

  it('runs exactly one of two refreshes started together; the other exits 2 naming its pid', async () => {
    const args = ['refresh', '--store', db, '--out', out, '--no-fetch'];
    const a = start(args, { FOI_HARVEST_TEST_EXPORT_FAULT: 'pause:1500' });
    const b = start(args, { FOI_HARVEST_TEST_EXPORT_FAULT: 'pause:1500' });
    const results = await Promise.all([a.done, b.done]);
    const codes = results.map((r) => r.code).sort();
    expect(codes).toEqual([0, 2]);
    const loser = results.find((r) => r.code === 2)!;
    const winnerPid = results[0].code === 0 ? a.pid : b.pid;
    expect(loser.stderr).toMatch(new RegExp(`^foi-harvest: error: refresh: another refresh is running \\(pid ${winnerPid} on .+, since \\d{4}-.+; lock .+foi\\.db\\.lock\\)\\n$`));
    expect(loser.stdout).toBe('');
    expect(existsSync(`${db}.lock`)).toBe(false);
  });

  it('takes over a lock whose process is dead, with a warning', () => {
    const pid = deadPid();
    writeFileSync(`${db}.lock`, JSON.stringify({ pid, started_at: '2024-01-01T00:00:00.000Z', host: hostname() }));
    const r = runCli(['refresh', '--store', db, '--out', out, '--no-fetch']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`foi-harvest: warning: refresh: took over the lock of pid ${pid} (started 2024-01-01T00:00:00.000Z), which is no longer running\n`);
    expect(existsSync(`${db}.lock`)).toBe(false);
    writeFileSync(`${db}.lock`, JSON.stringify({ pid, started_at: '2024-01-01T00:00:00.000Z', host: hostname() }));
    const j = runCli(['refresh', '--store', db, '--out', out, '--no-fetch', '--log-format', 'json']);
    expect(j.stderr.trim().split('\n').map((l) => JSON.parse(l)).find((l) => l.event === 'lock-taken-over')).toMatchObject({ level: 'warn', stale_pid: pid });
  });

  it('recovers from SIGKILL during its export: store intact, previous export intact, no duplicates', async () => {
    expect(runCli(['refresh', '--store', db, '--out', out, '--no-fetch']).code).toBe(0);
    const before = snapshot();
    const c = start(['refresh', '--store', db, '--out', out, '--no-fetch', '--format', 'csv,json,sqlite'], { FOI_HARVEST_TEST_EXPORT_FAULT: 'pause:20000' });
    expect(await until(() => readdirSync(dir).some((f) => f.startsWith('.data.export-') && readdirSync(join(dir, f)).includes('changes.json')))).toBe(true);
    c.kill();
    expect((await c.done).signal).toBe('SIGKILL');
    expect(snapshot()).toEqual(before);
    expect(JSON.parse(readFileSync(`${db}.lock`, 'utf8')).pid).toBe(c.pid);

    const again = runCli(['refresh', '--store', db, '--out', out, '--no-fetch', '--format', 'csv,json,sqlite']);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain(`took over the lock of pid ${c.pid}`);
    const store = Store.open(db);
    expect(store.integrityCheck()).toBe('ok');
    expect(store.disclosureIds()).toHaveLength(3);
    store.close();
    const ids = (JSON.parse(readFileSync(join(out, 'disclosures.json'), 'utf8')) as Array<{ id: string }>).map((d) => d.id);
    expect(new Set(ids).size).toBe(3);
    expect(readFileSync(join(out, 'disclosures.csv'))).toEqual(before['disclosures.csv']);
    expect(readdirSync(dir).filter((f) => f.includes('.export-'))).toEqual([]);
  });

  it('recovers from SIGKILL during its fetch: store intact, the re-run completes with no duplicates', async () => {
    // A slow site, so that the kill lands while pages are being fetched and stored.
    const site = await startSite(join(ROOT, 'fixtures', 'sites', 'west-midlands'), { latencyMs: 120 });
    try {
      const fresh = join(dir, 'fresh.db');
      const args = ['refresh', '--store', fresh, '--out', out, '--base-url', `west-midlands=${site.url}`, '--delay', '50'];
      const c = start(args);
      expect(await until(() => site.requests.filter((q) => /-\d+a-\d+\/$/.test(q.path)).length >= 3, 20_000)).toBe(true);
      c.kill();
      expect((await c.done).signal).toBe('SIGKILL');
      expect(existsSync(out)).toBe(false); // no export was started, so none is half-written
      const killed = Store.open(fresh);
      expect(killed.integrityCheck()).toBe('ok');
      const partial = killed.disclosureIds().length;
      killed.close();

      const again = await start(args).done;
      expect(again.code, again.stderr).toBe(0);
      expect(again.stderr).toContain(`took over the lock of pid ${c.pid}`);
      const store = Store.open(fresh);
      expect(store.integrityCheck()).toBe('ok');
      const ids = store.disclosureIds();
      store.close();
      expect(ids.length).toBeGreaterThan(partial);
      expect(new Set(ids).size).toBe(ids.length);
      const exported = (JSON.parse(readFileSync(join(out, 'disclosures.json'), 'utf8')) as Array<{ id: string }>).map((d) => d.id);
      expect(exported.sort()).toEqual([...ids].sort());
      expect(runCli(['validate', out]).code).toBe(0);
    } finally {
      await site.close();
    }
  });

  it('exits 1 when the export fails, still with one summary line', () => {
    const r = runCli(['refresh', '--store', db, '--out', out, '--no-fetch'], { env: { FOI_HARVEST_TEST_EXPORT_FAULT: 'fail' } });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('refresh: 0 new, 0 changed, 0 unchanged, 1 failed; export failed\n');
    expect(r.stderr).toBe(`foi-harvest: error: refresh: export to ${out}: injected failure (FOI_HARVEST_TEST_EXPORT_FAULT)\n`);
    expect(existsSync(`${db}.lock`)).toBe(false);
  });

  it('rejects bad options with exit 2 before taking the lock', () => {
    expect(runCli(['refresh', '--store', db, '--log-format', 'xml', '--no-fetch']).code).toBe(2);
    expect(runCli(['refresh', '--store', db, '--format', 'pdf', '--no-fetch']).code).toBe(2);
    const r = runCli(['refresh', '--store', db, '--since', 'yesterday-ish']);
    expect(r.code).toBe(2);
    expect(existsSync(`${db}.lock`)).toBe(false);
  });

  it('fetches a (local) force site, exports, and touches nothing on the second night', async () => {
    const site = await startSite(join(ROOT, 'fixtures', 'sites', 'west-midlands'));
    try {
      const args = ['refresh', '--store', join(dir, 'fresh.db'), '--out', out, '--base-url', `west-midlands=${site.url}`, '--delay', '0'];
      const first = await start(args).done;
      expect(first.code, first.stderr).toBe(0);
      const m = /^refresh: (\d+) new, 0 changed, 0 unchanged, 0 failed; exported (\d+) disclosures to .+; since the store began: (\d+) new, 0 changed, 0 removed\n$/.exec(first.stdout);
      expect(m, first.stdout).not.toBeNull();
      const n = Number(m![1]);
      expect(n).toBeGreaterThan(0);
      expect([Number(m![2]), Number(m![3])]).toEqual([n, n]);
      const second = await start(args).done;
      expect(second.code, second.stderr).toBe(0);
      expect(second.stdout).toMatch(new RegExp(`^refresh: 0 new, 0 changed, ${n} unchanged, 0 failed; exported ${n} disclosures to .+; since the export of \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC: 0 new, 0 changed, 0 removed\n$`));
      expect(JSON.parse(readFileSync(join(out, 'changes.json'), 'utf8')).counts).toEqual({ new: 0, changed: 0, removed: 0 });
      expect(runCli(['validate', out]).code).toBe(0);
      // The second night asked only for the newest listing page; --recheck asks for every page again.
      const secondNight = site.requests.length;
      const third = await start([...args, '--recheck']).done;
      expect(third.code, third.stderr).toBe(0);
      expect(third.stdout).toMatch(new RegExp(`^refresh: 0 new, 0 changed, ${n} unchanged, 0 failed;`));
      const rechecked = site.requests.slice(secondNight);
      expect(rechecked.map((q) => q.path)).toEqual(expect.arrayContaining(['/robots.txt', '/disclosure-log/', '/disclosure-log/page/2/', '/disclosure-log/page/3/']));
      expect(rechecked.length).toBeGreaterThan(n);
    } finally {
      await site.close();
    }
  });
});
