// Stores in awkward states: an empty file is refused with a clear error, a run whose
// process was killed is marked `interrupted` (not `running` forever), and a store on a
// read-only mount can still be read by status, export and reparse.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Store } from '../../src/store/store.js';
import { ROOT, runCli } from '../support/cli.js';
import { buildStore } from '../unit/store-build.js';

const dir = mkdtempSync(join(tmpdir(), 'store-reliability-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a 0-byte file', () => {
  const empty = join(dir, 'empty.db');
  beforeAll(() => writeFileSync(empty, ''));

  it.each([['status'], ['export'], ['reparse']])('is refused as a store by %s, naming the file, and left as it was', (cmd) => {
    const args = cmd === 'export' ? ['export', '--store', empty, '--out', join(dir, 'never')] : [cmd, '--store', empty];
    const r = runCli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${empty} is an empty file (0 bytes), not a foi-harvest store`);
    expect(statSync(empty).size).toBe(0);
    expect(existsSync(join(dir, 'never'))).toBe(false);
  });

  it('is refused by fetch too', () => {
    const r = runCli(['fetch', '--store', empty, '--force', 'west-midlands', '--base-url', 'west-midlands=http://127.0.0.1:9/', '--limit', '1']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('is an empty file (0 bytes)');
    expect(statSync(empty).size).toBe(0);
  });
});

describe('a run whose process was killed', () => {
  const db = join(dir, 'killed.db');
  beforeAll(async () => {
    await buildStore(db);
    // A real process starts a run and is SIGKILLed before it can finish it.
    const script = `import { Store } from ${JSON.stringify(join(ROOT, 'dist/store/store.js'))};
      const s = Store.open(${JSON.stringify(db)}); s.startRun('fetch', {}); process.kill(process.pid, 'SIGKILL');`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 30_000 });
    expect(r.signal).toBe('SIGKILL');
  });

  it('is marked interrupted the next time the store is opened', () => {
    const r = runCli(['status', '--store', db, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout) as { lastRun: { kind: string; status: string } };
    expect(s.lastRun).toMatchObject({ kind: 'fetch', status: 'interrupted' });
  });

  it('a run of a live process stays running', () => {
    const store = Store.open(db);
    const id = store.startRun('fetch', {});
    const again = Store.open(db);
    expect(again.runs({ limit: 1 })[0]).toMatchObject({ id, status: 'running' });
    again.close();
    store.finishRun(id, {}, 'ok');
    store.close();
  });
});

// A bind mount remounted read-only: needs root and mount(8); skipped (and said) where absent.
function readOnlyMount(src: string, at: string): boolean {
  mkdirSync(at, { recursive: true });
  if (spawnSync('mount', ['--bind', src, at]).status !== 0) return false;
  if (spawnSync('mount', ['-o', 'remount,bind,ro', at]).status !== 0) {
    spawnSync('umount', [at]);
    return false;
  }
  return true;
}

describe('a store on a read-only mount', () => {
  const src = join(dir, 'rw');
  const ro = join(dir, 'ro');
  let mounted = false;
  beforeAll(async () => {
    mkdirSync(src);
    await buildStore(join(src, 'foi.db'));
    mounted = readOnlyMount(src, ro);
    if (!mounted) console.warn('store-reliability: cannot make a read-only mount here (needs root); read-only cases skipped');
  });
  afterAll(() => {
    if (mounted) spawnSync('umount', [ro]);
  });
  const db = () => join(ro, 'foi.db');

  it('is really read-only', ({ skip }) => {
    if (!mounted) skip();
    expect(() => writeFileSync(join(ro, 'x'), '')).toThrow(/EROFS/);
  });

  it('status reads it', ({ skip }) => {
    if (!mounted) skip();
    const r = runCli(['status', '--store', db(), '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ path: db(), disclosures: 3 });
    expect(r.stderr).toContain(`${db()} is read-only: reading a temporary copy`);
  });

  it('export writes the dataset from it', ({ skip }) => {
    if (!mounted) skip();
    const out = join(dir, 'out');
    const r = runCli(['export', '--store', db(), '--out', out, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(out, 'disclosures.json'), 'utf8'))).toHaveLength(3);
  });

  it('reparse re-extracts every disclosure from it', ({ skip }) => {
    if (!mounted) skip();
    const r = runCli(['reparse', '--store', db(), '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const stats = JSON.parse(r.stdout) as Record<string, number>;
    expect(stats.failed).toBe(0);
    expect(stats.new + stats.changed + stats.unchanged).toBe(3);
  });

  it('leaves no temporary copy behind', ({ skip }) => {
    if (!mounted) skip();
    expect(readdirSync(tmpdir()).filter((n) => n.startsWith('foi-harvest-readonly-'))).toEqual([]);
  });
});
