// A correction made, then refresh, reparse and export: the corrected value is in every format,
// marked, and listed in changes.json; a correction whose row disappeared is reported.
import { DuckDBInstance } from '@duckdb/node-api';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { parse as parseCsv } from 'csv-parse/sync';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Store } from '../../src/store/store.js';
import { runCli } from '../support/cli.js';
import { buildStore } from '../unit/store-build.js';

// Ids end in a hash of the page's URL path (disclosure.ts): found by force and reference.
let ID = '';
let ID2 = '';
let dir: string;
let db: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'corrections-e2e-'));
  db = join(dir, 'foi.db');
  await buildStore(db);
  const ids = withStore((s) => s.disclosureIds());
  const byRef = (prefix: string) => {
    const found = ids.filter((id) => id.startsWith(prefix));
    expect(found).toHaveLength(1);
    return found[0];
  };
  ID = byRef('west-midlands/65a-24-');
  ID2 = byRef('west-midlands/12b-23-');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const withStore = <T>(fn: (s: Store) => T): T => {
  const s = Store.open(db);
  try {
    return fn(s);
  } finally {
    s.close();
  }
};
const csv = (file: string) => parseCsv(readFileSync(file), { columns: true, bom: true }) as Array<Record<string, string>>;

describe('corrections', () => {
  it('records a correction with --set, naming what changed', () => {
    const r = runCli(['correct', '--store', db, '--id', ID, '--table', 'figures', '--ordinal', '1', '--set', 'value=22', '--set', 'status=suspended', '--reason', 'checked against the PDF, p.3']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toBe(`correction 1: ${ID} figures #1 value: 21 → 22\ncorrection 2: ${ID} figures #1 status: empty → "suspended"\n`);
  });

  it('refuses bad usage in one line with exit 2, and stores nothing', () => {
    const cases: Array<[string[], string]> = [
      [['--id', ID, '--table', 'figures', '--ordinal', '9', '--set', 'value=1', '--reason', 'x'], `foi-harvest: error: correct: ${ID} has no figures row with ordinal 9 (it has 3)\n`],
      [['--id', ID, '--table', 'figures', '--ordinal', '1', '--set', 'value=lots', '--reason', 'x'], 'foi-harvest: error: correct: value must be a number, not "lots"\n'],
      [['--id', ID, '--set', 'value=1'], 'foi-harvest: error: correct: give --reason (why the value is corrected, e.g. "checked against the PDF, p.3")\n'],
      [['--id', 'nope/1', '--set', 'title=x', '--reason', 'x'], 'foi-harvest: error: correct: no disclosure "nope/1" in the store\n'],
    ];
    for (const [args, err] of cases) expect(runCli(['correct', '--store', db, ...args]).stderr).toBe(err);
    expect(runCli(['correct', '--store', db, '--id', ID, '--set', 'title=x', '--reason', 'x', '--table', 'figures']).code).toBe(2);
    expect(withStore((s) => s.corrections().length)).toBe(2);
  });

  it('takes many from a CSV; a bad line is reported with its number and the rest are kept', () => {
    const file = join(dir, 'corrections.csv');
    writeFileSync(file, 'disclosure_id,table,ordinal,field,value,reason\r\n' + `${ID},figures,3,value,6,"attachment row 2020 re-read"\r\n` + `${ID},widgets,1,value,1,nope\r\n` + `${ID2},disclosures,,title,Vetting refusals 2022,title from the PDF letter\r\n`);
    const r = runCli(['correct', '--store', db, '--from', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`foi-harvest: ${file}:3: --table: unknown table "widgets" (one of disclosures, questions, periods, exemptions, figures, cases, attachments)\n`);
    expect(r.stdout).toBe(`correction 3: ${ID} figures #3 value: 5 → 6\ncorrection 4: ${ID2} disclosures title: "Vetting Refusals" → "Vetting refusals 2022"\n`);
  });

  it('survive refresh and a reparse that rewrites and renumbers the rows', () => {
    const refresh = runCli(['refresh', '--store', db, '--out', join(dir, 'r1'), '--no-fetch', '--format', 'json']);
    expect(refresh.code, refresh.stderr).toBe(0);
    const first = JSON.parse(readFileSync(join(dir, 'r1', 'disclosures.json'), 'utf8')) as Array<{ id: string; figures: Array<{ ordinal: number; value: number; corrected: boolean }> }>;
    expect(first.find((d) => d.id === ID)!.figures.map((f) => [f.ordinal, f.value, f.corrected])).toEqual([[1, 22, true], [2, 3, false], [3, 6, true]]);
    // What an older parser stored: the figures in another order (other ordinals).
    withStore((s) => {
      const d = s.disclosure(ID)!;
      const run = s.startRun('fetch', { old: true });
      const figures = [...d.figures].reverse().map((f, i) => ({ ...f, ordinal: i + 1 }));
      s.upsertDisclosure({ ...d, parser_version: '0.0.1', figures }, s.sourcesOf(ID), run);
      s.finishRun(run, {}, 'ok');
    });
    const before = runCli(['export', '--store', db, '--out', join(dir, 'old'), '--format', 'json']);
    expect(before.code, before.stderr).toBe(0);
    const old = JSON.parse(readFileSync(join(dir, 'old', 'disclosures.json'), 'utf8')) as typeof first;
    expect(old.find((d) => d.id === ID)!.figures.map((f) => [f.ordinal, f.value, f.corrected])).toEqual([[1, 6, true], [2, 3, false], [3, 22, true]]);
    const re = runCli(['reparse', '--store', db]);
    expect(re.stdout).toBe('reparse: 0 new, 1 changed, 2 unchanged, 0 removed, 0 failed\n');
  });

  it('are applied and marked in every format, and listed in changes.json', async () => {
    const out = join(dir, 'all');
    const r = runCli(['export', '--store', db, '--out', out, '--format', 'csv,json,ndjson,sqlite,xlsx,parquet']);
    // Counted from the previous export (the one that wrote 'old'), named by when it ran.
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(new RegExp(`^foi-harvest: exported 3 disclosures to ${out.replace(/[.*+?^$()|[\]\\]/g, '\\$&')} \\(csv, json, ndjson, sqlite, xlsx, parquet\\); since the export of \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC: 0 new, 1 changed, 0 removed\\n$`));
    const want = { value: 22, reason: 'checked against the PDF, p.3' };
    const figures = csv(join(out, 'figures.csv')).filter((f) => f.disclosure_id === ID);
    expect(figures.map((f) => [f.ordinal, f.value, f.status, f.corrected, f.correction_reason])).toEqual([
      ['1', '22', 'suspended', 'true', want.reason],
      ['2', '3', '', 'false', ''],
      ['3', '6', '', 'true', 'attachment row 2020 re-read'],
    ]);
    const flat = csv(join(out, 'figures_flat.csv')).find((f) => f.disclosure_id === ID && f.ordinal === '1')!;
    expect([flat.value, flat.corrected, flat.correction_reason]).toEqual(['22', 'true', want.reason]);
    expect(csv(join(out, 'disclosures.csv')).find((d) => d.id === ID2)).toMatchObject({ title: 'Vetting refusals 2022', corrected: 'true' });
    const json = JSON.parse(readFileSync(join(out, 'disclosures.json'), 'utf8')) as Array<{ id: string; figures: Array<Record<string, unknown>> }>;
    expect(json.find((d) => d.id === ID)!.figures[0]).toMatchObject({ value: 22, corrected: true, correction_reason: want.reason });
    const nd = readFileSync(join(out, 'figures_flat.ndjson'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(nd.find((f) => f.disclosure_id === ID && f.ordinal === 1)).toMatchObject({ value: 22, corrected: true });
    const sqlite = new Database(join(out, 'foi-harvest.sqlite'), { readonly: true });
    expect(sqlite.prepare('SELECT value, corrected, correction_reason FROM figures_flat WHERE disclosure_id = ? AND ordinal = 1').get(ID)).toEqual({ value: 22, corrected: 1, correction_reason: want.reason });
    sqlite.close();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(out, 'foi-harvest.xlsx'));
    const sheet = wb.getWorksheet('figures_flat')!;
    const head = (sheet.getRow(1).values as string[]).slice(1);
    const row = (sheet.getSheetValues().slice(2) as unknown[][]).map((v) => Object.fromEntries(head.map((h, i) => [h, v[i + 1]]))).find((x) => x.disclosure_id === ID && x.ordinal === 1)!;
    expect([row.value, row.corrected, row.correction_reason]).toEqual([22, true, want.reason]);
    const duck = await (await DuckDBInstance.create(':memory:')).connect();
    const pq = (await duck.runAndReadAll(`SELECT value, corrected, correction_reason FROM '${join(out, 'figures_flat.parquet')}' WHERE disclosure_id = '${ID}' AND ordinal = 1`)).getRowObjects();
    expect(pq).toEqual([{ value: 22, corrected: true, correction_reason: want.reason }]);
    const changes = JSON.parse(readFileSync(join(out, 'changes.json'), 'utf8'));
    expect(changes.corrections.map((c: { id: number; status: string; to: unknown }) => [c.id, c.status, c.to])).toEqual([
      [1, 'applied', 22],
      [2, 'applied', 'suspended'],
      [3, 'applied', 6],
      [4, 'applied', 'Vetting refusals 2022'],
    ]);
  });

  it('a correction whose row disappeared is reported on every export and listed, never dropped', () => {
    // The force republishes the attachment without the 2020 row; the next fetch stores it.
    withStore((s) => {
      const d = s.disclosure(ID)!;
      const sources = s.sourcesOf(ID).map((src) =>
        src.contentType === 'text/csv' ? { ...src, sha256: s.putDocument(new TextEncoder().encode('Year,Officers convicted\r\n2019,3\r\n'), 'text/csv') } : src,
      );
      const run = s.startRun('fetch', { republished: true });
      s.upsertDisclosure(d, sources, run);
      s.finishRun(run, {}, 'ok');
    });
    expect(runCli(['reparse', '--store', db]).stdout).toBe('reparse: 0 new, 1 changed, 2 unchanged, 0 removed, 0 failed\n');
    const warning = `foi-harvest: warning: correction 3 (${ID} figures value = 6) not applied: no figures row of ${ID} reads "5" at csv:r3:c2 any more\n`;
    for (const name of ['gone1', 'gone2']) {
      const r = runCli(['export', '--store', db, '--out', join(dir, name), '--format', 'csv']);
      expect(r.code).toBe(0);
      expect(r.stderr.split('\n').slice(1).join('\n')).toBe(warning);
      const changes = JSON.parse(readFileSync(join(dir, name, 'changes.json'), 'utf8'));
      expect(changes.corrections.find((c: { id: number }) => c.id === 3)).toMatchObject({ status: 'orphaned', problem: `no figures row of ${ID} reads "5" at csv:r3:c2 any more` });
    }
    // An export filtered to other disclosures still reports it.
    expect(runCli(['export', '--store', db, '--out', join(dir, 'gone3'), '--format', 'csv', '--kind', 'news_article']).stderr).toContain(warning);
    const refresh = runCli(['refresh', '--store', db, '--out', join(dir, 'gone4'), '--no-fetch', '--format', 'csv']);
    expect(refresh.code).toBe(1);
    expect(refresh.stderr).toContain(`foi-harvest: warning: refresh: correction 3 (${ID} figures value = 6) not applied`);
    const list = runCli(['corrections', 'list', '--store', db]);
    expect(list.code).toBe(1);
    expect(list.stdout.split('\n').filter(Boolean).map((l) => l.split('\t').slice(0, 4))).toEqual([
      ['1', 'applied', ID, 'figures #1'],
      ['2', 'applied', ID, 'figures #1'],
      ['3', 'orphaned', ID, 'figures #3'],
      ['4', 'applied', ID2, 'disclosures'],
    ]);
    const exported = parseCsv(runCli(['corrections', 'export', '--store', db]).stdout, { columns: true }) as Array<Record<string, string>>;
    expect(exported.map((c) => [c.id, c.table, c.field, c.value, c.status])).toEqual([
      ['1', 'figures', 'value', '22', 'applied'],
      ['2', 'figures', 'status', 'suspended', 'applied'],
      ['3', 'figures', 'value', '6', 'orphaned'],
      ['4', 'disclosures', 'title', 'Vetting refusals 2022', 'applied'],
    ]);
    expect(runCli(['corrections', 'remove', '3', '--store', db]).stdout).toBe('removed correction 3\n');
    expect(runCli(['corrections', 'list', '--store', db]).code).toBe(0);
  });
});

describe('export filters', () => {
  it('narrow disclosures by topic, kind and date, and figures_flat by event and measure', () => {
    const out = join(dir, 'filtered');
    const r = runCli(['export', '--store', db, '--out', out, '--format', 'csv', '--kind', 'foi_response', '--event', 'convicted', '--measure', 'officers']);
    expect(r.code, r.stderr).toBe(0);
    const ds = csv(join(out, 'disclosures.csv'));
    expect(ds.map((d) => d.kind)).toEqual(ds.map(() => 'foi_response'));
    expect(ds.length).toBe(2);
    const flat = csv(join(out, 'figures_flat.csv'));
    expect(flat.length).toBeGreaterThan(0);
    expect(flat.every((f) => f.event === 'convicted' && f.measure === 'officers')).toBe(true);
    expect(csv(join(out, 'figures.csv')).length).toBeGreaterThanOrEqual(flat.length); // the figures table itself is not narrowed
    const bad = runCli(['export', '--store', db, '--out', out, '--topic', 'ufo']);
    expect([bad.code, bad.stderr]).toEqual([2, 'foi-harvest: error: --topic: unknown value "ufo" (one of convictions, charges, cautions, sexual_misconduct, misconduct_proceedings, suspensions, vetting, complaints, other)\n']);
    expect(runCli(['export', '--store', db, '--out', out, '--since', 'last week']).stderr).toBe('foi-harvest: error: --since: "last week" is not a date (use YYYY-MM-DD)\n');
  });
});
