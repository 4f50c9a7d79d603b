import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

describe('forces', () => {
  it('lists all 48 forces as JSON with the registry fields', () => {
    const r = runCli(['forces', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const rows = JSON.parse(r.stdout) as Array<Record<string, unknown>>;
    expect(rows).toHaveLength(48);
    expect(rows.find((f) => f.id === 'west-midlands')).toEqual({
      id: 'west-midlands',
      name: 'West Midlands Police',
      aliases: expect.arrayContaining(['WMP']),
      platform: 'west-midlands',
      country: 'england',
      act: 'FOIA',
      hosts: ['west-midlands.police.uk', 'westmidlands.police.uk'],
      disclosure_log_url: 'https://foi.west-midlands.police.uk/disclosure-log/',
      supported: true,
      whatdotheyknow: 'wmp',
      evidence: [expect.objectContaining({ source: 'public archive captures of foi.west-midlands.police.uk', date: '2021-2025' })],
    });
    expect(rows.filter((f) => f.supported === false).map((f) => f.id)).toEqual(['lancashire', 'northumbria', 'west-yorkshire', 'cnc', 'mod-police']);
    // The corrected facts of issue 13, as the command shows them.
    const byId = new Map(rows.map((f) => [f.id, f]));
    expect(byId.get('south-yorkshire')).toMatchObject({ hosts: ['southyorkshire.police.uk', 'southyorks.police.uk'], whatdotheyknow: 'syp' });
    expect(byId.get('essex')!.disclosure_log_url).toBe('https://www.essex.police.uk/foi-ai/af/accessing-information/published-items/?q=&dt=Disclosure+log');
    expect(byId.get('norfolk')).toMatchObject({ platform: 'generic', disclosure_log_url: 'https://www.norfolk.police.uk/about-us/our-data/disclosure-logs' });
    expect(byId.get('suffolk')!.disclosure_log_url).toMatch(/^https:\/\/beta\.suffolk\.police\.uk\/foi-ai\/af\//);
    expect(rows.every((f) => Array.isArray(f.evidence) && (f.evidence as unknown[]).length > 0)).toBe(true);
    expect(new Set(rows.map((f) => f.platform))).toEqual(new Set(['single-online-home', 'west-midlands', 'psni', 'police-scotland', 'generic']));
  });

  it('prints an aligned table by default: a header and one line per force', () => {
    const r = runCli(['forces']);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(49);
    expect(lines[0]).toMatch(/^id\s+name\s+platform\s+supported\s+disclosure_log_url$/);
    expect(lines.find((l) => l.startsWith('police-scotland '))).toMatch(/police-scotland\s+Police Scotland\s+police-scotland\s+yes\s+https:\/\/www\.scotland\.police\.uk\//);
  });

  it('refuses an unknown format with exit 2', () => {
    const r = runCli(['forces', '--format', 'yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown --format "yaml"/);
  });
});
