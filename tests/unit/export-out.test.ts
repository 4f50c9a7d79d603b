// `--out` is checked and switched as one set: a directory holding files foi-harvest did not
// write is refused (unless overwrite, which still never deletes them), and each export is a
// fresh directory that `out` is switched to in one rename, so readers never see a mix.
import { parse as parseCsv } from 'csv-parse/sync';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXPORT_MARKER } from '../../src/export/atomic.js';
import { writeExport } from '../../src/export/write.js';
import { buildStore } from './store-build.js';
import { runCli } from '../support/cli.js';
import { sampleDisclosure } from './store-sample.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'export-out-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const one = () => [sampleDisclosure()];
const two = () => {
  const b = structuredClone(sampleDisclosure());
  b.id = 'west-midlands/other';
  for (const t of ['questions', 'periods', 'exemptions', 'figures', 'cases', 'attachments'] as const) for (const r of b[t]) r.disclosure_id = b.id;
  return [sampleDisclosure(), b];
};
const rows = (file: string) => (parseCsv(readFileSync(file), { columns: true, bom: true }) as unknown[]).length;

describe('an --out that is not ours', () => {
  it('a directory with an unrelated metadata.json is refused and left untouched', async () => {
    const out = join(dir, 'site');
    mkdirSync(out);
    writeFileSync(join(out, 'metadata.json'), '{"mine": true}');
    await expect(writeExport(one(), { out, formats: ['csv', 'json', 'sqlite'] })).rejects.toThrow(
      `--out ${out}: holds files foi-harvest did not write (metadata.json); give an empty or new directory, or --overwrite to write into it anyway`,
    );
    expect(readdirSync(out)).toEqual(['metadata.json']);
    expect(readFileSync(join(out, 'metadata.json'), 'utf8')).toBe('{"mine": true}');
    expect(readdirSync(dir)).toEqual(['site']); // nothing staged is left beside it
  });

  it('with overwrite, the export is written into it and the other files are kept', async () => {
    const out = join(dir, 'site');
    mkdirSync(out);
    writeFileSync(join(out, 'index.html'), '<p>mine</p>');
    await writeExport(one(), { out, formats: ['json'], overwrite: true });
    expect(readdirSync(out).sort()).toEqual(['disclosures.json', 'figures_flat.json', 'index.html']);
    // Still not ours: the next export asks again, and never moves or deletes it.
    await expect(writeExport(one(), { out, formats: ['json'] })).rejects.toThrow('holds files foi-harvest did not write');
    expect(lstatSync(out).isDirectory()).toBe(true);
  });

  it('the current directory and the root are refused (they cannot be switched)', async () => {
    await expect(writeExport(one(), { out: process.cwd(), formats: ['json'], overwrite: true })).rejects.toThrow('is the current directory or one above it');
    await expect(writeExport(one(), { out: '/', formats: ['json'], overwrite: true })).rejects.toThrow('is the root directory');
  });

  it('the CLI refuses it as bad usage (exit 2), and --overwrite allows it', async () => {
    const db = join(dir, 'foi.db');
    await buildStore(db);
    const out = join(dir, 'mine');
    mkdirSync(out);
    writeFileSync(join(out, 'notes.txt'), 'keep me');
    const r = runCli(['export', '--store', db, '--out', out, '--format', 'json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`foi-harvest: error: --out ${out}: holds files foi-harvest did not write (notes.txt); give an empty or new directory, or --overwrite to write into it anyway\n`);
    expect(readdirSync(out)).toEqual(['notes.txt']);
    const ok = runCli(['export', '--store', db, '--out', out, '--format', 'json', '--overwrite']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['changes.json', 'disclosures.json', 'figures_flat.json', 'notes.txt']);
  }, 60_000);
});

describe('one complete set at a time', () => {
  it('a new or empty --out becomes a link to a fresh set that holds every file and the marker', async () => {
    for (const out of [join(dir, 'new'), join(dir, 'empty')]) {
      if (out.endsWith('empty')) mkdirSync(out);
      const files = await writeExport(one(), { out, formats: ['csv', 'json'] });
      expect(lstatSync(out).isSymbolicLink()).toBe(true);
      expect(readlinkSync(out)).toMatch(/^\.(new|empty)\.set-\d+-\d+$/);
      expect(readdirSync(out).sort()).toEqual([...files, EXPORT_MARKER].sort());
    }
  });

  it('where a file of the previous set cannot be replaced, the new set is still whole (not a mix)', async () => {
    const out = join(dir, 'data');
    await writeExport(one(), { out, formats: ['csv', 'json'] });
    // An obstacle where a file-by-file rename would fail half-way (like an immutable file).
    unlinkSync(join(out, 'figures.csv'));
    mkdirSync(join(out, 'figures.csv', 'busy'), { recursive: true });
    await writeExport(two(), { out, formats: ['csv', 'json'] });
    expect(rows(join(out, 'disclosures.csv'))).toBe(2);
    expect(JSON.parse(readFileSync(join(out, 'disclosures.json'), 'utf8'))).toHaveLength(2);
    expect(lstatSync(join(out, 'figures.csv')).isFile()).toBe(true);
    expect(rows(join(out, 'figures.csv'))).toBe(2 * sampleDisclosure().figures.length);
  });

  it('a failed export leaves the previous set whole and current', async () => {
    const out = join(dir, 'data');
    await writeExport(one(), { out, formats: ['csv', 'json'] });
    const link = readlinkSync(out);
    process.env.FOI_HARVEST_TEST_EXPORT_FAULT = 'fail';
    try {
      await expect(writeExport(two(), { out, formats: ['csv', 'json'] })).rejects.toThrow('injected failure');
    } finally {
      delete process.env.FOI_HARVEST_TEST_EXPORT_FAULT;
    }
    expect(readlinkSync(out)).toBe(link);
    expect(rows(join(out, 'disclosures.csv'))).toBe(1);
    expect(JSON.parse(readFileSync(join(out, 'disclosures.json'), 'utf8'))).toHaveLength(1);
  });

  it('keeps the current and the previous set, removes older ones', async () => {
    const out = join(dir, 'data');
    const links: string[] = [];
    for (let i = 0; i < 4; i++) {
      await writeExport(i % 2 ? two() : one(), { out, formats: ['json'] });
      links.push(readlinkSync(out));
    }
    expect(new Set(links).size).toBe(4);
    expect(readdirSync(dir).sort()).toEqual([links[2], links[3], 'data'].sort());
  });

  it('an older export directory of ours (with the marker) is taken over', async () => {
    const out = join(dir, 'data');
    mkdirSync(out);
    writeFileSync(join(out, EXPORT_MARKER), '{"written_by":"foi-harvest"}\n');
    writeFileSync(join(out, 'disclosures.json'), '[]');
    await writeExport(one(), { out, formats: ['json'] });
    expect(lstatSync(out).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(join(out, 'disclosures.json'), 'utf8'))).toHaveLength(1);
    expect(existsSync(join(dir, readlinkSync(out)))).toBe(true);
  });
});
