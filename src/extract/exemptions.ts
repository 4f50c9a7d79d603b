// Exemptions the response applies (SPEC §4, §6): citations found in the text,
// normalised to one parenthesis per level ("Section 30 (1) (a) (b (c)" → 30(1)(a),
// 30(1)(b), 30(1)(c); "40(2)&(3A)(a)" → 40(2), 40(3A)(a)), each once in its most
// specific form, with the Act (FOIA / FOISA / EIR), name, class and NCND flag.
import { mapped } from './arrays.js';
import type { Act, ExemptionClass } from '../records/vocab.js';
import type { Line } from './doc-model.js';
import { matchesOf } from '../segment/gates.js';

export interface ExemptionDraft {
  act: Act;
  citation: string;
  section: string;
  name: string | null;
  class: ExemptionClass;
  ncnd: boolean;
  text: string;
  start: number;
  end: number;
}

export interface ExemptionResult {
  exemptions: ExemptionDraft[];
  warnings: string[];
}

const FOIA_NAMES: Record<string, string> = {
  '12': 'Cost of compliance exceeds appropriate limit',
  '14': 'Vexatious or repeated requests',
  '21': 'Information accessible by other means',
  '22': 'Information intended for future publication',
  '22A': 'Research information',
  '23': 'Information supplied by, or concerning, certain security bodies',
  '24': 'National security',
  '26': 'Defence',
  '27': 'International relations',
  '28': 'Relations within the United Kingdom',
  '29': 'The economy',
  '30': 'Investigations and proceedings conducted by public authorities',
  '31': 'Law enforcement',
  '32': 'Court records',
  '33': 'Audit functions',
  '34': 'Parliamentary privilege',
  '35': 'Formulation of government policy',
  '36': 'Prejudice to effective conduct of public affairs',
  '37': 'Communications with Her Majesty and honours',
  '38': 'Health and safety',
  '39': 'Environmental information',
  '40': 'Personal information',
  '41': 'Information provided in confidence',
  '42': 'Legal professional privilege',
  '43': 'Commercial interests',
  '44': 'Prohibitions on disclosure',
};
const FOISA_NAMES: Record<string, string> = {
  '12': 'Excessive cost of compliance',
  '14': 'Vexatious or repeated requests',
  '18': 'Further provision as respects responses to request (neither confirm nor deny)',
  '25': 'Information otherwise accessible',
  '26': 'Prohibitions on disclosure',
  '27': 'Information intended for future publication',
  '28': 'Relations within the United Kingdom',
  '29': 'Formulation of Scottish Administration policy',
  '30': 'Prejudice to effective conduct of public affairs',
  '31': 'National security and defence',
  '32': 'International relations',
  '33': 'Commercial interests and the economy',
  '34': 'Investigations by Scottish public authorities and proceedings arising out of such investigations',
  '35': 'Law enforcement',
  '36': 'Confidentiality',
  '37': 'Court records',
  '38': 'Personal information',
  '39': 'Health, safety and the environment',
  '40': 'Audit functions',
  '41': 'Communications with Her Majesty etc. and honours',
};
const FOIA_ABSOLUTE = new Set(['21', '23', '32', '34', '40', '41', '44']);
const FOISA_ABSOLUTE = new Set(['25', '26', '36', '37', '38']);
/** Provisions that exclude the duty to confirm or deny. */
const NCND_PROVISIONS = /^(21\(3\)|22\(2\)|22A\(2\)|23\(5\)|24\(2\)|26\(3\)|27\(4\)|28\(3\)|29\(2\)|30\(3\)|31\(3\)|32\(3\)|33\(3\)|34\(2\)|35\(3\)|36\(3\)|37\(2\)|38\(2\)|39\(2\)|40\(5[AB]?\)|41\(2\)|42\(2\)|43\(3\)|44\(2\))/;

// "Section 40(2)", "s40(5)", "s.12", "sections 40(2) & (5) and 30(1)", "S40(2) applies"
const SECTION_WORD = /(?<![\w-])(?:sub-?)?(?:sections?|ss?\.?)\s*(?=\d)/gi;
const REGULATION_WORD = /(?<![\w-])(?:regulations?|regs?\.?)\s*(?=\d)/gi;
// Both words above before a number: a line without one cites nothing (most lines).
const MAY_CITE = /(?:sections?|ss?\.?|regulations?|regs?\.?)\s*\d/i;
// The same, starting a word as SECTION_WORD and REGULATION_WORD do: asked once of a whole text
// (extractDisclosure asks it of the document's content text before reading its lines). A text
// with no match holds no line that cites anything; a match across a line break only lets it through.
const MAY_CITE_WORD = /\b(?:sub-?)?(?:sections?|ss?\.?|regulations?|regs?\.?)\s*\d/i;

/** Whether `text` may hold a citation: where any line of it cites one, this is true (tests). */
export function mayCite(text: string): boolean {
  return MAY_CITE_WORD.test(text);
}

interface RawCitation {
  section: string;
  parts: string[][]; // each a path of sub-levels below the section
  index: number;
  end: number;
  invalid?: string;
}

/** Level of a parenthesised token: 1 subsection "2"/"3A", 2 paragraph "a", 3 sub-paragraph "i". */
function levelOf(tok: string, prevLevel: number, prevTok: string | null): number {
  if (/^\d+[A-Z]?$/.test(tok)) return 1;
  if (/^(i|ii|iii|iv|v|vi|vii|viii|ix|x)$/.test(tok) && prevLevel >= 2 && !(prevLevel === 2 && prevTok !== null && /^[a-h]$/.test(prevTok) && tok === 'i' && prevTok === 'h')) return 3;
  if (/^[a-z]{1,2}$/.test(tok)) return 2;
  return 0;
}

/** Parse "(1) (a) (b (c)" / "(2)&(3A)(a)" / "(2)(a)(b) and (3A)(a)" after a section number. */
function parseTail(s: string): { paths: string[][]; length: number; invalid?: string } {
  const paths: string[][] = [];
  let path: string[] = [];
  let pathLevels: number[] = [];
  let pos = 0;
  let invalid: string | undefined;
  const tokRe = /^\s*(?:(&|and|,)\s*)?\(\s*([0-9]{1,2}[A-Z]?|[a-z]{1,4})\s*(\)|(?=\())/;
  let first = true;
  for (;;) {
    const m = tokRe.exec(s.slice(pos));
    if (!m) break;
    const joiner = m[1];
    const tok = m[2];
    const prevLevel = pathLevels.length ? pathLevels[pathLevels.length - 1] : 0;
    const lvl = levelOf(tok, prevLevel, path.length ? path[path.length - 1] : null);
    if (lvl === 0) break;
    if (first && lvl !== 1) invalid = `(${tok})`; // "31(a)(g)": the Act has no such subsection
    first = false;
    if (lvl > prevLevel && !(joiner && lvl !== 1)) {
      path.push(tok);
      pathLevels.push(lvl);
    } else {
      if (path.length) paths.push(path);
      const keep = pathLevels.findIndex((l) => l >= lvl);
      const cut = keep < 0 ? path.length : keep;
      path = [...path.slice(0, cut), tok];
      pathLevels = [...pathLevels.slice(0, cut), lvl];
    }
    pos += m[0].length;
  }
  if (path.length) paths.push(path);
  return { paths, length: pos, invalid };
}

/**
 * The path of a citation without sub-levels ("section 12"): empty, and of the same V8 array map as
 * the paths parseTail builds (elements of any kind). A `[]` literal has another (small integers),
 * and citationString's first meeting of one threw away extractExemptions' optimised code.
 */
function noSubLevels(): string[] {
  const path: string[] = [''];
  path.length = 0;
  return path;
}

function citationsIn(text: string, wordRe: RegExp): RawCitation[] {
  const out: RawCitation[] = [];
  for (const m of matchesOf(wordRe, text)) {
    let pos = m.index! + m[0].length;
    // A list: "sections 14(1), 30(1) and 40(2)" — each number after a joiner is a section.
    for (;;) {
      const num = /^(\d{1,3}[A-Z]?)(?![\d,]*\s*(?:hours|minutes|days|working|per cent|%|years))/.exec(text.slice(pos));
      if (!num) break;
      const section = num[1];
      const tailStart = pos + num[0].length;
      const tail = parseTail(text.slice(tailStart));
      out.push({ section, parts: tail.paths.length ? tail.paths : [noSubLevels()], index: m.index!, end: tailStart + tail.length, invalid: tail.invalid });
      pos = tailStart + tail.length;
      // Skip a parenthesised name ("(personal information)") before a list joiner.
      const nameParen = /^\s*\([^)]{3,80}\)/.exec(text.slice(pos));
      if (nameParen && !/^\s*\(\s*(?:\d|[a-z]{1,4}\s*\))/.test(text.slice(pos))) pos += nameParen[0].length;
      // A statute list goes on after ';' where the next item is a citation with its name ("18 (Further
      // provision …); 34(1)(a)(i) and (b) (Investigations …)"), not a count ("; 14 officers").
      const joiner = /^\s*(?:,|and|&|or)\s*(?:sections?\s*|s\.?\s*)?(?=\d)|^\s*;\s*(?=\d{1,3}[A-Z]?(?:\(\w{1,4}\))*\s*(?:\([A-Z]|and\s*\(|$))/i.exec(text.slice(pos));
      if (!joiner) break;
      pos += joiner[0].length;
    }
  }
  return out;
}

function citationString(section: string, path: string[]): string {
  // Concatenated, not map().join(''): an empty map result has another array map (see noSubLevels).
  let out = section;
  for (let k = 0; k < path.length; k++) out += `(${path[k]})`;
  return out;
}

/** Whether a citation is of another Act ("section 23 of the Misuse of Drugs Act"). */
function otherAct(after: string): boolean {
  const m = /^[^.;]{0,60}?\bof the ([A-Z][\w()' ]{2,80}?(?:Act|Regulations))\b/.exec(after);
  if (!m) return false;
  return !/freedom of information|\bFOI|environmental information/i.test(m[1]);
}

/** "the Town Police Clauses Act 1847, Section 21": a section of the Act named just before it. */
function otherActBefore(before: string): boolean {
  const m = /([\w()]+)\s+Act(?:\s+(?:1[6-9]|20)\d{2})?\s*,?\s*$/.exec(before);
  return !!m && !/^(?:information|\(scotland\)|regulations|foi|foia|the|this|that|said)$/i.test(m[1]);
}

export function extractExemptions(lines: Line[], act: Act): ExemptionResult {
  const warnings: string[] = [];
  const found = new Map<string, ExemptionDraft>();
  const order: string[] = [];
  for (const line of lines) {
    const text = line.text;
    if (!MAY_CITE.test(text)) continue;
    // Pushed into one literal, not spread from two maps: an empty map result has another array map
    // than a full one, and each first meeting of it threw away this function's optimised code.
    const raws: Array<{ r: RawCitation; eir: boolean }> = [];
    for (const r of citationsIn(text, SECTION_WORD)) raws.push({ r, eir: false });
    for (const r of citationsIn(text, REGULATION_WORD)) raws.push({ r, eir: true });
    for (const { r, eir } of raws) {
      // The section's own tests first (no text read), then, where the citation would add a row or
      // a warning, the words around it (issue 17: most citations repeat one already recorded, or
      // cite a duty; each test only skips a citation, so their order does not change the rows).
      const useAct: Act = eir ? 'EIR' : act;
      const sec = r.section;
      if (!eir) {
        if (['1', '2', '16', '17', '45', '46', '50', '77', '84'].includes(sec)) continue; // duties and notices
        const n = Number.parseInt(sec, 10);
        const inRange = useAct === 'FOISA' ? n === 12 || n === 14 || n === 18 || (n >= 25 && n <= 41) : n === 12 || n === 14 || (n >= 21 && n <= 44);
        if (!inRange) continue;
      } else if (!/^1[23]$/.test(sec)) continue;
      if (!r.invalid && r.parts.every((path) => found.has(citationString(sec, path)))) continue;
      const before = text.slice(Math.max(0, r.index - 40), r.index);
      const after = text.slice(r.end, r.end + 100);
      if (!eir && (otherAct(after) || otherActBefore(before))) continue;
      // "31(1)(g) by virtue of section 31(2)(b)": a purpose clause qualifying the exemption;
      // "not exempt information by virtue of section 30": the statute's own words.
      if (/by virtue of\s*$/i.test(before)) {
        const sameSectionEarlier = new RegExp(`\\b(?:section|s\\.?)\\s*${r.section}\\b`, 'i').test(text.slice(0, r.index));
        if (sameSectionEarlier || /not exempt information by virtue of\s*$/i.test(before)) continue;
      }
      if (/\bsubsection\s*$/i.test(before)) continue;
      // "further consideration would be required under section 34(1)(a)", "section 31 may apply": contemplated, not applied.
      if (/\b(?:would (?:be )?(?:need|required|have) to (?:be )?consider\w*|further consideration would be required|(?:may|might|could) (?:also )?(?:be )?(?:engage|apply|applied|relevant))\b[^.]{0,60}$/i.test(text.slice(Math.max(0, r.index - 90), r.index)) || /^[^.]{0,40}\b(?:may|might|could) (?:also )?(?:apply|be engaged|be relevant)\b/i.test(after)) continue;
      if (r.invalid) {
        warnings.push(`exemption citation "Section ${sec}${r.invalid}…" is not a provision of the Act (typo?); not recorded`);
        continue;
      }
      for (const path of r.parts) {
        const citation = citationString(sec, path);
        if (found.has(citation)) continue;
        const snippet = text.slice(r.index, r.end).trim();
        found.set(citation, {
          act: useAct,
          citation,
          section: sec,
          name: (useAct === 'FOISA' ? FOISA_NAMES : useAct === 'FOIA' ? FOIA_NAMES : {})[sec] ?? null,
          class: classOf(useAct, sec, citation),
          ncnd: useAct === 'FOISA' ? sec === '18' : NCND_PROVISIONS.test(citation),
          text: snippet,
          start: line.start + r.index,
          end: line.start + r.end,
        });
        order.push(citation);
      }
    }
  }
  // Each distinct citation once, in its most specific form.
  const all = mapped(order, (c) => found.get(c)!);
  const kept: ExemptionDraft[] = [];
  for (const e of all) if (!all.some((o) => o !== e && o.act === e.act && o.citation.startsWith(e.citation) && o.citation.length > e.citation.length && o.citation[e.citation.length] === '(')) kept.push(e);
  return { exemptions: kept, warnings };
}

function classOf(act: Act, section: string, citation: string): ExemptionClass {
  if (section === '12' || section === '14') return 'procedural';
  if (act === 'FOISA') return FOISA_ABSOLUTE.has(section) ? 'absolute' : 'qualified';
  if (act === 'EIR') return 'qualified';
  if (section === '40') return /^40\((4|4A|5B)\)/.test(citation) ? 'qualified' : 'absolute';
  return FOIA_ABSOLUTE.has(section) ? 'absolute' : 'qualified';
}
