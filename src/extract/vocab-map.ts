// Text as printed → the controlled vocabularies of SPEC §4. Pure and table-driven so that
// table interpretation and prose extraction map the same words to the same values.
import type { EventKind, Gender, Measure, OffenceCategory, Role, Status } from '../records/vocab.js';

type Rule<T> = [RegExp, T];

const first = <T>(rules: Rule<T>[], text: string): T | null => {
  for (const [re, v] of rules) if (re.test(text)) return v;
  return null;
};

/**
 * A table's cells say the same few words row after row ("PC", "Theft", "Dismissed"): what a
 * text maps to is kept (the maps are pure), up to a bound, so each distinct cell is read once.
 */
function remembered<T>(read: (text: string) => T): (text: string) => T {
  const known = new Map<string, T>();
  return (text) => {
    let v = known.get(text);
    if (v === undefined && !known.has(text)) {
      if (known.size >= 4096) known.clear();
      known.set(text, (v = read(text)));
    }
    return v as T;
  };
}

/**
 * Lower case, apostrophes and dots dropped, slashes and dashes as spaces, runs of space collapsed.
 * One pass drops, one turns each run of punctuation and whitespace into a space (the same as
 * punctuation runs to spaces, then whitespace runs to one space).
 */
// A run of one space is left as it is (replacing it with a space changes nothing): most of a
// sentence's gaps are, and each replacement was a piece of a new string (issue 17).
export const NORM_GAPS = /(?! (?![\s/\\\-–—_,;:()[\]]))[\s/\\\-–—_,;:()[\]]+/g;
export const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/[\u2019'.]/g, '')
    .replace(NORM_GAPS, ' ')
    .trim();

// Order matters: the specific categories come before the general ones that share words
// ("indecent images of children" before child abuse, "sexual assault" before assault).
const OFFENCE_RULES: Rule<OffenceCategory>[] = [
  [/indecent (images?|photo(graph)?s?|pseudo|pictures?|films?|videos?)|\biioc\b|images? of (a )?child|child (abuse )?images?/, 'indecent_images'],
  [/extreme porn/, 'extreme_pornography'],
  [/voyeur|private sexual (images?|photo|film)|revenge porn|intimate (image|photo)|upskirt/, 'intimate_image_abuse'],
  [/child sexual|sexual (\w+ ){0,3}(with|of|on|against|towards) (a )?(child|children|minor|girl|boy)|grooming|\bcsa\b|paedophil|child abuse|sexual communication with/, 'child_sexual_abuse'],
  [/\brape\b|sexual|indecent (assault|exposure)|\bexposure\b|assault by penetration|sex offen/, 'sexual'],
  [/domestic|coercive|controlling behaviour/, 'domestic_abuse'],
  [/harass|stalk/, 'harassment_stalking'],
  [/misconduct (in )?(a )?public office/, 'misconduct_in_public_office'],
  [/malicious comm|menacing|grossly offensive|offensive (message|communication)|communications act|improper use of (a )?(public )?(electronic )?comm/, 'malicious_communications'],
  [/data protection|computer misuse|unauthori[sz]ed (access|disclosure)|misuse of (police )?(systems?|computers?|data|information)|\bdpa\b|personal data/, 'computer_misuse_data_protection'],
  [/pervert|obstruct(ing|ion)? (the course of )?justice|perjury|witness intimidation|intimidat(e|ing|ion) (a )?witness/, 'perverting_justice'],
  [/weapon|firearm|\bknife\b|\bblade|bladed article|ammunition|\bgun\b/, 'weapons'],
  [/theft|\bsteal|\bstole|burglary|shoplift|fraud|false representation|making off|deception|dishonest|embezzl|forgery|counterfeit|handling stolen|money laundering|bribery|\bbribe|corrupt|blackmail|robbery|obtaining (property|services|pecuniary|money)|false accounting|abuse of position/, 'dishonesty'],
  [/driv|speeding|insurance|road traffic|motoring|excess alcohol|over the (prescribed )?limit|fail(ed|ing|ure)? to (stop|report|provide)|\blicen[cs]e|\btraffic|\bvehicle|without due care/, 'driving'],
  [/\bdrugs?\b|class [abc]\b|cannabis|cocaine|heroin|controlled substance|possession with intent/, 'drugs'],
  [/public order|affray|\briot|violent disorder|disorderly|breach of the peace/, 'public_order'],
  [/criminal damage|damag(e|ing) (to )?property|\barson|vandal/, 'criminal_damage'],
  [/assault|\babh\b|\bgbh\b|bodily harm|grievous|wounding|battery|murder|manslaughter|violen|kidnap|false imprisonment|threat(s|en(ing|ed)?)? to kill|strangul|strangl|\bthreats?\b/, 'violence'],
];

/** Offence as printed → SPEC offence category; 'other' for an offence we cannot place, null for no text. */
export function offenceCategory(text: string | null | undefined): OffenceCategory | null {
  return text ? offenceOfText(text) : null;
}
const offenceOfText = remembered((text: string): OffenceCategory | null => (/[a-z]/i.test(text) ? (first(OFFENCE_RULES, norm(text)) ?? 'other') : null));

// Most senior and most specific first: "chief constable" contains "constable".
const RANK_RULES: Rule<string>[] = [
  [/\bdeputy assistant commissioner\b|\bdac\b/, 'Deputy Assistant Commissioner'],
  [/\bassistant commissioner\b/, 'Assistant Commissioner'],
  [/\bdeputy commissioner\b/, 'Deputy Commissioner'],
  [/\bcommissioner\b/, 'Commissioner'],
  [/\bassistant chief constable\b|\bacc\b/, 'Assistant Chief Constable'],
  [/\bdeputy chief constable\b|\bdcc\b/, 'Deputy Chief Constable'],
  [/\bchief constable\b/, 'Chief Constable'],
  [/\bcommander\b|\bcmdr\b/, 'Commander'],
  [/\bdet(ective)? ch(ief)? (superintendent|supt)\b|\bdcs\b|\bdet ch supt\b/, 'Detective Chief Superintendent'],
  [/\bch(ief)? (superintendent|supt)\b|\bc ?supt\b/, 'Chief Superintendent'],
  [/\bdet(ective)? (superintendent|supt)\b|\bd ?supt\b/, 'Detective Superintendent'],
  [/\bsuperintendent\b|\bsupt\b/, 'Superintendent'],
  [/\bdet(ective)? ch(ief)? (inspector|insp)\b|\bdci\b/, 'Detective Chief Inspector'],
  [/\bch(ief)? (inspector|insp)\b|\bc ?insp\b|\bci\b/, 'Chief Inspector'],
  [/\bdet(ective)? (inspector|insp)\b|\bdi\b/, 'Detective Inspector'],
  [/\binspector\b|\binsp\b/, 'Inspector'],
  [/\bdet(ective)? (sergeant|sgt|serjeant)\b|\bds\b|\bd s\b|\bdet sgt\b/, 'Detective Sergeant'],
  [/\b(sergeant|serjeant|sgt|ps|p s)\b/, 'Sergeant'],
  [/\bdet(ective)? (constable|con)\b|\bdc\b|\bd c\b|\bdetective\b/, 'Detective Constable'],
  [/\bpolice constable\b|\bpc\b|\bp c\b|\bconstable\b|\bpol con\b/, 'Police Constable'],
];

/** A rank as printed ("PC", "T/DS", "Det. Sgt", "Police Constable") → its normalised name; null when none. */
export function rankOf(text: string | null | undefined): string | null {
  return text ? rankOfText(text) : null;
}
const rankOfText = remembered((text: string): string | null => {
  const t = norm(text).replace(/\b(temporary|temp|acting|t|a)\b(?= \w)/g, ' ').replace(/\s+/g, ' ').trim();
  if (/\bpcso\b|community support/.test(t)) return null;
  if (/\bspecial\b|\bsc\b/.test(t)) {
    const base = first(RANK_RULES, t.replace(/\bspecial\b/, ' ').trim());
    return base && base !== 'Police Constable' ? `Special ${base}` : 'Special Constable';
  }
  return first(RANK_RULES, t);
});

/** male / female / M / F / man / woman … → gender; null when the text names none. */
export function genderOf(text: string | null | undefined): Gender | null {
  if (!text) return null;
  const t = norm(text);
  if (t === 'm') return 'male';
  if (t === 'f') return 'female';
  if (/\b(female|females|woman|women|lady|ladies|girl)\b/.test(t)) return 'female';
  if (/\b(male|males|man|men|gentleman|boy)\b/.test(t)) return 'male';
  if (/\b(non binary|nonbinary|other gender|other)\b/.test(t) && t.split(' ').length <= 3) return 'other';
  if (/^(unknown|not known|not recorded|not stated|prefer not to say)$/.test(t)) return 'unknown';
  return null;
}

// Later states win over earlier ones: "serving – suspended" is suspended, "suspended then
// dismissed" is dismissed. A suspended sentence is a court disposal, not a status.
const STATUS_RULES: Rule<Status>[] = [
  [/\bdeceased\b|\bdied\b|\bdeath\b/, 'deceased'],
  [/\bdismiss|\bsacked\b|\bsacking\b/, 'dismissed'],
  [/\bresign/, 'resigned'],
  [/\bretir/, 'retired'],
  [/\bleft\b|no longer (serving|employed|with)|\bleaver\b|ceased|former/, 'left'],
  [/\bbarred\b|barred list/, 'barred'],
  [/\bsuspen(ded|sion)\b/, 'suspended'],
  [/restrict|limited dut|recuperative|adjusted dut|removed from (the )?front ?line/, 'restricted_duties'],
  [/serving|in service|\bemployed\b|\bin post\b|remains|still with/, 'serving'],
  [/^(unknown|not known|not recorded)$/, 'unknown'],
];

const DISMISSED = /\bdismiss|\bsacked\b|\bsacking\b/;
const RESIGNED = /\bresign/;
const RETIRED = /\bretir/;
// Redundancy and medical discharge are ways of leaving with no word of their own in the vocabulary.
const LEFT = /\bleft (the )?(force|service|organisation)|\bleavers?\b|no longer (serving|employed)|\bredundan|\bmedically discharged\b|\bdischarged from\b/;
// A word each exit pattern above holds: a text without one names no exit, and the patterns are
// not run (issue 17: exitStatus is asked of every outcome heading and question).
const EXIT_WORDS = /dismiss|sack|resign|retir|left|leaver|no longer|redundan|discharged/;

/** The exit patterns and the gate asked before them (tests: wherever one matches, the gate must). */
export function exitGate(): { gate: RegExp; patterns: RegExp[]; norm: (s: string) => string } {
  return { gate: EXIT_WORDS, patterns: [DISMISSED, RESIGNED, RETIRED, LEFT], norm };
}

/**
 * The end state an outcome heading names ("Dismissed", "Retired/ Resigned", "Left the force"):
 * one exit gives that state, several different exits give 'left'; null when the heading names
 * no exit or only one that did not happen ("Would have been dismissed").
 */
export function exitStatus(text: string | null | undefined): Status | null {
  if (!text) return null;
  const t = norm(text);
  if (!EXIT_WORDS.test(t)) return null;
  if (/would have been|had (they|he|she) not\b|\bnot (been )?(dismissed|sacked)\b/.test(t)) return null;
  // Where each exit is first named (-1: not named).
  const named = ([['dismissed', t.search(DISMISSED)], ['resigned', t.search(RESIGNED)], ['retired', t.search(RETIRED)]] as Array<[Status, number]>).filter(([, i]) => i >= 0);
  const left = LEFT.test(t);
  const exits = named.length + (left ? 1 : 0);
  // Two exits side by side ("Retired/ Resigned", "resigned or retired") say only that they left;
  // otherwise the first named ("resigned before a dismissal hearing") is theirs.
  if (exits > 1 && /\b(dismiss\w*|sacked|resign\w*|retir\w*) (or|and|&) (dismiss|sacked|resign|retir)|\b(dismiss\w*|sacked|resign\w*|retir\w*) (dismiss|sacked|resign|retir)/.test(t)) return 'left';
  if (exits > 1) return named.sort((a, b) => a[1] - b[1])[0]?.[0] ?? 'left';
  return named[0]?.[0] ?? (left ? 'left' : null);
}

/** serving / still serving / suspended / resigned / sacked / left … → status; null when none. */
export function statusOf(text: string | null | undefined): Status | null {
  return text ? statusOfText(text) : null;
}
const statusOfText = remembered((text: string): Status | null => {
  const t = norm(text).replace(/suspended (prison |custodial )?sentence|sentence suspended/g, ' ');
  // An exit as exitStatus reads it ("Retired/ Resigned" is left; "resigned before dismissal" resigned).
  if (/\bdeceased\b|\bdied\b|\bdeath\b/.test(t)) return 'deceased';
  return exitStatus(text) ?? first(STATUS_RULES, t);
});

// Special constables, as a role and as a measure ("Special Operations Unit", "Special Branch" are not).
const SPECIALS = /^\s*specials?\s*$|\bspecials\b|\bspecial (?:constab|officers?\b|sergeants?\b|inspectors?\b|chief)/;

const ROLE_RULES: Rule<Role>[] = [
  [/\bpcsos?\b|community support/, 'pcso'],
  [SPECIALS, 'special_constable'],
  [/\bstaff\b|civilian|\bemployee|detention officer|investigating officer \(staff\)/, 'staff'],
  [/officer|\bpolice\b|\bconstable|\bpc\b|\bdc\b|sergeant|inspector|superintendent|detective|\bsgt\b|\bps\b|\bds\b/, 'police_officer'],
];

/** officer / PC / constable → police_officer, PCSO → pcso, special → special_constable, staff → staff. */
export function roleOf(text: string | null | undefined): Role | null {
  return text ? roleOfText(text) : null;
}
const roleOfText = remembered((text: string): Role | null => first(ROLE_RULES, norm(text)) ?? (rankOf(text) ? 'police_officer' : null));

// Court disposals mean a conviction; "charged and convicted" is a conviction.
const EVENT_RULES: Rule<EventKind>[] = [
  // What would have happened ("would have been dismissed had they not resigned") did not happen.
  [/would have been|had (they|he|she) not\b/, 'other'],
  [/not guilty|acquit|no further action|\bno action\b|\bnfa\b|discontinued|no case to answer|\bno conviction|\bnot convicted\b/, 'other'],
  [/convict|\bguilty\b|sentenced|\bfined?\b|imprison|custod|\bjailed\b|\bprison\b|community order|(?<!medically )discharge(?!d from)|suspended sentence|sentence suspended|curfew|unpaid work/, 'convicted'],
  [/\bcharged?\b|awaiting trial|\bsummons|requisition|\bcourt\b|trial/, 'charged'],
  [/caution/, 'cautioned'],
  [/allegation|alleged|\baccused\b|\breported\b|investigat|\barrest/, 'allegation'],
  [/\bsuspen(ded|sion)\b/, 'suspended'],
  [/restrict/, 'restricted_duties'],
  [/dismiss|\bsacked\b/, 'dismissed'],
  [/resign/, 'resigned'],
];

/** convicted / charged / cautioned / allegation / suspended / restricted / dismissed / resigned → event. */
export function eventOf(text: string | null | undefined): EventKind | null {
  return text ? eventOfText(text) : null;
}
const eventOfText = remembered((text: string): EventKind | null => first(EVENT_RULES, norm(text)));

const EVENT_GROUPS = EVENT_RULES.map((_, k) => `r${k}`);
const EVENT_ANY = new RegExp(EVENT_RULES.map(([re], k) => `(?<${EVENT_GROUPS[k]}>${re.source})`).join('|'));

/**
 * The event a sentence or request is about: the one it names first ("dismissed following a
 * hearing … resigned while under investigation" is about dismissals). A heading is short and
 * names one; prose may name several.
 */
export function firstEventOf(text: string | null | undefined): EventKind | null {
  if (!text) return null;
  // One scan for all the rules: the leftmost match of the alternation is the leftmost of any
  // rule, and at that position the alternatives are tried in the rules' order (ties go to the first rule).
  const m = EVENT_ANY.exec(norm(text));
  if (!m) return null;
  for (let k = 0; k < EVENT_RULES.length; k++) if (m.groups![EVENT_GROUPS[k]] !== undefined) return EVENT_RULES[k][1];
  return null;
}

const MEASURE_RULES: Rule<Measure>[] = [
  [/officers? (and|&|or) pcsos?|officers? \/ ?pcsos?/, 'officers_and_pcsos'],
  [/\bpcsos?\b|community support/, 'pcsos'],
  [SPECIALS, 'specials'],
  [/\bstaff\b|civilian|\bemployees?\b/, 'staff'],
  [/\bofficers?\b|\bconstables?\b/, 'officers'],
  [/\ballegations?\b/, 'allegations'],
  [/\bcomplaints?\b/, 'complaints'],
  [/\bcases?\b/, 'cases'],
  // Conduct matters (investigations the force starts itself) are cases, as complaints are their own unit.
  [/\bconducts\b|\bconduct matters?\b/, 'cases'],
];

// Units that are not people or their matters: days of sickness, hours, money, vehicles, FOI requests, searches.
const OTHER_UNIT = /\b(?:absence |sick(?:ness)? |working )?days\b|\bhours\b|\bshifts\b|£|\bcosts?\b|\bspend\b|\bvehicles?\b|\b(?:foi|freedom of information) requests?\b|\bstop and search(?:es)?\b|\bsearches\b/i;

/** Whether a heading or figure names a unit that is not people or their conduct ("Absence Days", "£", "FOI requests"). */
export function namesOtherUnit(text: string | null | undefined): boolean {
  return !!text && OTHER_UNIT.test(text);
}

export const SPACE_GAPS = /(?! (?!\s))\s+/g;

/** What a heading counts: "Police Officers" → officers, "PCSOs" → pcsos, "Police Staff" → staff … */
export function measureOf(text: string | null | undefined): Measure | null {
  if (!text) return null;
  // Runs of one space left as they are, as in norm.
  const t = text.toLowerCase().replace(SPACE_GAPS, ' ');
  // "police officers, community support officers or staff": both kinds of officer named.
  const pcsos = /\bpcsos?\b|community support/.test(t);
  // What the replace below takes out holds "community support" or a whole "pcso(s)": nothing where pcsos is false.
  const officers = /\bofficers?\b|\bconstables?\b/.test(pcsos ? t.replace(/(?:police )?community support officers?|\bpcsos?\b/g, ' ') : t);
  if (pcsos && officers) return 'officers_and_pcsos';
  return first(MEASURE_RULES, t);
}
