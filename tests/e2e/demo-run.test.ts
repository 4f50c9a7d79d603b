// `demo`: the README's first command. Serves the bundled sites on 127.0.0.1, fetches every
// one of their forces, exports — all offline — and says what it did.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { parse } from 'csv-parse/sync';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliAsync, tempDir } from './fetch-support.js';

const tmp = tempDir('demo');
afterAll(() => tmp.cleanup());

const portFree = (port: number) =>
  new Promise<boolean>((resolve) => {
    const s = createServer();
    s.once('error', () => resolve(false));
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });

/** A base port with `n` free ports above it, so both demo runs serve the same URLs. */
async function freePorts(n: number): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const base = 20000 + Math.floor(Math.random() * 30000);
    let ok = true;
    for (let i = 0; i < n && ok; i++) ok = await portFree(base + i);
    if (ok) return base;
  }
  throw new Error('no free port range');
}

describe('demo', () => {
  let r: { code: number; stdout: string; stderr: string };
  const out = join(tmp.dir, 'out');
  const store = join(tmp.dir, 'demo.db');
  let port: number;
  beforeAll(async () => {
    port = await freePorts(7);
    r = await runCliAsync(['demo', '--store', store, '--out', out, '--port', String(port)], { timeoutMs: 90_000 });
  }, 100_000);

  it('succeeds and says what it served, fetched and wrote', () => {
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^serving west-midlands \(west-midlands: west-midlands\) at http:\/\/127\.0\.0\.1:\d+\/$/m);
    expect(r.stdout).toContain(`serving generic-avon-and-somerset (generic: avon-and-somerset) at http://127.0.0.1:${port}/`);
    expect(r.stdout).toMatch(/^fetch: 6 forces; \d+ requests .*; disclosures 56 new, 0 changed, 0 unchanged; 0 failed$/m);
    for (const [force, n] of [['essex', 7], ['metropolitan', 6], ['west-midlands', 11], ['northern-ireland', 10], ['police-scotland', 11], ['avon-and-somerset', 11]] as const) {
      expect(r.stdout).toMatch(new RegExp(`^  ${force}\\s+${n} disclosures \\(${n} new`, 'm'));
    }
    expect(r.stdout).toMatch(/^whatdotheyknow fetch: 2 forces; \d+ requests .*; disclosures 7 new, 0 changed, 0 unchanged; 0 failed$/m);
    expect(r.stdout).toContain(`exported 63 disclosures to ${out}/`);
    expect(r.stdout).toContain(`store: ${store}`);
  });

  it('exports disclosures of every platform to CSV and JSON', () => {
    const json = JSON.parse(readFileSync(join(out, 'disclosures.json'), 'utf8')) as Array<{ id: string; force: string; attachments: unknown[] }>;
    expect(json).toHaveLength(63);
    const perForce: Record<string, number> = {};
    for (const d of json) perForce[d.force] = (perForce[d.force] ?? 0) + 1;
    expect(perForce).toEqual({ 'avon-and-somerset': 11, essex: 11, metropolitan: 6, 'northern-ireland': 10, 'police-scotland': 11, 'west-midlands': 14 });
    expect(json.filter((d) => d.attachments.length > 0).length).toBeGreaterThanOrEqual(10);
    const csv = parse(readFileSync(join(out, 'disclosures.csv'), 'utf8'), { columns: true, bom: true }) as Array<Record<string, string>>;
    expect(csv).toHaveLength(63);
    expect(csv.map((row) => row.id).sort()).toEqual(json.map((d) => d.id).sort());
    for (const force of Object.keys(perForce)) expect(csv.filter((row) => row.force === force), force).toHaveLength(perForce[force]);
    for (const f of ['attachments.csv', 'disclosures.ndjson', 'datapackage.json', 'foi-harvest.sqlite']) expect(existsSync(join(out, f)), f).toBe(true);
  });

  it('harvests the WhatDoTheyKnow-like site: source_state and outcome, parsed attachments, duplicates marked, no one\'s name', () => {
    const json = JSON.parse(readFileSync(join(out, 'disclosures.json'), 'utf8')) as Array<Record<string, any>>;
    const wdtk = json.filter((d) => d.source === 'whatdotheyknow');
    expect(wdtk.map((d) => [d.id, d.source_state, d.outcome]).sort()).toEqual([
      ['whatdotheyknow/misconduct_hearings_held_in_private', 'internal_review', 'unknown'],
      ['whatdotheyknow/officers_convicted_of_driving_offences', 'successful', 'full'],
      ['whatdotheyknow/officers_dismissed_for_gross_misconduct_2019', 'partially_successful', 'partial'],
      ['whatdotheyknow/officers_suspended_or_on_restricted_duties', 'successful', 'full'],
      ['whatdotheyknow/officers_with_second_jobs_in_security', 'not_held', 'not_held'],
      ['whatdotheyknow/use_of_live_facial_recognition_vans', 'waiting_response', 'unknown'],
      ['whatdotheyknow/vetting_refusals_by_ethnicity', 'rejected', 'refused'],
    ]);
    const atts = wdtk.flatMap((d) => d.attachments);
    expect(atts.map((a: any) => a.media_type).sort()).toEqual(['application/pdf', 'application/pdf', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']);
    expect(atts.every((a: any) => a.parsed)).toBe(true);
    expect(wdtk.find((d) => d.id === 'whatdotheyknow/officers_dismissed_for_gross_misconduct_2019')!.figures.map((f: any) => f.value)).toEqual(expect.arrayContaining([3, 5, 2, 4, 6]));
    // The same Essex response, from the force's log and from WhatDoTheyKnow: both rows say so.
    // Linked by force and reference: the log's id also carries its URL-path hash (essex/19139-<8 hex>).
    const byId = new Map(json.map((d) => [d.id, d]));
    const essex = json.filter((d) => d.source !== 'whatdotheyknow' && d.force === 'essex' && d.reference === '19139');
    expect(essex.map((d) => d.id)).toEqual([expect.stringMatching(/^essex\/19139-[0-9a-f]{8}$/)]);
    expect(essex[0].duplicate_of).toBe('whatdotheyknow/officers_suspended_or_on_restricted_duties');
    expect(byId.get('whatdotheyknow/officers_suspended_or_on_restricted_duties')!.duplicate_of).toBe(essex[0].id);
    expect(new Set(json.filter((d) => d.source !== 'whatdotheyknow').map((d) => d.source))).toEqual(new Set(['single-online-home', 'west-midlands', 'psni', 'police-scotland', 'generic']));
    // datapackage.json says where rows come from, and whose copyright the released material is.
    const pkg = JSON.parse(readFileSync(join(out, 'datapackage.json'), 'utf8'));
    expect(pkg.sources.map((x: any) => x.title)).toContain('WhatDoTheyKnow (source = whatdotheyknow)');
    expect(pkg.sources.every((x: any) => x.description.includes('Copyright in released material stays with the public authority'))).toBe(true);
    // Requesters and officers named on every WhatDoTheyKnow page appear in no output file.
    for (const f of readdirSync(out)) {
      const text = readFileSync(join(out, f)).toString('latin1');
      for (const name of ['Brennan', 'Whitlock', 'Ellery', 'Okonjo', 'Adebayo', 'Castellane', 'Ashworth', 'Quill', 'Priya', 'Hannah', 'Morgan', 'Jordan']) expect(text.includes(name), `${f}: ${name}`).toBe(false);
    }
  });

  it('a second demo over the same store, on the same ports, is incremental: nothing new or changed', async () => {
    const again = await runCliAsync(['demo', '--store', store, '--out', out, '--port', String(port)], { timeoutMs: 90_000 });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/^fetch: .*\(200: \d+, 304: \d+\).*disclosures 0 new, 0 changed, 56 unchanged; 0 failed$/m);
    expect(again.stdout).toMatch(/^whatdotheyknow fetch: .*disclosures 0 new, 0 changed, 7 unchanged; 0 failed$/m);
  }, 100_000);

  it('refuses a bad --port with exit 2', async () => {
    const bad = await runCliAsync(['demo', '--store', store, '--out', out, '--port', 'eighty']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--port must be a port number/);
  });
});
