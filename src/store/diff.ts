// Field-level differences between two versions of a disclosure, for `changes` rows and
// changes.json: what a reporter reads to see what a force altered overnight.

export interface FieldChange {
  /** `title`, `topics`, `figures[3].value` (the number in brackets is the row's 1-based ordinal). */
  path: string;
  from: unknown;
  to: unknown;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * JSON with keys sorted at every level: equal values give equal text. The text is exactly
 * what `JSON.stringify` with a key-sorting replacer gives (stored record hashes depend on it),
 * written directly: the replacer's sorted copy of every object was ~0.15 ms per disclosure.
 */
export function canonicalJson(v: unknown): string {
  return writeCanonical(v, '') as string;
}

/** An array index as an object key: JSON.stringify lists those first, in numeric order. */
const isIndexKey = (k: string) => {
  const c = k.charCodeAt(0);
  return c >= 48 && c <= 57 && /^(?:0|[1-9]\d*)$/.test(k) && Number(k) < 4294967295;
};

function sortedKeys(o: object): string[] {
  const keys = Object.keys(o).sort();
  if (!keys.some(isIndexKey)) return keys;
  // What Object.fromEntries(sorted) enumerates: index keys ascending, then the rest as sorted.
  const index = keys.filter(isIndexKey).sort((a, b) => Number(a) - Number(b));
  return [...index, ...keys.filter((k) => !isIndexKey(k))];
}

/** Object keys are few (the schema's field names): each is quoted once. */
const QUOTED = new Map<string, string>();

function writeCanonical(v: unknown, key: string): string | undefined {
  if (v !== null && typeof v === 'object' && typeof (v as { toJSON?: unknown }).toJSON === 'function') v = (v as { toJSON: (k: string) => unknown }).toJSON(key);
  switch (typeof v) {
    case 'string':
      return JSON.stringify(v);
    case 'number':
      return Number.isFinite(v) ? String(v) : 'null';
    case 'boolean':
      return v ? 'true' : 'false';
    case 'bigint':
      return JSON.stringify(v); // throws, as JSON.stringify does
    case 'object': {
      if (v === null) return 'null';
      if (Array.isArray(v)) {
        let out = '[';
        for (let i = 0; i < v.length; i++) out += (i ? ',' : '') + (writeCanonical(v[i], String(i)) ?? 'null');
        return out + ']';
      }
      let out = '{';
      let first = true;
      for (const k of sortedKeys(v)) {
        const s = writeCanonical((v as Obj)[k], k);
        if (s === undefined) continue;
        let quoted = QUOTED.get(k);
        if (quoted === undefined) {
          quoted = JSON.stringify(k) + ':';
          if (QUOTED.size < 10_000) QUOTED.set(k, quoted);
        }
        out += (first ? '' : ',') + quoted + s;
        first = false;
      }
      return out + '}';
    }
    default:
      return undefined; // undefined, functions and symbols are left out, as by JSON.stringify
  }
}

export function sameValue(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

export function diffRecords(before: unknown, after: unknown, path = ''): FieldChange[] {
  if (sameValue(before, after)) return [];
  if (isObj(before) && isObj(after)) {
    const out: FieldChange[] = [];
    const keys = [...Object.keys(before), ...Object.keys(after).filter((k) => !(k in before))];
    for (const k of keys) out.push(...diffRecords(before[k] ?? null, after[k] ?? null, path ? `${path}.${k}` : k));
    return out;
  }
  // Lists of child rows are compared row by row; lists of plain values (topics) as a whole.
  if (Array.isArray(before) && Array.isArray(after) && [...before, ...after].every(isObj)) {
    const out: FieldChange[] = [];
    for (let i = 0; i < Math.max(before.length, after.length); i++) {
      out.push(...diffRecords(before[i] ?? null, after[i] ?? null, `${path}[${i + 1}]`));
    }
    return out;
  }
  return [{ path, from: before, to: after }];
}

/**
 * Several successive diffs of one record → the net diff: earliest `from`, latest `to`,
 * dropping paths that came back to where they started.
 */
export function composeDiffs(diffs: readonly FieldChange[][]): FieldChange[] {
  const byPath = new Map<string, FieldChange>();
  for (const diff of diffs) {
    for (const c of diff) {
      const seen = byPath.get(c.path);
      byPath.set(c.path, seen ? { path: c.path, from: seen.from, to: c.to } : { ...c });
    }
  }
  return [...byPath.values()].filter((c) => !sameValue(c.from, c.to));
}
