// canonicalRecordJson (the store's record_sha256 text) must be canonicalJson's text exactly for
// every record the store hashes, or every stored disclosure would read as "changed".
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/pipeline/parse.js';
import { checkDisclosure } from '../../src/records/disclosure-check.js';
import type { Disclosure } from '../../src/records/schema.js';
import { canonicalJson } from '../../src/store/diff.js';
import { canonicalRecordJson } from '../../src/store/record-json.js';
import { sampleDisclosure } from './store-sample.js';

const checked = (d: unknown) => {
  const r = checkDisclosure(structuredClone(d)) as Disclosure | null;
  if (!r) throw new Error('sample fails the schema');
  return r;
};
/** The same object with its keys in reverse order at every level (the checker restores schema order). */
const reversed = (v: unknown): unknown =>
  Array.isArray(v) ? v.map(reversed) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reversed(x)])) : v;

describe('canonicalRecordJson', () => {
  it('gives canonicalJson\'s text for a record with every child table filled', () => {
    const rec = checked(sampleDisclosure());
    for (const t of ['questions', 'periods', 'exemptions', 'figures', 'cases', 'attachments'] as const) expect(rec[t].length).toBeGreaterThan(0);
    expect(canonicalRecordJson(rec)).toBe(canonicalJson(rec));
  });

  it('does not depend on the order the record was built in', () => {
    const rec = checked(reversed(sampleDisclosure()));
    expect(canonicalRecordJson(rec)).toBe(canonicalJson(sampleDisclosure()));
  });

  it('gives canonicalJson\'s text for records parsed from the fixtures', async () => {
    for (const name of ['dismissals.html', 'dismissals.txt']) {
      const rec = checked(await parseDocument({ bytes: readFileSync(new URL(`../../fixtures/parse/${name}`, import.meta.url)), name, url: `https://example.org/${name}` }));
      expect(canonicalRecordJson(rec)).toBe(canonicalJson(rec));
    }
  });

  it('equals canonicalJson for arbitrary text and numbers in the record and its rows', () => {
    const base = sampleDisclosure();
    const text = fc.string({ unit: 'binary', maxLength: 12 });
    fc.assert(
      fc.property(text, fc.option(text), fc.array(text, { maxLength: 3 }), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), (title, ref, warnings, n, x) => {
        const d = structuredClone(base) as unknown as Record<string, unknown> & Disclosure;
        d.title = title;
        d.reference = ref;
        d.warnings = warnings;
        d.questions[0].text = title;
        const fig = d.figures[0] as unknown as Record<string, unknown>;
        for (const [k, v] of Object.entries(fig)) if (typeof v === 'number' && k !== 'ordinal') fig[k] = Number.isInteger(v) ? n : x;
        const rec = checkDisclosure(d) as Disclosure | null;
        return rec === null || canonicalRecordJson(rec) === canonicalJson(rec);
      }),
      { numRuns: 300, seed: 20261130 },
    );
  });
});
