// Nested disclosures → one row list per table (SPEC §4): the shape CSV, SQLite and
// datapackage.json share. Column order follows the zod schemas.
import { CHILD_TABLES, TABLES, type Disclosure, type TableName } from '../records/schema.js';

export type Row = Record<string, unknown>;

export function columnsOf(table: TableName): string[] {
  return Object.keys(TABLES[table].shape);
}

export function flatten(disclosures: readonly Disclosure[]): Record<TableName, Row[]> {
  const out = Object.fromEntries(Object.keys(TABLES).map((t) => [t, [] as Row[]])) as Record<TableName, Row[]>;
  for (const d of disclosures) {
    const row: Row = {};
    for (const c of columnsOf('disclosures')) row[c] = (d as unknown as Row)[c];
    out.disclosures.push(row);
    for (const t of CHILD_TABLES) {
      for (const child of d[t]) {
        const r: Row = {};
        for (const c of columnsOf(t)) r[c] = (child as unknown as Row)[c];
        out[t].push(r);
      }
    }
  }
  return out;
}
