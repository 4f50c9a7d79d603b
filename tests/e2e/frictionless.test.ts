// A Frictionless implementation (frictionlessdata's datapackage-js) reads the exported CSV
// package: the descriptor is valid, and every resource reads with every value cast to its
// field type, constraints, primary keys and foreign keys checked.
import dp from 'datapackage';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { buildStore } from '../unit/store-build.js';

const { Package } = dp as unknown as {
  Package: {
    load(path: string, opts: { basePath: string }): Promise<{
      valid: boolean;
      errors: Array<{ message: string }>;
      resources: Array<{ name: string; descriptor: { encoding: string }; read(o: object): Promise<unknown[]> }>;
    }>;
  };
};

let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'frictionless-'));
  await buildStore(join(dir, 'foi.db'));
  for (const [name, extra] of [['plain', []], ['excel', ['--excel']]] as const) {
    const r = runCli(['export', '--store', join(dir, 'foi.db'), '--out', join(dir, name), '--format', 'csv', ...extra]);
    expect(r.code, r.stderr).toBe(0);
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const csvLines = (file: string) => readFileSync(file, 'utf8').replace(/^\ufeff/, '').split('\r\n').length - 2;

describe('Frictionless', () => {
  it('reads the CSV package: valid descriptor, every row cast, keys and relations checked', async () => {
    const pkg = await Package.load(join(dir, 'plain', 'datapackage.json'), { basePath: join(dir, 'plain') });
    expect(pkg.errors.map((e) => e.message)).toEqual([]);
    expect(pkg.valid).toBe(true);
    let total = 0;
    for (const res of pkg.resources) {
      const rows = await res.read({ keyed: true, cast: true, relations: true });
      expect(rows.length, res.name).toBe(csvLines(join(dir, 'plain', `${res.name}.csv`)));
      total += rows.length;
    }
    expect(total).toBeGreaterThan(10);
  });

  it('with --excel, declares the byte-order mark (utf-8-sig) and the files are exactly that encoding of the same data', async () => {
    const pkg = await Package.load(join(dir, 'excel', 'datapackage.json'), { basePath: join(dir, 'excel') });
    expect(pkg.errors.map((e) => e.message)).toEqual([]);
    expect(pkg.valid).toBe(true);
    expect(pkg.resources.map((r) => r.descriptor.encoding)).toEqual(pkg.resources.map(() => 'utf-8-sig'));
    for (const f of readdirSync(join(dir, 'excel')).filter((n) => n.endsWith('.csv'))) {
      const bytes = readFileSync(join(dir, 'excel', f));
      // utf-8-sig: a UTF-8 BOM, then UTF-8 — what Python's codec (frictionless-py) strips on reading.
      expect([...bytes.subarray(0, 3)], f).toEqual([0xef, 0xbb, 0xbf]);
      expect(bytes.subarray(3).equals(readFileSync(join(dir, 'plain', f))), f).toBe(true);
    }
  });
});
