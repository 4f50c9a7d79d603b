// Nested disclosures → rows per exported table (SPEC §4): the shape CSV, SQLite, XLSX, Parquet
// and datapackage.json share. Column order follows the zod schemas.
import { CHILD_TABLES, DATASET_TABLES, type DatasetDisclosure, type DatasetTable, type Disclosure } from '../records/schema.js';
import { applyCorrections } from '../corrections/apply.js';
import { flatFigures } from './figures-flat.js';

export type Row = Record<string, unknown>;

export const DATASET_TABLE_NAMES = Object.keys(DATASET_TABLES) as DatasetTable[];

export function columnsOf(table: DatasetTable): string[] {
  return Object.keys(DATASET_TABLES[table].shape);
}

/** A record as exported: already marked (corrections applied), or marked now as uncorrected. */
export function asDataset(d: Disclosure | DatasetDisclosure): DatasetDisclosure {
  return 'corrected' in d ? d : applyCorrections(d, []).record;
}

function pick(table: DatasetTable, src: Row): Row {
  const row: Row = {};
  for (const c of columnsOf(table)) row[c] = src[c];
  return row;
}

/** One disclosure's rows in every exported table; `keepFlat` filters figures_flat (--event, --measure). */
export function rowsOf(d: DatasetDisclosure, keepFlat?: (r: Row) => boolean): Record<DatasetTable, Row[]> {
  const flat = flatFigures(d).map((r) => pick('figures_flat', r));
  const out = { figures_flat: keepFlat ? flat.filter(keepFlat) : flat, disclosures: [pick('disclosures', d as unknown as Row)] } as Record<DatasetTable, Row[]>;
  for (const t of CHILD_TABLES) out[t] = (d[t] as unknown as Row[]).map((r) => pick(t, r));
  return out;
}

export function flatten(disclosures: Iterable<Disclosure | DatasetDisclosure>): Record<DatasetTable, Row[]> {
  const out = Object.fromEntries(DATASET_TABLE_NAMES.map((t) => [t, [] as Row[]])) as Record<DatasetTable, Row[]>;
  for (const d of disclosures) {
    const rows = rowsOf(asDataset(d));
    for (const t of DATASET_TABLE_NAMES) out[t].push(...rows[t]);
  }
  return out;
}
