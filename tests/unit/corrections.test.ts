import { describe, expect, it } from 'vitest';
import { applyCorrections, coerceValue, findRow } from '../../src/corrections/apply.js';
import { makeCorrection, parseSet } from '../../src/corrections/make.js';
import type { Correction } from '../../src/corrections/types.js';
import { datasetFieldsOf, fieldsOf } from '../../src/export/fields.js';
import { DatasetDisclosureSchema, type Disclosure } from '../../src/records/schema.js';
import { sampleDisclosure } from './store-sample.js';

const field = (table: 'figures' | 'disclosures' | 'periods', name: string) => fieldsOf(table).find((f) => f.name === name)!;

function correction(over: Partial<Correction>): Correction {
  return { id: 1, disclosureId: 'west-midlands/65a-24', table: 'figures', ordinal: 1, locator: 'pdf:p1:t1:r2:c3', text: 'TWENTY one police officers', field: 'value', value: 22, original: 21, reason: 'checked against the PDF, p.1', createdAt: '2026-01-01T00:00:00Z', ...over };
}

describe('coerceValue', () => {
  it.each([
    ['figures', 'value', '12', 12],
    ['figures', 'value', '1,204', 1204],
    ['figures', 'value', '2.5', 2.5],
    ['figures', 'year', '2021', 2021],
    ['figures', 'year', '', null],
    ['figures', 'year', 'null', null],
    ['figures', 'is_total', 'true', true],
    ['figures', 'is_total', 'no', false],
    ['figures', 'measure', 'officers', 'officers'],
    ['disclosures', 'topics', 'convictions; vetting', ['convictions', 'vetting']],
    ['disclosures', 'topics', '', []],
    ['periods', 'end', '2023-12-31', '2023-12-31'],
  ] as const)('%s.%s %j → %j', (table, name, raw, value) => {
    expect(coerceValue(field(table, name), raw)).toEqual({ ok: true, value });
  });

  it.each([
    ['figures', 'value', 'twelve', 'value must be a number, not "twelve"'],
    ['figures', 'year', '2021.5', 'year must be a whole number, not "2021.5"'],
    ['figures', 'value', '', 'value cannot be empty'],
    ['figures', 'is_total', 'maybe', 'is_total must be true or false, not "maybe"'],
  ] as const)('%s.%s %j is refused', (table, name, raw, message) => {
    expect(coerceValue(field(table, name), raw)).toEqual({ ok: false, message });
  });
});

describe('parseSet', () => {
  it.each([
    ['value=12', { field: 'value', value: '12' }],
    ['label=a=b', { field: 'label', value: 'a=b' }],
    ['rank=', { field: 'rank', value: '' }],
    ['=12', null],
    ['value', null],
  ])('%j', (s, want) => expect(parseSet(s)).toEqual(want));
});

describe('findRow', () => {
  const rows = [
    { ordinal: 1, locator: 'char:10-20', text: 'a', value: 1 },
    { ordinal: 2, locator: 'char:30-60', text: 'three and four', value: 3 },
    { ordinal: 3, locator: 'char:30-60', text: 'three and four', value: 4 },
  ];
  it('finds the row by locator and text even when ordinals moved', () => {
    expect(findRow(rows, { locator: 'char:10-20', text: 'a', ordinal: 7, field: 'value', original: 1 })).toBe(rows[0]);
  });
  it('among rows read from one sentence, prefers the same ordinal, then the original value', () => {
    expect(findRow(rows, { locator: 'char:30-60', text: 'three and four', ordinal: 3, field: 'value', original: 3 })).toBe(rows[2]);
    expect(findRow(rows, { locator: 'char:30-60', text: 'three and four', ordinal: 9, field: 'value', original: 4 })).toBe(rows[2]);
  });
  it('finds nothing when the text changed', () => {
    expect(findRow(rows, { locator: 'char:10-20', text: 'b', ordinal: 1, field: 'value', original: 1 })).toBeNull();
  });
});

describe('applyCorrections', () => {
  it('marks every row, and only corrected ones as corrected', () => {
    const { record, outcomes } = applyCorrections(sampleDisclosure(), []);
    expect(outcomes).toEqual([]);
    expect(DatasetDisclosureSchema.parse(record)).toEqual(record);
    expect(record.corrected).toBe(false);
    expect(record.figures.map((f) => [f.corrected, f.correction_reason])).toEqual([[false, null], [false, null]]);
  });

  it('applies corrections to the row they point at and reports each', () => {
    const d = sampleDisclosure();
    const cs = [correction({}), correction({ id: 2, table: 'disclosures', ordinal: null, locator: null, text: null, field: 'outcome', value: 'full', original: 'partial', reason: 'letter says all was given' })];
    const { record, outcomes } = applyCorrections(d, cs);
    expect(record.figures[0]).toMatchObject({ value: 22, corrected: true, correction_reason: 'checked against the PDF, p.1' });
    expect(record.figures[1]).toMatchObject({ value: -3, corrected: false });
    expect(record).toMatchObject({ outcome: 'full', corrected: true, correction_reason: 'letter says all was given' });
    expect(outcomes).toEqual([
      { id: 1, disclosure_id: d.id, table: 'figures', ordinal: 1, field: 'value', from: 21, to: 22, reason: 'checked against the PDF, p.1', status: 'applied' },
      { id: 2, disclosure_id: d.id, table: 'disclosures', ordinal: null, field: 'outcome', from: 'partial', to: 'full', reason: 'letter says all was given', status: 'applied' },
    ]);
    expect(d.figures[0].value).toBe(21); // the record itself is left alone
  });

  it('follows its row when a reparse renumbers the rows', () => {
    const d = sampleDisclosure();
    const moved: Disclosure = { ...d, figures: [{ ...d.figures[1], ordinal: 1 }, { ...d.figures[0], ordinal: 2 }] };
    const { record, outcomes } = applyCorrections(moved, [correction({})]);
    expect(record.figures.map((f) => [f.ordinal, f.value, f.corrected])).toEqual([[1, -3, false], [2, 22, true]]);
    expect(outcomes[0]).toMatchObject({ status: 'applied', ordinal: 2 });
  });

  it('reports, never drops, a correction whose row or column is gone or whose value no longer fits', () => {
    const d = sampleDisclosure();
    const { record, outcomes } = applyCorrections(d, [
      correction({ id: 1, text: 'TWENTY two police officers' }),
      correction({ id: 2, field: 'colour' }),
      correction({ id: 3, field: 'measure', value: 'unicorns' }),
    ]);
    expect(record.figures.every((f) => !f.corrected)).toBe(true);
    expect(outcomes.map((o) => [o.id, o.status, o.problem])).toEqual([
      [1, 'orphaned', 'no figures row of west-midlands/65a-24 reads "TWENTY two police officers" at pdf:p1:t1:r2:c3 any more'],
      [2, 'orphaned', 'figures has no correctable column colour'],
      [3, 'orphaned', expect.stringMatching(/^the corrected value no longer fits the schema \(measure: /)],
    ]);
  });

  it('joins the reasons of several corrections to one row', () => {
    const { record } = applyCorrections(sampleDisclosure(), [correction({}), correction({ id: 2, field: 'year', value: 2022, original: 2021, reason: 'table heading is 2022' })]);
    expect(record.figures[0]).toMatchObject({ value: 22, year: 2022, correction_reason: 'checked against the PDF, p.1; table heading is 2022' });
  });
});

describe('makeCorrection', () => {
  const d = sampleDisclosure();
  const input = { disclosureId: d.id, table: 'figures' as const, ordinal: 1, field: 'value', value: '12', reason: 'checked' };
  it('keeps the row’s locator, text and original value', () => {
    expect(makeCorrection(d, input)).toEqual({
      ok: true,
      correction: { disclosureId: d.id, table: 'figures', ordinal: 1, locator: 'pdf:p1:t1:r2:c3', text: 'TWENTY one police officers', field: 'value', value: 12, original: 21, reason: 'checked' },
    });
  });
  it.each([
    [{ table: 'figures', ordinal: 9 }, 'west-midlands/65a-24 has no figures row with ordinal 9 (it has 2)'],
    [{ table: 'figures', ordinal: null }, '--ordinal: say which figures row (1-2)'],
    [{ table: 'widgets' }, '--table: unknown table "widgets" (one of disclosures, questions, periods, exemptions, figures, cases, attachments)'],
    [{ field: 'locator' }, 'figures has no correctable column "locator" (keys and provenance columns cannot be corrected)'],
    [{ field: 'measure', value: 'unicorns' }, expect.stringMatching(/^measure: /)],
    [{ reason: ' ' }, 'a correction needs a reason (--reason)'],
  ] as const)('refuses %j', (over, message) => {
    expect(makeCorrection(d, { ...input, ...(over as object) } as never)).toEqual({ ok: false, message });
  });
  it('refuses a disclosure the store does not hold', () => {
    expect(makeCorrection(null, input)).toEqual({ ok: false, message: `no disclosure "${d.id}" in the store` });
  });
});

describe('the data dictionary', () => {
  it('describes every column of every exported table', () => {
    for (const t of ['figures_flat', 'disclosures', 'questions', 'periods', 'exemptions', 'figures', 'cases', 'attachments'] as const) {
      for (const f of datasetFieldsOf(t)) expect(f.description, `${t}.${f.name}`).toMatch(/\w{3}/);
    }
  });
});
