// The default --concurrency: one request in flight per host fetched, so that every host of a
// national run (48 forces) stays busy, capped at 64.
import { describe, expect, it } from 'vitest';
import { defaultConcurrency } from '../../src/cli/fetch-run.js';

const targets = (hosts: number, perHost = 1) =>
  Array.from({ length: hosts * perHost }, (_, i) => ({ listingUrl: `https://www.force${i % hosts}.police.uk/log/?page=${i}` })) as unknown as Parameters<typeof defaultConcurrency>[0];

describe('defaultConcurrency', () => {
  it.each([
    [1, 1, 1],
    [38, 1, 38],
    [48, 1, 48],
    [10, 3, 10], // several targets on one host count once
    [100, 1, 64],
  ])('%i hosts (%i targets each) → %i', (hosts, perHost, expected) => {
    expect(defaultConcurrency(targets(hosts, perHost))).toBe(expected);
  });
});
