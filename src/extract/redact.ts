// Personal data never leaves the extractor (SPEC §4: "Names and dates of birth are never
// collected"). Sources do print them — a press report names "PC John Smith", a table gives
// a date of birth — so every text field is passed through `redactPersonal` on the way out.
// A redacted row keeps its locator: the source still says what it says, we do not copy it.
import type { Disclosure } from '../records/schema.js';

export const REDACTED = '[redacted]';

const MONTH = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
// 01/02/1980, 1.2.80, 01-02-1980, 1980-02-01, 1st February 1980, February 1, 1980, February 1980, 1980
const DATE = [
  '\\d{1,2}[./-]\\d{1,2}[./-]\\d{2,4}',
  '\\d{4}-\\d{2}-\\d{2}',
  `\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}\\s+\\d{2,4}`,
  `${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}`,
  `${MONTH}\\s+\\d{4}`,
  '(?:19|20)\\d{2}',
].join('|');

// The label is kept, the date replaced: "DOB 01/02/1980" → "DOB [redacted]".
const DOB = new RegExp(`(\\b(?:D\\.?O\\.?B\\.?|date\\s+of\\s+birth|birth\\s*date)(?:\\s*[:|\\-–—]\\s*|\\s+(?:is|was|of)?\\s*)|\\bborn\\s+(?:on\\s+|in\\s+)?)(?:${DATE})`, 'gi');

// Ranks and titles that introduce a person's name. Abbreviations are case-sensitive (so that
// "ds" or "di" in a word never counts); spelt-out ranks are not ("officer Neal Porter").
const TITLE_ABBR = '(?:Mr|Mrs|Ms|Miss|Mx|Dr|Sir|Dame|PC|WPC|DC|PS|DS|DI|DCI|DSI|DCS|DSupt|Supt|Ch\\.?[^\\S\\n]?Supt|Insp|Ch\\.?[^\\S\\n]?Insp|Sgt|Det|Const|PCSO|SC|Cllr|Cmdr)\\.?';
const RANK_WORD =
  '(?:(?:(?:[Tt]emporary|[Aa]cting|[Dd]etective|[Cc]hief|[Dd]eputy|[Aa]ssistant|[Pp]olice|[Ss]pecial|[Ww]oman|[Tt]rainee|[Pp]robationer|[Ff]ormer)[^\\S\\n]+)*' +
  '(?:[Cc]onstable|[Ss]ergeant|[Ii]nspector|[Ss]uperintendent|[Cc]ommander|[Cc]ommissioner|[Cc]ommunity [Ss]upport [Oo]fficer)' +
  // "officer Neal Porter", "Police Officer Jane Doe"; a bare "Officer" starts headings ("Officer Convictions").
  '|(?:[Pp]olice|[Ss]pecial|[Ss]erving|[Ff]ormer)[^\\S\\n]+[Oo]fficer|officer)';
// Names never run across a line break (a heading on the next line is not a surname).
// One word of a name: Smith, McDonald, O'Neil, Smith-Jones; an initial ("J." / "J") only before another word.
const NAME_WORD = "(?:(?:Mc|Mac|O['’])?[A-Z][a-z]+(?:[-'’][A-Z][a-z]+)?)";
const INITIAL = '(?:[A-Z]\\.?[^\\S\\n]+)';
const NAME = `(?:${INITIAL}{0,2}${NAME_WORD}(?:[^\\S\\n]+${NAME_WORD}){0,2})`;

// Capitalised words that follow a rank but are not names: furniture of the sentence, the
// vocabulary of the documents, months, days, places and bodies (force names stay).
const NOT_NAMES = new Set(
  (
    'The A An This That These Those In On At Of For And Or But With From To By As Is Was Were Has Had Who Which When Where While ' +
    'He She They It His Her Their Him Them I We You Our Your My ' +
    'Male Female Man Woman Men Women Police Scotland Service Constabulary Force Forces Officer Officers Constable Constables Sergeant Sergeants ' +
    'Inspector Inspectors Superintendent Chief Deputy Assistant Detective Acting Temporary Special Specials Commander Commissioner Staff Member Members ' +
    'Community Support Section Sections Act Regulations Misconduct Gross Hearing Hearings Panel Court Crown Magistrates Magistrate Convicted Charged ' +
    'Cautioned Dismissed Resigned Retired Suspended Serving Restricted Duties Total Totals Yes No None Nil Not Unknown Other Freedom Information ' +
    'Data Protection Criminal Offence Offences Rank Ranks Gender Year Years Number Numbers Case Cases Disclosure Request Response Reference ' +
    'England Wales Northern Ireland United Kingdom British Transport Civil Nuclear Ministry Defence Home Office Independent College Policing ' +
    'Professional Standards Department Unit Team Grade Training Federation Association Group Board Authority Council Commission Crime Panel ' +
    'January February March April May June July August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec ' +
    // Nouns of the documents' own headings ("Officer Convictions", "PCSO Crimes"): never a name.
    'Conviction Convictions Crime Crimes Offending Complaint Complaints Allegation Allegations Vetting Dismissal Dismissals Suspension Suspensions ' +
    'Statistics Figures Data Drones Recruitment Training Pay Overtime Injuries Injury Assaults Assault Arrests Arrest Deaths Death Incidents ' +
    'Discipline Disciplinary Investigation Investigations Conduct Behaviour Use Records Strength Diversity Wellbeing Sickness Absence ' +
    'Resignations Retirements Cases Outcomes Appeals Grievances Uniform Equipment Numbers Vehicles Firearms Taser Tasers Complaints ' +
    'Monday Tuesday Wednesday Thursday Friday Saturday Sunday Today Yesterday Tomorrow Please Dear Yours Thank Thanks Note Notes ' +
    'Metropolitan City London Greater Manchester Midlands Yorkshire Thames Valley West East North South Avon Somerset Essex Kent Durham ' +
    'Cleveland Cumbria Devon Cornwall Dorset Gwent Dyfed Powys Merseyside Norfolk Suffolk Surrey Sussex Sussex Wiltshire Lancashire ' +
    'Leicestershire Lincolnshire Nottinghamshire Northamptonshire Derbyshire Cheshire Hampshire Hertfordshire Bedfordshire Cambridgeshire ' +
    'Convictions Conviction Complaints Complaint Allegations Allegation Suspensions Suspension Dismissals Dismissal Vetting Failures ' +
    'Statistics Details Outcomes Outcome Sexual Domestic Abuse Assault Numbers Data Figures Summary Sickness Absence Overtime Pay Pension ' +
    'Recruitment Welfare Wellbeing Conduct Behaviour Complaints Vehicles Vehicle Use Uniform Equipment Body Worn Camera Cameras Tasers Taser ' +
    'Sgt Det Insp Supt Const Ch Cllr Cmdr Mr Mrs Ms Miss Mx Dr Sir Dame ' +
    'Gloucestershire Humberside Northumbria Staffordshire Warwickshire Mercia Wales Royal Military Army Navy Air Fire Rescue'
  ).split(/\s+/),
);

const AFTER_RANK = new RegExp(
  `(\\b(?:(?:${TITLE_ABBR}|${RANK_WORD})(?:[^\\S\\n]+\\d{1,5})?,?[^\\S\\n]+)+)(${NAME})`,
  'g',
);
// ("a serving police constable, Neal Porter, was …": the comma after a rank is allowed above.)
// "John Smith, a serving police officer" / "Jane Doe, 34, the detective sergeant"
const BEFORE_ROLE = new RegExp(
  `\\b(${NAME_WORD}(?:[^\\S\\n]+${NAME_WORD}){1,2})(?=,[^\\S\\n]+(?:(?:aged[^\\S\\n]+)?\\d{1,3},[^\\S\\n]+)?(?:an?|the)[^\\S\\n]+(?:[\\w-]+[^\\S\\n]+){0,4}?(?:officer|constable|sergeant|inspector|superintendent|detective|PCSO|special)\\b)`,
  'g',
);

/** The leading words of a candidate that can be a name: stop at the first word that cannot. */
function nameWords(candidate: string): string {
  const words = candidate.split(/(\s+)/);
  let kept = '';
  for (let i = 0; i < words.length; i += 2) {
    const w = words[i].replace(/\.$/, '');
    if (NOT_NAMES.has(w)) break;
    kept += (i ? words[i - 1] : '') + words[i];
  }
  // An initial alone is not a name ("PC J" then nothing).
  return /[a-z]/.test(kept) ? kept : '';
}

/** Whether a force or body name follows ("… Yorkshire Police"): the words were a place, not a person. */
const FOLLOWED_BY_BODY = /^\s+(?:Police|Constabulary|Scotland|Service|Force)\b/;

export function redactPersonal(text: string): string {
  if (!text) return text;
  let out = text.replace(DOB, (_m, label: string) => `${label}${REDACTED}`);
  out = out.replace(AFTER_RANK, (m, lead: string, cand: string, offset: number, all: string) => {
    const name = nameWords(cand);
    if (!name) return m;
    if (name === cand && FOLLOWED_BY_BODY.test(all.slice(offset + m.length))) return m;
    return `${lead}${REDACTED}${cand.slice(name.length)}`;
  });
  out = out.replace(BEFORE_ROLE, (m: string) => {
    // "Yesterday John Smith, a …": only the trailing words that can be a name.
    const parts = m.split(/(\s+)/); // words at even indexes, the spaces between at odd ones
    let k = parts.length - 1;
    while (k >= 0 && !NOT_NAMES.has(parts[k])) k -= 2;
    if ((parts.length - 1 - k) / 2 < 2) return m;
    return parts.slice(0, k + 2).join('') + REDACTED;
  });
  return out;
}

const r = (s: string) => redactPersonal(s);
const rn = (s: string | null) => (s === null ? s : redactPersonal(s));

/** Every free-text field of a disclosure, redacted; ids, URLs, locators, hashes and vocabularies untouched. */
export function redactDisclosure(d: Disclosure): Disclosure {
  return {
    ...d,
    title: rn(d.title),
    request_text: r(d.request_text),
    warnings: d.warnings.map(r),
    questions: d.questions.map((q) => ({ ...q, text: r(q.text) })),
    periods: d.periods.map((p) => ({ ...p, text: r(p.text) })),
    exemptions: d.exemptions.map((e) => ({ ...e, text: r(e.text) })),
    figures: d.figures.map((f) => ({ ...f, text: r(f.text), offence: rn(f.offence), rank: rn(f.rank), label: rn(f.label) })),
    cases: d.cases.map((c) => ({ ...c, text: r(c.text), offence: rn(c.offence), rank: rn(c.rank), disposal: rn(c.disposal) })),
    attachments: d.attachments.map((a) => ({ ...a, name: rn(a.name), text: r(a.text) })),
  };
}
