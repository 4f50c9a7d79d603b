// One document's reader output → one disclosure with its child rows (SPEC §4). Pure:
// the same blocks, URL and hash always give the same record.
import { sha256Hex } from '../documents/hash.js';
import type { ReadResult } from '../readers/types.js';
import type { Attachment, Disclosure, Exemption, Figure, Period, Question } from '../records/schema.js';
import type { Act } from '../records/vocab.js';
import { PARSER_VERSION } from '../version.js';
import type { CaseDraft, FigureDraft } from './attachment.js';
import { mapped } from './arrays.js';
import { buildDoc, contentLines, contentText, requestLines, type Doc, type Line } from './doc-model.js';
import { extractExemptions, mayCite } from './exemptions.js';
import { answerLineFigures, answersInOrder, eventFromText, generalCounts, yearOfPeriod, type Earlier, loneFigure, measureFromText, questionHeading, reportsNothingFound, sentenceFigures } from './figures.js';
import { detectForceNoted } from './force.js';
import { extractHeader } from './header.js';
import { detectKind } from './kind.js';
import { extractLabelledDates } from './labelled-dates.js';
import { extractOutcome } from './outcome.js';
import { extractPeriods } from './periods.js';
import { extractCases, mayStateCases } from './prose-cases.js';
import { mayHoldNumber } from './numbers.js';
import { extractQuestions, type QuestionDraft } from './questions.js';
import { interpretTable } from './tables.js';
import { findTextTables } from './text-tables.js';
import { detectTopics } from './topics.js';
import { exitStatus, namesOtherUnit } from './vocab-map.js';
import { markYearTotals } from './totals.js';
import { segmentDoc, linesWithRole } from '../segment/segment.js';
import { ACKNOWLEDGEMENT, STATUS } from '../segment/cues.js';
import type { Segmentation } from '../segment/types.js';
import type { Kind, Outcome } from '../records/vocab.js';
import { matchesOf } from '../segment/gates.js';

export interface ExtractContext {
  url: string | null;
  /** Force id that overrides detection. */
  force: string | null;
  /** sha256 of the document's bytes. */
  sha256: string;
}

const ATTACHMENT_EXT = /\.(pdf|xlsx?|docx?|csv|odt|ods|rtf|zip)(?:[?#].*)?$/i;
const ATTACHMENT_NAME = /\b[\w.-]+\.(?:pdf|xlsx?|docx?|csv|odt|ods)\b/gi;
const NAMES_A_FILE = /\.(?:pdf|xlsx?|docx?|csv|odt|ods)\b/i; // a cheap gate: most lines name no file

export function referenceSlug(ref: string): string {
  return ref.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'ref';
}

/**
 * A disclosure's id (README "How ids are formed"): `<force>/<reference slug>` plus, when the
 * source URL is known, `-<first 8 hex of sha256(the URL's path and query)>`, because one
 * reference can head several pages (a response and its internal review, a reissue) and each is
 * a disclosure of its own. The path, not the whole URL: the force is already in the id, and a
 * page read from a mirror (--base-url) or after a move to https keeps its id.
 * With no reference, `<force>/u-<first 12 hex of sha256(url, or the content)>`.
 */
export function disclosureId(force: string | null, reference: string | null, url: string | null, contentSha256: string): string {
  const base = reference ? referenceSlug(reference) + (url ? `-${sha256Hex(urlPath(url)).slice(0, 8)}` : '') : `u-${sha256Hex(url || contentSha256).slice(0, 12)}`;
  return `${force ?? 'unknown'}/${base}`;
}

// A URL the WHATWG parser leaves as it is: http(s), a plain host name or dotted-quad address (no
// user, no punycode), a port of up to four digits, a path and query of characters that are never
// percent-encoded, no dot segment, no fragment. Its path and query are then the text itself, read
// without the URL parser (issue 17: a cold `new URL` cost ~5 µs a page, more than the rest of the id).
const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const PLAIN_URL = new RegExp(
  `^https?://(?:(?:[a-z0-9-]+\\.)*[a-z][a-z0-9-]*|(?:${OCTET}\\.){3}${OCTET})(?::\\d{1,4})?((?:/[\\w\\-.~!$&'()*+,;=:@%]*)*)(\\?[\\w\\-.~!$&()*+,;=:@%/?]*)?$`,
  'i',
);
const DOT_SEGMENT = /(?:^|\/)(?:\.|%2e){1,2}(?:\/|$)/i;

/** A URL's path and query (pathname + search), as the WHATWG URL parser gives them; the URL itself when it does not parse. */
export function urlPath(url: string): string {
  const m = PLAIN_URL.exec(url);
  if (m && !/xn--/i.test(url) && !DOT_SEGMENT.test(m[1])) return (m[1] || '/') + (m[2] && m[2].length > 1 ? m[2] : '');
  return parsedUrlPath(url);
}

function parsedUrlPath(url: string): string {
  try {
    const u = new URL(url);
    return u.pathname + u.search;
  } catch {
    return url;
  }
}

function detectAct(text: string, force: string | null): Act {
  if (force === 'police-scotland' || /Freedom of Information \(Scotland\) Act|\bFOISA\b/i.test(text)) return 'FOISA';
  return 'FOIA';
}

/** The request's subject in the request's words, for tables that do not say what they count. */
function requestSubject(doc: Doc): { measure?: Figure['measure']; event?: Figure['event'] } {
  const t = joinedText(requestLines(doc), ' ');
  if (!t) return {};
  const measure = measureFromText(t);
  const event = eventFromText(t);
  return { measure: measure === 'unknown' ? undefined : measure, event: event === 'other' ? undefined : event };
}

function endsMidSentence(lines: Line[]): boolean {
  let last: Line | undefined;
  for (let k = lines.length - 1; k >= 0 && !last; k--) if (lines[k].kind !== 'table_row') last = lines[k];
  if (!last) return false;
  return !/[.!?:;)"”’'|]\s*$/.test(last.text) && last.text.split(/\s+/).length >= 4;
}

/**
 * A figure says what it counts through the question it answers: "Q1 – 41" under "Q1. How many
 * police officers were dismissed …" counts officers dismissed, over that question's window.
 * A request with one question is answered by every figure in the response.
 */
// What a question's words say it asks about, read once per question however many figures answer it.
const ASKED = new WeakMap<QuestionDraft, { measure?: Figure['measure']; event?: Figure['event']; exit?: Figure['status'] }>();
function asked(q: QuestionDraft) {
  let a = ASKED.get(q);
  if (!a) ASKED.set(q, (a = {}));
  return a;
}

function inheritFromQuestion(f: FigureDraft, questions: QuestionDraft[], periods: Period[]): FigureDraft {
  const q = f.question ? questions.find((x) => x.label === f.question || x.label.replace(/^Q/, '') === f.question) : questions.length === 1 ? questions[0] : undefined;
  const out = q ? { ...f, question: q.label } : { ...f };
  // "29617.89 Days" under a question about officers counts days, not officers (asked only where a question is).
  const otherUnit = !!q && (namesOtherUnit(f.text) || namesOtherUnit(f.label));
  if (q && out.measure === 'unknown' && !otherUnit) out.measure = (asked(q).measure ??= measureFromText(q.text));
  // "One officer, currently suspended" under "how many were charged": the line says where they are
  // now (status), the question says what happened (event).
  const stateOnly = out.status !== null && (out.event as string) === out.status && (out.status === 'suspended' || out.status === 'restricted_duties');
  if (q && (out.event === 'other' || stateOnly) && !otherUnit) {
    const event = (asked(q).event ??= eventFromText(q.text));
    if (event !== 'other' || out.event === 'other') out.event = event;
  }
  // "Number of officers who retired" — "None": an exit the question names is where they are now.
  if (q && out.status === null && !otherUnit) out.status = asked(q).exit === undefined ? (asked(q).exit = exitStatus(q.text)) : asked(q).exit!;
  if (!out.period_start && !out.period_end && out.year === null) {
    // The request's only window covers every answer that names none.
    const applies = q ? periods.filter((p) => !p.questions.length || p.questions.includes(q.label)) : periods;
    if (applies.length === 1 || (!q && new Set(mapped(periods, (p) => `${p.start}..${p.end}`)).size === 1)) {
      out.period_start = applies[0].start;
      out.period_end = applies[0].end;
    }
  }
  if (out.year === null) out.year = yearOfPeriod(out.period_start, out.period_end);
  return out;
}

/** The document seen as lines with roles: what `parse --explain` prints and every field reads. */
export function segmentSource(source: ReadResult, url: string | null): { doc: Doc; kind: Kind; seg: Segmentation } {
  const doc = buildDoc(source);
  const kind = detectKind(doc, url);
  return { doc, kind, seg: segmentDoc(doc, kind) };
}

/** A platform's verdict on the request, where the page prints one. */
function statusOutcome(seg: Segmentation): Outcome | null {
  for (const r of seg.lines) {
    if (r.role !== 'status') continue;
    const cue = STATUS.find((c) => c.re.test(r.line.text.trim()));
    if (cue?.outcome) return cue.outcome;
  }
  return null;
}

/** The line (Line.i) a `char:` locator starts in; lines are in document order. */
function lineLocator(lines: Line[]): (locator: string) => number {
  return (locator) => {
    const at = Number(/^char:(\d+)/.exec(locator)?.[1] ?? -1);
    let lo = 0;
    let hi = lines.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (lines[mid].end <= at) lo = mid + 1;
      else if (lines[mid].start > at) hi = mid - 1;
      else return lines[mid].i;
    }
    return -1;
  };
}

// "Almost 90 officers" in a headline over "87 officers" in the body: the rounded figure restates the exact one.
const ROUNDED_BEFORE = /\b(?:around|about|almost|nearly|roughly|approximately|some|circa|c\.)\s*$/i;

/** Later figures with the value and measure of an earlier one, on another line and with no year of their own, restate it. */

function dropRestatements(drafts: FigureDraft[], lineOf: (locator: string) => number, text: string): void {
  const first = new Map<string, { f: FigureDraft; line: number }>();
  const kept: FigureDraft[] = [];
  const rounded = new Set(
    drafts.filter((f) => {
      const at = /^char:(\d+)-/.exec(f.locator);
      return !!at && ROUNDED_BEFORE.test(text.slice(Math.max(0, Number(at[1]) - 16), Number(at[1])));
    }),
  );
  const restatesExact = (f: FigureDraft) =>
    rounded.has(f) && drafts.some((o) => o !== f && o.value !== null && f.value !== null && o.value !== f.value && Math.abs(o.value - f.value) <= 0.15 * f.value && o.measure === f.measure && !rounded.has(o));
  for (const f of drafts) {
    if (restatesExact(f)) continue;
    if (f.year !== null || f.value === null) {
      kept.push(f);
      continue;
    }
    // A different status ("four … had already resigned", "four official warnings") is another figure.
    const key = `${f.value}|${f.measure}|${f.status}`;
    const line = lineOf(f.locator);
    const e = first.get(key);
    if (e && e.line !== line) {
      if (e.f.event === 'other') e.f.event = f.event;
      continue;
    }
    if (!e) first.set(key, { f, line });
    kept.push(f);
  }
  drafts.splice(0, drafts.length, ...kept);
}

/**
 * What every phase of extractDisclosure reads: the document as segmented once. The phases are
 * functions of their own (issue 17): as one 250-line function V8 took 250–700 ms to optimise it,
 * a deopt at any of its sites threw all of that away, and it ran as baseline code most of the time.
 */
interface Seen {
  source: ReadResult;
  ctx: ExtractContext;
  doc: Doc;
  kind: Kind;
  seg: Segmentation;
  lines: Line[];
  plain: string;
  /** Warnings in the order the phases find them. */
  warnings: string[];
  isResponse: boolean;
  news: boolean;
  /** A decision notice that quotes the request ("… in the following terms:"): its questions and windows are read too. */
  quotesRequest: boolean;
}

/** The texts of `lines` joined by line breaks (a loop: no array of the texts on the way). */
function joinedText(lines: Line[], separator = '\n'): string {
  let out = '';
  for (let k = 0; k < lines.length; k++) out = k ? out + separator + lines[k].text : lines[k].text;
  return out;
}

export function extractDisclosure(source: ReadResult, ctx: ExtractContext): Disclosure {
  const { doc, kind, seg } = segmentSource(source, ctx.url);
  const lines = contentLines(doc);
  const plain = contentText(doc);
  const warnings: string[] = [];
  for (const w of source.warnings) warnings.push(w);
  const seen: Seen = { source, ctx, doc, kind, seg, lines, plain, warnings, isResponse: kind === 'foi_response', news: kind === 'news_article', quotesRequest: kind === 'decision_notice' && doc.request !== null };

  const detected = ctx.force ? { force: ctx.force, note: null } : detectForceNoted(plain, ctx.url);
  const force = detected.force;
  if (detected.note) warnings.push(detected.note);
  const header = extractHeader(doc, kind, seg);
  const dates = extractLabelledDates(doc, new Set(kind === 'foi_response' ? seg.lines.filter((r) => r.why === 'letterhead' || r.why === 'labelled-field').map((r) => r.line.i) : []));
  const act = detectAct(plain, force);
  const questionDrafts = requestQuestions(seen);
  const questions = questionRows(questionDrafts, ctx.sha256);
  const periods = requestPeriods(seen, questionDrafts);
  const ex = responseExemptions(seen, act);
  const exemptions = exemptionRows(ex.exemptions, ctx.sha256);
  const request = requestLines(doc);
  const { drafts, caseDrafts, tables } = figureDrafts(seen, request);
  const figures = figureRows(seen, drafts, questionDrafts, periods);
  const { oc, truncated } = outcomeOf(seen, drafts, caseDrafts, ex.exemptions);
  const attachments = attachmentRows(seen, tables);
  if (seen.isResponse && oc.outcome === 'unknown') warnings.push('outcome: the response does not say clearly what was given and what was withheld');
  if (truncated) warnings.push('text ends mid-sentence: the document may be cut off');

  // The request's text, joined once for the record and its topics (a story's topics read all of it: `plain`).
  const requestText = joinedText(request);
  const id = disclosureId(force, header.reference, ctx.url, ctx.sha256);
  // Names and dates of birth are removed where every record leaves the pipeline
  // (validateDisclosure in src/pipeline/parse.ts), after attachments have added their rows too.
  return {
    id,
    force,
    kind,
    reference: header.reference,
    publication_ref: header.publication_ref,
    title: header.title,
    url: ctx.url,
    request_date: dates.request_date,
    response_date: dates.response_date,
    published_date: dates.published_date,
    outcome: oc.outcome,
    ncnd: oc.ncnd,
    cost_limit: oc.cost_limit,
    topics: detectTopics(`${header.title ?? ''}\n${seen.news ? plain : requestText}`),
    request_text: requestText,
    content_sha256: ctx.sha256,
    parser_version: PARSER_VERSION,
    warnings: [...new Set(warnings)],
    // Where it was harvested: a parsed file until fetch says which platform (src/harvest).
    source: 'file',
    source_state: null,
    duplicate_of: null,
    questions: withId(questions, id),
    periods: withId(periods, id),
    exemptions: withId(exemptions, id),
    figures: mapped(figures, (f) => ((f.disclosure_id = id), f)), // made above for this record alone: not copied again
    cases: mapped(caseDrafts, (c, k) => Object.assign({}, c, { disclosure_id: id, ordinal: k + 1 })),
    attachments: withId(attachments, id),
  };
}

const withId = <T extends { disclosure_id: string }>(rows: T[], id: string) => mapped(rows, (r) => ({ ...r, disclosure_id: id }));

/** The request's questions (a news article: none; a decision notice: those it quotes). */
function requestQuestions(s: Seen): QuestionDraft[] {
  const { doc, lines, isResponse, quotesRequest } = s;
  // Questions and periods come from the request (a news article: its whole text).
  // A decision notice that quotes the request ("… in the following terms:") has its questions too.
  // A question quoted again (in a clarification, or above its answer) is the same question.
  const labelsSeen = new Set<string>();
  const questionDrafts: QuestionDraft[] = [];
  for (const q of isResponse || quotesRequest ? extractQuestions(doc) : []) {
    const label = q.label.replace(/^Q/i, '');
    if (labelsSeen.has(label)) continue;
    labelsSeen.add(label);
    questionDrafts.push(q);
  }
  if (isResponse && !questionDrafts.length && lines.length) {
    // A response always answers a request, even where the request is not printed: one
    // question, located at the document's first line.
    s.warnings.push('the request text is not printed; counted as one question');
    questionDrafts.push({ label: '1', text: lines[0].text, start: lines[0].start, end: lines[0].end, lines: [lines[0]] });
  }
  return questionDrafts;
}

function questionRows(questionDrafts: QuestionDraft[], sha256: string): Question[] {
  return mapped(questionDrafts, (q, k) => ({
    disclosure_id: '',
    ordinal: k + 1,
    label: q.label,
    text: q.text,
    locator: `char:${q.start}-${q.end}`,
    sha256,
  }));
}

/** The request's time windows. */
function requestPeriods(s: Seen, questionDrafts: QuestionDraft[]): Period[] {
  const { doc, kind, lines, isResponse, news, quotesRequest } = s;
  // A decision notice summarises the request ("The complainant requested …"): read windows there.
  const periodScope = news
    ? lines
    : isResponse && doc.request
      ? lines.filter((l) => l.i < doc.request!.end)
      : quotesRequest
        ? lines.filter((l) => l.i >= doc.request!.start && l.i < doc.request!.end)
        : kind === 'decision_notice'
          ? lines.filter((l) => /\b(?:requested|request for)\b/i.test(l.text))
          : [];
  return mapped(extractPeriods(periodScope, questionDrafts, news), (p, k) => ({
    disclosure_id: '',
    ordinal: k + 1,
    start: p.start,
    end: p.end,
    questions: p.questions,
    text: p.text,
    locator: `char:${p.startOffset}-${p.endOffset}`,
    sha256: s.ctx.sha256,
  }));
}

// On a page of no known kind (a tribunal digest, guidance), only statements count: "the force
// claimed exemptions under …", not "information may be withheld where, for example, section 38 …".
const GENERAL = /\b(?:may|might|can|could|such as|for example|e\.g\.|where|if|whether|would|any)\b/i;

/** Exemptions the response claims; their warnings join the document's. */
function responseExemptions(s: Seen, act: Act): ReturnType<typeof extractExemptions> {
  const { seg, kind, news, plain } = s;
  // Exemptions and flags come from the response, never the requester's words.
  // A story reports what the force cited ("The force refused, citing section 31"), in the same way.
  const response = linesWithRole(seg, 'metadata', 'answer', 'refusal', 'boilerplate', 'signature', 'status', 'body', 'article').filter((l) => (kind !== 'other' && !news) || !GENERAL.test(l.text));
  // The response's lines are content lines: a text with no citation anywhere is not read line by line.
  const ex = mayCite(plain) ? extractExemptions(response, act) : { exemptions: [], warnings: [] };
  for (const w of ex.warnings) s.warnings.push(w);
  return ex;
}

function exemptionRows(found: ReturnType<typeof extractExemptions>['exemptions'], sha256: string): Exemption[] {
  return mapped(found, (e, k) => ({
    disclosure_id: '',
    ordinal: k + 1,
    act: e.act,
    citation: e.citation,
    section: e.section,
    name: e.name,
    class: e.class,
    ncnd: e.ncnd,
    text: e.text,
    locator: `char:${e.start}-${e.end}`,
    sha256,
  }));
}

/** Figures and cases: tables (the reader's and those flattened into text), answer lines, sentences. */
function figureDrafts(s: Seen, request: Line[]): { drafts: FigureDraft[]; caseDrafts: CaseDraft[]; tables: ReadResult['tables'] } {
  const { source, ctx, doc, seg, lines, plain, warnings, news } = s;
  const drafts: FigureDraft[] = [];
  // The request's subject is only asked for by tables.
  let subject: ReturnType<typeof requestSubject> | undefined;
  // A PDF's, spreadsheet's or Word file's reader tables are the same rows its text shows:
  // read tables from the text only where the reader found none (or the page is HTML).
  const readerHasTables = source.tables.length > 0 && source.mediaType !== 'text/html';
  const textTables = readerHasTables ? { tables: [], consumed: new Set<number>() } : findTextTables(doc.lines);
  const tables = [...source.tables, ...textTables.tables].sort((a, b) => (a.start ?? 0) - (b.start ?? 0));
  const caseDrafts: CaseDraft[] = [];
  for (const t of tables) {
    const rows = interpretTable(t, { sha256: ctx.sha256, ...(subject ??= requestSubject(doc)), earlier: drafts });
    // Loops, not spreads, over a table's rows: 240k figures overflow a call's arguments.
    for (const f of rows.figures) drafts.push(f);
    // A case row read from text keeps its verbatim span, unless columns were left out (names, dates
    // of birth): then the row's own cells, joined, are all that may be shown.
    for (const c of rows.cases) {
      const m = /^char:(\d+)-(\d+)$/.exec(c.locator);
      const span = m ? source.text.slice(Number(m[1]), Number(m[2])) : null;
      const cells = (t: string) => t.replace(/^\s*\|/, '').replace(/\|\s*$/, '').split(/\s*\|\s*|\t+|\s{2,}/).map((x) => x.trim()).filter(Boolean).join(' | ');
      if (span !== null && cells(span) === cells(c.text)) c.text = span;
    }
    for (const c of rows.cases) caseDrafts.push(c);
    for (const w of rows.warnings) warnings.push(w);
  }
  const lineOf = lineLocator(lines);
  lineFigures(s, request, textTables.consumed, lineOf, drafts);
  // Those lines are content lines: a content text that states no case anywhere is not read line by line.
  if (mayStateCases(plain)) caseDrafts.push(...extractCases(linesWithRole(seg, 'answer', 'article', 'body'), ctx.sha256));
  // A news story repeats its numbers (headline, first paragraph, summary): one figure each.
  if (news) dropRestatements(drafts, lineOf, doc.text);
  return { drafts, caseDrafts, tables };
}

/** Figures read line by line wherever the authority or the article speaks, added to `drafts`. */
function lineFigures(s: Seen, request: Line[], consumed: Set<number>, lineOf: (locator: string) => number, drafts: FigureDraft[]): void {
  const { ctx, seg, lines, news } = s;
  // Figures are read wherever the authority or the article speaks: answers, an article's body,
  // an unstructured page. Kind never switches this off.
  const requestSet = new Set(mapped(request, (l) => l.i));
  const readable = new Set(mapped(linesWithRole(seg, 'answer', 'article', 'body', 'request', 'quoted_request'), (l) => l.i));
  const seen = new Set<string>();
  // What has been read so far, for the general count rule: offsets taken, values by line.
  const taken = new Set<number>();
  const earlier = new Map<number, Earlier[]>();
  let recorded = 0;
  const record = () => {
    for (; recorded < drafts.length; recorded++) {
      const f = drafts[recorded];
      taken.add(Number(/^char:(\d+)/.exec(f.locator)?.[1] ?? -1));
      if (f.value === null) continue;
      const list = earlier.get(f.value) ?? [];
      list.push({ value: f.value, measure: f.measure, line: lineOf(f.locator) });
      earlier.set(f.value, list);
    }
  };
  // An answer printed under its question's heading ("Question 1" / "143") belongs to it.
  let pendingQuestion: string | null = null;
  for (const l of lines) {
    if (consumed.has(l.i) || l.kind === 'table_row' || !readable.has(l.i)) continue;
    // A line with no number (no digit, number word, "none" or "nil") is no heading and gives no figure.
    if (!mayHoldNumber(l.text)) continue;
    const inRequest = requestSet.has(l.i) || seg.lines[l.i].role === 'quoted_request';
    const heading = inRequest ? null : questionHeading(l.text);
    if (heading) {
      pendingQuestion = heading;
      continue;
    }
    const qctx = { sha256: ctx.sha256, question: pendingQuestion };
    const lone = inRequest || !pendingQuestion ? null : loneFigure(l, qctx);
    if (lone) {
      drafts.push(lone);
      continue;
    }
    const answers = answerLineFigures(l, qctx);
    if (answers) {
      if (!inRequest || /=/.test(l.text)) drafts.push(...answers);
      continue;
    }
    if (!news && inRequest) continue;
    const labelled = !news && /^\s*(?:\(?(?:\d{1,2}|[a-z]|i{1,3}|iv|vi{0,3}|ix|x)[.)]|Q\d{1,2}[a-z]?\b|answer\s*\d)/i.test(l.text);
    const found = sentenceFigures(l, { sha256: ctx.sha256 }, seen, labelled);
    drafts.push(...found);
    // Any other count the line states, typed by the segment stage's tokens.
    const role = seg.lines[l.i].role;
    if (role === 'body') continue;
    record();
    const more = generalCounts(l, { sha256: ctx.sha256, question: pendingQuestion }, taken, earlier, role === 'article');
    drafts.push(...more);
  }
}

/** The figure rows, in answer order, each with what its question says. */
function figureRows(s: Seen, drafts: FigureDraft[], questionDrafts: QuestionDraft[], periods: Period[]): Figure[] {
  answersInOrder(drafts, mapped(questionDrafts, (q) => q.label));
  for (const w of markYearTotals(drafts)) s.warnings.push(w);
  // Object.assign, not a spread with new keys: V8 gives each `{ ...x, newKey }` its own hidden
  // class, ~250 bytes per row (a 500k-row table's figures then did not fit in 1.5 GB).
  return mapped(drafts, (f, k) => Object.assign({}, inheritFromQuestion(f, questionDrafts, periods), { disclosure_id: '', ordinal: k + 1 }));
}

/** The outcome from the answers, the refusal reasoning and a platform's status line only (not standard text). */
function outcomeOf(s: Seen, drafts: FigureDraft[], caseDrafts: CaseDraft[], exemptions: ReturnType<typeof extractExemptions>['exemptions']): { oc: ReturnType<typeof extractOutcome>; truncated: boolean } {
  const { kind, seg, lines, news } = s;
  const answerish = linesWithRole(seg, 'answer', 'refusal', 'status');
  const truncated = endsMidSentence(lines);
  // "Searches brought back zero results" reports that nothing is held: not an answer given.
  let given = 0;
  for (const f of drafts) if (!reportsNothingFound(f)) given++;
  const oc = extractOutcome(kind, news || kind === 'other' ? [] : answerish, exemptions, joinedText(answerish), { answers: given + caseDrafts.length, truncated });
  // A platform's status line is evidence of the outcome unless the response shows otherwise.
  // An acknowledgement shows nothing the status line can be checked against: the answer is not on the page.
  const acknowledgementOnly = truncated && drafts.length + caseDrafts.length === 0 && answerish.some((l) => ACKNOWLEDGEMENT.test(l.text)) && oc.outcome === 'unknown';
  const platform = kind === 'foi_response' && !acknowledgementOnly ? statusOutcome(seg) : null;
  if (platform && (oc.outcome === 'unknown' || !(platform === 'full' && ['partial', 'ncnd', 'cost_limit'].includes(oc.outcome)))) oc.outcome = platform;
  return { oc, truncated };
}

/** Attachments: linked files, and files the text names that are not linked here (each named one a warning). */
function attachmentRows(s: Seen, tables: ReadResult['tables']): Attachment[] {
  const { source, ctx, lines, plain, warnings, isResponse } = s;
  const attachments: Attachment[] = [];
  for (const link of source.links) {
    if (!ATTACHMENT_EXT.test(link.url) || attachments.some((a) => a.url === link.url)) continue;
    attachments.push({ disclosure_id: '', ordinal: attachments.length + 1, url: link.url, name: link.name, media_type: null, sha256: null, bytes: null, pages: null, parsed: false, error: null, text: link.name, locator: link.locator });
  }
  // The whole text asked first: a line names a file only where the text does (most texts name none).
  for (const l of NAMES_A_FILE.test(plain) ? lines : []) {
    for (const m of NAMES_A_FILE.test(l.text) ? matchesOf(ATTACHMENT_NAME, l.text) : []) {
      const name = m[0];
      if (attachments.some((a) => a.url.endsWith(name) || a.name === name)) continue;
      if (/^https?:|www\./i.test(l.text.slice(Math.max(0, m.index! - 60), m.index!).split(/\s/).pop() ?? '')) continue;
      let url = name;
      try {
        if (ctx.url) url = new URL(name, ctx.url).toString();
      } catch {
        /* keep the bare name */
      }
      attachments.push({ disclosure_id: '', ordinal: attachments.length + 1, url, name, media_type: null, sha256: null, bytes: null, pages: null, parsed: false, error: 'named in the text but not linked from this document', text: name, locator: `char:${l.start + m.index!}-${l.start + m.index! + name.length}` });
      warnings.push(`refers to attachment ${name}, which is not part of this document`);
    }
  }
  if (isResponse && !attachments.length && !tables.length && /\b(?:please find|see) (?:the )?(?:attached|enclosed)\b/i.test(plain)) {
    warnings.push('refers to an attachment that is not part of this document');
  }
  return attachments;
}
