// src/records/disclosure-check.ts is the Disclosure schema compiled ahead of time (so that
// `parse` needs no zod). It must be current, and must say what zod says: the same verdict
// on every record, and the same output (keys in schema order, unknown keys dropped).
import fc from 'fast-check';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { extractDisclosure } from '../../src/extract/disclosure.js';
import { readDocument } from '../../src/readers/index.js';
import { checkDisclosure } from '../../src/records/disclosure-check.js';
import { DisclosureSchema, type Disclosure } from '../../src/records/schema.js';
// @ts-expect-error a plain .mjs module of the build scripts, without types
import { disclosureCheckSchema, disclosureCheckSource, interpretedCheck } from '../../scripts/lib/disclosure-check.mjs';
import { hostileDisclosure, sampleDisclosure } from './store-sample.js';

const SEED = Number(process.env.FOI_PROP_SEED ?? 20261130);
const RUNS = { numRuns: Number(process.env.FOI_PROP_RUNS ?? 400), seed: SEED } as const;
const check = checkDisclosure as (v: unknown) => unknown;
const errors = () => (checkDisclosure as unknown as { errors: Array<{ instancePath: string; message: string }> | null }).errors;
const interpret = interpretedCheck(disclosureCheckSchema(z, DisclosureSchema)) as ((v: unknown) => unknown) & { errors: unknown };
const clone = <T>(v: T): T => structuredClone(v);

describe('compiled disclosure check', () => {
  it('is up to date with src/records/schema.ts (else: npm run build && node scripts/compile-check.mjs)', () => {
    const committed = readFileSync('src/records/disclosure-check.ts', 'utf8');
    expect(committed === disclosureCheckSource(z, DisclosureSchema)).toBe(true);
  });

  it('gives what zod gives on the disclosure of every fixture document, byte for byte', async () => {
    const walk = (d: string): string[] => readdirSync(d).flatMap((e) => (statSync(join(d, e)).isDirectory() ? walk(join(d, e)) : [join(d, e)]));
    let n = 0;
    for (const f of [...walk('fixtures'), ...walk('tests/fixtures')]) {
      if (statSync(f).size > 5_000_000) continue;
      const doc = await readDocument({ bytes: readFileSync(f), name: basename(f) }).catch(() => null);
      if (!doc) continue;
      const d = extractDisclosure(doc, { url: null, force: null, sha256: 'a'.repeat(64) });
      const viaZod = DisclosureSchema.safeParse(clone(d));
      expect(viaZod.success, f).toBe(true);
      expect(JSON.stringify(check(clone(d))), f).toBe(JSON.stringify(viaZod.data));
      n++;
    }
    expect(n).toBeGreaterThan(100);
  }, 120_000);

  // Every leaf path of a record, to damage one at a time.
  const paths = (v: unknown, at: Array<string | number> = []): Array<Array<string | number>> =>
    v && typeof v === 'object'
      ? Object.entries(v).flatMap(([k, x]) => [[...at, Array.isArray(v) ? Number(k) : k], ...paths(x, [...at, Array.isArray(v) ? Number(k) : k])])
      : [];
  const BASES = [sampleDisclosure(), hostileDisclosure()];
  const junk = fc.oneof(
    fc.constant(null),
    fc.constant(undefined),
    fc.constant(''),
    fc.constant('2024-13-45'),
    fc.constant('2024-1-5'),
    fc.constant('A'.repeat(64)),
    fc.constant('40(2)(a)'),
    fc.constant('full'),
    fc.constant('officers'),
    fc.constant([]),
    fc.constant({}),
    fc.constant(['x']),
    fc.constant(0),
    fc.constant(-1),
    fc.constant(1.5),
    fc.constant(Number.NaN),
    fc.constant(Number.POSITIVE_INFINITY),
    fc.constant(2 ** 53),
    fc.boolean(),
    fc.string(),
    fc.integer(),
  );

  it('accepts and refuses exactly what zod does, one damaged field at a time', () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat(), junk, fc.boolean(), (b, p, value, addKey) => {
        const rec = clone(BASES[b % BASES.length]) as unknown as Record<string, unknown>;
        const all = paths(rec);
        const path = all[p % all.length];
        let node = rec as Record<string | number, unknown>;
        for (const k of path.slice(0, -1)) node = node[k] as Record<string | number, unknown>;
        const key = path[path.length - 1];
        if (addKey) node[`extra_${String(key)}`] = value; // an unknown key: dropped, not refused
        else if (value === undefined) delete node[key];
        else node[key] = value;
        const viaZod = DisclosureSchema.safeParse(clone(rec));
        const viaCheck = check(clone(rec));
        expect(viaCheck !== null).toBe(viaZod.success);
        if (viaZod.success) expect(JSON.stringify(viaCheck)).toBe(JSON.stringify(viaZod.data));
        // The generated code says what the schema interpreter says: the same place, the same words.
        const viaInterpreter = interpret(clone(rec));
        expect(JSON.stringify(viaCheck)).toBe(JSON.stringify(viaInterpreter));
        expect(errors()).toEqual(interpret.errors);
      }),
      RUNS,
    );
  });

  it('names where a refused record is wrong', () => {
    const bad = { ...sampleDisclosure(), outcome: 'maybe' } as unknown as Disclosure;
    expect(check(bad)).toBeNull();
    expect(errors()).toEqual([{ instancePath: '/outcome', message: 'must be equal to one of the allowed values' }]);
  });

  it.each([
    ['a figure without a value', (r: Record<string, any>) => delete r.figures[0].value, '/figures/0', "must have required property 'value'"],
    ['a question ordinal of 0', (r: Record<string, any>) => (r.questions[0].ordinal = 0), '/questions/0/ordinal', 'must be > 0'],
    ['a fractional ordinal', (r: Record<string, any>) => (r.questions[0].ordinal = 1.5), '/questions/0/ordinal', 'must be integer'],
    ['a request date in another form', (r: Record<string, any>) => (r.request_date = '1 May 2024'), '/request_date', 'must match pattern "^\\d{4}-\\d{2}-\\d{2}$"'],
    ['an empty locator', (r: Record<string, any>) => (r.exemptions[0].locator = ''), '/exemptions/0/locator', 'must NOT have fewer than 1 characters'],
    ['a topic outside the vocabulary', (r: Record<string, any>) => (r.topics = ['traffic']), '/topics/0', 'must be equal to one of the allowed values'],
    ['warnings as a string', (r: Record<string, any>) => (r.warnings = 'none'), '/warnings', 'must be array'],
    ['a title of 3', (r: Record<string, any>) => (r.title = 3), '/title', 'must be string,null'],
    ['an infinite figure', (r: Record<string, any>) => (r.figures[0].value = Number.POSITIVE_INFINITY), '/figures/0/value', 'must be number'],
  ])('refuses %s, saying where and what', (_name, damage, instancePath, message) => {
    const rec = clone(sampleDisclosure()) as unknown as Record<string, any>;
    damage(rec);
    expect(check(rec)).toBeNull();
    expect(errors()).toEqual([{ instancePath, message }]);
  });

  it('drops unknown keys from the record it was given, and returns every key in schema order', () => {
    const rec = { zzz: 1, ...clone(sampleDisclosure()) } as unknown as Record<string, any>;
    rec.figures[0].extra = 'x';
    const out = check(rec) as Record<string, any>;
    expect('zzz' in rec).toBe(false);
    expect('extra' in rec.figures[0]).toBe(false);
    expect(Object.keys(out)).toEqual(Object.keys(DisclosureSchema.shape));
    expect(out.figures[0]).not.toBe(rec.figures[0]);
  });
});

describe('compiled disclosure check: a pattern remembers only the last string it matched', () => {
  const SHA = 'c'.repeat(64);
  const withSha = (sha: string) => {
    const r = clone(sampleDisclosure()) as unknown as Record<string, any>;
    r.content_sha256 = sha;
    for (const t of ['questions', 'exemptions', 'figures']) for (const row of r[t]) row.sha256 = sha;
    return r;
  };
  // Run in order: each step follows the one before, whose string the check may remember.
  const steps: Array<[string, string, string | null]> = [
    ['a valid sha256', SHA, null],
    ['the same sha256 again', SHA, null],
    ['an upper-case one after it', SHA.toUpperCase(), '/content_sha256'],
    ['the upper-case one again', SHA.toUpperCase(), '/content_sha256'],
    ['a 63-character prefix of the remembered one', SHA.slice(1), '/content_sha256'],
    ['the valid one once more', SHA, null],
    ['a 65-character string', SHA + 'c', '/content_sha256'],
  ];
  it('refuses what does not match, whatever it matched before', () => {
    for (const [name, sha, path] of steps) {
      const out = check(withSha(sha));
      if (path === null) expect(out, name).not.toBeNull();
      else {
        expect(out, name).toBeNull();
        expect(errors(), name).toEqual([{ instancePath: path, message: 'must match pattern "^[0-9a-f]{64}$"' }]);
      }
    }
  });

  it('refuses a bad row sha256 after the record sha256 it repeats was matched', () => {
    const r = withSha(SHA);
    r.figures[0].sha256 = 'not a sha';
    expect(check(r)).toBeNull();
    expect(errors()).toEqual([{ instancePath: '/figures/0/sha256', message: 'must match pattern "^[0-9a-f]{64}$"' }]);
  });

  it('gives the interpreted check\'s verdict on arbitrary dates, including repeats of one string', () => {
    const date = fc.oneof(fc.constantFrom('2024-01-03', '2024-1-3', '20240103', ''), fc.string({ maxLength: 11 }));
    fc.assert(
      fc.property(fc.array(date, { minLength: 1, maxLength: 6 }), (dates) => {
        for (const d of dates) {
          const r = clone(sampleDisclosure()) as unknown as Record<string, any>;
          r.request_date = d;
          expect(check(clone(r)) === null).toBe(interpret(clone(r)) === null);
        }
      }),
      RUNS,
    );
  });
});
