// The synthetic evaluation set's labels follow GOLD_FORMAT.md, so that a score on it
// measures the extractor and not a labelling slip: every label file matches its text,
// uses the vocabularies, and states counts with spans that are really in the text.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', 'fixtures', 'synthetic-corpus');
const ids = readdirSync(join(ROOT, 'gold'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.slice(0, -5))
  .sort();

const KINDS = ['foi_response', 'news_article', 'decision_notice', 'other'];
const OUTCOMES = ['full', 'partial', 'refused', 'ncnd', 'not_held', 'cost_limit', 'unknown'];
const ISO = /^\d{4}-\d{2}-\d{2}$/;
const FORCE_ID = /^[a-z]+(?:-[a-z]+)*$/;
// "40(2)", "31(1)(a)", "40(5B)(a)(i)", "21": no spaces, one parenthesised part per level.
const CITATION = /^\d+[A-Z]?(?:\([0-9A-Za-z]+\))*$/;

describe('synthetic corpus labels', () => {
  it('has at least 30 documents, each with a text and a label of the same id', () => {
    const texts = readdirSync(join(ROOT, 'corpus')).filter((f) => f.endsWith('.txt')).map((f) => f.slice(0, -4)).sort();
    expect(ids.length).toBeGreaterThanOrEqual(30);
    expect(texts).toEqual(ids);
  });

  it.each(ids)('%s follows GOLD_FORMAT.md', (id) => {
    const gold = JSON.parse(readFileSync(join(ROOT, 'gold', `${id}.json`), 'utf8'));
    const text = readFileSync(join(ROOT, 'corpus', `${id}.txt`), 'utf8');
    expect(gold.id).toBe(id);
    expect(text.length).toBeLessThan(4200);
    expect(KINDS).toContain(gold.kind);
    expect(OUTCOMES).toContain(gold.outcome);
    if (gold.force !== null) expect(gold.force).toMatch(FORCE_ID);
    for (const k of ['request', 'response', 'published']) if (gold.dates[k] !== null) expect(gold.dates[k]).toMatch(ISO);
    for (const p of gold.periods) {
      expect(p.start).toMatch(ISO);
      if (p.end !== null) expect(p.end >= p.start).toBe(true);
    }
    expect(Number.isInteger(gold.questions) && gold.questions >= 0).toBe(true);
    expect([...gold.exemptions].sort()).toEqual([...new Set(gold.exemptions)].sort());
    for (const e of gold.exemptions) expect(e).toMatch(CITATION);
    for (const c of gold.counts) {
      expect(Number.isFinite(c.value)).toBe(true);
      expect(text).toContain(c.text);
    }
    // Flags and outcome agree with each other as the format defines them.
    if (gold.outcome === 'ncnd') expect(gold.ncnd).toBe(true);
    if (gold.outcome === 'cost_limit') expect(gold.cost_limit).toBe(true);
    if (gold.kind !== 'foi_response' && gold.kind !== 'decision_notice') expect(gold.outcome).toBe('unknown');
    expect(typeof gold.notes).toBe('string');
    expect(gold.notes.length).toBeGreaterThan(20);
  });
});
