// `parse` writes its JSON in pieces (src/cli/json-out.ts): the pieces must join to exactly
// JSON.stringify's text for any value, pretty and compact, so the output never changed.
import { PassThrough } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonChunks, writeChunks } from '../../src/cli/json-out.js';

const RUNS = { numRuns: 300, seed: 20261130 } as const;

describe('jsonChunks', () => {
  it('joins to JSON.stringify(value, null, 2) and JSON.stringify(value) for any JSON-ish value', () => {
    const leaf = fc.oneof(fc.string(), fc.integer(), fc.double({ noNaN: false }), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.date({ noInvalidDate: true }));
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(fc.string({ maxLength: 5 }), tie('node'), { maxKeys: 4 })),
    })).node;
    fc.assert(
      fc.property(fc.array(value, { maxLength: 4 }), (v) => {
        expect([...jsonChunks(v, 2)].join('')).toBe(JSON.stringify(v, null, 2));
        expect([...jsonChunks(v, 0)].join('')).toBe(JSON.stringify(v));
      }),
      RUNS,
    );
  });

  it('keeps the exact layout of a disclosure with rows, empty arrays, skipped keys and nested objects', () => {
    const d = [{ id: 'a/1', figures: [{ value: 1, label: 'x\ny', sub: { a: [1, 2] } }, { value: 2, gone: undefined }], cases: [], meta: {}, f: () => 1, t: new Date(0) }];
    expect([...jsonChunks(d, 2)].join('')).toBe(JSON.stringify(d, null, 2));
    expect([...jsonChunks(d, 0)].join('')).toBe(JSON.stringify(d));
  });

  it('writes a value far larger than one string may hold, in blocks', async () => {
    // 600k rows of ~1 KB: one string of it would pass V8's limit (~512 MB); pieces do not.
    const row = { label: 'r'.repeat(1000) };
    const big = [{ figures: new Array<unknown>(600_000).fill(row) }];
    const out = new PassThrough();
    let bytes = 0;
    out.on('data', (b: Buffer) => (bytes += b.length));
    await writeChunks(out, jsonChunks(big, 0));
    out.end();
    expect(bytes).toBe(600_000 * (JSON.stringify(row).length + 1) - 1 + '[{"figures":[]}]'.length);
  }, 60_000);
});
