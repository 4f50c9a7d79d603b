import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonSchemas } from '../../src/records/schema.js';
import { ROOT, runCli } from '../support/cli.js';

describe('schemas/', () => {
  it('matches the zod schemas exactly (run `npm run schemas` after changing them)', () => {
    const generated = jsonSchemas();
    const dir = join(ROOT, 'schemas');
    expect(readdirSync(dir).sort()).toEqual(Object.keys(generated).sort());
    for (const [name, schema] of Object.entries(generated)) {
      expect(JSON.parse(readFileSync(join(dir, name), 'utf8')), name).toEqual(schema);
    }
  });

  it('`foi-harvest schema` prints the same documents', () => {
    const r = runCli(['schema']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(jsonSchemas());
    const one = runCli(['schema', 'figures']);
    expect(JSON.parse(one.stdout)).toEqual(jsonSchemas()['figures.schema.json']);
    expect(runCli(['schema', 'nope']).code).toBe(2);
  });
});
