// Nothing a document carries is ever executed, and reading never writes: a PDF with
// JavaScript is read as data by pdf.js with eval disabled; the readers, extractors and
// pipeline have no way to write a file, spawn or eval; `fetch` writes only its store.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startSite, type SiteServer } from '../../src/fixture-server/server.js';
import { readDocument } from '../../src/readers/index.js';
// @ts-expect-error -- a plain .mjs script without typings
import { PWNED_GLOBAL, javascriptPdf } from '../../scripts/make-broken-fixtures.mjs';
import { ROOT, runCli } from '../support/cli.js';
import { SITES, runCliAsync } from './fetch-support.js';

const dirs: string[] = [];
const tmp = (prefix: string) => {
  const d = mkdtempSync(join(tmpdir(), `foi-hardening-${prefix}-`));
  dirs.push(d);
  return d;
};
const servers: SiteServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...filesUnder(p).map((f) => join(name, f)));
    else out.push(relative(dir, p));
  }
  return out.sort();
}

describe('a PDF carrying JavaScript', () => {
  it('is committed as the generator makes it (OpenAction /JS and a PostScript function)', () => {
    const bytes = readFileSync(join(ROOT, 'fixtures/broken/javascript.pdf'));
    expect(bytes.equals(javascriptPdf())).toBe(true);
    expect(bytes.toString('latin1')).toMatch(/\/OpenAction 6 0 R/);
    expect(bytes.toString('latin1')).toMatch(/\/S \/JavaScript \/JS \(globalThis\.__foiHarvestPwned/);
    expect(bytes.toString('latin1')).toMatch(/\/FunctionType 4/);
  });

  it('is read as data in-process: the script never runs and pdf.js compiles no code (eval disabled)', async () => {
    const mark = join(tmp('mark'), 'pwned.txt');
    process.env.FOI_HARDENING_MARK = mark;
    // Every string turned into code while the PDF is read goes through this constructor.
    const compiled: string[] = [];
    const RealFunction = globalThis.Function;
    globalThis.Function = new Proxy(RealFunction, {
      construct(target, args, newTarget) {
        compiled.push(String(args[args.length - 1] ?? ''));
        return Reflect.construct(target, args, newTarget);
      },
      apply(target, self, args) {
        compiled.push(String(args[args.length - 1] ?? ''));
        return Reflect.apply(target, self, args);
      },
    });
    let text = '';
    try {
      const doc = await readDocument({ bytes: readFileSync(join(ROOT, 'fixtures/broken/javascript.pdf')), name: 'javascript.pdf' });
      text = doc.text;
    } finally {
      globalThis.Function = RealFunction;
      delete process.env.FOI_HARDENING_MARK;
    }
    expect(text).toContain('3 officers were convicted in 2023.');
    expect((globalThis as Record<string, unknown>)[PWNED_GLOBAL]).toBeUndefined();
    expect(existsSync(mark)).toBe(false);
    expect(compiled).toEqual([]);
  });

  it('through the CLI: parsed, exit 0, and no file appears anywhere the script could write', () => {
    const cwd = tmp('cwd');
    const mark = join(cwd, 'pwned.txt');
    const res = runCli(['parse', join(ROOT, 'fixtures/broken/javascript.pdf')], { cwd, env: { FOI_HARDENING_MARK: mark } });
    expect(res.code, res.stderr).toBe(0);
    expect(JSON.parse(res.stdout)[0].figures.map((f: { value: number }) => f.value)).toEqual([3]);
    expect(filesUnder(cwd)).toEqual([]);
    expect(existsSync(join(ROOT, 'foi-harvest-pwned.txt'))).toBe(false);
  });
});

describe('reading never writes, spawns or evaluates', () => {
  // The code that touches document bytes: readers, extractors, the parse pipeline, decoding.
  const READING = ['src/readers', 'src/extract', 'src/pipeline', 'src/documents'];
  const sources = READING.flatMap((d) => filesUnder(join(ROOT, d)).filter((f) => f.endsWith('.ts')).map((f) => join(d, f)));

  it('covers the reading code', () => {
    expect(sources).toEqual(expect.arrayContaining(['src/readers/pdf.ts', 'src/readers/html.ts', 'src/readers/sheet.ts', 'src/readers/docx.ts', 'src/extract/disclosure.ts', 'src/pipeline/parse.ts']));
  });

  it.each([
    ['imports node:fs or fs/promises', /from ['"](node:)?fs(\/promises)?['"]/],
    ['spawns processes', /from ['"](node:)?(child_process|worker_threads|cluster)['"]/],
    ['loads code at run time', /from ['"](node:)?vm['"]|\beval\s*\(|new Function\s*\(/],
    ['writes files', /\b(writeFile|appendFile|createWriteStream|mkdir|rename|unlink|rmSync|copyFile)\w*\s*\(/],
  ])('no reading module %s', (_what, pattern) => {
    // One exception: pdf-runtime.ts runs pdf.js's own worker module on a thread of this process (issue 17).
    const text = (f: string) => (f === 'src/readers/pdf-runtime.ts' ? readFileSync(join(ROOT, f), 'utf8').replace(/from 'node:worker_threads'/g, '') : readFileSync(join(ROOT, f), 'utf8'));
    const hits = sources.filter((f) => pattern.test(text(f)));
    expect(hits).toEqual([]);
  });

  it('pdf.js is created with eval disabled', () => {
    expect(readFileSync(join(ROOT, 'src/readers/pdf.ts'), 'utf8')).toMatch(/new PDFParse\(\{[^}]*isEvalSupported: false/);
  });
});

describe('fetch writes only its store', () => {
  it('a fetch of a whole fixture site (pages, attachments, a page naming officers) leaves just the store files', async () => {
    const site = await startSite(join(SITES, 'generic-avon-and-somerset'));
    servers.push(site);
    const cwd = tmp('fetch');
    const res = await runCliAsync(
      ['fetch', '--force', 'avon-and-somerset', '--base-url', `avon-and-somerset=${site.url}/`, '--store', join(cwd, 'store.db'), '--delay', '0', '--log-format', 'json'],
      { cwd, timeoutMs: 60_000 },
    );
    expect(res.code, res.stderr).toBe(0);
    expect(site.requests.some((r) => /\.(pdf|xlsx|docx|csv)$/.test(r.path))).toBe(true);
    // SQLite may leave its journal files beside the database; nothing else may appear.
    expect(filesUnder(cwd).filter((f) => !/^store\.db(-wal|-shm|-journal)?$/.test(f))).toEqual([]);
    expect(filesUnder(cwd)).toContain('store.db');
  }, 90_000);
});
