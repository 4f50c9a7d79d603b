// Applies stored corrections to a disclosure on its way out, marking every row it changed.
// Pure: the same record and corrections always give the same output.
import { CHILD_TABLES, DisclosureRowSchema, TABLES, type ChildTable, type DatasetDisclosure, type Disclosure } from '../records/schema.js';
import { fieldsOf, type Field } from '../export/fields.js';
import type { Correction, CorrectionOutcome, CorrectionTable } from './types.js';

type Row = Record<string, unknown>;

export const isCorrectionTable = (t: string): t is CorrectionTable => t === 'disclosures' || (CHILD_TABLES as readonly string[]).includes(t);

/** Columns a correction may set: any but the keys and provenance that identify the row. */
const FIXED = new Set(['id', 'disclosure_id', 'ordinal', 'text', 'locator', 'sha256', 'content_sha256', 'parser_version']);

export function correctableField(table: CorrectionTable, field: string): Field | null {
  if (FIXED.has(field)) return null;
  return fieldsOf(table).find((f) => f.name === field) ?? null;
}

/** A typed value for `f` from what a person wrote ("" or "null" = empty; lists split on ";"). */
export function coerceValue(f: Field, raw: string): { ok: true; value: unknown } | { ok: false; message: string } {
  const s = raw.trim();
  if (s === '' || s.toLowerCase() === 'null') {
    if (f.nullable) return { ok: true, value: null };
    if (f.type === 'array') return { ok: true, value: [] };
    if (f.type === 'string') return { ok: true, value: '' };
    return { ok: false, message: `${f.name} cannot be empty` };
  }
  switch (f.type) {
    case 'integer':
    case 'number': {
      const n = Number(s.replace(/,/g, ''));
      if (!Number.isFinite(n) || (f.type === 'integer' && !Number.isInteger(n))) return { ok: false, message: `${f.name} must be ${f.type === 'integer' ? 'a whole number' : 'a number'}, not "${raw}"` };
      return { ok: true, value: n };
    }
    case 'boolean':
      if (/^(true|yes|1)$/i.test(s)) return { ok: true, value: true };
      if (/^(false|no|0)$/i.test(s)) return { ok: true, value: false };
      return { ok: false, message: `${f.name} must be true or false, not "${raw}"` };
    case 'array':
      return { ok: true, value: s.split(';').map((x) => x.trim()).filter(Boolean) };
    default:
      return { ok: true, value: raw };
  }
}

/** Why `row` with `field` set to `value` would break the table's schema, or null. */
export function schemaProblem(table: CorrectionTable, row: Row, field: string, value: unknown): string | null {
  const schema = table === 'disclosures' ? DisclosureRowSchema : TABLES[table];
  const r = schema.safeParse({ ...row, [field]: value });
  if (r.success) return null;
  const issue = r.error.issues[0];
  return `${field}: ${issue.message}`;
}

/**
 * The row a correction points at now: same locator and verbatim text (what survives a
 * reparse that renumbers rows); among several, the one at the same ordinal, else the one
 * still holding the original value, else the first.
 */
export function findRow(rows: readonly Row[], c: Pick<Correction, 'locator' | 'text' | 'ordinal' | 'field' | 'original'>): Row | null {
  const same = rows.filter((r) => r.locator === c.locator && r.text === c.text);
  if (same.length <= 1) return same[0] ?? null;
  return same.find((r) => r.ordinal === c.ordinal) ?? same.find((r) => JSON.stringify(r[c.field]) === JSON.stringify(c.original)) ?? same[0];
}

function mark(row: Row, reasons: string[] | undefined): Row {
  return { ...row, corrected: !!reasons?.length, correction_reason: reasons?.length ? reasons.join('; ') : null };
}

/** The disclosure with corrections applied (in id order) and every row marked, and what became of each correction. */
export function applyCorrections(d: Disclosure, corrections: readonly Correction[]): { record: DatasetDisclosure; outcomes: CorrectionOutcome[] } {
  const outcomes: CorrectionOutcome[] = [];
  const head: Row = { ...d };
  const children = Object.fromEntries(CHILD_TABLES.map((t) => [t, (d[t] as unknown as Row[]).map((r) => ({ ...r }))])) as Record<ChildTable, Row[]>;
  const reasons = new Map<Row, string[]>();
  for (const c of [...corrections].sort((a, b) => a.id - b.id)) {
    const base = { id: c.id, disclosure_id: c.disclosureId, table: c.table, field: c.field, to: c.value, reason: c.reason };
    const orphan = (problem: string) => outcomes.push({ ...base, ordinal: null, from: c.original, status: 'orphaned', problem });
    if (c.disclosureId !== d.id) continue;
    if (!correctableField(c.table, c.field)) {
      orphan(`${c.table} has no correctable column ${c.field}`);
      continue;
    }
    const row = c.table === 'disclosures' ? head : findRow(children[c.table], c);
    if (!row) {
      orphan(`no ${c.table} row of ${c.disclosureId} reads "${c.text ?? ''}" at ${c.locator ?? '?'} any more`);
      continue;
    }
    const problem = schemaProblem(c.table, row, c.field, c.value);
    if (problem) {
      orphan(`the corrected value no longer fits the schema (${problem})`);
      continue;
    }
    const from = row[c.field];
    row[c.field] = c.value;
    const list = reasons.get(row) ?? [];
    if (!list.includes(c.reason)) list.push(c.reason);
    reasons.set(row, list);
    outcomes.push({ ...base, ordinal: c.table === 'disclosures' ? null : (row.ordinal as number), from, status: 'applied' });
  }
  const record = mark(head, reasons.get(head)) as Row;
  for (const t of CHILD_TABLES) record[t] = children[t].map((r) => mark(r, reasons.get(r)));
  return { record: record as unknown as DatasetDisclosure, outcomes };
}

/** A correction whose disclosure is gone (not in the store any more). */
export function orphanedByRemoval(c: Correction): CorrectionOutcome {
  return { id: c.id, disclosure_id: c.disclosureId, table: c.table, ordinal: null, field: c.field, from: c.original, to: c.value, reason: c.reason, status: 'orphaned', problem: `disclosure ${c.disclosureId} is no longer in the store` };
}
