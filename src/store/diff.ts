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

/** JSON with keys sorted at every level: equal values give equal text. */
export function canonicalJson(v: unknown): string {
  return JSON.stringify(v, (_k, val: unknown) =>
    isObj(val) ? Object.fromEntries(Object.keys(val).sort().map((k) => [k, val[k]])) : val,
  );
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
