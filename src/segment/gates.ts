// Cheap gates: most lines hold none of what a family of patterns seeks, so one combined test
// decides before the family's patterns run one by one (issue 17, "read each line once").
// A combined alternation is one scan of the line instead of one per pattern (measured 3-4×
// faster on the fixture pages' lines than `res.some((re) => re.test(t))`), and it answers the
// same yes or no.

import type { Keyed } from './types.js';

export type { Keyed };

/**
 * A test that is true exactly where one of `res` matches. Patterns with the same flags are
 * joined into one alternation. Only for yes/no questions: which pattern matched is not kept.
 */
export function anyOf(res: readonly RegExp[]): (text: string) => boolean {
  const joined = joinAll(res, 'anyOf');
  if (joined.length === 0) return () => false;
  if (joined.length === 1) {
    const [re] = joined;
    return (text) => re.test(text);
  }
  return (text) => testsAny(joined, text);
}

/** Whether one of `res` matches: a loop, not res.some(…), so no closure is made per text (every line asks several families). */
function testsAny(res: readonly RegExp[], text: string): boolean {
  for (let i = 0; i < res.length; i++) if (res[i].test(text)) return true;
  return false;
}

/** `res` joined into one alternation per set of flags (anyOf's patterns). */
function joinAll(res: readonly RegExp[], who: string): RegExp[] {
  const byFlags = new Map<string, string[]>();
  for (const re of res) {
    if (re.global || re.sticky) throw new Error(`${who}: ${re} is stateful (g or y flag)`);
    // Joined sources must not refer to their own groups; named groups become plain ones (a name
    // may be used once per pattern, and only yes or no is asked).
    if (/\\[1-9]|\\k</.test(re.source)) throw new Error(`${who}: ${re} refers to its own groups`);
    const list = byFlags.get(re.flags) ?? [];
    list.push(`(?:${re.source.replace(/\(\?<(?=[A-Za-z_$])[\w$]+>/g, '(?:')})`);
    byFlags.set(re.flags, list);
  }
  return [...byFlags].map(([flags, sources]) => new RegExp(sources.join('|'), flags));
}

/**
 * The first of `items` whose pattern matches, as `items.find((c) => c.re.test(text))` would
 * give, with one combined test first: most lines match none. `needs`, when given, is a cheaper
 * test every match implies (e.g. words read off the patterns' literal parts): asked before the
 * combined one, so a line without it never runs, and on a one-file run never compiles, the family.
 */
export function firstOf<T extends { re: RegExp }>(items: readonly T[], needs?: RegExp): (text: string) => T | undefined {
  // The joined patterns tested here, not through anyOf's closure: one call less per line.
  const joined = joinAll(
    items.map((c) => c.re),
    'firstOf',
  );
  return (text) => ((!needs || needs.test(text)) && testsAny(joined, text) ? findMatch(items, text) : undefined);
}

/** items.find((c) => c.re.test(text)), without a closure made per text. */
function findMatch<T extends { re: RegExp }>(items: readonly T[], text: string): T | undefined {
  for (let i = 0; i < items.length; i++) if (items[i].re.test(text)) return items[i];
  return undefined;
}

/**
 * Every match of the global `re` in `text`, as `[...text.matchAll(re)]` gives them, without
 * matchAll's copy of the pattern on every call: that copy cost ~0.7 µs a call (measured on the
 * fixture pages' sentences), most of the cost of scanning a short line that holds no match.
 */
export function matchesOf(re: RegExp, text: string): RegExpExecArray[] {
  if (!re.global) throw new TypeError(`matchesOf: ${re} is not global`);
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  try {
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      out.push(m);
      // An empty match moves on by one character (one code point under the u or v flag), as matchAll does.
      if (m[0] === '') re.lastIndex = advance(text, re.lastIndex, re.unicode || re.flags.includes('v'));
    }
  } finally {
    re.lastIndex = 0;
  }
  return out;
}

function advance(text: string, at: number, unicode: boolean): number {
  if (!unicode || at + 1 >= text.length) return at + 1;
  const c = text.charCodeAt(at);
  const d = text.charCodeAt(at + 1);
  return c >= 0xd800 && c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff ? at + 2 : at + 1;
}

/**
 * A value built on its first use and kept: patterns and tables a module would otherwise build
 * as it loads, which a short text may never need (issue 17, start-up). A RegExp's source is
 * parsed when it is constructed (a \p{…} class under the u flag costs about a millisecond).
 */
export function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  let made = false;
  return () => {
    if (!made) {
      value = make();
      made = true;
    }
    return value as T;
  };
}

// The text last asked about, lower-cased once: a line is asked by several families in a row.
let lastText: string | undefined;
let lastLower = '';
function lowered(text: string): string {
  if (text !== lastText) {
    lastLower = text.toLowerCase();
    lastText = text;
  }
  return lastLower;
}

/** Whether `text` begins with `word` (lower case), ASCII letters compared case aside. */
function startsWithWord(text: string, word: string): boolean {
  if (text.length < word.length) return false;
  for (let i = 0; i < word.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    if (c !== word.charCodeAt(i)) return false;
  }
  return true;
}

const escapeWord = (w: string) => w.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

/** How many lines a keyedFirst test answers by its words before it turns to one combined test. */
export const KEYED_LINES = 1000;

/**
 * The first of `items` whose pattern matches, as `items.find((c) => c.re.test(text))` gives,
 * asking each pattern only where the text can hold what it matches: a pattern with `starts` only
 * when the text's first character begins one of them (one look-up) and the text begins with it;
 * one with `holds` only when one small test of all the family's `holds` words passes and the
 * text holds one of its own. A family of long patterns then runs, and on a one-file run is
 * compiled, only for lines that can match (issue 17, start-up: V8 compiles a pattern on its first
 * use and again, to machine code, on its second; no code cache keeps either, and a combined
 * alternation is compiled whole for the first line it is asked about).
 * Patterns must be without the u or v flag: case aside, their letters then match ASCII letters only.
 */
export function keyedFirst<T extends Keyed>(items: readonly T[]): (text: string) => T | undefined {
  return keyed(items, true);
}

function keyed<T extends Keyed>(items: readonly T[], which: true): (text: string) => T | undefined;
function keyed<T extends Keyed>(items: readonly T[], which: false): (text: string) => boolean;
function keyed<T extends Keyed>(items: readonly T[], which: boolean): (text: string) => T | undefined | boolean {
  const byFirst = new Map<number, Set<number>>();
  const allHolds: string[] = [];
  const plan = items.map((c, j) => {
    const { re } = c;
    if (re.global || re.sticky) throw new Error(`keyedFirst: ${re} is stateful (g or y flag)`);
    if (re.unicode || re.flags.includes('v')) throw new Error(`keyedFirst: ${re} has the u or v flag`);
    // Joined into one test after KEYED_LINES lines (anyOf): refused now, not then.
    if (/\\[1-9]|\\k</.test(re.source)) throw new Error(`keyedFirst: ${re} refers to its own groups`);
    // Under m, ^ stands at every line's start: the text's own start says nothing.
    if (c.starts?.length && re.multiline) throw new Error(`keyedFirst: ${re} has the m flag; starts cannot gate it`);
    if (!c.starts?.length && !c.holds?.length) throw new Error(`keyedFirst: ${re} has no words`);
    for (const w of [...(c.starts ?? []), ...(c.holds ?? [])]) {
      if (!w || w !== w.toLowerCase()) throw new Error(`keyedFirst: key ${JSON.stringify(w)} is not a lower-case word`);
    }
    for (const w of c.starts ?? []) {
      const set = byFirst.get(w.charCodeAt(0)) ?? new Set<number>();
      set.add(j);
      byFirst.set(w.charCodeAt(0), set);
    }
    for (const w of c.holds ?? []) if (!allHolds.includes(w)) allHolds.push(w);
    return { item: c, starts: c.starts ?? [], holds: c.holds ?? [] };
  });
  // One test of every `holds` word, built on first use: most lines hold none of them.
  const anyHold = lazy(() => new RegExp(allHolds.map(escapeWord).join('|'), 'i'));
  // For each first character, the patterns to consider, in order: those with a start word that
  // begins with it, and those with `holds` words.
  // Each list is made when a line first begins with its character (a short document meets few).
  const withHolds = plan.flatMap((p, j) => (p.holds.length ? [j] : []));
  const candidates = new Map<number, Array<(typeof plan)[number]>>();
  const candidatesFor = (c: number) => {
    const set = byFirst.get(c);
    const list = set ? [...new Set([...set, ...withHolds])].sort((a, b) => a - b).map((j) => plan[j]) : withHolds.map((j) => plan[j]);
    candidates.set(c, list);
    return list;
  };
  // A process that reads many lines is better served by one combined test (as firstOf): compiled
  // once, it answers a line in a third of the time the words take. So the words are asked for
  // the first KEYED_LINES lines only: a one-file run, then every later line the combined way.
  // The joined patterns are tested here, not through firstOf's or anyOf's closure: two calls less
  // per line in a long run, where every line asks several families.
  let joined: RegExp[] | null = null;
  let asked = 0;
  return (text) => {
    if (joined) {
      if (!testsAny(joined, text)) return which ? undefined : false;
      return which ? findMatch(items, text) : true;
    }
    if (++asked >= KEYED_LINES)
      joined = joinAll(
        items.map((c) => c.re),
        'keyedFirst',
      );
    let c0 = text.charCodeAt(0);
    if (c0 >= 65 && c0 <= 90) c0 += 32;
    const list = candidates.get(c0) ?? candidatesFor(c0);
    let holds = -1; // not yet asked
    for (let k = 0; k < list.length; k++) {
      const p = list[k];
      let may = false;
      for (let i = 0; i < p.starts.length && !may; i++) may = startsWithWord(text, p.starts[i]);
      if (!may && p.holds.length) {
        if (holds < 0) holds = anyHold().test(text) ? 1 : 0;
        if (holds === 1) {
          const low = lowered(text);
          for (let i = 0; i < p.holds.length && !may; i++) may = low.includes(p.holds[i]);
        }
      }
      if (may && p.item.re.test(text)) return which ? p.item : true;
    }
    return which ? undefined : false;
  };
}

/**
 * A gate in front of a run of checks that a line is asked one after another (segmentDoc's cue
 * lists and line forms): false only where none of `res` matches, so each check behind it may be
 * skipped. Anchored patterns joined into one test cost one call and one look at the line's start
 * instead of one each (measured 86 vs 135 ns a short line for the four checks a line meets first,
 * 25 vs 75 for the five that move a response's state, over the bench pages' lines). For the first
 * KEYED_LINES lines it answers true without a test and every check is asked as before: a one-file
 * run does not compile the joined pattern (as keyedFirst).
 */
export function anyOfLater(res: readonly RegExp[]): (text: string) => boolean {
  for (const re of res) if (re.global || re.sticky) throw new Error(`anyOfLater: ${re} is stateful (g or y flag)`);
  let joined: RegExp[] | null = null;
  let asked = 0;
  return (text) => {
    if (joined) return testsAny(joined, text);
    if (++asked >= KEYED_LINES) joined = joinAll(res, 'anyOfLater');
    return true;
  };
}

/** Whether one of `items` matches, as `items.some((c) => c.re.test(text))` answers, gated as keyedFirst. */
export function keyedAny(items: readonly Keyed[]): (text: string) => boolean {
  return keyed(items, false);
}
