// A Frictionless implementation (frictionlessdata's datapackage-js) reads the exported CSV
// package: the descriptor is valid, and every resource reads with every value cast to its
// field type, constraints, primary keys and foreign keys checked; with --excel too.
import dp from 'datapackage';
import ts from 'tableschema';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { buildStore } from '../unit/store-build.js';

type Pkg = {
  valid: boolean;
  errors: Array<{ message: string }>;
  resources: Array<{ name: string; descriptor: { encoding: string; description: string; schema: object }; read(o: object): Promise<unknown[]> }>;
};
const { Package } = dp as unknown as { Package: { load(path: string, opts: { basePath: string }): Promise<Pkg> } };
// datapackage-js's own Table Schema reader (tableschema-js), fed a stream.
const { Table } = ts as unknown as {
  Table: { load(source: () => Readable, opts: { schema: object }): Promise<{ headers: string[]; read(o: object): Promise<unknown[]> }> };
};
let pkg0: Pkg;

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
    const pkg = (pkg0 = await Package.load(join(dir, 'plain', 'datapackage.json'), { basePath: join(dir, 'plain') }));
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

  it('with --excel: declares utf-8 and says the byte-order mark is there; the Table Schema reader reads every row, decoded as declared', async () => {
    const pkg = await Package.load(join(dir, 'excel', 'datapackage.json'), { basePath: join(dir, 'excel') });
    expect(pkg.errors.map((e) => e.message)).toEqual([]);
    expect(pkg.valid).toBe(true);
    // utf-8, an IANA name as the spec asks; frictionless-py reads utf-8 + BOM as utf-8-sig.
    expect(pkg.resources.map((r) => r.descriptor.encoding)).toEqual(pkg.resources.map(() => 'utf-8'));
    for (const res of pkg.resources) {
      expect(res.descriptor.description, res.name).toMatch(/starts with a UTF-8 byte-order mark \(bytes EF BB BF\)/);
      const bytes = readFileSync(join(dir, 'excel', `${res.name}.csv`));
      expect([...bytes.subarray(0, 3)], res.name).toEqual([0xef, 0xbb, 0xbf]);
      expect(bytes.subarray(3).equals(readFileSync(join(dir, 'plain', `${res.name}.csv`))), res.name).toBe(true);
      // datapackage-js opens a local file with Node's setEncoding, which keeps a BOM under any
      // encoding name; so the file is decoded here as declared, by the WHATWG UTF-8 decoder (which
      // drops the BOM, as frictionless-py does), and handed to the same Table Schema reader.
      const text = new TextDecoder(res.descriptor.encoding).decode(bytes);
      const table = await Table.load(() => Readable.from([text]), { schema: res.descriptor.schema });
      const rows = (await table.read({ keyed: true, cast: true })) as Array<Record<string, unknown>>;
      expect(table.headers, res.name).toEqual((res.descriptor.schema as { fields: Array<{ name: string }> }).fields.map((f) => f.name));
      const plain = pkg0.resources.find((r) => r.name === res.name)!;
      expect(rows, res.name).toEqual(await plain.read({ keyed: true, cast: true }));
    }
  });
});
