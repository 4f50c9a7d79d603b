// A reader's blocks seen as lines, with site furniture marked and the request and
// response regions found. Every extractor works from this one view of a document.
import { mapped } from './arrays.js';
import type { Block, ReadResult } from '../readers/types.js';
import { keyedAny, matchesOf, type Keyed } from '../segment/gates.js';
import type { NumberToken } from '../segment/tokens.js';
import type { NumberMatch } from './numbers.js';
import { isSpaceCode } from './words.js';

export interface Line {
  /** Index in Doc.lines. */
  i: number;
  text: string;
  start: number;
  end: number;
  locator: string;
  kind: Block['kind'];
  /** Cookie banners, skip links, "Quickly exit this site" bars, COVID notices. */
  furniture: boolean;
  /** Line holds nothing but whitespace-like characters (NBSP paragraphs). */
  blank: boolean;
  /** Its sentences, once split (sentences()). */
  sentences?: Sentence[];
}

export interface Doc {
  source: ReadResult;
  text: string;
  lines: Line[];
  /** Lines of the request, [start, end) indexes into lines (marker = the line that announced it); null when none is printed. */
  request: { marker: number; start: number; end: number } | null;
}

export const FURNITURE: Keyed[] = [
  { re: /^skip to (main )?content\b/i, starts: ['skip to '] },
  { re: /^(quickly exit this site|leave this site|exit this site)/i, starts: ['quickly exit this site', 'leave this site', 'exit this site'] },
  { re: /cookie/i, holds: ['cookie'] },
  { re: /^sorry, there was a technical problem/i, starts: ['sorry, there was a technical problem'] },
  { re: /^this site is a beta/i, starts: ['this site is a beta'] },
  { re: /^coronavirus \(covid-19\)/i, starts: ['coronavirus (covid-19)'] },
  { re: /^how we are working to keep our foi requests running/i, starts: ['how we are working to keep our foi requests running'] },
  { re: /^accessibility\s*\|?$/i, starts: ['accessibility'] },
  { re: /^(size: px|start display at page:|download ".*"|transcription)$/i, starts: ['size: px', 'start display at page:', 'download "', 'transcription'] },
  { re: /^(menu|search|home|back to top|share this page|print this page)$/i, starts: ['menu', 'search', 'home', 'back to top', 'share this page', 'print this page'] },
];

const IS_FURNITURE = keyedAny(FURNITURE);

export function isFurnitureText(text: string): boolean {
  return IS_FURNITURE(text.trim());
}

// Where the request is printed: the SOH, WMP, PSNI, Northumbria, WDTK and letter styles.
// Each with the words one of its matches must hold (segment/gates.ts, keyedFirst): a line without
// them never runs, and a short document never compiles, the long patterns.
export const REQUEST_START: Keyed[] = [
  { re: /I note you seek access to the following information/i, holds: ['seek access'] },
  { re: /^request\s*(\/\s*response)?\s*:?$/i, starts: ['request'] },
  { re: /^[\w'’]+(?:\s+[\w'’]+)?\s*\/\s*request\s*:?$/i, holds: ['request'] }, // bilingual headings: "Cais / Request"
  { re: /^what (?:was|you) asked(?: for)?\s*:?$/i, starts: ['what '] },
  { re: /^(the )?request(ed information)?\s*:/i, starts: ['request', 'the request'] },
  { re: /^your request\s*:?$/i, starts: ['your request'] },
  { re: /^you asked\s*:?/i, starts: ['you asked'] },
  { re: /^you (?:wrote|said|requested)\s*:?$/i, starts: ['you '] },
  { re: /^information request\b/i, starts: ['information request'] },
  { re: /in which you (sought|seek|made a request|requested|asked)/i, holds: ['in which you '] },
  { re: /\b(seek|sought|requested) (access to )?the following( information)?/i, holds: ['the following'] },
  // "Dear Northumbria Police," opens a request: a requester writes to an organisation; an authority
  // writes to a person ("Dear Matthew", "Dear Mr Jones", "Dear Requester").
  {
    re: /^dear (?!(?:requester|applicant|sir|madam|sir or madam|mr|mrs|ms|miss|dr|colleague)\b)(?:[\w'’&.()-]+\s+){0,8}?(?:police|constabulary|service|force|commissioner|office|team|unit|department|authority|council|foi|freedom of information|officer|officers|ministry|agency|board|executive|psni|mps|met|btp|gmp)\b[^,]{0,40},?$/i,
    starts: ['dear '],
  },
  { re: /your request for information (was received|which was received|received on)/i, holds: ['your request for information '] },
  { re: /request for information which was received/i, holds: ['request for information which was received'] },
  { re: /\bI hereby request\b/i, holds: ['i hereby request'] },
  { re: /\brequesting the following\b/i, holds: ['requesting the following'] },
  { re: /\brequested (?:the following )?information in the following terms\b/i, holds: ['information in the following terms'] },
  { re: /\bwhich I have (?:detailed|set out|reproduced|copied|quoted) below\b/i, holds: ['which i have '] },
  { re: /\byour request (?:is|was|reads) as follows\b/i, holds: [' as follows'] },
  { re: /^(the )?(original )?request (was|reads|read)\b/i, starts: ['request ', 'the ', 'original '] },
];

export const RESPONSE_START: Keyed[] = [
  { re: /^(our )?response\b(?! (to|from) your|\s*(?:sent|date|due|received|issued)\b)/i, starts: ['response', 'our response'] },
  { re: /^response to your request/i, starts: ['response to your request'] },
  { re: /^[\w'’]+\s*\/\s*response\s*:?$/i, holds: ['response'] },
  { re: /^what we (?:said|provided|can tell you)\s*:?$/i, starts: ['what we '] },
  { re: /^in response\s*:?/i, starts: ['in response'] },
  { re: /^answers?\s*:?$/i, starts: ['answer'] },
  { re: /^answer\b/i, starts: ['answer'] },
  { re: /I have today decided/i, holds: ['i have today decided'] },
  { re: /^please find (attached|enclosed|below)/i, starts: ['please find '] },
  { re: /^(we|i) have now (had the opportunity|undertaken|considered|completed)/i, starts: ['we have now ', 'i have now '] },
  { re: /^your request (?:for information )?(?:below )?has (?:now )?been considered/i, starts: ['your request '] },
  { re: /^foi duty$/i, starts: ['foi duty'] },
  { re: /^following (?:receipt of your request|(?:enquiries|searches|a search|consultation) (?:with|of|across))/i, starts: ['following '] },
  { re: /^despite (extensive|thorough) searches/i, starts: ['despite '] },
  { re: /has considered your request/i, holds: ['has considered your request'] },
  { re: /have considered your request/i, holds: ['have considered your request'] },
  { re: /^yours (faithfully|sincerely)/i, starts: ['yours '] },
  { re: /^(i|we) (can )?confirm that/i, starts: ['i ', 'we '] },
  { re: /^(i|we) am writing to (confirm|advise|inform)/i, starts: ['i am writing to ', 'we am writing to '] },
  { re: /^thank you for your (e-?mail|request|letter)/i, starts: ['thank you for your '] },
  { re: /^(our )?decision\b/i, starts: ['decision', 'our decision'] },
  { re: /^(we|i) (are|am) (unable|not obliged|able)/i, starts: ['we ', 'i '] },
  { re: /^(part|partial|full|no)\s+disclosure\b/i, starts: ['part', 'full', 'no'] },
  { re: /^unfortunately\b/i, starts: ['unfortunately'] },
  { re: /^in (?:terms of|response to)\b/i, starts: ['in terms of', 'in response to'] },
  { re: /^I (?:estimate|can (?:confirm|advise)|am (?:unable|able|writing to (?:confirm|advise|inform|let)|refusing|therefore|pleased|treating your)|have (?:today|now|considered|been able))\b/, starts: ['i '] },
  { re: /^a search for (?:the|this) information has\b/i, starts: ['a search for '] },
  { re: /^(?:[A-Z][\w&-]*\s+){1,4}(?:neither confirms? nor denies|can(?:not)? confirm|does not hold|holds the information|has (?:now )?considered)\b/, holds: ['confirm', 'does not hold', 'holds the information', 'considered'] },
  { re: /^(the )?information (is )?not held\b/i, starts: ['information ', 'the information '] },
  { re: /^(in )?(reply|answer) to your/i, starts: ['reply to your', 'answer to your', 'in reply to your', 'in answer to your'] },
  { re: /^(the )?information (you have )?requested (is|has)/i, starts: ['information ', 'the information '] },
];

export function matchesAny(text: string, res: RegExp[]): boolean {
  return res.some((re) => re.test(text));
}
// The lists above, each as one test (segment/gates.ts): every line of every document asks them.
const IS_REQUEST_START = keyedAny(REQUEST_START);
const IS_RESPONSE_START = keyedAny(RESPONSE_START);

// A letter transcribed onto one line (a PDF's text run together) is cut where its parts begin:
// sentence ends, numbered items, salutations and sign-offs, header labels. Offsets stay exact.
const TRANSCRIPT_LINE = 800;
const TRANSCRIPT_CUT = /(?<=[.!?:]["”’)]?)\s+(?=[A-Z“"(]|\d{1,2}[.)]\s)|\s+(?=(?:Dear|Yours (?:sincerely|faithfully)|Our Ref|Your Ref|Date\b|Question \d|Q\d{1,2}\b|\d{1,2}\.\s+[A-Z]))/g;

/** Whether a block is a letter run onto one line, to be cut into pieces (most blocks are not). */
function isTranscript(b: Block, blocks: number): boolean {
  // A long paragraph of a page with structure stays whole; a document of one or two huge lines is a transcript.
  return (b.text.length >= TRANSCRIPT_LINE * 2 || (blocks <= 3 && b.text.length >= TRANSCRIPT_LINE)) && b.kind !== 'table_row';
}

function pieces(b: Block): Array<{ text: string; start: number; end: number }> {
  const out: Array<{ text: string; start: number; end: number }> = [];
  let from = 0;
  for (const m of matchesOf(TRANSCRIPT_CUT, b.text)) {
    if (m.index! - from < 25) continue; // keep short runs ("1.", "Our Ref: 12") with what follows
    out.push({ text: b.text.slice(from, m.index!), start: b.start + from, end: b.start + m.index! });
    from = m.index! + m[0].length;
  }
  out.push({ text: b.text.slice(from), start: b.start + from, end: b.end });
  return out;
}

/** Whether a line holds nothing but whitespace and zero-width spaces (what !/[^\s\u00a0\u200b]/.test(text) answers, without a regex call: most lines' first character decides). */
export function isBlankText(text: string): boolean {
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c !== 0x200b && !isSpaceCode(c)) return false;
  }
  return true;
}

export function buildDoc(source: ReadResult): Doc {
  const lines: Line[] = [];
  for (const b of source.blocks) {
    // A block that is one line (most): no list of pieces made for it.
    if (!isTranscript(b, source.blocks.length)) {
      lines.push({
        i: lines.length,
        text: b.text,
        start: b.start,
        end: b.end,
        locator: b.locator,
        kind: b.kind,
        furniture: isFurnitureText(b.text),
        blank: isBlankText(b.text),
        sentences: undefined,
      });
      continue;
    }
    for (const p of pieces(b)) {
      lines.push({
        i: lines.length,
        text: p.text,
        start: p.start,
        end: p.end,
        locator: p.start === b.start && p.end === b.end ? b.locator : `char:${p.start}-${p.end}`,
        kind: b.kind,
        furniture: isFurnitureText(p.text),
        blank: isBlankText(p.text),
        sentences: undefined,
      });
    }
  }
  const doc: Doc = { source, text: source.text, lines, request: null };
  findRegions(doc);
  return doc;
}

// Without a marker, the request is the first sentence that asks, or the first numbered
// question, provided no response has begun before it.
export const REQUEST_FALLBACK: Keyed[] = [
  {
    re: /\b(please (could|can|would) you|could you (please )?(tell|provide|confirm|let me know)|can you (please )?(provide|tell|confirm)|I would (like|be grateful)|please (provide|tell me|confirm|supply|send)|I (wish|want) to (request|know)|I am writing to request|under the freedom of information act,? (please|could|can|I))/i,
    holds: ['please ', 'could you ', 'can you ', 'i would ', 'i wish to ', 'i want to ', 'i am writing to request', 'under the freedom of information act'],
  },
  { re: /^(?:>\s*)*[“"']?(?:Q(?:uestion)?\s*1\s*[).:,/]?|1\s*[).:,/](?!\d))\s*\S.*(?:\?|\b(?:how many|number of|please|provide|what|which|whether|list|details of|copy of)\b)/i, holds: ['1'] },
];
const IS_REQUEST_FALLBACK = keyedAny(REQUEST_FALLBACK);

function findRegions(doc: Doc): void {
  const { lines } = doc;
  let start = -1;
  for (const l of lines) {
    if (l.furniture || l.blank) continue;
    if (IS_REQUEST_START(l.text)) {
      start = l.i;
      break;
    }
  }
  // A whole document on one line (a PDF transcription) has no request region to speak of.
  if (start >= 0 && lines[start].text.length > 400) return;
  if (start < 0) {
    for (const l of lines) {
      if (l.furniture || l.blank) continue;
      if (IS_RESPONSE_START(l.text)) break;
      if (l.text.length <= 400 && IS_REQUEST_FALLBACK(l.text)) {
        start = l.i;
        break;
      }
    }
    if (start < 0) {
      const late = quotedAfterResponse(lines);
      if (late) doc.request = late;
      return;
    }
    const end = Math.min(regionEnd(lines, start), leadInListEnd(lines, lines[start]) ?? lines.length);
    doc.request = { marker: start, start, end };
    return;
  }
  // A start marker that is a heading ("Request") begins on the next line; one that is a
  // sentence ending in ':' likewise; one with the request inline starts there.
  let first = start + 1;
  const startLine = lines[start];
  if (!/:\s*$/.test(startLine.text) && !/^(request(\s*\/\s*response)?|you asked|dear .*)\s*:?,?$/i.test(startLine.text)) first = start;
  const end = regionEnd(lines, start);
  // "Request / Response" pages interleave answers with the request: the request is the
  // whole section, and figures are read from it too.
  doc.request = { marker: start, start: first, end };
}

// The requester's own words, quoted in a reply that does not announce them ("I would like to
// get the following data …:" then a numbered list).
const REQUESTER_LEAD_IN = /\b(?:I would (?:like|be grateful)(?: if you could| to (?:get|know|obtain|request|receive|see|ask(?: for)?|have))|I (?:wish|want) to (?:request|know|ask)|I am (?:writing to )?request(?:ing)?|(?:could|can|would) you (?:please )?(?:tell|provide|send|supply|let me know|confirm)|please (?:could|can|would) you)\b/i;
const REQUESTER_AFTER_LIST = /^(?:please|could|can|would|I\s|if\s|and\s|also\b)/i;
const LIST_ITEM_LINE = /^[“"‘']?\s*(?:Q(?:uestion)?\s*)?\d{1,2}[a-z]?\s*[).:,/](?!\d)\s*\S/i;

/**
 * A requester's lead-in ending in ':' over a numbered list: the quotation runs over the list and
 * the requester's closing words ("Please provide this by email"), and ends where other words begin.
 */
function leadInListEnd(lines: Line[], l: Line): number | null {
  if (!/:\s*$/.test(l.text)) return null;
  const next = lines.slice(l.i + 1).find((x) => !x.furniture && !x.blank);
  if (!next || !LIST_ITEM_LINE.test(next.text)) return null;
  let items = 0;
  for (let i = next.i; i < lines.length; i++) {
    const x = lines[i];
    if (x.furniture || x.blank) continue;
    if (LIST_ITEM_LINE.test(x.text)) {
      items++;
      continue;
    }
    if (items && !REQUESTER_AFTER_LIST.test(x.text) && !REQUESTER_LEAD_IN.test(x.text) && !REQUEST_FALLBACK[0].re.test(x.text)) return i;
  }
  return lines.length;
}

function quotedAfterResponse(lines: Line[]): Doc['request'] {
  for (const l of lines) {
    if (l.furniture || l.blank || l.text.length > 400 || !REQUESTER_LEAD_IN.test(l.text)) continue;
    const end = leadInListEnd(lines, l);
    if (end !== null) return { marker: l.i, start: l.i, end };
  }
  return null;
}

const BARE_QUESTION_HEADING = /^(?:Q(?:uestion)?|Request)\s*\.?\s*\d{1,2}[a-z]?\s*[.:)]?$/i;

function regionEnd(lines: Line[], start: number): number {
  // A request quoted in the reply ends where the quotation closes.
  const first = lines.slice(start, start + 3).find((l) => !l.furniture && !l.blank && /^[“"]/.test(l.text));
  if (first) {
    for (let i = first.i; i < lines.length && i < first.i + 40; i++) if (/[”"]\s*$/.test(lines[i].text)) return i + 1;
  }
  let previous = -1;
  for (let i = start + 1; i < lines.length; i++) {
    const l = lines[i];
    if (l.furniture || l.blank) continue;
    if (IS_RESPONSE_START(l.text)) {
      // "Question 1" alone on its line, straight above the answer, heads the answer.
      return previous > start && BARE_QUESTION_HEADING.test(lines[previous].text.trim()) ? previous : i;
    }
    previous = i;
  }
  return lines.length;
}

/** Lines that carry content (not furniture, not blank). */
export function contentLines(doc: Doc): Line[] {
  return derived(doc).content ??= doc.lines.filter((l) => !l.furniture && !l.blank);
}

/** The content lines' texts joined by '\n': kind, force, the Act and the attachment rules all scan it. */
export function contentText(doc: Doc): string {
  const d = derived(doc);
  return (d.contentText ??= mapped(contentLines(doc), (l) => l.text).join('\n'));
}

/** The first `n` content lines' text, as they stand at the start of contentText (a slice, not another join). */
export function contentHead(doc: Doc, n: number): string {
  const lines = contentLines(doc);
  let end = -1;
  for (let k = 0; k < lines.length && k < n; k++) end += lines[k].text.length + 1;
  return contentText(doc).slice(0, Math.max(0, end));
}

// Views of a document that several stages ask for (the segment stage, questions, the request's
// subject, dates): worked out once per document. Callers do not modify what they are given.
interface Derived {
  request: Doc['request'];
  content?: Line[];
  contentText?: string;
  interleaved?: Set<number>;
  requestLines?: Line[];
}
const DERIVED = new WeakMap<Doc, Derived>();

function derived(doc: Doc): Derived {
  let d = DERIVED.get(doc);
  // The request region is fixed when the doc is built; a doc given another one starts afresh.
  if (!d || d.request !== doc.request) DERIVED.set(doc, (d = { request: doc.request }));
  return d;
}

// Pages that print each answer under its question ("Q1 …" / "A1 …"): the answers belong to the
// response even though they stand inside the request.
const ANSWER_START = /^(?:A(?:nswer)?\s*\.?\s*\d{1,2}[a-z]?\b|Response\s+(?:to\s+)?(?:Q(?:uestion)?\s*)?\d{1,2}\b)/i;
const QUESTION_START = /^(?:Q(?:uestion)?\s*\.?\s*\d{1,2}[a-z]?\b|\d{1,2}\s*[.)]\s|Request\s+\d{1,2}\b)/i;

export function interleavedAnswers(doc: Doc): Set<number> {
  return (derived(doc).interleaved ??= findInterleaved(doc));
}

function findInterleaved(doc: Doc): Set<number> {
  const out = new Set<number>();
  if (!doc.request) return out;
  let inAnswer = false;
  for (const l of doc.lines.slice(doc.request.start, doc.request.end)) {
    if (ANSWER_START.test(l.text)) inAnswer = true;
    else if (QUESTION_START.test(l.text)) inAnswer = false;
    if (inAnswer) out.add(l.i);
  }
  return out;
}

export function requestLines(doc: Doc): Line[] {
  const d = derived(doc);
  if (d.requestLines) return d.requestLines;
  if (!doc.request) return (d.requestLines = []);
  const answers = interleavedAnswers(doc);
  return (d.requestLines = doc.lines.slice(doc.request.start, doc.request.end).filter((l) => !l.furniture && !l.blank && !answers.has(l.i)));
}

/** Everything that is not the request: where answers, exemptions and refusals are. */
export function responseLines(doc: Doc): Line[] {
  const r = doc.request;
  const answers = interleavedAnswers(doc);
  return doc.lines.filter((l) => !l.furniture && !l.blank && (!r || l.i < r.marker || l.i >= r.end || answers.has(l.i)));
}

/** A stretch of a line's text with its offsets in the document text. */
export interface Sentence {
  text: string;
  start: number;
  end: number;
  /** Its numbers and their kinds, once found (segment/tokens.ts numbersOf, tokensOf). */
  numbers?: NumberMatch[];
  tokens?: NumberToken[];
}

const ENDS_SENTENCE = /[.!?]\s/;

/**
 * Sentences of a line with their offsets in the document text (the same array each time: do not
 * modify it). Figures, counts and cases all read a line sentence by sentence: the line is split
 * once, and the split kept on the line (a WeakMap of every line cost a lookup per question and
 * weak entries for every collection to trace).
 */
export function sentences(line: Line): Sentence[] {
  return (line.sentences ??= splitSentences(line));
}

function splitSentences(line: Line): Sentence[] {
  const out: Sentence[] = [];
  // Split on sentence ends that are followed by a space and a capital/quote/digit.
  let from = 0;
  const t = line.text;
  const splitter = /([.!?])(\s+)(?=[A-Z“"‘'(0-9£])/g;
  // A line with no stop followed by a space is one sentence (asked first: most lines).
  for (let m = ENDS_SENTENCE.test(t) ? splitter.exec(t) : null; m; m = splitter.exec(t)) {
    // Do not split after common abbreviations (s., No., e.g., i.e., Mr.).
    const before = t.slice(Math.max(0, m.index - 5), m.index + 1);
    if (/\b(s|ss|no|nos|e\.g|i\.e|mr|mrs|ms|dr|st|para|reg|art|vs|v|etc)\.$/i.test(before)) continue;
    const seg = t.slice(from, m.index + 1);
    if (seg.trim()) out.push({ text: seg.trim(), start: line.start + from + (seg.length - seg.trimStart().length), end: line.start + m.index + 1, numbers: undefined, tokens: undefined });
    from = m.index + 1 + m[2].length;
  }
  const rest = t.slice(from);
  if (rest.trim()) out.push({ text: rest.trim(), start: line.start + from + (rest.length - rest.trimStart().length), end: line.start + from + rest.trimEnd().length, numbers: undefined, tokens: undefined });
  return out;
}
