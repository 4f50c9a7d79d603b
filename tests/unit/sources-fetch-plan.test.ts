import { describe, expect, it } from 'vitest';
import { planFetch } from '../../src/cli/fetch-run.js';
import { UsageError } from '../../src/cli/errors.js';
import { emptyForceSummary, forceLines, statusClasses, summaryLine, type FetchSummary } from '../../src/harvest/summary.js';
import { supportedForces } from '../../src/sources/registry.js';

describe('planFetch', () => {
  it('defaults to every supported force on its own site, 1 s apart, one request in flight per host (up to 64)', () => {
    const p = planFetch({});
    expect(p.targets.map((t) => t.force.id)).toEqual(supportedForces().map((f) => f.id));
    expect(p.targets).toHaveLength(43);
    expect(p.targets.every((t) => t.baseUrl === null)).toBe(true);
    expect(p.targets.find((t) => t.force.id === 'essex')!.listingUrl).toBe('https://www.essex.police.uk/foi-ai/af/accessing-information/published-items/?q=&dt=Disclosure+log');
    const hosts = new Set(p.targets.map((t) => new URL(t.listingUrl).host)).size;
    expect(hosts).toBeGreaterThan(32);
    expect(p).toMatchObject({ since: null, limit: null, delayMs: 1000, concurrency: Math.min(64, hosts), logFormat: 'text' });
  });

  it('the default concurrency is the number of hosts fetched (forces sharing a host count once), at least 1', () => {
    expect(planFetch({ force: ['essex'] }).concurrency).toBe(1);
    expect(planFetch({ force: ['essex', 'kent', 'psni'] }).concurrency).toBe(3);
    expect(planFetch({ baseUrl: ['psni=http://127.0.0.1:5000/', 'WMP=http://127.0.0.1:5001'] }).concurrency).toBe(2);
    expect(planFetch({ baseUrl: ['psni=http://127.0.0.1:5000/a/', 'WMP=http://127.0.0.1:5000/b/'] }).concurrency).toBe(1);
    expect(planFetch({ force: ['essex', 'kent'], concurrency: '7' }).concurrency).toBe(7);
  });

  it('with --base-url and no --force, fetches only the forces it names, from the mirror', () => {
    const p = planFetch({ baseUrl: ['psni=http://127.0.0.1:5000/', 'WMP=http://127.0.0.1:5001'] });
    expect(p.targets.map((t) => [t.force.id, t.baseUrl, t.listingUrl])).toEqual([
      ['northern-ireland', 'http://127.0.0.1:5000/', 'http://127.0.0.1:5000/foi-disclosure-log'],
      ['west-midlands', 'http://127.0.0.1:5001/', 'http://127.0.0.1:5001/disclosure-log/'],
    ]);
  });

  it('--since goes to the listing\'s own date filter where it has one (Single Online Home fdte), not elsewhere', () => {
    const p = planFetch({ force: ['essex', 'psni'], since: '2024-06-01' });
    expect(p.targets.map((t) => t.listingUrl)).toEqual([
      'https://www.essex.police.uk/foi-ai/af/accessing-information/published-items/?q=&dt=Disclosure+log&fdte=2024-06-01',
      'https://www.psni.police.uk/foi-disclosure-log',
    ]);
  });

  it('resolves aliases and comma lists, once each, in the order given', () => {
    const p = planFetch({ force: ['the Met,essex', 'Essex Police', 'psni'] });
    expect(p.targets.map((t) => t.force.id)).toEqual(['metropolitan', 'essex', 'northern-ireland']);
  });

  it('reads --since, --limit, --delay, --concurrency, --log-format', () => {
    expect(planFetch({ force: ['kent'], since: '1 January 2018', limit: '5', delay: '0', concurrency: '2', logFormat: 'JSON' })).toMatchObject({
      since: '2018-01-01',
      limit: 5,
      delayMs: 0,
      concurrency: 2,
      logFormat: 'json',
    });
  });

  it.each([
    [{ force: ['atlantis'] }, 'fetch: unknown force "atlantis" (run "foi-harvest forces" for the list)'],
    [{ force: ['cnc'] }, 'fetch: force "cnc" is not supported yet (its disclosures are not on a site fetch can read)'],
    [{ since: '2018-13-01' }, 'fetch: --since "2018-13-01" is not a date (use YYYY-MM-DD)'],
    [{ limit: '2.5' }, 'fetch: --limit must be a whole number of at least 1, not "2.5"'],
    [{ delay: '-1' }, 'fetch: --delay must be a whole number (0 or more), not "-1"'],
    [{ concurrency: '0' }, 'fetch: --concurrency must be a whole number of at least 1, not "0"'],
    [{ baseUrl: ['essex:http://x'] }, 'fetch: --base-url "essex:http://x" must be <force>=<url>'],
    [{ baseUrl: ['essex=not a url'] }, 'fetch: --base-url for essex: "not a url" is not a URL'],
    [{ baseUrl: ['essex=file:///etc/'] }, 'fetch: --base-url for essex: "file:///etc/" must be http(s)'],
    [{ match: '  ' }, 'fetch: --match needs a text or a topic id'],
    [{ logFormat: 'xml' }, 'fetch: --log-format must be text or json, not "xml"'],
  ])('%j → UsageError', (opts, message) => {
    expect(() => planFetch(opts)).toThrow(UsageError);
    expect(() => planFetch(opts)).toThrow(message);
  });

  it('an unsupported force may be read from a mirror', () => {
    expect(planFetch({ force: ['cnc'], baseUrl: ['cnc=http://127.0.0.1:9/'] }).targets[0].baseUrl).toBe('http://127.0.0.1:9/');
  });
});

describe('summary', () => {
  it.each([
    [{ '200': 5, '206': 1, '304': 2, '404': 1, '410': 2, '503': 3 }, { '200': 6, '304': 2, '4xx': 3, '5xx': 3 }],
    [{ '301': 1 }, { '200': 0, '304': 0, '4xx': 0, '5xx': 0, other: 1 }],
    [{}, { '200': 0, '304': 0, '4xx': 0, '5xx': 0 }],
  ])('statusClasses(%j)', (byStatus, want) => {
    expect(statusClasses(byStatus)).toEqual(want);
  });

  const summary = (): FetchSummary => ({
    runId: 3,
    store: 'x.db',
    status: 'partial',
    requests: 40,
    responses: { '200': 30, '304': 8, '4xx': 2, '5xx': 0 },
    retries: 1,
    robotsBlocked: 2,
    bytes: 150 * 1024,
    disclosures: { new: 3, changed: 1, unchanged: 20 },
    failures: [{ force: 'kent', url: 'https://www.kent.police.uk/x', reason: 'HTTP 404' }],
    warnings: [],
    forces: {
      kent: { ...emptyForceSummary(), listed: 30, listingPages: 3, disclosures: 24, new: 3, changed: 1, unchanged: 20, failures: 1 },
      essex: { ...emptyForceSummary(), listingPages: 1, zeroItemWarnings: 1 },
    },
  });

  it('one human line', () => {
    expect(summaryLine(summary())).toBe(
      'fetch: 2 forces; 40 requests (200: 30, 304: 8, 4xx: 2), 1 retries, 2 robots-blocked, 150.0 KiB; disclosures 3 new, 1 changed, 20 unchanged; 1 failed; 1 listing page with no items (site changed?)',
    );
  });

  it('a line per force', () => {
    expect(forceLines(summary())).toEqual([
      '  kent: 30 listed on 3 pages, 24 disclosures (3 new, 1 changed, 20 unchanged), 1 failed',
      '  essex: 0 listed on 1 page, 0 disclosures (0 new, 0 changed, 0 unchanged), 0 failed, 1 zero-item warning',
    ]);
  });
});
