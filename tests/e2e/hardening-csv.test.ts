// CSV formula injection: a hostile page whose texts start with = + - @ and tab is parsed to
// CSV, and every cell of every text column of every table is checked byte by byte: a cell
// that a spreadsheet would run as a formula is prefixed with an apostrophe; numeric columns
// stay plain numbers. (The neutralisation itself lives in src/export/cells.ts.)
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs script without typings
import { CSV_INJECTION_HTML } from '../../scripts/make-broken-fixtures.mjs';
import { runCli } from '../support/cli.js';

const FIXTURE = 'fixtures/broken/csv-injection.html';
const out = mkdtempSync(join(tmpdir(), 'foi-hardening-csv-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

interface Resource {
  name: string;
  path: string;
  schema: { fields: { name: string; type: string }[] };
}

const FORMULA_START = /^[=+\-@\t\r\n]/;
const NUMBER = /^-?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

describe('parse --format csv of a hostile page', () => {
  const res = runCli(['parse', FIXTURE, 'fixtures/parse/dismissals.html', '--format', 'csv', '--out', out]);
  const pkg = JSON.parse(readFileSync(join(out, 'datapackage.json'), 'utf8')) as { resources: Resource[] };
  /** table name → rows as objects of raw cell strings (exactly the bytes between the delimiters). */
  const tables = new Map(
    pkg.resources.map((r) => [r.name, { fields: r.schema.fields, rows: parse(readFileSync(join(out, r.path)), { columns: true, bom: true }) as Record<string, string>[] }]),
  );

  it('writes every table', () => {
    expect(res.code, res.stderr).toBe(0);
    expect([...tables.keys()].sort()).toEqual(['attachments', 'cases', 'disclosures', 'exemptions', 'figures', 'figures_flat', 'periods', 'questions']);
    expect(readFileSync(FIXTURE, 'utf8')).toBe(CSV_INJECTION_HTML);
  });

  it('no text cell in any table starts like a formula', () => {
    const bad: string[] = [];
    for (const [name, t] of tables) {
      const textCols = t.fields.filter((f) => f.type === 'string' || f.type === 'array').map((f) => f.name);
      t.rows.forEach((row, i) => {
        for (const c of textCols) if (FORMULA_START.test(row[c] ?? '')) bad.push(`${name}[${i}].${c} = ${JSON.stringify(row[c])}`);
      });
    }
    expect(bad).toEqual([]);
  });

  it('the hostile texts did reach the cells, prefixed with an apostrophe', () => {
    const cells = (table: string, col: string) => tables.get(table)!.rows.map((r) => r[col]);
    expect(cells('disclosures', 'title')).toContain('\'=HYPERLINK("http://attacker.invalid","Officer convictions")');
    expect(cells('disclosures', 'request_text')[0]).toMatch(/^'=1\+2 How many/);
    expect(cells('figures', 'offence')).toEqual(expect.arrayContaining(["'=cmd|' /C calc'!A0", "'+Assault", "'@Theft", "'-Drugs"]));
    expect(cells('figures', 'label')).toEqual(expect.arrayContaining(["'=cmd|' /C calc'!A0 | 2021", "'-Drugs | 2022"]));
    expect(cells('cases', 'offence')).toContain("'=Assault occasioning actual bodily harm");
    expect(cells('cases', 'disposal')).toEqual(expect.arrayContaining(["'@Dismissed", "'+Conviction, suspended sentence"]));
    expect(cells('cases', 'text')[0]).toMatch(/^'=Constable \| Male/);
    expect(cells('attachments', 'name')).toEqual(expect.arrayContaining(["'=evil.pdf", "'+data.xlsx"]));
    expect(cells('attachments', 'url')).toContain("'=evil.pdf");
  });

  it('numeric columns stay plain numbers (no prefix), text that merely contains = is untouched', () => {
    for (const [, t] of tables) {
      for (const f of t.fields.filter((x) => x.type === 'integer' || x.type === 'number')) {
        for (const row of t.rows) expect(row[f.name] === '' || NUMBER.test(row[f.name]), `${f.name}: ${row[f.name]}`).toBe(true);
      }
    }
    const values = tables.get('figures')!.rows.filter((r) => r.disclosure_id === 'unknown/77b-24').map((r) => r.value);
    expect(values).toEqual(['3', '4', '1', '2', '5', '0', '2', '1']);
    expect(tables.get('questions')!.rows.map((r) => r.text)).toContain('1) +SUM(A1:A9) How many officers were convicted in 2021?');
  });

  it('the good input of the same run is written unchanged', () => {
    const d = tables.get('disclosures')!.rows.find((r) => r.reference === '412A/23');
    expect(d?.title).toBe('Officer Dismissals');
  });
});
