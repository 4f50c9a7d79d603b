// Segmentation: before any field is read, every line of a document gets a role (types.ts).
// Fields then read only their own segments: the outcome from answers, refusal reasoning and a
// platform's status line; periods and questions from the request; figures from answers, an
// article's body or an unstructured page — never from the requester's words, the rights-of-appeal
// paragraph or the sender's telephone number.
import type { Kind } from '../records/vocab.js';
import { FULL_DATE_SRC } from '../extract/dates.js';
import type { Doc, Line } from '../extract/doc-model.js';
import { interleavedAnswers } from '../extract/doc-model.js';
import { questionHeading } from '../extract/figures.js';
import { ADDRESS, ANSWER_RESUME, BOILERPLATE_LINE, BOILERPLATE_WORDS, DECISION, PLATFORM_TITLE, BOILERPLATE_START, CHROME, METADATA_LABEL, NEWS_CHROME, REFUSAL_LINE, REFUSAL_START, SIGNATURE_LINE, SIGNATURE_START, STATUS } from './cues.js';
import { isDigitCode, isSpaceCode, pieceCount } from '../extract/words.js';
import { anyOfLater, firstOf, keyedFirst } from './gates.js';
import type { Role, RoledLine, Segmentation } from './types.js';

// Each cue list asked once per line, each pattern only where the line holds one of its words
// (keyedFirst): most lines match none of a list, and a short document compiles few of them.
const chromeCue = keyedFirst(CHROME);
const newsChromeCue = keyedFirst(NEWS_CHROME);
const statusCue = keyedFirst(STATUS);
const signatureStart = keyedFirst(SIGNATURE_START);
const signatureLine = keyedFirst(SIGNATURE_LINE);
const boilerplateStart = keyedFirst(BOILERPLATE_START);
const refusalStart = keyedFirst(REFUSAL_START);
// Standard text: one combined test behind a word gate (its patterns' words are many and long).
const boilerplateLine = firstOf(BOILERPLATE_LINE, BOILERPLATE_WORDS);
const refusalLine = keyedFirst(REFUSAL_LINE);

// Gates in front of the two runs of checks every line meets (anyOfLater): the four a line meets
// first (chrome, a platform's title, its status line, a labelled field), and those that move a
// response's state (a sign-off, the start of standard or refusal text, an answer's number or
// heading, a salutation, a question's heading). Each pattern of a run is in its gate, so where the
// gate is false every check behind it is.
// A question's heading as questionHeading (extract/figures.ts) reads it, or more.
export const QUESTION_HEADING_START = /^(?:Q(?:uestion)?\s*\.?\s*\d|Request\s+\d)/i;
const mayLead = anyOfLater([...CHROME.map((c) => c.re), PLATFORM_TITLE, ...STATUS.map((c) => c.re), METADATA_LABEL]);

/** A short line: a heading or a label, not running prose. */
// A heading that opens the authority's answer ends any run of standard or refusal text.
const RESPONSE_HEADING = /^(?:our )?(?:response|answers?|reply|decision|outcome)\s*:?$/i;
// At most 16 words, counted without splitting the line. A trimmed line of 32 characters or
// fewer has at most 16 (each word after the first needs a space before it), so is not counted.
export const isShort = (t: string) => t.length <= 32 || (t.length <= 120 && pieceCount(t, 16) <= 16);
export const ONLY_DATE = new RegExp(`^(?:date[d:]?\\s*)?(?:${FULL_DATE_SRC})$`, 'i');
// Asked only where a date alone on its line can stand (the pattern is long: ~1.5 ms to compile,
// which a short document then never pays): every form ends in a digit, and holds a month's name
// (each begins with its three-letter stem) or a numeric date's separator.
const MONTH_STEMS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
export function mayBeOnlyDate(t: string): boolean {
  if (!isDigitCode(t.charCodeAt(t.length - 1))) return false;
  if (t.includes('/') || t.includes('.') || t.includes('-')) return true;
  const low = t.toLowerCase();
  return MONTH_STEMS.some((m) => low.includes(m));
}
export const isOnlyDate = (t: string) => mayBeOnlyDate(t) && ONLY_DATE.test(t);

const DEAR = /^dear\b/i;

/** Whether the text's first character that is not whitespace is a d: a salutation's first test, without a regex call per line. */
export function mayBeDear(text: string): boolean {
  let k = 0;
  while (k < text.length && isSpaceCode(text.charCodeAt(k))) k++;
  return (text.charCodeAt(k) | 32) === 100;
}

/** The first of the top 60 lines that opens with "Dear", above the request (Line.i; -1 when none). */
function salutationAt(lines: Line[], req: Doc['request']): number {
  for (let k = 0; k < lines.length && k < 60; k++) {
    const l = lines[k];
    if (mayBeDear(l.text) && DEAR.test(l.text.trim()) && (!req || l.i < req.start)) return l.i;
  }
  return -1;
}

// Tests of a line's form, made once (a regex literal in the loop is a new object on every line).
const SENTENCE_INSIDE = /[.!?]\s/;
const SENTENCE_THEN_CAPITAL = /[.!?]\s+[A-Z]/;
const INTERLEAVED_LABEL = /^A(?:nswer)?\s*\.?\s*(\d{1,2}[a-z]?)\b/i;

const mayMoveState = anyOfLater([...SIGNATURE_START.map((c) => c.re), ...BOILERPLATE_START.map((c) => c.re), ...REFUSAL_START.map((c) => c.re), ANSWER_RESUME, RESPONSE_HEADING, DEAR, QUESTION_HEADING_START]);

/** Whether a trimmed, non-empty line ends in one of the characters of `chars` (what /[…]$/ asks). */
const endsIn = (t: string, chars: string) => chars.includes(t[t.length - 1]);

export function segmentDoc(doc: Doc, kind: Kind, platformChrome: RegExp[] = []): Segmentation {
  const out: RoledLine[] = [];
  const req = doc.request;
  const interleaved = interleavedAnswers(doc);
  const body: Role = kind === 'news_article' ? 'article' : kind === 'other' ? 'body' : 'answer';
  // The state of the response as it is read top to bottom: answering, giving reasons for a
  // refusal, reciting standard text, or signing off.
  let state: 'answer' | 'refusal' | 'boilerplate' | 'signature' = 'answer';
  let stateWhy = 'response';
  let question: string | null = null;
  let seenContent = false;
  let prose = false;
  // Lines since the sign-off: a sender's block is a few short lines.
  let signed = 0;

  // A letter: a salutation near the top. What stands above it, in short lines, is the letterhead
  // (sender, address, telephone, date, references), not a title and not an answer.
  // Only an authority's letter has one (a requester's "Dear …" opens the request), and only where
  // something above it reads as an address, a telephone number or a date.
  const dear = kind === 'news_article' ? -1 : salutationAt(doc.lines, req);
  const above = dear < 0 ? [] : doc.lines.slice(0, dear).map((l) => l.text.trim());
  const salutation = above.some((t) => ADDRESS.test(t) || isOnlyDate(t) || signatureLine(t)) ? dear : -1;
  let l: Line;
  const put = (role: Role, why: string, q: string | null = null) => out.push({ line: l, role, why, question: q });
  for (l of doc.lines) {
    if (l.furniture || l.blank) {
      put('chrome', l.blank ? 'blank' : 'furniture');
      continue;
    }
    const t = l.text.trim();
    const short = isShort(t);
    const lead = mayLead(t);
    const chrome = short ? ((lead ? chromeCue(t) : undefined) ?? (platformChrome.length && platformChrome.some((re) => re.test(t)) ? { family: 'platform' } : undefined)) : undefined;
    if (chrome) {
      put('chrome', chrome.family);
      continue;
    }
    if (kind === 'news_article' && short) {
      const nc = newsChromeCue(t);
      if (nc) {
        put('chrome', nc.family);
        continue;
      }
    }
    if (lead && PLATFORM_TITLE.test(t)) {
      put('metadata', 'platform-title');
      continue;
    }
    const status = lead ? statusCue(t) : undefined;
    if (status) {
      put('status', status.family);
      continue;
    }
    if (lead && short && METADATA_LABEL.test(t) && !ANSWER_RESUME.test(t)) {
      put('metadata', 'labelled-field');
      continue;
    }
    // The request region (found by the doc model): the requester's words, or a decision
    // notice's quotation of them; answers printed beside each question belong to the response.
    if (req && l.i >= req.start && l.i < req.end) {
      // Whatever came before, the response after a request starts afresh.
      state = 'answer';
      stateWhy = 'response';
      if (interleaved.has(l.i)) {
        const q = INTERLEAVED_LABEL.exec(t);
        if (q) question = q[1];
        put('answer', 'interleaved-answer', question);
      } else put(kind === 'decision_notice' ? 'quoted_request' : 'request', req.marker === l.i ? 'request-marker' : 'request-region');
      seenContent = true;
      continue;
    }
    if (req && l.i === req.marker) {
      put('metadata', 'request-heading');
      continue;
    }
    // Without a salutation, the address block is still a letterhead while no prose has begun.
    const letterhead = l.i < salutation ? short && !SENTENCE_INSIDE.test(t) && (!seenContent || ADDRESS.test(t) || pieceCount(t, 8) <= 8) : !prose && short && (ADDRESS.test(t) || isOnlyDate(t));
    if (letterhead) {
      put('metadata', 'letterhead');
      seenContent = true;
      continue;
    }
    // Before anything else a page's heading is its title.
    if (!seenContent && kind !== 'news_article' && (l.kind === 'heading' || (short && !endsIn(t, ':;,') && (!endsIn(t, '.') || pieceCount(t, 8) <= 8) && !SENTENCE_INSIDE.test(t) && !ANSWER_RESUME.test(t)))) {
      put('metadata', 'title');
      seenContent = true;
      continue;
    }
    seenContent = true;
    if (!short || SENTENCE_THEN_CAPITAL.test(t)) prose = true;
    if (kind === 'other') {
      put('body', 'unstructured');
      continue;
    }
    // Moving between the states of a response.
    const move = mayMoveState(t);
    const heading = move ? questionHeading(t) : null;
    // The sender's block cue, asked at most once per line (null: not yet asked; no closure made per line).
    let sig: { family: string } | undefined | null = null;
    let start: { family: string } | undefined;
    if (move && signatureStart(t)) {
      state = 'signature';
      stateWhy = 'sign-off';
      signed = 0;
    } else if (state === 'signature' && ((move && DEAR.test(t)) || !short || (move && ANSWER_RESUME.test(t)) || (++signed > 4 && !(sig === null ? (sig = signatureLine(t)) : sig)))) {
      // The sender's block is short lines; prose, a new salutation or a numbered answer is a
      // new message (a thread of correspondence) or the letter's continuation.
      state = 'answer';
      stateWhy = 'response';
    } else if (move && short && (start = boilerplateStart(t))) {
      state = 'boilerplate';
      stateWhy = start.family;
    } else if (move && short && (start = refusalStart(t))) {
      state = 'refusal';
      stateWhy = start.family;
    } else if (heading || (move && state !== 'signature' && (ANSWER_RESUME.test(t) || RESPONSE_HEADING.test(t)))) {
      state = 'answer';
      stateWhy = 'response';
    }
    if (heading) question = heading;
    const line = boilerplateLine(t);
    if (line && !DECISION.test(t)) {
      put('boilerplate', line.family);
      continue;
    }
    if (state === 'signature') {
      // A sign-off is followed by the sender, then often by standard text.
      put('signature', (sig === null ? (sig = signatureLine(t)) : sig)?.family ?? stateWhy);
      continue;
    }
    if (short && (sig === null ? (sig = signatureLine(t)) : sig)) {
      put('signature', sig!.family);
      continue;
    }
    if (state === 'boilerplate') {
      put('boilerplate', stateWhy);
      continue;
    }
    const refusal = state === 'refusal' ? undefined : refusalLine(t);
    if (state === 'refusal' || refusal) {
      put('refusal', state === 'refusal' ? stateWhy : refusal!.family, question);
      continue;
    }
    put(body, kind === 'news_article' ? 'article' : stateWhy, body === 'answer' ? question : null);
  }
  return { lines: out };
}

/** Lines of the given roles, in document order. */
export function linesWithRole(seg: Segmentation, ...roles: Role[]): Line[] {
  // Pushed into one literal, not filter().map(): every array this gives then has the same V8 map,
  // empty or not; the builtins' empty results have another, and each first meeting of one threw
  // away the optimised code of whatever read it (joinedText, isJoinOf, extractExemptions: issue 17).
  const out: Line[] = [];
  for (const r of seg.lines) if (roles.includes(r.role)) out.push(r.line);
  return out;
}
