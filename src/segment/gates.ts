// Cheap gates: most lines hold none of what a family of patterns seeks, so one combined test
// decides before the family's patterns run one by one (issue 17, "read each line once").
// A combined alternation is one scan of the line instead of one per pattern (measured 3-4×
// faster on the fixture pages' lines than `res.some((re) => re.test(t))`), and it answers the
// same yes or no.

/**
 * A test that is true exactly where one of `res` matches. Patterns with the same flags are
 * joined into one alternation. Only for yes/no questions: which pattern matched is not kept.
 */
export function anyOf(res: readonly RegExp[]): (text: string) => boolean {
  const byFlags = new Map<string, string[]>();
  for (const re of res) {
    if (re.global || re.sticky) throw new Error(`anyOf: ${re} is stateful (g or y flag)`);
    // Joined sources must not refer to their own groups; named groups become plain ones (a name
    // may be used once per pattern, and only yes or no is asked).
    if (/\\[1-9]|\\k</.test(re.source)) throw new Error(`anyOf: ${re} refers to its own groups`);
    const list = byFlags.get(re.flags) ?? [];
    list.push(`(?:${re.source.replace(/\(\?<(?=[A-Za-z_$])[\w$]+>/g, '(?:')})`);
    byFlags.set(re.flags, list);
  }
  const joined = [...byFlags].map(([flags, sources]) => new RegExp(sources.join('|'), flags));
  if (joined.length === 0) return () => false;
  if (joined.length === 1) {
    const [re] = joined;
    return (text) => re.test(text);
  }
  return (text) => joined.some((re) => re.test(text));
}

/**
 * The first of `items` whose pattern matches, as `items.find((c) => c.re.test(text))` would
 * give, with one combined test first: most lines match none. `needs`, when given, is a cheaper
 * test every match implies (e.g. words read off the patterns' literal parts): asked before the
 * combined one, so a line without it never runs, and on a one-file run never compiles, the family.
 */
export function firstOf<T extends { re: RegExp }>(items: readonly T[], needs?: RegExp): (text: string) => T | undefined {
  const gate = anyOf(items.map((c) => c.re));
  return (text) => ((!needs || needs.test(text)) && gate(text) ? items.find((c) => c.re.test(text)) : undefined);
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
