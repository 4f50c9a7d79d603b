import { describe, expect, it } from 'vitest';
import { fromCell, neutralise, toCell, unneutralise } from '../../src/export/cells.js';
import { fieldsOf, type Field } from '../../src/export/fields.js';

const field = (table: Parameters<typeof fieldsOf>[0], name: string): Field => fieldsOf(table).find((f) => f.name === name)!;

describe('formula neutralisation', () => {
  it.each([
    ['=HYPERLINK("http://x","y")', `'=HYPERLINK("http://x","y")`],
    ['+44 1234', "'+44 1234"],
    ['-3 officers', "'-3 officers"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
    ['\nx', "'\nx"],
    ["'=x", "''=x"],
    ["'plain", "'plain"],
    ['plain = fine', 'plain = fine'],
    ['', ''],
  ])('%j → %j and back', (text, cell) => {
    expect(neutralise(text)).toBe(cell);
    expect(unneutralise(cell)).toBe(text);
  });
});

describe('toCell / fromCell', () => {
  const cases: Array<[string, string, unknown, string]> = [
    ['figures', 'value', -3, '-3'],
    ['figures', 'value', 2.5, '2.5'],
    ['figures', 'year', null, ''],
    ['figures', 'is_total', true, 'true'],
    ['disclosures', 'ncnd', false, 'false'],
    ['disclosures', 'topics', ['convictions', 'vetting'], 'convictions; vetting'],
    ['disclosures', 'topics', [], ''],
    ['disclosures', 'warnings', ['-bad start', 'ok'], "'-bad start; ok"],
    ['disclosures', 'title', null, ''],
    ['disclosures', 'request_text', '', ''],
    ['disclosures', 'title', '=1+1', "'=1+1"],
    ['periods', 'start', '2021-03-01', '2021-03-01'],
  ];
  it.each(cases)('%s.%s %j ↔ %j', (table, col, value, cell) => {
    const f = field(table as 'figures', col);
    expect(toCell(f, value)).toBe(cell);
    expect(fromCell(f, cell)).toEqual({ ok: true, value });
  });

  it.each([
    ['figures', 'value', '', 'missing value (the column is not nullable)'],
    ['figures', 'value', 'twelve', 'not a number: "twelve"'],
    ['figures', 'year', '20x1', 'not a number: "20x1"'],
    ['disclosures', 'ncnd', 'yes', 'not a boolean: "yes" (true or false)'],
  ])('%s.%s %j is rejected', (table, col, cell, message) => {
    expect(fromCell(field(table as 'figures', col), cell)).toEqual({ ok: false, message });
  });
});

describe('fieldsOf', () => {
  it('reads types, nullability and vocabularies from the schemas', () => {
    expect(field('periods', 'end')).toEqual({ name: 'end', type: 'date', nullable: true, enum: null, description: 'last day of the period (ISO date); empty = open-ended' });
    expect(field('figures', 'value')).toMatchObject({ type: 'number', nullable: false });
    expect(field('figures', 'year')).toMatchObject({ type: 'integer', nullable: true });
    expect(field('figures', 'gender')).toMatchObject({ type: 'string', nullable: true, enum: ['male', 'female', 'other', 'unknown'] });
    expect(field('disclosures', 'topics')).toMatchObject({ type: 'array', nullable: false });
    expect(field('disclosures', 'topics').enum).toContain('convictions');
    expect(field('exemptions', 'ncnd')).toMatchObject({ type: 'boolean', nullable: false, enum: null });
  });
});
