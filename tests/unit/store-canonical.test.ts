// canonicalJson must give exactly the text of JSON.stringify with a key-sorting replacer:
// stored record hashes (record_sha256) were made that way, and a different text would mark
// every stored disclosure "changed" on the next harvest.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/store/diff.js';

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
/** The definition the stored hashes were made with. */
const byReplacer = (v: unknown) => JSON.stringify(v, (_k, val: unknown) => (isObj(val) ? Object.fromEntries(Object.keys(val).sort().map((k) => [k, val[k]])) : val));

describe('canonicalJson', () => {
  it.each([
    ['null', null],
    ['numbers', [1, -0, NaN, Infinity, -Infinity, 1e21, 1.5e-7, 0.1]],
    ['strings with escapes', ['a"b\\c', '\u2028\n\t', '\ud800', 'é']],
    ['undefined, functions and symbols', { b: 1, a: undefined, c: () => 1, d: [undefined, () => 1, Symbol('x')] }],
    ['index-like keys', { 10: 'x', 9: 'y', a: 1, '01': 2, ' ': 3, '4294967295': 4, '4294967294': 5 }],
    ['nested, with toJSON', { z: [{ y: 1, x: [1, { d: null, c: new Date(0) }] }], w: { toJSON: () => ({ b: 1, a: 2 }) } }],
    ['a boxed number', [new Number(3)]],
  ])('%s', (_name, v) => {
    expect(canonicalJson(v)).toBe(byReplacer(v));
  });

  it('equals the replacer form on arbitrary JSON-like values', () => {
    const key = fc.oneof(fc.constantFrom('a', 'b', 'Z', '_', '0', '1', '10', '2', '007', '', 'id', 'value', 'é'), fc.string());
    const value = fc.letrec((tie) => ({
      leaf: fc.oneof(fc.constant(null), fc.constant(undefined), fc.boolean(), fc.double(), fc.integer(), fc.string()),
      node: fc.oneof({ depthSize: 'small' }, tie('leaf'), fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(key, tie('node'), { maxKeys: 5 })),
    })).node;
    fc.assert(fc.property(value, (v) => canonicalJson(v) === byReplacer(v)), { numRuns: 500, seed: 20261130 });
  });
});
