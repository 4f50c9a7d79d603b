import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeExport } from '../../src/export/write.js';
import { runCli } from '../support/cli.js';
import { hostileDisclosure, sampleDisclosure } from '../unit/store-sample.js';

let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'validate-e2e-'));
  await writeExport([hostileDisclosure(), sampleDisclosure()], { out: join(dir, 'good'), formats: ['csv', 'json', 'ndjson'] });
  await writeExport([hostileDisclosure(), sampleDisclosure()], { out: join(dir, 'bad'), formats: ['csv', 'ndjson'] });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('foi-harvest validate', () => {
  it('passes a good export directory and its files', () => {
    const r = runCli(['validate', join(dir, 'good')]);
    expect([r.code, r.stdout, r.stderr]).toEqual([0, '', `foi-harvest: validate: ${join(dir, 'good')}: ok (13 files, 32 rows)\n`]);
    expect(runCli(['validate', join(dir, 'good', 'disclosures.ndjson')]).code).toBe(0);
  });

  it('prints every violation as file:row:column: message and exits 1', () => {
    const bad = join(dir, 'bad');
    const csv = readFileSync(join(bad, 'periods.csv'), 'utf8').replace('2019-01-01', '01/01/2019');
    writeFileSync(join(bad, 'periods.csv'), csv);
    const nd = readFileSync(join(bad, 'disclosures.ndjson'), 'utf8').split('\n');
    nd[1] = nd[1].replace('"ncnd":false', '"ncnd":"no"');
    writeFileSync(join(bad, 'disclosures.ndjson'), nd.join('\n'));
    const r = runCli(['validate', bad]);
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n').filter(Boolean)).toEqual([
      `${join(bad, 'periods.csv')}:2:start: ISO date YYYY-MM-DD`,
      `${join(bad, 'disclosures.ndjson')}:2:ncnd: Invalid input: expected boolean, received string`,
    ]);
    expect(r.stderr).toBe(`foi-harvest: error: validate: ${bad}: 2 violations in 11 files, 26 rows\n`);
  });

  it('exits 2 for a path that is not there or not a dataset', () => {
    const r = runCli(['validate', join(dir, 'nope')]);
    expect([r.code, r.stderr]).toEqual([2, `foi-harvest: error: validate: ${join(dir, 'nope')}: no such file or directory\n`]);
    writeFileSync(join(dir, 'notes.txt'), 'hello');
    expect(runCli(['validate', join(dir, 'notes.txt')]).code).toBe(2);
  });
});
