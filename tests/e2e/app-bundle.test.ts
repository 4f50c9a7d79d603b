// The CLI runs from dist/app/ (dist/ bundled into CommonJS chunks, with V8's code cache written
// at build time; issue 17, start-up). It must say exactly what the ES modules in dist/ say, use
// the cache it was built with, and step aside when it no longer matches the tsc build.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../support/cli.js';

const { appEntry } = createRequire(import.meta.url)('../../bin/load-app.cjs') as { appEntry: (root: string) => string | null };
const ESM = { FOI_HARVEST_NO_APP: '1' };

describe('the bundled CLI (dist/app/)', () => {
  it('is current after the build, and runs every chunk it loads from its code cache', () => {
    expect(appEntry(ROOT)).toMatch(/dist\/app\/main-[\w-]+\.cjs$/);
    const r = runCli(['parse', 'tests/fixtures/synthetic-corpus/corpus/btp-officers-arrested-1104-23.txt'], { env: { FOI_HARVEST_APP_DEBUG: '1' } });
    expect(r.code).toBe(0);
    const lines = r.stderr.trim().split('\n');
    expect(lines[0]).toMatch(/^app: main-[\w-]+\.cjs cache used$/);
    expect(lines.length).toBeGreaterThan(5);
    for (const line of lines) expect(line).toMatch(/^app: [\w-]+\.cjs cache used$/);
  });

  it('parses an HTML page without loading cheerio from node_modules, nor the HTTP client its Node entry brings', () => {
    const dir = mkdtempSync(join(tmpdir(), 'foi-loaded-'));
    try {
      const list = join(dir, 'loaded.txt');
      const preload = join(ROOT, 'tests', 'support', 'loaded-modules.cjs');
      const r = runCli(['parse', 'fixtures/parse/dismissals.html'], { env: { NODE_OPTIONS: `--require ${preload}`, FOI_TEST_LOADED_MODULES: list } });
      expect(r.code).toBe(0);
      const loaded = readFileSync(list, 'utf8').trim().split('\n');
      expect(loaded.some((f) => /dist\/app\/html-[\w-]+\.cjs$/.test(f))).toBe(true);
      for (const lib of ['cheerio', 'undici', 'parse5', 'htmlparser2', 'commander']) expect(loaded.filter((f) => f.includes(`/node_modules/${lib}/`))).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is written as ASCII: Node reads each chunk into a one-byte string', () => {
    const app = join(ROOT, 'dist', 'app');
    const chunks = readdirSync(app).filter((f) => f.endsWith('.cjs'));
    expect(chunks.length).toBeGreaterThan(10);
    for (const f of chunks) expect([f, /[^\x00-\x7f]/.test(readFileSync(join(app, f), 'latin1'))]).toEqual([f, false]);
  });

  // Every reader on the shipped fixtures (scanned pages through OCR among them), a command that is
  // not parse, and the error paths.
  const cases: [string, string[]][] = [
    ['plain text', ['parse', 'tests/fixtures/synthetic-corpus/corpus/btp-officers-arrested-1104-23.txt', '--format', 'csv']],
    ['a broken file among good ones', ['parse', 'fixtures/attachments/truncated.pdf', 'fixtures/parse/dismissals.txt']],
    ['every fixture in fixtures/parse, attachments and broken, as NDJSON', ['parse', '--format', 'ndjson', ...['parse', 'attachments', 'broken'].flatMap((d) => readdirSync(join(ROOT, 'fixtures', d)).sort().map((n) => `fixtures/${d}/${n}`))]],
    ['forces as JSON', ['forces', '--format', 'json']],
    ['an unknown format for forces', ['forces', '--format', 'csv']],
    ['an unknown option', ['parse', '--no-such-option', 'fixtures/parse/dismissals.txt']],
  ];
  it.each(cases)('%s: the same output, errors and exit status as dist/', (_name, args) => {
    const app = runCli(args);
    const esm = runCli(args, { env: ESM });
    expect(app.code).toBe(esm.code);
    expect(app.stdout).toBe(esm.stdout);
    expect(app.stderr).toBe(esm.stderr);
    expect(app.stdout.length + app.stderr.length).toBeGreaterThan(0);
  });
});

describe('appEntry: when dist/app/ is used', () => {
  const root = mkdtempSync(join(tmpdir(), 'foi-app-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const main = join(root, 'dist', 'cli', 'main.js');
  const stampFile = join(root, 'dist', 'app', 'stamp.json');
  mkdirSync(join(root, 'dist', 'cli'), { recursive: true });
  mkdirSync(join(root, 'dist', 'app'), { recursive: true });
  writeFileSync(main, '');
  writeFileSync(join(root, 'dist', 'app', 'main-abc.cjs'), '');
  /** tsc wrote main.js at `tscAt`, the bundle its stamp at `stampAt` (seconds). */
  const build = (tscAt: number, stampAt: number, entry = 'main-abc.cjs') => {
    writeFileSync(stampFile, JSON.stringify({ entry }));
    utimesSync(main, tscAt, tscAt);
    utimesSync(stampFile, stampAt, stampAt);
  };

  it('when its stamp was written after the tsc build in dist/', () => {
    build(1_700_000_000, 1_700_000_005);
    expect(appEntry(root)).toBe(join(root, 'dist', 'app', 'main-abc.cjs'));
  });
  it('in a copy installed from `npm pack`, where every file has the same time', () => {
    build(499_162_500, 499_162_500);
    expect(appEntry(root)).toBe(join(root, 'dist', 'app', 'main-abc.cjs'));
  });
  it('not after tsc ran again (dist/ is newer than the bundle)', () => {
    build(1_700_000_100, 1_700_000_005);
    expect(appEntry(root)).toBeNull();
  });
  it('not when the stamp names a chunk that is not there, or the stamp is unreadable', () => {
    build(1_700_000_000, 1_700_000_005, 'main-gone.cjs');
    expect(appEntry(root)).toBeNull();
    writeFileSync(stampFile, '{');
    utimesSync(stampFile, 1_700_000_005, 1_700_000_005);
    expect(appEntry(root)).toBeNull();
  });
  it('not with FOI_HARVEST_NO_APP=1', () => {
    build(1_700_000_000, 1_700_000_005);
    process.env.FOI_HARVEST_NO_APP = '1';
    try {
      expect(appEntry(root)).toBeNull();
    } finally {
      delete process.env.FOI_HARVEST_NO_APP;
    }
  });
});
