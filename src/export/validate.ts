// Checks an exported dataset (a directory of CSV / JSON / NDJSON files, or one file) against
// the zod schemas, its keys and datapackage.json. Every problem is reported, none is fatal.
import { parse as parseCsv } from 'csv-parse/sync';
import { readFile, readdir, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { z } from 'zod';
import { CHILD_TABLES, DATASET_TABLES, DatasetDisclosureSchema, type DatasetTable } from '../records/schema.js';
import { fromCell } from './cells.js';
import { resourceOf, primaryKeyOf } from './datapackage.js';
import { datasetFieldsOf } from './fields.js';
import { sameValue } from '../store/diff.js';

export interface Violation {
  file: string;
  /** CSV: record number (header = 1); JSON: array position (1-based); NDJSON: line. 0 = the file as a whole. */
  row: number;
  column: string;
  message: string;
}

export interface ValidationReport {
  files: string[];
  rows: number;
  violations: Violation[];
}

export function formatViolation(v: Violation): string {
  return `${v.file}:${v.row}:${v.column}: ${v.message}`;
}

type TableName = DatasetTable;
const TABLE_NAMES = Object.keys(DATASET_TABLES) as TableName[];
const isTable = (name: string): name is TableName => (TABLE_NAMES as string[]).includes(name);
type Keyed = { table: TableName; file: string; row: number; values: Record<string, unknown> };

class Checker {
  readonly violations: Violation[] = [];
  readonly files: string[] = [];
  rows = 0;
  /** Rows seen, for key checks across files. */
  readonly keyed: Keyed[] = [];
  /** Whether the CSV cells carry the formula guard (datapackage.json says; default yes). */
  formulaGuard = true;

  add(file: string, row: number, column: string, message: string): void {
    this.violations.push({ file, row, column, message });
  }

  zodIssues(file: string, row: number, schema: z.ZodType, value: unknown, skip: Set<string> = new Set()): unknown {
    const r = schema.safeParse(value);
    if (r.success) return r.data;
    for (const issue of r.error.issues) {
      const column = issue.path.map((p) => (typeof p === 'number' ? `[${p + 1}]` : `.${String(p)}`)).join('').replace(/^\./, '');
      if (skip.has(String(issue.path[0]))) continue;
      this.add(file, row, column, issue.message);
    }
    return null;
  }

  async csv(file: string, table: TableName): Promise<void> {
    this.files.push(file);
    let records: string[][];
    try {
      records = parseCsv(await readFile(file), { bom: true, relax_column_count: true, skip_empty_lines: false }) as string[][];
    } catch (e) {
      this.add(file, 0, '', `not readable as CSV: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
      return;
    }
    if (!records.length) {
      this.add(file, 1, '', 'empty file: expected a header row');
      return;
    }
    const header = records[0];
    const fields = datasetFieldsOf(table);
    const expected = fields.map((f) => f.name);
    for (const name of expected) if (!header.includes(name)) this.add(file, 1, name, 'missing column');
    header.forEach((name, i) => {
      if (!expected.includes(name)) this.add(file, 1, name, 'unexpected column');
      else if (header.indexOf(name) !== i) this.add(file, 1, name, 'duplicate column');
    });
    if (sameValue([...header].sort(), [...expected].sort()) && !sameValue(header, expected)) {
      this.add(file, 1, '', `columns out of order: expected ${expected.join(',')}`);
    }
    for (let i = 1; i < records.length; i++) {
      const cells = records[i];
      const row = i + 1;
      this.rows++;
      if (cells.length !== header.length) {
        this.add(file, row, '', `expected ${header.length} cells, found ${cells.length}`);
        continue;
      }
      const values: Record<string, unknown> = {};
      const bad = new Set<string>();
      for (const f of fields) {
        const at = header.indexOf(f.name);
        if (at < 0) continue;
        const r = fromCell(f, cells[at], this.formulaGuard);
        if (r.ok) values[f.name] = r.value;
        else {
          bad.add(f.name);
          this.add(file, row, f.name, r.message);
        }
      }
      const missing = new Set(expected.filter((n) => !header.includes(n)));
      this.zodIssues(file, row, DATASET_TABLES[table], values, new Set([...bad, ...missing]));
      this.keyed.push({ table, file, row, values });
    }
  }

  /** figures_flat.json (an array of rows) or figures_flat.ndjson (a row per line). */
  async flatRows(file: string, kind: 'json' | 'ndjson'): Promise<void> {
    this.files.push(file);
    const text = await readFile(file, 'utf8');
    const items: Array<{ row: number; value: unknown }> = [];
    try {
      if (kind === 'json') {
        const doc = JSON.parse(text) as unknown;
        if (!Array.isArray(doc)) return this.add(file, 0, '', 'expected a JSON array of figures_flat rows');
        doc.forEach((value, i) => items.push({ row: i + 1, value }));
      } else text.split('\n').forEach((line, i) => line.trim() && items.push({ row: i + 1, value: JSON.parse(line) }));
    } catch (e) {
      return this.add(file, 0, '', `not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
    }
    const seen = new Map<string, number>();
    for (const { row, value } of items) {
      this.rows++;
      const r = this.zodIssues(file, row, DATASET_TABLES.figures_flat, value) as Record<string, unknown> | null;
      if (!r) continue;
      const key = `${String(r.disclosure_id)} #${String(r.ordinal)}`;
      const first = seen.get(key);
      if (first !== undefined) this.add(file, row, 'disclosure_id+ordinal', `duplicate primary key ${key} (also row ${first})`);
      else seen.set(key, row);
    }
  }

  async nested(file: string, kind: 'json' | 'ndjson'): Promise<void> {
    this.files.push(file);
    const text = await readFile(file, 'utf8');
    const items: Array<{ row: number; value: unknown }> = [];
    if (kind === 'json') {
      let doc: unknown;
      try {
        doc = JSON.parse(text);
      } catch (e) {
        this.add(file, 0, '', `not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
        return;
      }
      if (!Array.isArray(doc)) {
        this.add(file, 0, '', 'expected a JSON array of disclosures');
        return;
      }
      doc.forEach((value, i) => items.push({ row: i + 1, value }));
    } else {
      text.split('\n').forEach((line, i) => {
        if (!line.trim()) return;
        try {
          items.push({ row: i + 1, value: JSON.parse(line) });
        } catch (e) {
          this.add(file, i + 1, '', `not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
        }
      });
    }
    const ids = new Map<string, number>();
    for (const { row, value } of items) {
      this.rows++;
      const d = this.zodIssues(file, row, DatasetDisclosureSchema, value) as z.infer<typeof DatasetDisclosureSchema> | null;
      if (!d) continue;
      const seen = ids.get(d.id);
      if (seen !== undefined) this.add(file, row, 'id', `duplicate id "${d.id}" (also row ${seen})`);
      else ids.set(d.id, row);
      for (const t of CHILD_TABLES) {
        const ordinals = new Set<number>();
        d[t].forEach((c, i) => {
          if (c.disclosure_id !== d.id) this.add(file, row, `${t}[${i + 1}].disclosure_id`, `"${c.disclosure_id}" is not the id of its disclosure "${d.id}"`);
          if (ordinals.has(c.ordinal)) this.add(file, row, `${t}[${i + 1}].ordinal`, `duplicate ordinal ${c.ordinal}`);
          ordinals.add(c.ordinal);
        });
      }
    }
  }

  /** Primary keys unique per table, and every child row's disclosure present (when disclosures.csv was read). */
  keys(): void {
    const byTable = new Map<TableName, Keyed[]>();
    for (const k of this.keyed) {
      const list = byTable.get(k.table);
      if (list) list.push(k);
      else byTable.set(k.table, [k]);
    }
    for (const [table, rows] of byTable) {
      const pk = primaryKeyOf(table);
      const seen = new Map<string, number>();
      for (const r of rows) {
        if (pk.some((c) => r.values[c] === undefined || r.values[c] === null)) continue;
        const key = JSON.stringify(pk.map((c) => r.values[c]));
        const first = seen.get(key);
        if (first !== undefined) this.add(r.file, r.row, pk.join('+'), `duplicate primary key ${pk.map((c) => String(r.values[c])).join(', ')} (also row ${first})`);
        else seen.set(key, r.row);
      }
    }
    const parents = byTable.get('disclosures');
    if (!parents) return;
    const ids = new Set(parents.map((r) => r.values.id));
    for (const t of ['figures_flat', ...CHILD_TABLES] as const) {
      for (const r of byTable.get(t) ?? []) {
        if (typeof r.values.disclosure_id === 'string' && !ids.has(r.values.disclosure_id)) {
          this.add(r.file, r.row, 'disclosure_id', `no disclosure "${r.values.disclosure_id}" in disclosures.csv`);
        }
      }
    }
  }

  /** datapackage.json describes exactly the CSV files beside it, with the fields and keys of the schema. */
  async datapackage(file: string, csvPresent: TableName[]): Promise<void> {
    this.files.push(file);
    let pkg: { resources?: unknown };
    try {
      pkg = JSON.parse(await readFile(file, 'utf8'));
    } catch (e) {
      this.add(file, 0, '', `not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
      return;
    }
    if (!Array.isArray(pkg.resources)) {
      this.add(file, 0, 'resources', 'missing resources list');
      return;
    }
    const described = new Set<string>();
    const dir = dirname(file);
    for (const [i, res] of (pkg.resources as Array<Record<string, unknown>>).entries()) {
      const row = i + 1;
      const name = String(res?.name ?? '');
      if (!isTable(name)) {
        this.add(file, row, 'name', `resource "${name}" is not a table of the dataset`);
        continue;
      }
      described.add(name);
      const want = resourceOf(name) as { path: string; schema: { fields: Array<{ name: string; type: string }>; primaryKey: string[]; foreignKeys?: unknown } };
      if (res.path !== want.path) this.add(file, row, 'path', `expected "${want.path}", found ${JSON.stringify(res.path)}`);
      else if (!(await stat(join(dir, want.path)).catch(() => null))) this.add(file, row, 'path', `${want.path} does not exist`);
      const schema = (res.schema ?? {}) as { fields?: Array<{ name?: string; type?: string }>; primaryKey?: unknown; foreignKeys?: unknown };
      const got = (schema.fields ?? []).map((f) => `${f.name}:${f.type}`);
      const exp = want.schema.fields.map((f) => `${f.name}:${f.type}`);
      if (!sameValue(got, exp)) this.add(file, row, 'schema.fields', `fields differ from the table's columns: expected ${exp.join(', ')}`);
      if (!sameValue(schema.primaryKey, want.schema.primaryKey)) this.add(file, row, 'schema.primaryKey', `expected ${JSON.stringify(want.schema.primaryKey)}`);
      if (!sameValue(schema.foreignKeys ?? null, want.schema.foreignKeys ?? null)) this.add(file, row, 'schema.foreignKeys', `expected ${JSON.stringify(want.schema.foreignKeys ?? null)}`);
    }
    for (const t of csvPresent) if (!described.has(t)) this.add(file, 0, 'resources', `${t}.csv is not described`);
  }
}

/** Whether the CSV files in `dir` were written with the formula guard: datapackage.json records it (absent: yes, as before). */
async function formulaGuardBeside(dir: string): Promise<boolean> {
  try {
    const pkg = JSON.parse(await readFile(join(dir, 'datapackage.json'), 'utf8')) as { formulaGuard?: { applied?: unknown } };
    return pkg?.formulaGuard?.applied !== false;
  } catch {
    return true;
  }
}

/** Validates a directory or one file; throws only when `path` does not exist. */
export async function validatePath(path: string): Promise<ValidationReport> {
  const st = await stat(path).catch(() => null);
  if (!st) throw new Error('no such file or directory');
  const c = new Checker();
  c.formulaGuard = await formulaGuardBeside(st.isDirectory() ? path : dirname(path));
  if (st.isDirectory()) {
    const names = new Set(await readdir(path));
    const csv = TABLE_NAMES.filter((t) => names.has(`${t}.csv`));
    for (const t of csv) await c.csv(join(path, `${t}.csv`), t);
    if (names.has('disclosures.json')) await c.nested(join(path, 'disclosures.json'), 'json');
    if (names.has('disclosures.ndjson')) await c.nested(join(path, 'disclosures.ndjson'), 'ndjson');
    if (names.has('figures_flat.json')) await c.flatRows(join(path, 'figures_flat.json'), 'json');
    if (names.has('figures_flat.ndjson')) await c.flatRows(join(path, 'figures_flat.ndjson'), 'ndjson');
    if (names.has('datapackage.json')) await c.datapackage(join(path, 'datapackage.json'), csv);
    else if (csv.length) c.add(join(path, 'datapackage.json'), 0, '', 'missing: CSV exports come with a datapackage.json');
    if (!c.files.length) throw new Error('no dataset files here (disclosures.csv, disclosures.json, disclosures.ndjson …)');
  } else {
    const name = basename(path);
    if (name === 'datapackage.json') await c.datapackage(path, []);
    else if (/\.csv$/i.test(name)) {
      const table = name.replace(/\.csv$/i, '');
      if (isTable(table)) await c.csv(path, table);
      else c.add(path, 0, '', `not a table of the dataset (name it one of ${TABLE_NAMES.map((t) => `${t}.csv`).join(', ')})`);
    } else if (/^figures_flat\.json$/i.test(name)) await c.flatRows(path, 'json');
    else if (/^figures_flat\.(nd)?jsonl?$/i.test(name)) await c.flatRows(path, 'ndjson');
    else if (/\.json$/i.test(name)) await c.nested(path, 'json');
    else if (/\.(nd)?jsonl?$/i.test(name) || /\.ndjson$/i.test(name)) await c.nested(path, 'ndjson');
    else throw new Error('not a dataset file (.csv, .json, .ndjson)');
  }
  c.keys();
  return { files: c.files, rows: c.rows, violations: c.violations };
}
