// Officer-level cases described in sentences (SPEC §4 cases): "a male detective
// constable who was convicted of possession of a class A drug … in December 2012",
// "another PC was convicted of shoplifting". Each clause that introduces one person and
// what happened to them is one case. Names are never read: a clause starts at its article.
import type { EventKind, Role } from '../records/vocab.js';
import type { CaseDraft } from './attachment.js';
import type { Line } from './doc-model.js';
import { sentences } from './doc-model.js';
import { MONTH_RE } from './dates.js';
import { genderOf, offenceCategory, rankOf, roleOf, statusOf } from './vocab-map.js';
import { matchesOf } from '../segment/gates.js';

const PERSON =
  '(?:(?:detective|police|special|acting|temporary|serving|former|off-duty|probationary)\\s+)*(?:chief\\s+)?(?:constable|sergeant|inspector|superintendent|officer|PCSO|police community support officer|PC|DC|DS|PS|DI|member of (?:police )?staff|staff member|special constable|employee)';
const CLAUSE = new RegExp(
  `(?:^|[,;]\\s*|\\band\\s+|\\bwhile\\s+|\\b(?:was|were|included|including)\\s+)(?:a|an|one|another)\\s+(?:(male|female)\\s+)?(${PERSON})?\\s*,?\\s*(?:who\\s+)?(?:was|had been|has been|is)\\s+(convicted|cautioned|charged|dismissed|sacked|jailed|imprisoned|sentenced|fined|found guilty|given)\\b`,
  'gi',
);
// Every clause above turns on "was", "been" or "is" and one of its verbs: a line without them
// states no case (most lines, and most that say "were charged"), and the clause pattern is then
// neither run nor, on a one-file run, compiled. No \b before "was": the clause allows none.
const STATES_CASE = /(?:was|been|is)\s+(?:convicted|cautioned|charged|dismissed|sacked|jailed|imprisoned|sentenced|fined|found guilty|given)\b/i;
// Asked second (it is slower to scan a line than the test above): in the clause that verb follows
// the person's last word, "male"/"female", the article or "who" ("may have been charged" does
// not). No \b anywhere: a gate may let more through, never less.
const AFTER_PERSON =
  /(?:a|an|one|another|male|female|constable|sergeant|inspector|superintendent|officer|pcso|pc|dc|ds|ps|di|staff|member|employee|who)\s*,?\s*(?:was|had been|has been|is)\s+(?:convicted|cautioned|charged|dismissed|sacked|jailed|imprisoned|sentenced|fined|found guilty|given)/i;
const mayStateCase = (t: string) => STATES_CASE.test(t) && AFTER_PERSON.test(t);

/**
 * Whether any line of `text` may state a case: STATES_CASE asked once of a whole text (its
 * spaces may match a line break, which only lets a text through). extractDisclosure asks it of
 * the content text before reading the lines one by one.
 */
export function mayStateCases(text: string): boolean {
  return STATES_CASE.test(text);
}

/** The clause pattern and the gate asked before it (tests: wherever the clause matches, the gate must). */
export function caseGate(): { gate: (t: string) => boolean; clause: RegExp } {
  return { gate: mayStateCase, clause: CLAUSE };
}
// What for: "of …" / "for …" up to the date, an "after …" or the next clause.
const OFFENCE_AFTER = new RegExp(`^\\s*(?:(?:a|an)\\s+([^,;]+?)\\s+(?:and\\s+fined\\s+)?)?(?:of|for|with)\\s+(.+?)(?=\\s+in\\s+(?:${MONTH_RE}\\s+)?(?:19|20)\\d{2}\\b|\\s+after\\b|[,;]|$)`, 'i');
const YEAR_LEAD = new RegExp(`^(?:also\\s+)?in\\s+(?:${MONTH_RE}\\s+)?((?:19|20)\\d{2})\\b`, 'i');
const YEAR_IN = new RegExp(`\\bin\\s+(?:(${MONTH_RE})\\s+)?((?:19|20)\\d{2})\\b`, 'i');

function eventOfVerb(verb: string): EventKind {
  const v = verb.toLowerCase();
  if (v === 'cautioned') return 'cautioned';
  if (v === 'charged') return 'charged';
  if (v === 'dismissed' || v === 'sacked') return 'dismissed';
  return 'convicted';
}

export function extractCases(lines: Line[], sha256: string): CaseDraft[] {
  const out: CaseDraft[] = [];
  for (const line of lines) {
    if (line.kind === 'table_row' || !mayStateCase(line.text)) continue;
    for (const s of sentences(line)) {
      const matches = matchesOf(CLAUSE, s.text);
      if (!matches.length) continue;
      // "Also in 2014, …" / "In 2015, …" dates every case in the sentence that gives none.
      const lead = YEAR_LEAD.exec(s.text);
      let lastRole: { role: Role; rank: string | null; gender: CaseDraft['gender'] } | null = null;
      matches.forEach((m, k) => {
        const clauseStart = m.index! + m[0].search(/\b(?:a|an|one|another)\b/i);
        const end = k + 1 < matches.length ? matches[k + 1].index! : s.text.length;
        const clause = s.text.slice(clauseStart, end).replace(/[,;\s]+(?:and)?\s*$/, '').trim();
        const person = m[2] ?? null;
        const verb = m[3];
        const tail = s.text.slice(m.index! + m[0].length, end);
        const offenceM = OFFENCE_AFTER.exec(tail);
        const offence = offenceM ? offenceM[2].replace(/\.(?=[’'"]?$)/, '').trim() : null;
        const disposal = verb.toLowerCase() === 'given' ? (/^\s*(?:a|an)\s+(.+?)\s+(?:and\s+\w+\s+)?(?:for|after)\b/i.exec(tail)?.[1] ?? null) : /jailed|imprisoned|sentenced|fined/i.test(verb) ? verb.toLowerCase() : null;
        const yearM = YEAR_IN.exec(tail);
        const year = yearM ? Number(yearM[2]) : lead ? Number(lead[1]) : null;
        let role: Role = roleOf(person) ?? 'unknown';
        let rank = rankOf(person);
        let gender = genderOf(m[1] ?? null);
        if (!person && /^another\b/i.test(clause) && lastRole) ({ role, rank, gender } = { ...lastRole, gender: gender ?? lastRole.gender });
        if (!person && !lastRole) return;
        lastRole = { role, rank, gender };
        const start = s.start + clauseStart;
        out.push({
          role,
          rank,
          gender,
          offence,
          offence_category: offenceCategory(offence),
          event: eventOfVerb(verb),
          event_year: year,
          event_date: null,
          disposal,
          status_at_event: null,
          status_now: statusOf(/\b(still serving|currently serving|remains? (?:in post|serving)|has since (?:resigned|retired|left))\b/i.exec(clause)?.[0] ?? null),
          text: clause,
          locator: `char:${start}-${start + clause.length}`,
          sha256,
        });
      });
    }
  }
  return out;
}
