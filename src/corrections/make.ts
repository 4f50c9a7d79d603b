// A correction as asked for → a stored correction: the row found, the value typed and checked
// against the schema, and the row's locator + verbatim text kept so it re-attaches after reparse.
import type { Disclosure } from '../records/schema.js';
import { CHILD_TABLES } from '../records/schema.js';
import { coerceValue, correctableField, isCorrectionTable, schemaProblem } from './apply.js';
import type { Correction, CorrectionInput } from './types.js';

export type NewCorrection = Omit<Correction, 'id' | 'createdAt'>;

/** The stored form of `input` against disclosure `d` (null when the store lacks it), or why it cannot be made. */
export function makeCorrection(d: Disclosure | null, input: CorrectionInput): { ok: true; correction: NewCorrection } | { ok: false; message: string } {
  const fail = (message: string) => ({ ok: false as const, message });
  if (!d) return fail(`no disclosure "${input.disclosureId}" in the store`);
  if (!isCorrectionTable(input.table)) return fail(`--table: unknown table "${input.table}" (one of disclosures, ${CHILD_TABLES.join(', ')})`);
  const f = correctableField(input.table, input.field);
  if (!f) return fail(`${input.table} has no correctable column "${input.field}" (keys and provenance columns cannot be corrected)`);
  if (!input.reason.trim()) return fail('a correction needs a reason (--reason)');
  let row: Record<string, unknown>;
  if (input.table === 'disclosures') row = d as unknown as Record<string, unknown>;
  else {
    if (input.ordinal === null) return fail(`--ordinal: say which ${input.table} row (1-${d[input.table].length})`);
    const found = (d[input.table] as unknown as Array<Record<string, unknown>>).find((r) => r.ordinal === input.ordinal);
    if (!found) return fail(`${d.id} has no ${input.table} row with ordinal ${input.ordinal} (it has ${d[input.table].length})`);
    row = found;
  }
  const v = coerceValue(f, input.value);
  if (!v.ok) return fail(v.message);
  const problem = schemaProblem(input.table, row, input.field, v.value);
  if (problem) return fail(problem);
  const child = input.table !== 'disclosures';
  return {
    ok: true,
    correction: {
      disclosureId: d.id,
      table: input.table,
      ordinal: child ? input.ordinal : null,
      locator: child ? ((row.locator as string) ?? null) : null,
      text: child ? ((row.text as string) ?? null) : null,
      field: input.field,
      value: v.value,
      original: row[input.field] ?? null,
      reason: input.reason.trim(),
    },
  };
}

/** `field=value` → its parts (the value may contain "="). */
export function parseSet(s: string): { field: string; value: string } | null {
  const at = s.indexOf('=');
  if (at <= 0) return null;
  return { field: s.slice(0, at).trim(), value: s.slice(at + 1) };
}
