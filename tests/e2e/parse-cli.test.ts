// `foi-harvest parse` end to end: the built CLI on HTML, PDF, text, a URL and bad inputs.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSite, type SiteServer } from '../../src/fixture-server/server.js';
import { DisclosureSchema } from '../../src/records/schema.js';
import { ROOT, runCli } from '../support/cli.js';

const F = (name: string) => join(ROOT, 'fixtures', 'parse', name);

/** The rows without where they stand: the same document in any format gives these. */
function content(d: Record<string, any>) {
  const strip = (rows: any[]) => rows.map(({ locator, sha256, text, ...rest }) => rest);
  return {
    kind: d.kind,
    reference: d.reference,
    title: d.title,
    outcome: d.outcome,
    ncnd: d.ncnd,
    cost_limit: d.cost_limit,
    topics: d.topics,
    questions: d.questions.map((q: any) => q.label),
    periods: strip(d.periods),
    exemptions: strip(d.exemptions),
    figures: strip(d.figures),
  };
}

describe('parse', () => {
  it('prints a JSON array, one validated disclosure per input, in input order', () => {
    const r = runCli(['parse', F('dismissals.html'), F('dismissals.pdf'), F('dismissals.txt')]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toHaveLength(3);
    for (const d of out) expect(DisclosureSchema.safeParse(d).success).toBe(true);
    expect(out[0].figures[0].locator).toMatch(/^char:/);
    expect(out[1].figures[0].locator).toBe('pdf:p1:t1:r2:c2');
  });

  it('gives the same rows for the same document as HTML, PDF and text', () => {
    const [html, pdf, txt] = JSON.parse(runCli(['parse', F('dismissals.html'), F('dismissals.pdf'), F('dismissals.txt')]).stdout);
    expect(content(html)).toEqual(content(txt));
    expect(content(pdf)).toEqual(content(txt));
    expect(content(txt)).toMatchObject({
      kind: 'foi_response',
      reference: '412A/23',
      title: 'Officer Dismissals',
      outcome: 'partial',
      questions: ['1', '2', '3'],
    });
    expect(txt.figures.map((f: any) => [f.value, f.year, f.label])).toEqual([
      [6, 2020, 'Dismissed | 2020'],
      [4, 2021, 'Dismissed | 2021'],
      [9, 2022, 'Dismissed | 2022'],
      [3, 2020, 'Resigned or retired | 2020'],
      [5, 2021, 'Resigned or retired | 2021'],
      [2, 2022, 'Resigned or retired | 2022'],
    ]);
    expect(txt.exemptions.map((e: any) => [e.citation, e.class])).toEqual([['40(2)', 'absolute']]);
  });

  it('every row points at its own words in the text it was read from', () => {
    const [txt] = JSON.parse(runCli(['parse', F('dismissals.txt')]).stdout);
    const source = readFileSync(F('dismissals.txt'), 'utf8');
    for (const table of ['questions', 'periods', 'exemptions', 'figures']) {
      for (const row of txt[table]) {
        const [a, b] = row.locator.slice(5).split('-').map(Number);
        expect(source.slice(a, b), `${table} ${row.locator}`).toBe(row.text);
      }
    }
  });

  it('--url sets provenance and force detection; --force overrides it', () => {
    const withUrl = JSON.parse(runCli(['parse', F('dismissals.txt'), '--url', 'https://foi.west-midlands.police.uk/officer-dismissals-412a-23/']).stdout)[0];
    expect(withUrl).toMatchObject({ force: 'west-midlands', id: `west-midlands/412a-23-${createHash('sha256').update('/officer-dismissals-412a-23/').digest('hex').slice(0, 8)}`, url: 'https://foi.west-midlands.police.uk/officer-dismissals-412a-23/' });
    const forced = JSON.parse(runCli(['parse', F('dismissals.txt'), '--force', 'psni']).stdout)[0];
    expect(forced.force).toBe('northern-ireland');
    expect(runCli(['parse', F('dismissals.txt'), '--force', 'atlantis']).code).toBe(2);
  });

  it('a bad input is one line naming it and the reason; the others are still written; exit 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'foi-parse-'));
    writeFileSync(join(dir, 'empty.html'), '');
    writeFileSync(join(dir, 'garbage.html'), Buffer.from([0, 1, 2, 3, 255, 254, 0, 7, 8, 0, 0, 13]));
    writeFileSync(join(dir, 'broken.pdf'), '%PDF-1.7\n1 0 obj << /Type /Catalog');
    const r = runCli(['parse', join(dir, 'empty.html'), F('dismissals.txt'), join(dir, 'garbage.html'), join(dir, 'missing.txt'), join(dir, 'broken.pdf')]);
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe(`foi-harvest: error: ${join(dir, 'empty.html')}: empty file (0 bytes)`);
    expect(lines[1]).toMatch(/garbage\.html: unsupported or binary content/);
    expect(lines[2]).toMatch(/missing\.txt: no such file/);
    expect(lines[3]).toMatch(/broken\.pdf: corrupt PDF/);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    const out = JSON.parse(r.stdout);
    expect(out.map((d: any) => d.reference)).toEqual(['412A/23']);
  });

  it('writes CSV tables and datapackage.json with --format csv --out', () => {
    const dir = mkdtempSync(join(tmpdir(), 'foi-parse-csv-'));
    const r = runCli(['parse', F('dismissals.txt'), '--format', 'csv', '--out', dir]);
    expect(r.code).toBe(0);
    const files = readdirSync(dir);
    for (const f of ['disclosures.csv', 'questions.csv', 'periods.csv', 'exemptions.csv', 'figures.csv', 'cases.csv', 'attachments.csv', 'datapackage.json']) expect(files).toContain(f);
    const figures = readFileSync(join(dir, 'figures.csv'), 'utf8').trim().split(/\r?\n/);
    expect(figures).toHaveLength(7);
    expect(runCli(['parse', F('dismissals.txt'), '--format', 'csv']).code).toBe(2);
  });

  it('ndjson: one disclosure per line', () => {
    const r = runCli(['parse', F('dismissals.txt'), F('dismissals.html'), '--format', 'ndjson']);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[1]).reference).toBe('412A/23');
  });

  it('is deterministic: the same input gives byte-identical output', () => {
    expect(runCli(['parse', F('dismissals.pdf')]).stdout).toBe(runCli(['parse', F('dismissals.pdf')]).stdout);
  });

  describe('a URL', () => {
    let site: SiteServer;
    beforeAll(async () => {
      site = await startSite(join(ROOT, 'fixtures', 'parse'));
    });
    afterAll(async () => site.close());

    it('is fetched once, sniffed and parsed with its URL as provenance', async () => {
      const url = `${site.url}/dismissals.html`;
      const { spawn } = await import('node:child_process');
      // spawnSync would block the event loop that serves the request: run the CLI asynchronously.
      const out = await new Promise<string>((resolve, reject) => {
        const p = spawn(process.execPath, [join(ROOT, 'bin', 'foi-harvest.js'), 'parse', url], { cwd: ROOT });
        let s = '';
        p.stdout.on('data', (d) => (s += d));
        p.on('error', reject);
        p.on('close', () => resolve(s));
      });
      const [d] = JSON.parse(out);
      expect(d.url).toBe(url);
      expect(d.reference).toBe('412A/23');
      expect(d.figures).toHaveLength(6);
    });
  });
});
