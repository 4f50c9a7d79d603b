// Which force a document is from (SPEC §3): the URL's host first, then the force the
// text speaks as — its own name, counted with the phrases a force uses of itself —
// and null when neither tells.
import { FORCES, forceForUrl, type Force } from '../sources/registry.js';
import { lazy, matchesOf } from '../segment/gates.js';

interface Pattern {
  force: Force;
  /** Built on first need: a text names a handful of the ~200 names, and each costs a parse to build. */
  re: () => RegExp;
  /** The name's first word, lower case: a pattern runs only on texts that contain it. */
  key: string;
  /**
   * The name's longest word in lower case ('' for none): a pattern runs only on texts whose lower
   * case holds it too. A case-insensitive match of an ASCII word is that word in ASCII letters of
   * either case (non-ASCII characters never match ASCII ones without the u flag), so lower-casing keeps it.
   */
  need: string;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');

let patterns: Pattern[] | null = null;
/** Every pattern's key as a whole word, in one regex over the lower-cased text. */
let keyRe: RegExp | null = null;
/** Each key's patterns, as indexes into `patterns` (registry order). */
let byKey: Map<string, number[]> | null = null;
function namePatterns(): Pattern[] {
  if (patterns) return patterns;
  patterns = [];
  for (const force of FORCES) {
    for (const name of [force.name, ...force.aliases]) {
      // Acronyms ("MPS", "WMP") must match in capitals; names in any case.
      const acronym = /^[A-Z]{2,6}$/.test(name);
      if (name.toLowerCase() === 'the met') {
        patterns.push({ force, re: lazy(() => /\bthe Met\b(?!\s+Office)/g), key: 'met', need: '' });
        continue;
      }
      const key = name.toLowerCase().split(/[^a-z0-9&'’]+/).filter(Boolean)[0] ?? '';
      const longest = name.split(/\s+/).reduce((a, w) => (w.length > a.length ? w : a), '').toLowerCase();
      const need = /^[\x20-\x7e]+$/.test(longest) && longest !== key ? longest : '';
      patterns.push({ force, re: lazy(() => new RegExp(`(?<![\\w-])${escape(name)}(?![\\w-])`, acronym ? 'g' : 'gi')), key, need });
    }
  }
  const keys = [...new Set(patterns.map((p) => p.key))].sort((a, b) => b.length - a.length);
  byKey = new Map();
  for (let i = 0; i < patterns.length; i++) {
    const list = byKey.get(patterns[i].key);
    if (list) list.push(i);
    else byKey.set(patterns[i].key, [i]);
  }
  // The character before a key is matched (consumed), not looked behind at: the same keys at the
  // same places (the character after a key is only looked at, so it is there for the next key),
  // and a third faster to scan, as the engine no longer looks behind at every position.
  keyRe = new RegExp(`(?:^|[^a-z0-9&'’])(${keyAlternation(keys)})(?![a-z0-9&'’])`, 'g');
  // A key's patterns with several needs ("police": northern, service, scotland) have them looked
  // for in one scan of the text, not one each, where no need can hide another (overlap it).
  needsOfKey = new Map();
  for (const [key, list] of byKey) {
    const needs = [...new Set(list.map((i) => patterns![i].need).filter(Boolean))];
    if (needs.length > 1 && !needs.some((a) => needs.some((b) => a !== b && overlaps(a, b)))) {
      needsOfKey.set(key, { needs, re: new RegExp(keyAlternation(needs), 'g') });
    }
  }
  return patterns;
}

/** Whether an occurrence of `a` can share characters with one of `b` (b inside a, or a's end as b's start). */
export function overlaps(a: string, b: string): boolean {
  if (a.includes(b) || b.includes(a)) return true;
  for (let k = 1; k < Math.min(a.length, b.length); k++) if (a.endsWith(b.slice(0, k))) return true;
  return false;
}

/** Each key's needs and the pattern that finds them in one scan (where it may). */
let needsOfKey: Map<string, { needs: string[]; re: RegExp }> | null = null;

/**
 * Which of a key's needs the lower-cased text holds, as lower.includes(need) answers for each:
 * one scan where the key's needs cannot overlap (every occurrence of each is then a match of the
 * scan, or starts inside no other match), else one search each (tests).
 */
export function needsIn(lower: string, key: string): Map<string, boolean> {
  namePatterns();
  const out = new Map<string, boolean>();
  const entry = needsOfKey!.get(key);
  if (entry) {
    for (const n of entry.needs) out.set(n, false);
    for (const m of matchesOf(entry.re, lower)) out.set(m[0], true);
  } else for (const i of byKey!.get(key) ?? []) if (patterns![i].need) out.set(patterns![i].need, lower.includes(patterns![i].need));
  return out;
}

const keyAlternation = (keys: string[]) => keys.map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');

/** The keys found in a lower-cased text, in order of first occurrence (the words detectForceNoted picks patterns by). */
export function forceKeysIn(lower: string): Set<string> {
  namePatterns();
  const words = new Set<string>();
  for (const m of matchesOf(keyRe!, lower)) words.add(m[1]);
  return words;
}

/** The keys as the look-behind pattern this one replaced found them (tests). */
export function forceKeysLookbehind(): RegExp {
  namePatterns();
  return new RegExp(`(?<![a-z0-9&'’])(?:${keyAlternation([...byKey!.keys()].sort((a, b) => b.length - a.length))})(?![a-z0-9&'’])`, 'g');
}

// Phrases in which a force speaks as itself or is addressed as the authority.
const SPEAKS = /^\s*(?:does|do|holds?|has|have|can|cannot|can't|will|would|is|are|estimates?|considers?|publishes|employs|recognises|refused|were|was)\b/i;
const ADDRESSED = /(?:dear|by|from|to|of the|made to)\s+$/i;
// "searches were conducted within Leicestershire Police": the force searching its own records writes.
const SEARCHES_WITHIN = /\b(?:searches|enquiries|checks)\s+(?:were|have been)\s+(?:conducted|carried out|made|undertaken)\s+(?:within|across|by)\s+$/i;
// "passed to Nottinghamshire Police to answer": another authority, not the writer.
const HANDED_ON = /\b(?:passed|transferred|forwarded|referred|redirected)\s+(?:on\s+)?to\s+$/i;

export function detectForce(text: string, url: string | null): string | null {
  return detectForceNoted(text, url).force;
}

/** The force, and a note when the text leaves it open (several forces, none dominant). */
export function detectForceNoted(text: string, url: string | null): { force: string | null; note: string | null } {
  const byUrl = forceForUrl(url);
  if (byUrl) return { force: byUrl.id, note: null };
  const score = new Map<string, { n: number; first: number }>();
  const seen = new Set<string>();
  // About 200 name patterns: run only those whose first word the text contains.
  // The keys are found in one pass (not by splitting the whole text into a set of words).
  const all = namePatterns();
  const lower = text.toLowerCase();
  const words = forceKeysIn(lower);
  // The patterns of the keys found, in registry order (the order the loop over all of them took).
  const picked: number[] = [];
  for (const w of words) for (const i of byKey!.get(w) ?? []) picked.push(i);
  picked.sort((a, b) => a - b);
  // Patterns share needs ("Police Scotland", "Police Service of Scotland"): each is looked for once,
  // a key's needs together (needsIn).
  const needFound = new Map<string, boolean>();
  for (const i of picked) {
    const { force, re, need, key } = all[i];
    if (need) {
      if (!needFound.has(need)) for (const [n, found] of needsIn(lower, key)) needFound.set(n, found);
      if (!needFound.get(need)) continue;
    }
    for (const m of matchesOf(re(), text)) {
      const key = `${force.id}:${m.index}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const after = text.slice(m.index! + m[0].length, m.index! + m[0].length + 30);
      const before = text.slice(Math.max(0, m.index! - 12), m.index!);
      // "Norfolk and Suffolk Constabularies": the joint unit counts for the force named first.
      const wide = text.slice(Math.max(0, m.index! - 60), m.index!);
      if (HANDED_ON.test(wide)) continue;
      let w = 1;
      if (SPEAKS.test(after) || SEARCHES_WITHIN.test(wide)) w += 2;
      if (ADDRESSED.test(before)) w += 1;
      const s = score.get(force.id) ?? { n: 0, first: m.index! };
      s.n += w;
      s.first = Math.min(s.first, m.index!);
      score.set(force.id, s);
    }
  }
  const ranked = [...score.entries()].map(([id, s]) => ({ id, ...s })).sort((a, b) => b.n - a.n || a.first - b.first);
  const best = ranked[0];
  if (!best) return { force: null, note: null };
  const total = ranked.reduce((t, r) => t + r.n, 0);
  // A survey of many forces is about none of them in particular.
  if (ranked.length >= 3 && best.n * 2 < total) {
    return { force: null, note: `the text names ${ranked.length} forces (${ranked.slice(0, 4).map((r) => r.id).join(', ')}…) and speaks for none` };
  }
  const note = ranked[1] && ranked[1].n === best.n ? `force is ambiguous: ${best.id} and ${ranked[1].id} are named as often; took the first named` : null;
  return { force: best.id, note };
}
