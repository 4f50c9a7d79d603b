// Array building for the extractors' hot paths (issue 17).

/**
 * `rows.map(fn)` as a loop into one array literal. The arrays the extractors build are often
 * empty, and an empty result of map, filter or a spread is an array of another V8 map (small
 * integers) than a full one: the large functions that met one threw their optimised code away
 * (a wrong-map deopt) and were compiled again. A literal's allocation site learns the general kind,
 * so every array made here has the same map, empty or not.
 */
export function mapped<T, U>(rows: readonly T[], fn: (row: T, k: number) => U): U[] {
  const out: U[] = [];
  for (let k = 0; k < rows.length; k++) out.push(fn(rows[k], k));
  return out;
}
