// Person detection by an NLP library, for the names no rank or title introduces ("Sarah
// Williams was dismissed", "Officer Connor", "JOHN SMITH, a serving constable").
//
// compromise (https://github.com/spencermountain/compromise, MIT, engines node >= 12, no
// native code, ships its lexicon: nothing is fetched at run time) tags first names, surnames,
// honorifics and places from a lexicon plus context rules, and `people()` groups them.
// wink-nlp was the other candidate; its small English model has no PERSON entity, and the
// model that has one is far larger. compromise takes about a second to load on a busy machine,
// so it is required lazily, only when a text holds a candidate (two capitalised words in a
// row that are not all known vocabulary, "SURNAME, Forename", a capitalised word after a
// rank), and it reads only the lines around each candidate, not whole documents.
import { createRequire } from 'node:module';

interface Term {
  text: string;
  tags: string[];
  offset: { start: number; length: number };
}
interface Person {
  terms: Term[];
}
interface Doc {
  people(): { json(opts: object): Person[] };
  terms(): { json(opts: object): Array<{ terms: Term[] }> };
}
type Nlp = (text: string) => Doc;

let nlp: Nlp | null = null;
function load(): Nlp {
  if (!nlp) {
    const mod = createRequire(import.meta.url)('compromise') as Nlp & { default?: Nlp };
    nlp = mod.default ?? mod;
  }
  return nlp;
}

/** Whether the library has been loaded in this process (for tests of the lazy load). */
export function peopleLoaded(): boolean {
  return nlp !== null;
}

export interface NameTerm {
  start: number;
  end: number;
  text: string;
  /** A name word by the lexicon (first name, surname) rather than by context. */
  nameWord: boolean;
  /** A rank or title ("Officer", "Sergeant", "Mr"): kept, never redacted. */
  title: boolean;
}

// The finder is pure and slow (~0.5 ms a window): the same lines recur across a site's pages
// (signatures, addresses, boilerplate), so results are kept for a bounded number of windows.
const found = new Map<string, NameTerm[][]>();
const FOUND_MAX = 2000;

/** The people in `text`, each as its terms with offsets into `text` (callers must not mutate them). */
export function findPeople(text: string): NameTerm[][] {
  let hit = found.get(text);
  if (!hit) {
    if (found.size >= FOUND_MAX) found.clear();
    hit = findPeopleUncached(text);
    found.set(text, hit);
  }
  return hit;
}

function findPeopleUncached(text: string): NameTerm[][] {
  const people = load()(text).people().json({ offset: true, terms: { offset: true } });
  return people.map((p) =>
    p.terms.map((t) => ({
      start: t.offset.start,
      end: t.offset.start + t.offset.length,
      text: t.text,
      nameWord: t.tags.includes('FirstName') || t.tags.includes('LastName'),
      title: t.tags.includes('Honorific') || t.tags.includes('Actor'),
    })),
  );
}

/** How the lexicon knows one word: as a first name, a surname, or neither. */
const kinds = new Map<string, { first: boolean; last: boolean }>();

export function nameKind(word: string): { first: boolean; last: boolean } {
  let k = kinds.get(word);
  if (!k) {
    k = lookupKind(word);
    if (kinds.size < 10_000) kinds.set(word, k);
  }
  return k;
}

function lookupKind(word: string): { first: boolean; last: boolean } {
  const [term] = load()(word).terms().json({ offset: true }).flatMap((t) => t.terms);
  const tags = term?.tags ?? [];
  return { first: tags.includes('FirstName'), last: tags.includes('LastName') };
}
