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

/**
 * The sorted copy, written as object literals by functions made once from the schema's field
 * names: `{"a": r["a"], "b": r["b"], …}` builds each copy with one hidden class and no keyed
 * stores (a loop of `c[f] = row[f]` was ~60 % of canonicalRecordJson's time; issue 17).
 */
type Copier = (r: Row) => Row;
let copier: Copier | null = null;

/** `(r) => ({"k1": r["k1"], …})` for these keys, in this order (compiled from the schema's names only). */
function literalCopier(keys: string[], value: (k: string) => string): string {
  return `{${keys.map((k) => `${JSON.stringify(k)}: ${value(JSON.stringify(k))}`).join(', ')}}`;
}

function recordCopier(): Copier {
  if (!copier) {
    const children = new Map<string, string[]>();
    for (const t of CHILD_TABLES) children.set(t, sortedKeys(fieldsOf(t).map((f) => f.name)));
    const top = sortedKeys([...fieldsOf('disclosures').map((f) => f.name), ...CHILD_TABLES]);
    const rowFns = CHILD_TABLES.map((t, i) => `const row${i} = (r) => (${literalCopier(children.get(t)!, (k) => `r[${k}]`)});`);
    const rows = (i: number, k: string) => `(Array.isArray(r[${k}]) ? rows(r[${k}], row${i}) : r[${k}])`;
    const body = literalCopier(top, (k) => {
      const i = CHILD_TABLES.indexOf(JSON.parse(k) as ChildTable);
      return i >= 0 ? rows(i, k) : `r[${k}]`;
    });
    copier = new Function(
      `"use strict";
       const rows = (v, f) => { const out = new Array(v.length); for (let i = 0; i < v.length; i++) out[i] = f(v[i]); return out; };
       ${rowFns.join('\n')}
       return (r) => (${body});`,
    )() as Copier;
  }
  return copier;
}

/**
 * canonicalJson(rec) for `rec` as checkDisclosure returned it (no other keys anywhere: a key
 * the schema does not name would be left out, not sorted in).
 */
export function canonicalRecordJson(rec: Disclosure): string {
  return JSON.stringify(recordCopier()(rec as unknown as Row));
}
