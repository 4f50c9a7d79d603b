// The NLP library takes about a second to load: a document with no candidate name never
// loads it; one with a name no rank introduces does, and is redacted.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { peopleLoaded } from '../../src/extract/people.js';
import { redactPersonal } from '../../src/extract/redact.js';
import { parseDocument } from '../../src/pipeline/parse.js';

describe('the name finder', () => {
  it('is not loaded for documents without a candidate name (nor for "PC numbers")', async () => {
    for (const f of ['fixtures/parse/dismissals.txt', 'fixtures/parse/dismissals.html']) await parseDocument({ bytes: readFileSync(f), name: f });
    expect(redactPersonal('PC numbers rose; Officer Convictions (266A/20); West Midlands Police')).toBe('PC numbers rose; Officer Convictions (266A/20); West Midlands Police');
    expect(peopleLoaded()).toBe(false);
  });

  it('is loaded for one that has one, and finds it', async () => {
    const text = 'Officer Convictions (1A/24)\nRequest\nWas Sarah Williams dismissed in 2022?\nResponse\n3 officers were dismissed in 2022.\n';
    const d = await parseDocument({ bytes: new TextEncoder().encode(text), name: 'x.txt' });
    expect(d.request_text).toBe('Was [redacted] dismissed in 2022?');
    expect(peopleLoaded()).toBe(true);
  });
});
