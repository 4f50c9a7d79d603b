// The canonical JSON of a stored record (its record_sha256 is the hash of this text), written
// for the one shape the store hashes: a record as checkDisclosure returns it, whose objects (the
// record and its child rows) hold exactly the schema's keys, with plain JSON values. The text is
// byte for byte canonicalJson's (keys sorted at every level; a different text would mark every
// stored disclosure "changed"): a copy of the record with its keys in sorted order, written by
// JSON.stringify, is ~2x faster than sorting each object's keys while writing, and makes a
// third of its garbage (issue 17, crawl CPU).
import { fieldsOf } from '../export/fields.js';
import { CHILD_TABLES, type ChildTable, type Disclosure } from '../records/schema.js';

type Row = Record<string, unknown>;

/** What Object.keys(o).sort() gives for an object with these keys (none index-like: checked). */
function sortedKeys(names: string[]): string[] {
  const bad = names.find((k) => /^(?:0|[1-9]\d*)$/.test(k));
  if (bad !== undefined) throw new Error(`internal error: schema key "${bad}" looks like an array index; canonicalRecordJson cannot sort it`);
  return [...names].sort();
}

let shape: { top: string[]; children: Map<string, string[]> } | null = null;
function recordShape(): { top: string[]; children: Map<string, string[]> } {
  if (!shape) {
    const children = new Map<string, string[]>();
    for (const t of CHILD_TABLES) children.set(t, sortedKeys(fieldsOf(t).map((f) => f.name)));
    shape = { top: sortedKeys([...fieldsOf('disclosures').map((f) => f.name), ...CHILD_TABLES]), children };
  }
  return shape;
}

/**
 * canonicalJson(rec) for `rec` as checkDisclosure returned it (no other keys anywhere: a key
 * the schema does not name would be left out, not sorted in).
 */
export function canonicalRecordJson(rec: Disclosure): string {
  const { top, children } = recordShape();
  const r = rec as unknown as Row;
  const copy: Row = {};
  for (const k of top) {
    const v = r[k];
    const keys = children.get(k as ChildTable);
    if (keys && Array.isArray(v)) {
      const rows = new Array<Row>(v.length);
      for (let i = 0; i < v.length; i++) {
        const row = v[i] as Row;
        const c: Row = {};
        for (const f of keys) c[f] = row[f];
        rows[i] = c;
      }
      copy[k] = rows;
    } else copy[k] = v;
  }
  return JSON.stringify(copy);
}
