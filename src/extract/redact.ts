// Personal data never leaves the pipeline (SPEC §4: "Names and dates of birth are never
// collected"). Sources do print them — a press report names "PC John Smith", a table gives
// a date of birth — so every text field is passed through `redactPersonal` on the way out
// (validateDisclosure). A redacted row keeps its locator: the source still says what it says.
//
// Three finders, each for what the others miss:
//  - rules: a name after a rank or title ("DI D'Souza", "Police Constable MARK JONES", "PC
//    J. R. T. Smith"), before ", a … officer", "SURNAME, Forename", Welsh and Irish particles
//    ("Siân ap Gruffydd"), dates of birth and ages;
//  - the NLP library's person detection (people.ts) for names with no rank ("Sarah Williams
//    was dismissed", "Officer Connor"), run only on lines holding a candidate;
//  - table columns headed name/officer/staff member are never read (tables.ts).
// Never redacted: a force's name, a place, an offence, a rank (over-redaction is data loss).
import { findPeople, nameKind } from './people.js';
import { FORCES } from '../sources/registry.js';
import { lazy } from '../segment/gates.js';
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

// The label is kept, the date replaced: "DOB 01/02/1980" → "DOB [redacted]",
// "Date of Birth (DD/MM/YYYY): 01/02/1980" → "Date of Birth (DD/MM/YYYY): [redacted]".
const DOB = lazy(() => new RegExp(
  `(\\b(?:D\\.?O\\.?B\\.?|date\\s+of\\s+birth|birth\\s*date)(?:\\s*\\([^)\\n]{1,20}\\))?(?:\\s*[:|\\-–—]\\s*|\\s+(?:is|was|of)?\\s*)|\\bborn\\s+(?:on\\s+|in\\s+)?)(?:${DATE})`,
  'gi',
));
// What DOB cannot match without (a case-insensitive ASCII test, as DOB's own is).
const BIRTH_WORD = /d\.?o\.?b|birth|born/i;
// "aged 43", "age: 43" of one person; age bands ("aged 18-24", "aged 40 and over") are figures.
const AGE = /\b(aged?\s*:?\s+)(\d{1,3})\b(?!\s*(?:[-–+]|to\b|and\s+(?:over|under|above|below)|or\s+(?:over|under|more|less|older|younger)|years?\s+(?:and|or)\s+(?:over|under)))/gi;
// What AGE cannot match without (case aside): one scan for a word, not a replace over every text.
const AGE_WORD = /age/i;

// Ranks and titles that introduce a person's name. Abbreviations are case-sensitive (so that
// "ds" or "di" in a word never counts); spelt-out ranks are not ("officer Neal Porter").
const TITLE_ABBR = '(?:Mr|Mrs|Ms|Miss|Mx|Dr|Sir|Dame|PC|WPC|DC|PS|DS|DI|DCI|DSI|DCS|DSupt|Supt|Ch\\.?[^\\S\\n]?Supt|Insp|Ch\\.?[^\\S\\n]?Insp|Sgt|Det|Const|PCSO|SC|Cllr|Cmdr)\\.?';
const RANK_WORD =
  '(?:(?:(?:[Tt]emporary|[Aa]cting|[Dd]etective|[Cc]hief|[Dd]eputy|[Aa]ssistant|[Pp]olice|[Ss]pecial|[Ww]oman|[Tt]rainee|[Pp]robationer|[Ff]ormer)[^\\S\\n]+)*' +
  '(?:[Cc]onstable|[Ss]ergeant|[Ii]nspector|[Ss]uperintendent|[Cc]ommander|[Cc]ommissioner|[Cc]ommunity [Ss]upport [Oo]fficer)' +
  // "officer Neal Porter", "Police Officer Jane Doe"; a bare "Officer" starts headings ("Officer
  // Convictions"): "Officer Connor" is left to the NLP finder, which knows Connor is a name.
  '|(?:[Pp]olice|[Ss]pecial|[Ss]erving|[Ff]ormer)[^\\S\\n]+[Oo]fficer|officer)';
// One word of a name: Smith, McDonald, O'Neil, D'Souza, Smith-Jones, Siân, Zoë; or in capitals
// (SMITH). An initial ("J." / "J") only before another word, up to three.
const TITLE_WORD = "(?:(?:Mc|Mac|O['’]|D['’])?\\p{Lu}\\p{Ll}+(?:[-'’]\\p{Lu}\\p{Ll}+)?)";
const CAPS_WORD = "(?:(?:O['’]|D['’])?\\p{Lu}{2,}(?:[-'’]\\p{Lu}{2,})?)";
const NAME_WORD = `(?:${TITLE_WORD}|${CAPS_WORD})`;
// Welsh, Irish, Dutch, French, Arabic particles inside a name ("Siân ap Gruffydd", "Zoë Ó Briain").
const PARTICLE = "(?:ap|ab|ferch|verch|Ó|Ní|Nic|Ua|van|von|der|de|da|di|du|le|la|bin|bint|al|el)";
const INITIALS = '(?:(?:\\p{Lu}\\.){2,3}[^\\S\\n]*|(?:\\p{Lu}\\.?[^\\S\\n]+){1,3})';
const NAME = `(?:${INITIALS}?${NAME_WORD}(?:[^\\S\\n]+(?:${PARTICLE}[^\\S\\n]+)?${NAME_WORD}){0,2})`;
const NOT_LETTER_BEFORE = "(?<![\\p{L}\\p{N}'’])";
// Every name word starts with a capital (Mc, O', D' too), and every \p{Lu} is A-Z or at or above
// U+00C0: this look-ahead, implied by what follows it, lets a scan pass most positions before the
// look-behind is tried (CANDIDATE_PAIR over the HTML bench's redacted fields: half the time).
const CAPITAL_AHEAD = '(?=[A-Z\\u00c0-\\u{10FFFF}])';
const NOT_LETTER_AFTER = '(?![\\p{L}\\p{N}])';

// Capitalised words that follow a rank but are not names: furniture of the sentence, the
// vocabulary of the documents, months, days, places and bodies (force names stay).
// Built on first need (issue 17, start-up): a text with no capitalised word never asks.
const notNames = lazy(() => {
  const set = new Set(
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
    'Gloucestershire Humberside Northumbria Staffordshire Warwickshire Mercia Wales Royal Military Army Navy Air Fire Rescue ' +
    // Places a document names (cities, towns, regions) and offences as headings print them.
    'Birmingham Leeds Liverpool Bristol Sheffield Bradford Coventry Leicester Nottingham Newcastle Sunderland Cardiff Swansea Newport Wrexham ' +
    'Glasgow Edinburgh Aberdeen Dundee Inverness Belfast Derry Londonderry Manchester Salford Oxford Cambridge Reading Brighton Hove Southampton ' +
    'Portsmouth Plymouth Exeter Norwich Ipswich Chelmsford Colchester Maidstone Canterbury Guildford Winchester Taunton Bath Gloucester Worcester ' +
    'Hereford Shrewsbury Stoke Stafford Wolverhampton Walsall Dudley Derby Lincoln Northampton Bedford Luton Watford Hertford York Hull Middlesbrough ' +
    'Carlisle Preston Blackpool Lancaster Chester Warrington Wigan Bolton Stockport Oldham Rochdale Huddersfield Wakefield Doncaster Rotherham Barnsley ' +
    'Harassment Stalking Fraud Theft Burglary Robbery Rape Murder Manslaughter Drink Drug Drugs Driving Speeding Possession Supply Bribery Corruption ' +
    'Perverting Justice Public Order Malicious Communications Computer Misuse Voyeurism Indecent Images Child Children Controlling Coercive ' +
    'Wounding Grievous Bodily Harm Actual Battery Common Affray Criminal Damage Dangerous Careless False Representation Breach Misuse ' +
    'Detective Constable Sergeant Inspector Chief Superintendent Superintendent Commander Deputy Assistant Commissioner PCSO PCSOs Special ' +
    'Bench Borough County Region Regional Division Area District Station Road Street Lane Centre Office Offices Headquarters HQ ' +
    'Court Courts Tribunal Appeal Appeals Hearing Panel Review Internal Accelerated Special Case Regulation Scotland Scottish Welsh English Irish'
  ).split(/\s+/),
  );
  // Every word of every force's name and aliases ("Avon", "Somerset", "Dyfed-Powys", "Met").
  for (const f of FORCES) for (const n of [f.name, ...f.aliases]) for (const w of n.split(/[\s&]+/)) if (/^\p{Lu}/u.test(w)) set.add(w.replace(/[’']s$/, ''));
  return set;
});

/** A word as the vocabulary spells it: "SMITH" → "Smith", "WEST" → "West". */
const titleCase = (w: string) => w.charAt(0) + w.slice(1).toLowerCase();
const known = (w: string) => {
  const set = notNames();
  return set.has(w) || set.has(titleCase(w)) || set.has(w.toUpperCase());
};
// The name patterns below are built on first need: a \p{…} class under the u flag costs about a
// millisecond to parse and another to compile (issue 17, start-up), and most texts are turned
// away before them by an ASCII gate that is cheap to build and to run.
const CAPS_RE = lazy(() => new RegExp(`^${CAPS_WORD}$`, 'u'));
const isCaps = (w: string) => CAPS_RE().test(w);

const AFTER_RANK = lazy(() => new RegExp(`(\\b(?:(?:${TITLE_ABBR}|${RANK_WORD})(?:[^\\S\\n]+\\d{1,5})?,?[^\\S\\n]+)+)(${NAME})${NOT_LETTER_AFTER}`, 'gu'));
// What AFTER_RANK cannot match without: a rank or title, then a space (the same pattern in ASCII;
// without the u flag \b and [^\S\n] mean what they mean with it).
// The name after the last rank starts with a capital (\p{Lu}: A-Z, or a code unit at or above
// U+00C0), so the gate asks for one after the spaces: "officer said", "police officer who" pass by.
const RANK_THEN_SPACE = new RegExp(`\\b(?:${TITLE_ABBR}|${RANK_WORD})(?:[^\\S\\n]+\\d{1,5})?,?[^\\S\\n]+[A-Z\\u00c0-\\uffff]`);
// ("a serving police constable, Neal Porter, was …": the comma after a rank is allowed above.)
// "John Smith, a serving police officer" / "JOHN SMITH, a serving police constable" / "Jane Doe, 34, the detective sergeant"
const BEFORE_ROLE = lazy(() => new RegExp(
  `${CAPITAL_AHEAD}${NOT_LETTER_BEFORE}(${NAME_WORD}(?:[^\\S\\n]+(?:${PARTICLE}[^\\S\\n]+)?${NAME_WORD}){1,2})(?=,[^\\S\\n]+(?:(?:aged[^\\S\\n]+)?\\d{1,3},[^\\S\\n]+)?(?:an?|the)[^\\S\\n]+(?:[\\w-]+[^\\S\\n]+){0,4}?(?:officer|constable|sergeant|inspector|superintendent|detective|PCSO|special)\\b)`,
  'gu',
));
// What BEFORE_ROLE's look-ahead cannot match without: the role word.
const ROLE_WORD = /(?:officer|constable|sergeant|inspector|superintendent|detective|PCSO|special)\b/;
// "BAKER, Thomas" (a register's SURNAME, Forename): the forename must be one the lexicon knows.
const SURNAME_FIRST = lazy(() => new RegExp(`${NOT_LETTER_BEFORE}(${CAPS_WORD}),[^\\S\\n]*(${TITLE_WORD})${NOT_LETTER_AFTER}`, 'gu'));
// What SURNAME_FIRST cannot match without: two capitals, a comma, a capital (\p{Lu} is A-Z or at
// or above U+00C0; an astral capital is two code units at or above U+D800; Mc, O' and D' are capitals too).
const CAPS_COMMA_CAPITAL = /[A-Z\u00c0-\uffff]{2},[^\S\n]*[A-Z\u00c0-\uffff]/;
// "Siân ap Gruffydd", "Zoë Ó Briain", "Fiona de Souza": a particle between two capitalised words.
const WITH_PARTICLE = lazy(() => new RegExp(`${NOT_LETTER_BEFORE}(${TITLE_WORD})[^\\S\\n]+(?:ap|ab|ferch|verch|Ó|Ní|Nic|Ua|van|von|de|da|du|bin|bint)[^\\S\\n]+(${TITLE_WORD})${NOT_LETTER_AFTER}`, 'gu'));
// What WITH_PARTICLE cannot match without (the particle between spaces): a cheap test before it.
const PARTICLE_BETWEEN_SPACES = /[^\S\n](?:ap|ab|ferch|verch|Ó|Ní|Nic|Ua|van|von|de|da|du|bin|bint)[^\S\n]/;
// A surname in lower case after an abbreviated rank ("PC smith"): the lexicon must know it as a name.
const LOWER_AFTER_TITLE = lazy(() => new RegExp(`(\\b${TITLE_ABBR}[^\\S\\n]+)(\\p{Ll}[\\p{Ll}'’-]+)${NOT_LETTER_AFTER}`, 'gu'));
// What LOWER_AFTER_TITLE cannot match without: a title, then a space.
const TITLE_THEN_SPACE = new RegExp(`\\b${TITLE_ABBR}[^\\S\\n]`);
const SPLIT_REST = lazy(() => new RegExp(`\\[redacted\\]([^\\S\\n]*\\n[^\\S\\n]*)(${TITLE_WORD})${NOT_LETTER_AFTER}(?![^\\S\\n]+${NAME_WORD})`, 'gu'));
// Words that follow "PC", "DS", "Mr" in lower case without being a name: not worth the lexicon.
const COMMON_AFTER_TITLE = new Set(
  ('and or the a an of in on to for with was were is are has had have who which that this these those it its not no nor only also per at by from as ' +
    'be been being will would may might can could should must do does did s numbers number figures figure data officers officer staff posts post roles role ' +
    'recruitment training strength levels level establishment vacancies vacancy pay rates rate grades grade ranks rank numbers total totals ' +
    'equivalent fte headcount cases case crimes crime complaints allegations joined left retired resigned dismissed convicted charged said').split(' '),
);
// What makes a line worth the NLP finder: two capitalised words in a row, not all known words.
const CANDIDATE_PAIR_SRC = `${CAPITAL_AHEAD}${NOT_LETTER_BEFORE}(${NAME_WORD})[^\\S\\n]+(?:${PARTICLE}[^\\S\\n]+)?(${NAME_WORD})${NOT_LETTER_AFTER}`;
const CANDIDATE_PAIR = lazy(() => new RegExp(CANDIDATE_PAIR_SRC, 'gu'));
// The same pattern for a text of ASCII characters alone, where \p{Lu} is A-Z, \p{Ll} a-z, \p{L}
// both and \p{N} 0-9: it finds the same pairs there, and without the Unicode classes it compiles
// in a fraction of the time (issue 17, start-up: most fields are ASCII) and scans faster.
const CANDIDATE_PAIR_ASCII = lazy(() => new RegExp(asciiSource(CANDIDATE_PAIR_SRC), 'g'));
const NON_ASCII = /[^\x00-\x7f]/;

const ASCII_CLASS: Record<string, string> = { Lu: 'A-Z', Ll: 'a-z', L: 'A-Za-z', N: '0-9' };
/**
 * A u-flag pattern's source rewritten for texts of ASCII characters only: each \p{Lu}, \p{Ll},
 * \p{L}, \p{N} becomes its ASCII range (in a class or as one), and a \u{…} escape above U+FFFF
 * becomes \uffff (no ASCII text holds either). Any other property escape is refused.
 */
export function asciiSource(src: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') {
      const next = src[i + 1];
      if (next === 'p' || next === 'P') {
        const close = src.indexOf('}', i);
        const name = src.slice(i + 3, close);
        const range = ASCII_CLASS[name];
        if (next === 'P' || !range) throw new Error(`asciiSource: no ASCII form for \\${next}{${name}}`);
        out += inClass ? range : `[${range}]`;
        i = close;
        continue;
      }
      if (next === 'u' && src[i + 2] === '{') {
        const close = src.indexOf('}', i);
        const code = parseInt(src.slice(i + 3, close), 16);
        out += `\\u${Math.min(code, 0xffff).toString(16).padStart(4, '0')}`;
        i = close;
        continue;
      }
      out += c + next;
      i++;
      continue;
    }
    if (c === '[' && !inClass) inClass = true;
    else if (c === ']' && inClass) inClass = false;
    out += c;
  }
  return out;
}

/** The name-pair pattern and its ASCII form (tests: the same matches on every ASCII text). */
export function candidatePairPatterns(): { unicode: RegExp; ascii: RegExp } {
  return { unicode: CANDIDATE_PAIR(), ascii: CANDIDATE_PAIR_ASCII() };
}

/** The leading words of a candidate that can be a name: stop at the first word that cannot. */
function nameWords(candidate: string): string {
  const words = candidate.split(/(\s+)/);
  let kept = '';
  for (let i = 0; i < words.length; i += 2) {
    const w = words[i].replace(/\.$/, '');
    if (known(w)) break;
    kept += (i ? words[i - 1] : '') + words[i];
  }
  // An initial alone is not a name ("PC J" then nothing); words in capitals must be names the
  // lexicon knows ("PC MARK JONES", not "PC ROLE").
  if (!/\p{Ll}|\p{Lu}{2}/u.test(kept)) return '';
  const caps = kept.split(/\s+/).filter((w) => w.length > 1 && isCaps(w.replace(/\.$/, '')));
  if (caps.length && !caps.some((w) => {
    const k = nameKind(titleCase(w));
    return k.first || k.last;
  })) return '';
  return kept.replace(/\s+$/, '');
}

/** Whether a force or body name follows ("… Yorkshire Police"): the words were a place, not a person. */
const FOLLOWED_BY_BODY = /^\s+(?:Police|Constabulary|Scotland|Service|Force)\b/;

/** Line spans [start, end) holding a candidate for the NLP finder (a line and, for a name split there, the next). */
function candidateWindows(text: string): Array<[number, number]> {
  const windows: Array<[number, number]> = [];
  // Where a pair of capitalised words, not both known, starts. A pair never crosses a line (its
  // spaces are [^\S\n], and a line break is no letter to the look-arounds), so one pass over the
  // whole text finds what a pass per line would, without a copy of the pattern per line (matchAll's).
  const pairs: number[] = [];
  const re = NON_ASCII.test(text) ? CANDIDATE_PAIR() : CANDIDATE_PAIR_ASCII();
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) if (!known(m[1]) || !known(m[2])) pairs.push(m.index);
  re.lastIndex = 0;
  let p = 0;
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    while (p < pairs.length && pairs[p] < lineStart) p++;
    const hit = p < pairs.length && pairs[p] < lineEnd;
    // A name broken over two lines: a capitalised word ends this line, another starts the next
    // (the next line's head is looked for first: most texts are one line, and then there is none).
    const next = lineEnd < text.length ? text.slice(lineEnd + 1, text.indexOf('\n', lineEnd + 1) < 0 ? text.length : text.indexOf('\n', lineEnd + 1)) : '';
    const head = next ? /^[^\S\n]*(\p{Lu}[\p{L}'’-]+)/u.exec(next)?.[1] : undefined;
    const tail = head ? trailingCapitalised(line) : undefined;
    const split = !!(tail && head && !(known(tail) && known(head)));
    if (hit || split) {
      const end = split ? lineEnd + 1 + next.length : lineEnd;
      const last = windows[windows.length - 1];
      if (last && last[1] >= lineStart - 1) last[1] = Math.max(last[1], end);
      else windows.push([lineStart, end]);
    }
    lineStart = lineEnd + 1;
  }
  return windows;
}

const NAME_CHAR = /^[\p{L}'’-]$/u;
const UPPER = /^\p{Lu}$/u;
/** The code point ending just before `i` (a surrogate pair read whole). */
function pointBefore(s: string, i: number): string {
  const lo = s.charCodeAt(i - 1);
  return lo >= 0xdc00 && lo <= 0xdfff && i >= 2 && s.charCodeAt(i - 2) >= 0xd800 && s.charCodeAt(i - 2) <= 0xdbff ? s.slice(i - 2, i) : s[i - 1];
}

/**
 * What /(\p{Lu}[\p{L}'’-]+)[^\S\n]*$/u captures, found from the end in one pass: the regex
 * tries every capital of a long run of letters to the run's end (a 32k-character cell took
 * 3 s, 300 of them 15 minutes).
 */
export function trailingCapitalised(line: string): string | undefined {
  let end = line.length;
  while (end > 0 && /[^\S\n]/.test(line[end - 1])) end--;
  let start = end;
  const points: number[] = []; // starts of the run's code points, last first
  while (start > 0) {
    const p = pointBefore(line, start);
    if (!NAME_CHAR.test(p)) break;
    start -= p.length;
    points.push(start);
  }
  // The leftmost capital with at least one name character after it.
  for (let k = points.length - 1; k >= 1; k--) {
    const i = points[k];
    if (UPPER.test(line.slice(i, points[k - 1]))) return line.slice(i, end);
  }
  return undefined;
}

const BODY_AFTER = /^[\s,]*(?:Magazine|Newspaper|News|Ltd|Limited|plc|PLC|LLP|Company|Trust|Foundation|Fund|Street|Road|Lane|Avenue|Court|House|Centre|Center|Hospital|School|Academy|University|College|Police|Constabulary|Station|Building|Park|Bridge|Prize|Award|Report|Review|Act|Inquiry)\b/;

/** Spans of names the NLP finder sees in the candidate lines of `text`. */
function nlpSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const [from, to] of candidateWindows(text)) {
    const window = text.slice(from, to);
    for (const person of findPeople(window)) {
      const kept = person.filter((t) => {
        const w = t.text.replace(/[.,;:]+$/, '');
        if (t.title || known(w) || !w) return false;
        if (/^\[?redacted\]?$/i.test(w)) return false;
        // A capitalised word, or a lower-case one the lexicon knows as a name ("smith").
        return /^\p{Lu}/u.test(w) || t.nameWord;
      });
      // One initial alone, or one capitalised word the lexicon does not know as a name, is too
      // little to call a person (a heading word, an acronym).
      if (!kept.length || (kept.length === 1 && !kept[0].nameWord && !person.some((t) => t.title))) continue;
      if (kept.every((t) => /^\p{Lu}\.?$/u.test(t.text))) continue;
      // "Charlie Hebdo Magazine", "Grace Darling House": a name that names a body or a place.
      const after = window.slice(kept[kept.length - 1].end);
      if (BODY_AFTER.test(after)) continue;
      for (const t of kept) spans.push([from + t.start, from + t.start + t.text.replace(/[,;:]+$/, '').length]);
    }
  }
  return spans;
}

const BETWEEN_NAME_PARTS = new RegExp(`^(?:[\\s.]|${PARTICLE}(?=\\s))*$`, 'u');

/** Replaces the spans (merged where only spaces, dots or a particle stand between) with [redacted]. */
function redactSpans(text: string, spans: Array<[number, number]>): string {
  if (!spans.length) return text;
  spans.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && (s[0] <= last[1] || BETWEEN_NAME_PARTS.test(text.slice(last[1], s[0])))) last[1] = Math.max(last[1], s[1]);
    else merged.push([s[0], s[1]]);
  }
  let out = '';
  let at = 0;
  for (const [a, b] of merged) {
    out += text.slice(at, a) + REDACTED;
    at = b;
  }
  return out + text.slice(at);
}

const UPPER_ASCII = /[A-Z]/g;
const UPPER_G = lazy(() => /\p{Lu}/gu);
/**
 * How many upper-case letters (\p{Lu}) `text` holds, counted up to `max`: a regex scan per
 * capital, not a charCodeAt per character (issue 17: that loop was the costliest step of
 * redaction on texts with few capitals); an ASCII text needs no Unicode class.
 */
export function uppercaseCount(text: string, max: number): number {
  const re = NON_ASCII.test(text) ? UPPER_G() : UPPER_ASCII;
  re.lastIndex = 0;
  let n = 0;
  while (n < max && re.test(text)) n++;
  re.lastIndex = 0;
  return n;
}

export function redactPersonal(text: string): string {
  if (!text) return text;
  let out = BIRTH_WORD.test(text) ? text.replace(DOB(), (_m, label: string) => `${label}${REDACTED}`) : text;
  if (AGE_WORD.test(out)) out = out.replace(AGE, (_m, label: string) => `${label}${REDACTED}`);
  // Cheap gates: every name pattern below needs a capital letter (two or three for most), some a
  // comma. A replacement only ever takes capitals and commas away, so counts of the input hold throughout.
  const capitals = uppercaseCount(text, 3);
  if (capitals === 0) return out;
  const comma = text.includes(',');
  if (RANK_THEN_SPACE.test(out)) out = out.replace(AFTER_RANK(), (m, lead: string, cand: string, offset: number, all: string) => {
    const name = nameWords(cand);
    if (!name) return m;
    if (name === cand && FOLLOWED_BY_BODY.test(all.slice(offset + m.length))) return m;
    return `${lead}${REDACTED}${cand.slice(name.length)}`;
  });
  // "PC John\nSmith": the rest of a name the line break cut off.
  if (out.includes(REDACTED)) out = out.replace(SPLIT_REST(), (m, gap: string, word: string) => (known(word) ? m : `${REDACTED}${gap.replace(/[^\n]/g, '')}`));
  if (TITLE_THEN_SPACE.test(out)) out = out.replace(LOWER_AFTER_TITLE(), (m, lead: string, word: string) => {
    if (COMMON_AFTER_TITLE.has(word)) return m;
    const k = nameKind(titleCase(word));
    return k.last || k.first ? `${lead}${REDACTED}` : m;
  });
  if (capitals < 2) return out;
  if (comma && ROLE_WORD.test(out)) out = out.replace(BEFORE_ROLE(), (m: string) => {
    // "Yesterday John Smith, a …": only the trailing words that can be a name.
    const parts = m.split(/(\s+)/); // words at even indexes, the spaces between at odd ones
    let k = parts.length - 1;
    while (k >= 0 && !known(parts[k])) k -= 2;
    if ((parts.length - 1 - k) / 2 < 2) return m;
    if (parts.slice(k + 1).some((w) => isCaps(w)) && !parts.slice(k + 1).some((w) => { const n = nameKind(titleCase(w)); return n.first || n.last; })) return m;
    return parts.slice(0, k + 2).join('') + REDACTED;
  });
  if (comma && capitals >= 3 && CAPS_COMMA_CAPITAL.test(out)) out = out.replace(SURNAME_FIRST(), (m, surname: string, forename: string) => (known(surname) || known(forename) || !nameKind(forename).first ? m : REDACTED));
  if (PARTICLE_BETWEEN_SPACES.test(out)) out = out.replace(WITH_PARTICLE(), (m, first: string, last: string) => (known(first) || known(last) ? m : REDACTED));
  return redactSpans(out, nlpSpans(out));
}

const r = (s: string) => redactPersonal(s);
const rn = (s: string | null) => (s === null ? s : redactPersonal(s));

// Fields that repeat from document to document (a table's row labels, ranks, offences, the
// pipeline's own warnings): each distinct text is redacted once per process, not once a row
// (issue 17: a dozen regex calls a text, most of redaction's time). Bounded: cleared when full.
const VOCABULARY_CHARS = 120;
const VOCABULARY_SIZE = 4096;
const vocabulary = new Map<string, string>();
/** redactPersonal of a short, vocabulary-like text, remembered (the same answer: redactPersonal is pure). */
function redactTerm(s: string): string {
  if (s.length > VOCABULARY_CHARS) return redactPersonal(s);
  let out = vocabulary.get(s);
  if (out === undefined) {
    if (vocabulary.size >= VOCABULARY_SIZE) vocabulary.clear();
    vocabulary.set(s, (out = redactPersonal(s)));
  }
  return out;
}
const rtn = (s: string | null) => (s === null ? s : redactTerm(s));

/** The row with these fields, or the row itself when none changed: a big table's rows are not all copied. */
function unlessSame<T extends object>(row: T, fields: Partial<T>): T {
  for (const k of Object.keys(fields) as Array<keyof T>) if (row[k] !== fields[k]) return { ...row, ...fields };
  return row;
}

/** Every free-text field of a disclosure, redacted; ids, URLs, locators, hashes and vocabularies untouched. */
export function redactDisclosure(d: Disclosure): Disclosure {
  return {
    ...d,
    title: rn(d.title),
    request_text: r(d.request_text),
    warnings: d.warnings.map((w) => redactTerm(w)),
    questions: d.questions.map((q) => unlessSame(q, { text: r(q.text) })),
    periods: d.periods.map((p) => unlessSame(p, { text: r(p.text) })),
    exemptions: d.exemptions.map((e) => unlessSame(e, { text: r(e.text) })),
    figures: d.figures.map((f) => unlessSame(f, { text: r(f.text), offence: rtn(f.offence), rank: rtn(f.rank), label: rtn(f.label) })),
    cases: d.cases.map((c) => unlessSame(c, { text: r(c.text), offence: rtn(c.offence), rank: rtn(c.rank), disposal: rtn(c.disposal) })),
    attachments: d.attachments.map((a) => unlessSame(a, { name: rn(a.name), text: r(a.text) })),
  };
}

/** Each ASCII gate with the pattern it turns texts away from: wherever the pattern matches, the gate must (tests). */
export function redactionGates(): Array<{ name: string; gate: RegExp; re: RegExp }> {
  return [
    { name: 'DOB', gate: BIRTH_WORD, re: DOB() },
    { name: 'AGE', gate: AGE_WORD, re: AGE },
    { name: 'AFTER_RANK', gate: RANK_THEN_SPACE, re: AFTER_RANK() },
    { name: 'LOWER_AFTER_TITLE', gate: TITLE_THEN_SPACE, re: LOWER_AFTER_TITLE() },
    { name: 'BEFORE_ROLE', gate: ROLE_WORD, re: BEFORE_ROLE() },
    { name: 'SURNAME_FIRST', gate: CAPS_COMMA_CAPITAL, re: SURNAME_FIRST() },
  ];
}
