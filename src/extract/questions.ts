// The request's questions (SPEC §4 questions): numbered ("1)", "1.", "1,", "1/", "Q1",
// "Q1a", "Question 1", "Request 1"), lettered when nothing is numbered, and bulleted
// items. Sub-items (lettered or bulleted under a question) are part of their question.
import { mapped } from './arrays.js';
import type { Doc, Line } from './doc-model.js';
import { requestLines } from './doc-model.js';
import { MONTH_RE } from './dates.js';

export interface QuestionDraft {
  label: string;
  text: string;
  start: number;
  end: number;
  /** Lines the question spans (for periods that apply to it). */
  lines: Line[];
}

const NUMBERED = /^[“"‘']?\s*(?:Q(?:uestion)?\s*\.?\s*)?(\d{1,2})([a-z])?\s*(?:[).:,/](?!\d)|\s-\s|\s–\s)\s*(?=\S)/i;
// "1 How many people…" — a bare number then a capitalised word (letters' layout).
// Not the day of a date carried onto its own line ("30 September 2020 …").
const NUMBERED_BARE = new RegExp(`^[“"‘']?(\\d{1,2})\\s+(?!${MONTH_RE}\\b)(?=[A-Z](?:[a-z]|\\s))`);
const QLABEL = /^[“"‘']?\s*(Q(?:uestion)?\s*\d{1,2}[a-z]?)\b\s*[).:,-]?\s*/i;
// "Request 1" / "Question 2" as a heading (PSNI, Sussex), or "Request 1 – How many …" inline.
const HEADED = /^(request|question)\s+(\d{1,2})\s*(?:[:.)\-–]\s*(\S.*))?$/i;
const LETTERED = /^[“"‘']?\s*\(?([a-z])[).]\s+(?=\S)/;
const ROMAN = /^\(?(i{1,3}|iv|vi{0,3}|ix|x)[).]\s+/i;
const BULLET = /^[-•–·*▪◦●]\s*(?=\S)/;
const ASKS = /\b(please|could you|can you|would you|how many|number of|what|which|whether|list|provide|tell me|details of|breakdown|for each|copy of|confirm|i would like|i request|figures|data|information)\b/i;
const CLARIFICATION = /\bclarif/i;

export type Label = { kind: 'number' | 'letter' | 'bullet' | 'roman'; label: string; rest: string };

// A line opening with a capital letter other than Q, I, V or X opens no item: every pattern below
// opens with a quote, a space, "(", a digit, a bullet, a lower-case letter, or Q, I, V, X in
// either case (issue 17: most lines of a request are prose, and were asked all six).
const OPENS_NO_ITEM = (c: number) => c >= 65 && c <= 90 && c !== 81 && c !== 73 && c !== 86 && c !== 88;

/** The item label a line opens with, if any (exported for tests). */
export function labelOf(raw: string): Label | null {
  const text = raw.charCodeAt(0) === 62 ? raw.replace(/^(?:>\s*)+/, '') : raw; // a request quoted from an email
  if (OPENS_NO_ITEM(text.charCodeAt(0))) return null;
  return labelAt(text);
}

/** The label a line (quote marks removed) opens with, every pattern asked. */
function labelAt(text: string): Label | null {
  let m = QLABEL.exec(text);
  if (m) return { kind: 'number', label: m[1].replace(/\s+/g, '').replace(/^question/i, 'Q'), rest: text.slice(m[0].length) };
  m = NUMBERED.exec(text);
  if (m) return { kind: 'number', label: m[1] + (m[2] ?? ''), rest: text.slice(m[0].length) };
  m = NUMBERED_BARE.exec(text);
  if (m) return { kind: 'number', label: m[1], rest: text.slice(m[0].length) };
  m = ROMAN.exec(text);
  if (m && !/^i\)/.test(text)) return { kind: 'roman', label: m[1], rest: text.slice(m[0].length) };
  m = LETTERED.exec(text);
  if (m) return { kind: 'letter', label: m[1], rest: text.slice(m[0].length) };
  m = BULLET.exec(text);
  if (m) return { kind: 'bullet', label: '', rest: text.slice(m[0].length) };
  return null;
}

/** Whether a line opens a list item or a question of its own ("1)", "Q2", "b.", "•", "Request 3"). */
export function opensItem(text: string): boolean {
  return labelOf(text) !== null || HEADED.test(text);
}

/** labelOf without the first-character shortcut (tests: the same label for every line). */
export function labelOfAll(raw: string): Label | null {
  return labelAt(raw.replace(/^(?:>\s*)+/, ''));
}

/** HEADED, for tests of the first-character shortcut. */
export const headedPattern = (): RegExp => HEADED;

/** An intro line that is itself a complete question ("The number of … since 2010."). */
function isQuestionSentence(text: string): boolean {
  return /[.?]\s*$/.test(text) && ASKS.test(text) && text.split(/\s+/).length >= 5;
}

/** A question as it stands in the document: its text is the verbatim span its lines cover. */
function draft(label: string, lines: Line[], source: string): QuestionDraft {
  const start = lines[0].start;
  const end = lines[lines.length - 1].end;
  return { label, text: source.slice(start, end), start, end, lines };
}

export function extractQuestions(doc: Doc): QuestionDraft[] {
  // PSNI and others print "Request 1" … as headings anywhere on the page, the question on
  // the same line or the next; the same headings may come back over the answers.
  const headed: QuestionDraft[] = [];
  const headedLines: number[] = [];
  const seen = new Set<string>();
  const inRequest = (i: number) => !!doc.request && i >= doc.request.start && i < doc.request.end;
  doc.lines.forEach((l, k) => {
    // HEADED opens with "request" or "question": a line opening otherwise is not asked.
    const c = l.text.charCodeAt(0) | 32;
    const m = c === 113 || c === 114 ? HEADED.exec(l.text) : null;
    // A heading alone counts anywhere; "Question 2: One officer …" inline is an answer unless it stands in the request.
    if (!m || (m[3] && !inRequest(l.i))) return;
    const label = /^q/i.test(m[1]) ? `Q${m[2]}` : `Request ${m[2]}`;
    if (seen.has(label)) return;
    seen.add(label);
    const body = m[3] ? null : doc.lines.slice(k + 1).find((x) => !x.blank && !x.furniture);
    headed.push(draft(label, body ? [l, body] : [l], doc.text));
    headedLines.push(l.i);
  });
  if (!headed.length) return fromRegion(doc);
  expandNumberedUnderHeadings(doc, headed, headedLines);
  // Headings that stand only over the answers, while the request lists its own questions
  // (bullets, numbers), head the answers: the request's list is the questions.
  if (!headedLines.some(inRequest)) {
    const listed = fromRegion(doc);
    if (listed.length >= 2) return listed;
  }
  return headed;
}

/**
 * "Request 1" heading a numbered list of its own ("1/ …", "2/ …"): the items are the questions
 * (a second heading with one unnumbered question stays one).
 */
function expandNumberedUnderHeadings(doc: Doc, headed: QuestionDraft[], headedLines: number[]): void {
  const out: QuestionDraft[] = [];
  headed.forEach((h, k) => {
    const from = headedLines[k] + 1;
    const to = k + 1 < headedLines.length ? headedLines[k + 1] : doc.request ? Math.max(doc.request.end, from) : from;
    const body = doc.lines.slice(from, to).filter((l) => !l.blank && !l.furniture && l.kind !== 'table_row');
    const items: Array<{ label: string; lines: Line[] }> = [];
    for (const l of body) {
      const lab = labelOf(l.text);
      if (lab?.kind === 'number') items.push({ label: lab.label, lines: [l] });
      else if (items.length) items[items.length - 1].lines.push(l);
    }
    if (items.length >= 2 && h.lines.length <= 2) out.push(...items.map((q) => draft(q.label, q.lines, doc.text)));
    else out.push(h);
  });
  headed.splice(0, headed.length, ...out);
}

/**
 * Each question's draft (numbered: an unlabelled one takes its place in the list as its label),
 * by mapped, so that every list fromRegion returns has the same array map, empty or not: its
 * caller threw its optimised code away at each first meeting of another (issue 17).
 */
function draftsOf(out: Array<{ label: string; lines: Line[] }>, doc: Doc, numbered: boolean): QuestionDraft[] {
  return mapped(out, (q, k) => draft(numbered ? q.label || String(k + 1) : q.label, q.lines, doc.text));
}

/** The questions of the request region: numbered, lettered, or bulleted. */
function fromRegion(doc: Doc): QuestionDraft[] {
  const lines = requestLines(doc).filter((l) => l.kind !== 'table_row');
  if (!lines.length) return draftsOf([], doc, false);
  // mapped, not map: the same array map empty or not (see mapped; issue 17).
  const labelled = mapped(lines, (l) => ({ line: l, label: labelOf(l.text) }));
  // "(i)" is a numeral, not the ninth letter, where "(ii)" follows.
  if (labelled.some((x) => x.label?.kind === 'roman' && x.label.label.toLowerCase() === 'ii')) {
    for (const x of labelled) if (x.label?.kind === 'letter' && x.label.label === 'i') x.label = { ...x.label, kind: 'roman' };
  }
  const hasNumbers = labelled.some((x) => x.label?.kind === 'number');
  const hasLetters = labelled.some((x) => x.label?.kind === 'letter');

  const out: Array<{ label: string; lines: Line[] }> = [];
  const push = (label: string, line: Line) => out.push({ label, lines: [line] });
  const extend = (line: Line) => out.length && out[out.length - 1].lines.push(line);

  if (hasNumbers) {
    for (const { line, label } of labelled) {
      if (label?.kind === 'number') push(label.label, line);
      else extend(line);
    }
    return draftsOf(out, doc, false);
  }
  const hasRomans = labelled.some((x) => x.label?.kind === 'roman');
  if (hasLetters || hasRomans) {
    // Letters, or numerals (i), (ii) … where nothing is numbered, are the questions.
    const kind = hasLetters ? 'letter' : 'roman';
    for (const { line, label } of labelled) {
      if (label?.kind === kind) push(label.label, line);
      else extend(line);
    }
    return draftsOf(out, doc, false);
  }
  // Bullets and paragraphs. A bullet is a question of its own unless it hangs under a
  // question ("The number of … since 2010." / "For each report please" then bullets).
  let underQuestion = false;
  let afterClarification = false;
  const nextIsBullet = (k: number) => labelled[k + 1]?.label?.kind === 'bullet';
  for (const [k, { line, label }] of labelled.entries()) {
    if (CLARIFICATION.test(line.text)) afterClarification = true;
    if (label?.kind === 'bullet') {
      // Bullets after "… broken down by:" are the breakdown of one question.
      if (!out.length && k > 0 && /\b(?:broken[ -]down|split|categorised|separated|analysed)\s+by\s*:?\s*$|\bby the following\s*:?\s*$/i.test(labelled[k - 1].line.text)) {
        push('1', labelled[k - 1].line);
        underQuestion = true;
      }
      if (underQuestion) extend(line);
      else push(String(out.length + 1), line);
      continue;
    }
    if (afterClarification) {
      extend(line);
      continue;
    }
    if (!out.length) {
      // A question sentence owns the bullets that come after a lead-in ("Please include:"); bullets
      // straight after it are the questions it introduces.
      if (isQuestionSentence(line.text) && !nextIsBullet(k) && labelled.slice(k + 1).some((x) => x.label?.kind === 'bullet')) {
        push('1', line);
        underQuestion = true;
      }
      // otherwise an intro ("I would be grateful if you could please provide:")
      continue;
    }
    // A line ending in ':' leads into sub-items of the question before it ("Please include:").
    if (nextIsBullet(k) && ASKS.test(line.text) && /^[A-Z]/.test(line.text) && !/:\s*$/.test(line.text)) {
      push(String(out.length + 1), line);
      underQuestion = true;
    } else extend(line);
  }
  if (!out.length) {
    // An unnumbered request is one question: the request text as a whole.
    return [draft('1', lines, doc.text)];
  }
  return draftsOf(out, doc, true);
}
