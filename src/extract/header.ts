// The disclosure's identity as printed: request reference ("65A/24", "01.FOI.24.035089",
// "FOI/14806", "16934"), a separate publication number ("PUB 1459"), and its title
// without the reference ("Officer Convictions" from "Officer Convictions (266A/20)").
import type { Doc, Line } from './doc-model.js';
import { contentHead, contentLines } from './doc-model.js';
import { FULL_DATE_SRC } from './dates.js';
import type { Kind } from '../records/vocab.js';
import type { Segmentation } from '../segment/types.js';
import { PLATFORM_TITLE } from '../segment/cues.js';

// Headings every response could carry: the Act's name, a request label. They name no disclosure.
const GENERIC_HEADING = /^(?:(?:request|application) (?:made )?(?:under|for information under) )?(?:the )?freedom of information(?: \(scotland\))? act(?: 2000| 2002)?(?: \((?:FOIA|FOISA)\))?(?: request)?$|^(?:summary|background|introduction|overview|details|the request|request details|key (?:facts|points|findings)|at a glance|in brief|contents|table of contents)$/i;
import { FORCES, findForce } from '../sources/registry.js';
import { isDigitCode, isSpaceCode, lastCode, pieceCount } from './words.js';
import { extraReferenceOnLine } from './reference.js';

export interface Header {
  reference: string | null;
  publication_ref: string | null;
  title: string | null;
}

// A reference token: has a digit, is short, and uses the punctuation references use.
// Letter segments may come first: "FOI 000739/19", "HQ/PA/002481/23", "IM-FOI-2023-1147", "CoLP/FOI/2022/467".
const REF_TOKEN = '(?:[A-Z][A-Za-z]{0,5}[ /.-]?){0,3}[A-Z0-9]*\\d[A-Z0-9]*(?:[./_-][A-Z0-9]+)*';
const LABELLED_REF = new RegExp(
  `^(?:freedom of information\\s+)?(?:foi\\s*(?:request)?|request|our|your)?\\s*(?:reference|ref)\\.?\\s*(?:no\\.?|number|num)?\\s*[:\\-–]?\\s*(${REF_TOKEN})\\s*$|` +
    `^(?:foi|request|foi request)\\s*(?:number|no\\.?|id)\\s*[:\\-–]?\\s*(${REF_TOKEN})\\s*$|` +
    // "Freedom of information request 2024/0123": only a token that looks like a reference, not "Request 1".
    `^(?:freedom of information|foi)\\s+request\\s*[:\\-–]?\\s*((?:[A-Z]{1,6}[ /-]?)?\\d+[/_-][\\dA-Z/_-]+|\\d{4,})\\s*$`,
  'i',
);
// Every form above starts with "freedom", "FOI", "request", "our", "your" or (after spaces) "ref":
// a line that does not ("2020 2021 2022", "Arrested 6 4 7") is not matched against them (issue 17).
const MAY_LABEL_REF = /^\s*[fory]/i;
const labelledRef = (t: string) => (MAY_LABEL_REF.test(t) ? LABELLED_REF.exec(t) : null);
const isLabelledRef = (t: string) => MAY_LABEL_REF.test(t) && LABELLED_REF.test(t);

/** The patterns REF_COLON is asked before, asked of a whole text (tests: wherever one matches, REF_COLON must). */
export function refColonGated(): RegExp[] {
  return [ICO_REF, ANY_REF_LABEL, REF_LABEL_ENDS_LINE];
}

/** LABELLED_REF and the test asked before it (tests: wherever the pattern matches, the test must). */
export function labelledRefGate(): { gate: RegExp; re: RegExp } {
  return { gate: MAY_LABEL_REF, re: LABELLED_REF };
}

// "FOI 1104-23 Officers arrested", "FOI 2023/0815 – Officers with second jobs"
const REF_THEN_TITLE = /^(FOI\s*[A-Z]{0,4}[\s/-]?\d[\w/-]*\d)\s*(?:[–—:|-]\s*)?([A-Z][^:]{2,150})$/;
const INLINE_REF = new RegExp(`\\b(?:in relation to |regarding )?(?:request|reference) (?:no\\.?|number)\\s*:?\\s*(${REF_TOKEN})\\b`, 'i');
// "Officer Convictions (266A/20)", "Drones (4714_14)", "… (R011316)"
// A page's <title> names the site as well as the page ("Vetting appeals | Disclosure log | Anyshire
// Police"): the site's own parts are not the title, and a <title> of nothing else gives none.
const SITE_PART = /^(?:home|disclosure logs?|freedom of information(?: \(foi\))?(?: disclosure log| requests?)?|foi(?: disclosure log)?|access to information|published items|publication scheme|gov\.uk|whatdotheyknow)$/i;
function pageTitle(raw: string): string {
  // Parts and the separators between them, so the page's own part keeps its printed dashes.
  const pieces = clean(raw).split(/(\s+[|–—-]\s+)/);
  const site = (p: string) => SITE_PART.test(p.trim()) || findForce(p.trim()) !== null;
  while (pieces.length && site(pieces[pieces.length - 1])) pieces.splice(-2, 2);
  while (pieces.length && site(pieces[0])) pieces.splice(0, 2);
  return pieces.join('').trim();
}

const TITLE_WITH_REF = /^(.{3,200}?)\s*\(\s*([A-Z]{0,4}\d{2,}[A-Z]?(?:\s*[/_-]\s*\d{2,4})?|\d+[A-Z]?\s*[/_-]\s*\d{2,4})\s*\)\s*$/;
const ONLY_REF_TOKEN = new RegExp(`^${REF_TOKEN}$`, 'i');
const ICO_REF = /\b(?:case\s+)?ref(?:erence)?(?:\s+(?:no|number))?\.?\s*:\s*((?:IC|FS|FER)-?\d{4,}[\w-]*)/i;
const ANY_REF_LABEL = new RegExp(`(?:\\b(?:our|your|case|foi|request(?: for information)?)\\s+|\\/\\s*)ref(?:erence)?\\.?(?:\\s*(?:no|number)\\.?)?\\s*:\\s*(${REF_TOKEN})(?=\\s|$)`, 'i');
// A reference alone on its line: "FOI 0842-23", "IM-FOI-2022-0915", "FOI2023/07811".
const STANDALONE_REF = /^(?:FOI\s*[A-Z]{0,4}[\s/-]?\d[\w/-]*\d|[A-Z]{2,5}(?:-[A-Z]{2,5})?-\d{4}-\d{3,6})$/i;
const PUB_REF = /^(?:publication\s*(?:number|no\.?)\s*[:\-–]?\s*(\w[\w /-]*\d)|(PUB\s*\d+))\s*$/i;
const BARE_NUMBER = /^\d{3,8}$/;
// What ICO_REF, ANY_REF_LABEL and the end-of-line "ref:" label each hold: "ref", "erence" or not,
// dots and spaces, "no" or "number" (with its dot) or not, a colon (tests: wherever one matches, this does).
export const REF_COLON = /ref(?:erence)?[\s.]*(?:(?:no|number)\.?\s*)?:/i;
// "Our ref:" ending its line, the value on the next.
const REF_LABEL_ENDS_LINE = /\b(?:our|your|case|foi)?\s*ref(?:erence)?\.?(?:\s*(?:no|number)\.?)?\s*:\s*$/i;
const LABEL_LINE = /^[A-Z][\w ()'’/-]{1,60}:\s*\S/;


// A digit: the regex engine finds one faster than a loop over the characters (measured, issue 17).
const DIGIT = /\d/;
// Whitespace clean() would change inside a text: a run of two, or one that is not a space.
const UNCLEAN_SPACE = /[^\S ]|  /;
function clean(s: string): string {
  return (UNCLEAN_SPACE.test(s) ? s.replace(/\s+/g, ' ') : s).trim();
}

const ONLY_A_DATE = new RegExp(`^(?:${FULL_DATE_SRC})$`, 'i');
/**
 * ONLY_A_DATE.test(t), asked only where `t` ends with a digit: every full date ends with its
 * year's (or a numeric date's) digits, and a title seldom does, so the pattern (~0.4 ms to
 * compile on a one-file run) mostly never runs. Same answer for every text (tests).
 */
export function isOnlyADate(t: string): boolean {
  return isDigitCode(t.charCodeAt(t.length - 1)) && ONLY_A_DATE.test(t);
}

function looksLikeTitle(text: string): boolean {
  const t = text.trim();
  if (t.length < 3 || t.length > 150) return false;
  if (/[.:;,]$/.test(t) && !/\.{3}$/.test(t)) return false;
  if (t.split(/\s+/).length > 14) return false;
  if (/^\d/.test(t)) return false;
  if (/^(request|response|answer|you asked|dear|skip|menu|home|in response|foi duty|reasons? for decision)\b/i.test(t)) return false;
  if (/^(the request was|this request)/i.test(t)) return false;
  if (/^(?:date|dated|published|updated|posted)\b/i.test(t) || isOnlyADate(t)) return false;
  if (LABEL_LINE.test(t)) return false;
  if (/^[\s|]+$/.test(t) || /\|\s*$/.test(t)) return false;
  return /[A-Za-z]/.test(t);
}

// Site chrome above a page's heading: the force's name, section names, breadcrumbs, a date.
const CHROME_LINE =
  /^(?:freedom of information(?: \(foi\))?(?: disclosures?| disclosure log| requests?| request| releases?)?|(?:foi )?disclosures?(?: log)?(?: \d{4})?|(?:our|the|search the|published|recent) (?:foi )?(?:disclosure log|disclosures)|foi (?:release|response|disclosure)s?|report (?:a crime|it|an incident)(?: online)?|subscribe|sign in|log ?in|contact us|accessibility(?: help)?|bbc homepage|most read|hide this message|accessibility tools|official(?:[ -]sensitive)?|not protectively marked|related (?:content|documents|links)|menu|search|home|news|cymraeg|english|publication scheme|access to information|accessing information|foi requests?|previous foi requests|advertisement)$/i;

const asciiAlnums = (s: string, max = Infinity): number => {
  let n = 0;
  for (let i = 0; i < s.length && n <= max; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)) n++;
  }
  return n;
};
// The most letters and digits a force's id, name or alias has as findForce compares them (lower
// case, "&" as "and", other characters dropped). A text with more is no force's name, and is not
// normalised to find that out: lower-casing keeps every ASCII letter and digit, so its normal form has them all.
let forceKeyMax = -1;
// The first word of every id, name and alias as findForce compares them: findForce normalises a
// text (lower case, "&" as "and", every run of other characters one space) and looks the whole
// normal form up, so a text whose normal form starts with another word names no force, and is
// not normalised (two replaces and a trim per line of a page's head) to find that out (issue 17).
let forceFirstWords: Set<string> | null = null;
const isNormWordCode = (c: number) => (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 38;
/** The first word of findForce's normal form of a text, from the text lower-cased: its first run of letters, digits and "&" (as "and"). */
export function firstNormWord(lower: string): string {
  const n = lower.length;
  let i = 0;
  while (i < n && !isNormWordCode(lower.charCodeAt(i))) i++;
  let j = i;
  while (j < n && isNormWordCode(lower.charCodeAt(j))) j++;
  const w = lower.slice(i, j);
  return w.includes('&') ? w.replace(/&/g, 'and') : w;
}
/** Whether findForce could find a force for `text` (tests: wherever it does, this is true). */
export function mightNameForce(text: string): boolean {
  if (forceKeyMax < 0) for (const f of FORCES) for (const n of [f.id, f.name, ...f.aliases]) forceKeyMax = Math.max(forceKeyMax, asciiAlnums(n.toLowerCase().replace(/&/g, 'and')));
  if (asciiAlnums(text, forceKeyMax) > forceKeyMax) return false;
  forceFirstWords ??= new Set(FORCES.flatMap((f) => [f.id, f.name, ...f.aliases].map((n) => firstNormWord(n.toLowerCase()))));
  return forceFirstWords.has(firstNormWord(text.toLowerCase()));
}

function isChrome(text: string): boolean {
  const t = text.trim();
  if (CHROME_LINE.test(t)) return true;
  if (/\S(?: {2,}|\s+[>›»]\s+)\S/.test(t) && !/[.:;]$/.test(t) && pieceCount(t, 16) <= 16) return true; // breadcrumbs, nav rows
  // "North Wales Police | Heddlu Gogledd Cymru"
  if ((t.includes('|') ? t.split(/\s*\|\s*/) : [t]).every((part) => !part || (mightNameForce(part) && findForce(part) !== null))) return true;
  // "News | Sport | …", "Home / FOI / Disclosure log"
  if (t.includes('|') || t.includes('/')) {
    const parts = t.split(/\s+\|\s+|\s+\/\s+/);
    if (parts.length >= 3 && parts.every((p) => pieceCount(p, 6) <= 6)) return true;
  }
  if (/^(?:from|by|published|updated|posted)\b[^.]{0,60}$/i.test(t) && pieceCount(t, 10) <= 10) return true; // bylines and datelines
  return false;
}

/**
 * What title.replace(new RegExp(`\\s*\\(?${escaped reference}\\)?\\s*$`), '') gives: the title
 * without the reference (in brackets or not) it ends with, found without building a regex per
 * document. The leftmost start from which the pattern matches is cut; every split of the leading
 * whitespace is tried, as the regex's backtracking would.
 */
export function withoutTrailingRef(title: string, ref: string): string {
  // Every cut needs the reference at some position: a title without it is kept as it is.
  if (!title.includes(ref)) return title;
  const n = title.length;
  const blankFrom = (i: number) => {
    for (; i < n; i++) if (!isSpaceCode(title.charCodeAt(i))) return false;
    return true;
  };
  const refAt = (i: number) => title.startsWith(ref, i) && (blankFrom(i + ref.length) || (title[i + ref.length] === ')' && blankFrom(i + ref.length + 1)));
  for (let s = 0; s <= n; s++) {
    for (let w = s; ; w++) {
      if (refAt(w) || (title[w] === '(' && refAt(w + 1))) return title.slice(0, s);
      if (w >= n || !isSpaceCode(title.charCodeAt(w))) break;
    }
  }
  return title;
}

export function extractHeader(doc: Doc, kind: Kind = 'foi_response', seg?: Segmentation): Header {
  // A letterhead's lines (sender, address, date) are never the title; the segment stage marks them.
  const letterhead = new Set<number>();
  if (seg) for (const r of seg.lines) if (r.why === 'letterhead') letterhead.add(r.line.i);
  // A letter names its subject in a labelled field or a heading with its reference, if at all: the
  // looser rules below (the line above the first field, the first line) would pick its letterhead.
  const isLetter = letterhead.size > 0;
  const lines = contentLines(doc).slice(0, 60);
  // Every reference pattern below needs a digit: lines without one are not tried.
  const numbered = new Set<number>();
  for (const l of lines) if (DIGIT.test(l.text)) numbered.add(l.i);
  // Whether a line is site chrome is asked by several rules below: once per line.
  const chromeOf = new Map<number, boolean>();
  const chrome = (l: Line): boolean => {
    let c = chromeOf.get(l.i);
    if (c === undefined) chromeOf.set(l.i, (c = isChrome(l.text)));
    return c;
  };
  // The lines a title may be read from, asked of each line only where a rule below reads that far
  // (most stop within the first few lines).
  const titleOf = new Map<number, boolean>();
  const isTitleLine = (l: Line): boolean => {
    let t = titleOf.get(l.i);
    if (t === undefined) titleOf.set(l.i, (t = !letterhead.has(l.i) && !GENERIC_HEADING.test(l.text.trim())));
    return t;
  };
  let titleLinesAll: Line[] | null = null;
  const titleLines = () => (titleLinesAll ??= lines.filter(isTitleLine));
  let reference: string | null = null;
  let publication_ref: string | null = null;
  let title: string | null = null;

  // 1. "Title (REF)" headings (West Midlands, COPFS).
  for (const l of lines.slice(0, 15)) {
    // The pattern ends with ")" and spaces: a line ending otherwise is not tried.
    if (!numbered.has(l.i) || lastCode(l.text) !== 41) continue;
    const m = TITLE_WITH_REF.exec(l.text);
    if (m && !/^freedom of information:/i.test(l.text)) {
      title = clean(m[1]).replace(/\s*[-–:]\s*$/, '');
      reference = clean(m[2]).replace(/\s*([/_-])\s*/g, '$1');
      break;
    }
  }
  // 2. Labelled references ("Reference no: …", "Request Number: FOI/14806", "FOI Number: 21354").
  if (!reference) {
    for (const l of lines) {
      if (!numbered.has(l.i)) continue;
      const m = labelledRef(l.text);
      if (m) {
        reference = clean(m[1] ?? m[2] ?? m[3]);
        break;
      }
    }
  }
  if (!reference) {
    // Forms the labels above miss ("Enquiry Reference: 89- 26", PSNI "Request: FOI/00013725"): reference.ts.
    // Each of those forms captures digits: a line without one is not tried.
    for (const l of lines) {
      if (!numbered.has(l.i)) continue;
      reference = extraReferenceOnLine(l.text);
      if (reference) break;
    }
  }
  // The next two rules read a "ref:" label (ICO_REF, ANY_REF_LABEL and a label ending its line all
  // hold "ref", maybe "erence", dots, spaces, "no" or "number", then a colon): a document whose
  // first lines (those the rules read) hold none is not read line by line for them.
  const refLabel = !reference && REF_COLON.test(contentHead(doc, lines.length));
  if (!reference && refLabel) {
    // An ICO case reference: "Reference: IC-281144-Q7T2", "Case Reference: FS50612345".
    for (const l of lines) {
      if (!numbered.has(l.i)) continue;
      const ico = ICO_REF.exec(l.text);
      if (ico) {
        reference = ico[1];
        break;
      }
    }
  }
  if (!reference && refLabel) {
    // A label anywhere on its line ("Received on 05/02/2024 Our Ref: DC/FOI 233/24", "Case Ref: 202400311"),
    // or a label that ends its line with the value on the next ("Our ref:" / "HC/001187/24").
    for (let k = 0; k < lines.length && !reference; k++) {
      const t = lines[k].text;
      const m = numbered.has(lines[k].i) ? ANY_REF_LABEL.exec(t) : null;
      if (m && /\d/.test(m[1])) reference = clean(m[1]).replace(/[.,;]$/, '');
      else if (REF_LABEL_ENDS_LINE.test(t) && lines[k + 1] && ONLY_REF_TOKEN.test(lines[k + 1].text.trim())) {
        reference = lines[k + 1].text.trim();
      }
    }
  }
  if (!reference) {
    // A reference alone on its line under the heading: "FOI 0842-23", "IM-FOI-2022-0915", "FOI2023/07811".
    const alone = lines.slice(0, 12).find((l) => numbered.has(l.i) && STANDALONE_REF.test(l.text.trim()));
    if (alone) reference = alone.text.trim();
  }
  if (!reference) {
    for (const l of lines) {
      if (!numbered.has(l.i)) continue;
      const m = INLINE_REF.exec(l.text);
      if (m && /\d/.test(m[1])) {
        reference = clean(m[1]).replace(/[.,;]$/, '');
        break;
      }
    }
  }
  // 3. Essex's log: "PUB 1459" then the request number alone on the next line, then the title.
  let afterNumbers: Line | null = null;
  for (let k = 0; k < lines.length; k++) {
    if (!numbered.has(lines[k].i)) continue;
    const m = PUB_REF.exec(lines[k].text);
    if (!m) continue;
    publication_ref = clean(m[1] ?? m[2]);
    const next = lines[k + 1];
    if (next && BARE_NUMBER.test(next.text.trim())) {
      if (!reference) reference = next.text.trim();
      afterNumbers = lines[k + 2] ?? null;
    }
    break;
  }
  // 4. Title: PSNI "Subject:", Essex's line after the numbers, a WhatDoTheyKnow heading,
  //    a short heading before the first labelled field, or the HTML page's own heading.
  if (!title) {
    // Alaveteli names the request above an attachment it shows as HTML.
    for (const l of lines) {
      const platform = PLATFORM_TITLE.exec(l.text.trim());
      if (platform) {
        title = clean(platform[1]);
        break;
      }
    }
  }
  if (!title && kind === 'decision_notice') {
    // A Scottish Commissioner's decision is headed "Decision 142/2009 <parties>" or "Decision 276/2025: <subject>".
    const dn = lines.slice(0, 8).map((l) => l.text.trim()).filter((t) => /^Decision \d+\/\d{4}\b/.test(t)).sort((a, b) => b.length - a.length)[0];
    if (dn && pieceCount(dn, 2) > 2) title = clean(dn);
  }
  if (!title && kind === 'news_article') {
    // A headline: the first line of the story that is a phrase, not a sentence of the body.
    const navRow = (t: string) => t.split(/\s+/).every((w) => /^[A-Z0-9&|]|^i[A-Z]/.test(w));
    const firstProse = titleLines().findIndex((l) => /[.!?]\s+[A-Z]/.test(l.text) || pieceCount(l.text, 30) > 30);
    const head = titleLines().slice(0, firstProse < 0 ? 8 : Math.min(8, firstProse)).find((l) => !chrome(l) && !navRow(l.text) && l.kind !== 'table_row' && pieceCount(l.text, 25) >= 5 && pieceCount(l.text, 25) <= 25 && !/[.!?]["”’]?$/.test(l.text.trim()) && !/[.!?]\s+[A-Z]/.test(l.text));
    if (head) title = clean(head.text);
  }
  if (!title && lines[0]) {
    // An ICO notice opens with its own name, often run together with the rest in a PDF transcription.
    const dn = /^((?:Freedom of Information Act 2000|Environmental Information Regulations 2004|Freedom of Information \(Scotland\) Act 2002)(?:\s*\((?:FOIA|EIR|FOISA)\))?\s+Decision notice)\b/i.exec(lines[0].text);
    if (dn) title = clean(dn[1]);
  }
  if (!title) {
    // PSNI's "Subject:", and logs that print "Title: …".
    const labelled = lines.find((l) => /^(?:subject|title)\s*:\s*\S/i.test(l.text));
    if (labelled) title = clean(labelled.text.replace(/^(?:subject|title)\s*:\s*/i, ''));
  }
  if (!title && afterNumbers && looksLikeTitle(afterNumbers.text)) title = clean(afterNumbers.text);
  if (!title && lines.length > 1 && /^the request (was|is|has been)\b/i.test(lines[1].text) && looksLikeTitle(lines[0].text.replace(/\.$/, ''))) {
    title = clean(lines[0].text);
  }
  // The page's own heading: the first line after the site's chrome (force name, "Freedom of
  // Information", breadcrumbs), or the line after a leading reference label when a request
  // heading follows it.
  if (!title && !isLetter) {
    // A newspaper's masthead is chrome too: a headline has five words or more.
    const inBody = (l: Line) => !chrome(l) && (kind !== 'news_article' || pieceCount(l.text, 4) >= 5);
    // The heading stands just above the first labelled field or the request: the body is read that far.
    // Whether a line is chrome is asked only of labelled lines and of those just above the first
    // that is in the body: the lines read past (not labelled) wait in `passed` (issue 17).
    let above: Line | null = null;
    const passed: Line[] = [];
    for (const l of lines) {
      if (!isTitleLine(l)) continue;
      if (isLabelledRef(l.text) || /^(?:date of (?:request|response)|date published|published|reference|our ref|request number|subject)\b[^:]{0,20}:|^(?:request|your request|you asked)\s*:?$/i.test(l.text)) {
        if (!inBody(l)) continue;
        for (let k = passed.length - 1; k >= 0 && !above; k--) if (inBody(passed[k])) above = passed[k];
        break;
      }
      passed.push(l);
    }
    if (above && above.kind !== 'table_row' && !isLabelledRef(above.text) && !STANDALONE_REF.test(above.text.trim()) && looksLikeTitle(above.text) && !REF_THEN_TITLE.test(above.text)) title = clean(above.text);
  }
  if (!title && !isLetter) {
    // A newspaper's navigation is a row of names ("Home News Sport iPlayer"); a headline has lower-case words.
    const navRow = (t: string) => kind === 'news_article' && t.split(/\s+/).every((w) => /[A-Z0-9&|]/.test(w));
    // The first three lines of the body are all the rules below read.
    const body: Line[] = [];
    for (const l of lines) {
      if (body.length === 3) break;
      if (!isTitleLine(l)) continue;
      if (!chrome(l) && !navRow(l.text) && (kind !== 'news_article' || pieceCount(l.text, 4) >= 5)) body.push(l);
    }
    const first = body[0];
    if (first && first.kind !== 'table_row') {
      const rt = REF_THEN_TITLE.exec(first.text);
      if (rt && !/\d{4,}$/.test(rt[2])) {
        title = clean(rt[2]);
        reference ??= clean(rt[1]);
      } else if (!isLabelledRef(first.text) && looksLikeTitle(first.text)) title = clean(first.text);
      else if (isLabelledRef(first.text) && body[1] && looksLikeTitle(body[1].text) && body[2] && /^(?:request|your request|you asked|date|our ref)\b/i.test(body[2].text)) {
        title = clean(body[1].text);
      }
    }
  }
  const page = !title && doc.source.title && doc.source.mediaType === 'text/html' ? pageTitle(doc.source.title) : '';
  if (page) {
    const m = TITLE_WITH_REF.exec(page);
    title = m ? clean(m[1]) : page;
    if (m && !reference) reference = clean(m[2]);
  }
  if (title && reference) title = clean(withoutTrailingRef(title, reference)) || title;
  return { reference, publication_ref, title };
}
