// The privacy corpus (scripts/privacy-corpus.mjs) through the whole pipeline: stored as fetch
// stores it, changed once (so changes.json carries field diffs), exported in every format.
// No name, date of birth or age may appear in any file; forces, places, offences and ranks
// that the unredacted extraction holds must all still be there.
import { DuckDBInstance } from '@duckdb/node-api';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs script without typings
import { KEEP, PRIVACY_PAGES, PRIVATE } from '../../scripts/privacy-corpus.mjs';
import { EXPORT_FORMATS } from '../../src/export/write.js';
import { sha256Hex } from '../../src/documents/hash.js';
import { extractDisclosure } from '../../src/extract/disclosure.js';
import { assembleDisclosure } from '../../src/pipeline/assemble.js';
import { readDocument } from '../../src/readers/index.js';
import { Store } from '../../src/store/store.js';
import { runCli } from '../support/cli.js';

interface Page {
  url: string;
  contentType: string;
  text: string;
}
const pages = PRIVACY_PAGES as Page[];
const dir = mkdtempSync(join(tmpdir(), 'privacy-corpus-'));
const db = join(dir, 'foi.db');
const out = join(dir, 'data');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function storeRun(store: Store, list: Page[]): Promise<void> {
  const run = store.startRun('fetch', {});
  for (const p of list) {
    const bytes = new TextEncoder().encode(p.text);
    const sha = store.putDocument(bytes, p.contentType);
    const d = await assembleDisclosure({ url: p.url, bytes, contentType: p.contentType }, [], null);
    store.upsertDisclosure(d, [{ role: 'page', url: p.url, sha256: sha, contentType: p.contentType }], run);
  }
  store.finishRun(run, {}, 'ok');
}

/**
 * Every text an export file holds: SQLite, workbook and Parquet cells read back (the workbook
 * and Parquet are compressed, so their bytes would hide a name), other files as UTF-8.
 */
async function textOf(file: string): Promise<string> {
  if (file.endsWith('.xlsx')) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const sheets = wb.worksheets.map((ws) => `${ws.name}\n${JSON.stringify(ws.getSheetValues())}`);
    expect(sheets.length).toBeGreaterThan(1);
    return sheets.join('\n');
  }
  if (file.endsWith('.parquet')) {
    const duck = await (await DuckDBInstance.create(':memory:')).connect();
    try {
      const rows = (await duck.runAndReadAll(`SELECT * FROM '${file.replaceAll("'", "''")}'`)).getRowObjectsJson();
      return JSON.stringify(rows);
    } finally {
      duck.closeSync();
    }
  }
  if (file.endsWith('.sqlite')) {
    const s = new Database(file, { readonly: true });
    try {
      const tables = s.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>;
      return tables.map((t) => JSON.stringify(s.prepare(`SELECT * FROM "${t.name}"`).all())).join('\n') + readFileSync(file).toString('utf8');
    } finally {
      s.close();
    }
  }
  return readFileSync(file).toString('utf8');
}

let exported = '';
beforeAll(async () => {
  const store = Store.open(db);
  // Run 1: the two FOI pages; run 2: the press report, and page 1 with a changed response.
  await storeRun(store, pages.slice(0, 2));
  store.close();
  const first = runCli(['export', '--store', db, '--out', out, '--format', 'json']);
  expect(first.code, first.stderr).toBe(0);
  const again = Store.open(db);
  const changed = { ...pages[0], text: pages[0].text.replace('in 2023, including JOHN CORRIGAN', 'in 2023, including Chief Inspector Orla Fitzmaurice and JOHN CORRIGAN') };
  await storeRun(again, [changed, pages[1], pages[2]]);
  again.close();
  const r = runCli(['export', '--store', db, '--out', out, '--format', EXPORT_FORMATS.join(',')]);
  expect(r.code, r.stderr).toBe(0);
  const texts: string[] = [];
  for (const f of readdirSync(out)) texts.push(`--- ${f}\n${await textOf(join(out, f))}`);
  exported = texts.join('\n');
}, 120_000);

describe('the privacy corpus', () => {
  it('is exported in every format, with a changes.json holding field diffs', () => {
    const files = readdirSync(out);
    for (const f of ['disclosures.csv', 'figures_flat.csv', 'disclosures.json', 'disclosures.ndjson', 'foi-harvest.sqlite', 'foi-harvest.xlsx', 'disclosures.parquet', 'cases.parquet', 'figures_flat.parquet', 'changes.json']) expect(files).toContain(f);
    // The workbook and Parquet were read back, not grepped: the redacted request text is in both.
    expect(exported.split('--- foi-harvest.xlsx')[1].split('\n--- ')[0]).toContain('[redacted]');
    expect(exported.split('--- disclosures.parquet')[1].split('\n--- ')[0]).toContain('[redacted]');
    const changes = JSON.parse(readFileSync(join(out, 'changes.json'), 'utf8'));
    expect(changes.counts).toMatchObject({ new: 1, changed: 1 });
    expect(JSON.stringify(changes.changed)).toContain('[redacted]');
  });

  it.each((PRIVATE as string[]).concat('Fitzmaurice', 'Orla'))('no export file holds %j', (p) => {
    expect(exported).not.toContain(p);
  });

  it('keeps every force, place, offence and rank the unredacted extraction holds', async () => {
    let unredacted = '';
    for (const p of pages) {
      const bytes = new TextEncoder().encode(p.text);
      const doc = await readDocument({ bytes, name: p.url, contentType: p.contentType, url: p.url });
      unredacted += JSON.stringify(extractDisclosure(doc, { url: p.url, force: null, sha256: sha256Hex(bytes) }));
    }
    const json = readFileSync(join(out, 'disclosures.json'), 'utf8');
    const held = (KEEP as string[]).filter((k) => unredacted.includes(k));
    // The corpus is built so that most of them reach a field (not only the page).
    expect(held.length).toBeGreaterThanOrEqual(12);
    for (const k of held) expect(json, k).toContain(k);
  });

  it('says [redacted] where a name stood, and the cases keep rank and offence', () => {
    const [page] = (JSON.parse(readFileSync(join(out, 'disclosures.json'), 'utf8')) as Array<{ reference: string; request_text: string; cases: Array<{ rank: string | null; offence: string | null }> }>).filter((d) => d.reference === '101A/24');
    expect(page.request_text).toContain('including Chief Inspector [redacted] and [redacted], a serving police constable?');
    expect(page.request_text).toContain('Police Constable [redacted] one of them, and was DI [redacted] investigated?');
    expect(page.request_text).toContain('PC [redacted] (Date of Birth (DD/MM/YYYY): [redacted]) was convicted at Leeds Crown Court');
    expect(page.cases.map((c) => [c.rank, c.offence])).toEqual([
      ['Police Constable', 'Harassment'],
      ['Detective Inspector', 'Fraud by false representation'],
      ['Sergeant', 'Misconduct in public office'],
    ]);
  });
});
