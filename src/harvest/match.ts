// `--match <text|topic>`: a topic id of SPEC §4 is matched by keywords in the listing title
// (and summary); any other text matches when the title, the summary or — failing those —
// the disclosure page's own text contains it.
import { TOPICS, type Topic } from '../records/vocab.js';

/** Title keywords per topic: what journalists and forces call these subjects. */
export const TOPIC_KEYWORDS: Record<Exclude<Topic, 'other'>, RegExp> = {
  convictions: /\bconvict(ed|ion|ions)?\b|\bcriminal records?\b|\bcourt (cases?|outcomes?)\b/i,
  charges: /\bcharged?\b|\bcharges\b|\bprosecut(ed|ion|ions)\b/i,
  cautions: /\bcaution(s|ed)?\b|\bout of court disposals?\b/i,
  sexual_misconduct: /\bsexual(ly)?\b|\babuse of position\b|\bindecent\b|\brape\b|\bvawg\b|\bviolence against women\b/i,
  misconduct_proceedings: /\bmisconduct\b|\bdisciplin(e|ary)\b|\bdismiss(ed|als?)\b|\bsacked\b|\bgross misconduct\b|\bbarred list\b|\bprofessional standards\b|\baccelerated hearings?\b/i,
  suspensions: /\bsuspen(ded|sions?|d)\b|\brestricted dut(y|ies)\b|\bon full pay\b/i,
  vetting: /\bvett(ed|ing)\b|\bre-?vetting\b/i,
  complaints: /\bcomplain(ts?|ed)\b|\biopc\b|\bgrievances?\b/i,
};

export interface Matcher {
  spec: string;
  kind: 'topic' | 'text';
  /** true / false when the listing decides; null when only the page text can tell. */
  onListing(title: string, summary: string | null): boolean | null;
  onPage(text: string): boolean;
}

const fold = (s: string) => s.toLowerCase().replace(/[\s\u00a0]+/g, ' ').trim();

export function isTopic(spec: string): spec is Topic {
  return (TOPICS as readonly string[]).includes(spec);
}

/** Topics whose keywords the title contains ('other' when none does). */
export function topicsOfTitle(title: string): Topic[] {
  const hits = (Object.keys(TOPIC_KEYWORDS) as Array<keyof typeof TOPIC_KEYWORDS>).filter((t) => TOPIC_KEYWORDS[t].test(title));
  return hits.length ? hits : ['other'];
}

export function makeMatcher(spec: string): Matcher {
  const s = spec.trim();
  if (isTopic(s)) {
    return {
      spec: s,
      kind: 'topic',
      onListing: (title, summary) => topicsOfTitle(title).includes(s) || (s !== 'other' && !!summary && topicsOfTitle(summary).includes(s)),
      onPage: () => false,
    };
  }
  const needle = fold(s);
  return {
    spec: s,
    kind: 'text',
    onListing: (title, summary) => (fold(title).includes(needle) || (summary !== null && fold(summary).includes(needle)) ? true : null),
    onPage: (text) => fold(text).includes(needle),
  };
}
