// Figures given as answers in running text (SPEC §4 figures): answer lines ("2010 = 8",
// "Question1: One officer, currently suspended", "- 83", "- None") and sentences that
// count officers, staff, cases or outcomes ("TWENTY one police officers … have
// convictions", "29 were dealt with by way of a direct measure"). Not figures: dates,
// years, section and question numbers, money, durations, cost estimates, workforce sizes.
import { mapped } from './arrays.js';
import type { EventKind, Measure, Status } from '../records/vocab.js';
import type { FigureDraft } from './attachment.js';
import type { Line } from './doc-model.js';
import { sentences } from './doc-model.js';
import { findNumbers, isYear, mayBeNumberCell, parseNumberCell, type NumberMatch } from './numbers.js';
import { mayHoldCount, numbersOf, tokensOf } from '../segment/tokens.js';
import { firstEventOf, measureOf, namesOtherUnit } from './vocab-map.js';
import { matchesOf } from '../segment/gates.js';
import { firstCode, isDigitCode, pieceCount } from './words.js';

const NOUN =
  /^(?:(?:serving|former|male|female|senior|front[- ]line|police|special|detective|civilian|other|individual|separate|more|further|different|current|existing|new|official|final(?: written)?|written|formal)\s+){0,3}(officers?|constables?|detectives?|pcsos?|pcso['’]s|police community support officers?|staff|members? of (?:police )?staff|employees?|specials?|special constables?|people|persons?|individuals?|cases?|allegations?|complaints?|warnings?|referrals?|investigations?|hearings?|dismissals?|convictions?|suspensions?|applications?|certificates?|arrests?|assaults?|incidents?|reports?|occasions?|times|requests?|appeals?|suspects?|children|juveniles|adults|victims|searches|stop and searches|strip searches|stops)\b/i;
const VERB_AFTER = /^(?:of (?:them|those|these|the \w+) )?(?:(?:were|was|have been|had been|has been|are|is|remain|remained|faced|received|had|have)\s+(?:\w+\s+){0,2}?(given|told|sacked|dismissed|convicted|charged|cautioned|suspended|reported|dealt with|placed|found|referred|arrested|investigated|disciplined|resigned|retired|issued|subject|serving|on restricted|refused|upheld|recorded|revoked|injured|assaulted)|(?:later |subsequently |then )?(resigned|retired|left the force|quit|were sacked|were dismissed|received|faced)\b|(?:were|was|have been|had been|are|remain)\s+(?:\w+\s+){0,2}?([a-z]+ed|on \w+ duties|under investigation|suspended))/i;
const EVENT_WORDS =
  /\b(convicted|convictions?|criminal records?|charged|charges|cautioned|cautions?|suspended|suspensions?|dismissed|dismissals?|sacked|resigned|retired|warnings?|misconduct|proceedings|reported|allegations?|complaints?|disciplin\w*|arrested|investigated|investigations?|dealt with|restricted|vetting|hearings?|referrals?|referred|offences?|crimes?|barred)\b/i;
// Nouns for people or their matters: a count naming one says what it counts itself.
const PERSON_NOUN = /\b(?:officers?|constables?|detectives?|pcsos?|staff|employees?|specials?|people|persons?|individuals?|cases?|allegations?|complaints?|requests?|breaches|searches|days)\b/i;
const COST_PARAGRAPH = /\b(?:conservative estimate|estimate[sd]? (?:that|it would)|manual(?:ly)? (?:review|search|trawl)|minutes per (?:case|record|file)|would take in excess|exceed the (?:appropriate|cost) limit)\b/i;
// Whether a line works out the cost of answering, for the last line asked: sentenceFigures and
// generalCounts ask it of the same line one after the other.
let costAsked: { line: Line; text: string; cost: boolean } | null = null;
function costParagraph(line: Line): boolean {
  if (costAsked === null || costAsked.line !== line || costAsked.text !== line.text) costAsked = { line, text: line.text, cost: COST_PARAGRAPH.test(line.text) };
  return costAsked.cost;
}
const CONTEXT_WORDS = /\b(figures?|include|includes|included|total|number|numbers)\b/i;
const SKIP_SENTENCE =
  /\b(employs|employed by|workforce|establishment of|in the region of|would (?:require|involve|take|entail|need|have to)|need(?:s|ed)? to be (?:reviewed|read|examined|checked|searched)|manual(?:ly)? (?:review|search|trawl)|review of|estimate|per record|minutes|hours? of work|appropriate limit|cost of|£|national average|nationally|one in every|may (?:contain|relate|include|involve|appear|be counted))\b/i;
const AFTER_EXCLUDE = /^(?:[-\s]?(?:hours?|minutes?|days?|weeks?|months?|years?|year-old|yrs?|per ?cent|%|times|occurrences|records|files|pages?|working|am|pm|miles?|mph|km|metres?|feet|pounds|p\b|th\b|st\b|nd\b|rd\b)|\s*(?:officers?['’]?\s+)(?:records|files)\b|\s*(?:of them|of those)\s+(?:said|told)|\s*(?:\w+\s+)?(?:sub-)?categor(?:y|ies)\b|\s*(?:\w+\s+)?(?:principles|types|sub-types)\b)/i;
const REF_LIST = /\b(?:questions?|qs?|sections?|ss?\.|points?|paragraphs?|paras?|tables?|pages?|articles?|regulations?|regs?|parts?|appendix|annex|items?|requests?|no\.?|number|categories|category|schedule|chapter|reference|ref|foi)\s*\.?\s*\d+[a-z]?(?:\s*\(\w+\))*(?:\s*(?:,|&|and|to|or|-|–)\s*\d+[a-z]?(?:\s*\(\w+\))*)*/gi;

// One vocabulary for prose and tables (vocab-map.ts): what a sentence says a number counts is
// read with the same rules as a table heading, plus the prose-only forms below.
// "officers … have criminal convictions", "a constable … has a conviction": an officer now, with a conviction now.
const HAVE_CONVICTION = /\b(?:have|has)\s+(?:got\s+)?(?:a\s+|one\s+or\s+more\s+)?(?:criminal\s+)?(?:convictions?|criminal records?)\b/i;

export function eventFromText(t: string): EventKind {
  if (/\b(currently serving|still serving|serving)\b[^.]{0,60}\b(have|with|has) (?:a )?(criminal )?convictions?\b/i.test(t)) return 'serving_with_conviction';
  if (HAVE_CONVICTION.test(t) && !/\b(?:former|ex-|retired|dismissed|sacked|resigned|left)\b/i.test(t)) return 'serving_with_conviction';
  return firstEventOf(t) ?? 'other';
}

export function measureFromText(t: string): Measure {
  // Prose names officers by rank or abbreviation more often than a heading does.
  return measureOf(t) ?? (/\bdetectives?\b|\bpcs?\b|\bsergeants?\b|\binspectors?\b/i.test(t) ? 'officers' : 'unknown');
}

/**
 * Where the counted people are now (SPEC status): an exit is an end state ("dismissed", "resigned",
 * "retired", "left the force"); a temporary state only when the text says it is current
 * ("currently suspended", "remains on restricted duties", "still serving").
 */
export function statusFromText(text: string): Status | null {
  // What would have happened did not: "would have been sacked had they not already resigned" resigned.
  const t = text.replace(/\bwould have been\s+(?:\w+\s+)?(?:dismissed|sacked)\b/gi, ' ');
  // "dismissed or resigned", "retired/resigned": either exit, so only that they left.
  if (/\b(?:dismissed|sacked|resigned|retired)\s*(?:or|\/)\s*(?:been\s+)?(?:dismissed|sacked|resigned|retired)\b/i.test(t)) return 'left';
  if (/\b(?:currently|still|remains?|remained|presently|at present|now)\b[^.]{0,20}\bsuspended\b|\bsuspended\b[^.]{0,20}\b(?:currently|at present|pending)\b/i.test(t)) return 'suspended';
  if (/\brestricted dut/i.test(t) && /\b(?:currently|still|remains?|presently|at present)\b/i.test(t)) return 'restricted_duties';
  if (/\b(?:currently|still)\s+(?:serving|employed|in post)\b/i.test(t)) return 'serving';
  if (HAVE_CONVICTION.test(t) && !/\b(?:former|ex-|retired|dismissed|sacked|resigned|left)\b/i.test(t)) return 'serving';
  if (/\b(?:dismissed|sacked|dismissal)\b/i.test(t) && !/\bnot (?:been )?dismissed\b/i.test(t)) return 'dismissed';
  if (/\bresign(?:ed|ation)\b/i.test(t) && !/\bretir/i.test(t)) return 'resigned';
  if (/\bretired\b/i.test(t) && !/\bresign/i.test(t)) return 'retired';
  if (/\bleft the (?:force|service|organisation|police)\b(?! with\b)|\bno longer (?:serving|employed|with the force)\b|\bleavers?\b/i.test(t)) return 'left';
  return null;
}

/**
 * The single year a period is: a calendar year (1 January – 31 December) gives that year, a
 * financial year (1 April – 31 March) its first year; anything else null.
 */
export function yearOfPeriod(start: string | null, end: string | null): number | null {
  if (!start || !end) return null;
  const a = /^(\d{4})-(\d{2})-(\d{2})$/.exec(start);
  const b = /^(\d{4})-(\d{2})-(\d{2})$/.exec(end);
  if (!a || !b) return null;
  const y = Number(a[1]);
  if (a[2] === '01' && a[3] === '01' && b[1] === a[1] && b[2] === '12' && b[3] === '31') return y;
  if (a[2] === '04' && a[3] === '01' && Number(b[1]) === y + 1 && b[2] === '03' && b[3] === '31') return y;
  return null;
}

/**
 * A run of bare answer lines ("- None", "- 83", "- 1,051"), one per line and labelled by nothing,
 * under a request that lists its questions: the k-th line answers the k-th question. Needs two or
 * more such lines in a row, and no more of them than there are questions.
 */
export function answersInOrder(drafts: FigureDraft[], labels: string[]): void {
  const bare = (f: FigureDraft) => f.question === null && BULLET_NUMBER.test(f.text.trim());
  for (let i = 0; i < drafts.length; ) {
    if (!bare(drafts[i])) {
      i++;
      continue;
    }
    let j = i;
    while (j < drafts.length && bare(drafts[j])) j++;
    if (j - i >= 2 && j - i <= labels.length) for (let k = i; k < j; k++) drafts[k].question = labels[k - i];
    i = j;
  }
}

// "in 2011", "in 2013/14" (a financial year: its first year); not "in 2015 and 2016".
const YEAR_AFTER = /^[^\d.;]{0,40}?\b(?:in|during|throughout)\s+((?:19|20)\d{2})(?:\s*[/–-]\s*(\d{2}|(?:19|20)\d{2}))?\b(?!\s*(?:[/–-]\s*\d|(?:and|to|or)\s+(?:19|20)\d{2}\b))/i;
const YEAR_BEFORE = /\b(?:in|during|throughout|as (?:of|at))\s+(?:(?:[A-Z][a-z]+\s+\d{1,2}(?:st|nd|rd|th)?,?\s+)|(?:\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+\s+))?((?:19|20)\d{2})\b(?!\s*(?:[/–-]\s*\d|(?:and|to|or)\s+(?:19|20)\d{2}\b))[^\d;]*$/i;

/**
 * The single year a count in a sentence is tied to: "657 in 2011", "In 2009, there were 152
 * breaches", "as of January 1, 2010 there were 16 officers": the nearest "in/during/throughout
 * YYYY" after it in its clause, else the last one before it with no other number between.
 * Windows ("since 2012", "between 2015 and 2019") are no single year: null.
 */
export function yearOfClause(sentence: string, index: number, end: number): number | null {
  const after = YEAR_AFTER.exec(sentence.slice(end));
  // A second year must be the next one (a financial year), not the end of a span.
  if (after && (!after[2] || Number(after[2]) % 100 === (Number(after[1]) + 1) % 100)) return Number(after[1]);
  if (after) return null;
  const before = YEAR_BEFORE.exec(sentence.slice(0, index));
  return before ? Number(before[1]) : null;
}

function excludedSpans(text: string): Array<[number, number]> {
  // mapped, not map: see mapped (a deopt of acceptable, issue 17).
  return mapped(matchesOf(REF_LIST, text), (m): [number, number] => [m.index!, m.index! + m[0].length]);
}

interface Ctx {
  sha256: string;
  question?: string | null;
}

// `extra` overrides what `about` gives; an event or status given there is not also read from `about`.
function figure(value: number, text: string, start: number, ctx: Ctx, about: string, extra: Partial<FigureDraft> = {}): FigureDraft {
  return {
    value,
    measure: 'measure' in extra ? extra.measure! : measureFromText(about),
    event: 'event' in extra ? extra.event! : eventFromText(about),
    question: ctx.question ?? null,
    period_start: null,
    period_end: null,
    year: null,
    offence: null,
    offence_category: null,
    gender: /\bfemale|wom[ae]n\b/i.test(about) ? 'female' : /\bmale|\bm[ae]n\b/i.test(about) ? 'male' : null,
    rank: null,
    status: 'status' in extra ? extra.status! : statusFromText(about),
    label: null,
    is_total: false,
    text,
    locator: `char:${start}-${start + text.length}`,
    sha256: ctx.sha256,
    ...extra,
  };
}

// "Q1 – 41", "Question 2: …", "Answer 1:", "1.", "a)" at the start of an answer line.
const ANSWER_LABEL = /^(?:(?:Q(?:uestion)?|A(?:nswer)?)\s*\.?\s*(\d{1,2}[a-z]?)\s*[:.)\-–]?|(?:answer|response)\s*(?:to\s*(?:question|q)\s*)?(\d{1,2}[a-z]?)\s*[:.)\-–]|\(?([a-z]|\d{1,2}|i{1,3}|iv|vi{0,3}|ix|x)\)|(\d{1,2})\.(?!\d)|(?:answer|response|reply|a)\s*[:\-–])\s*/i;
// "Written warning – 11", "Constable – 6, Sergeant – 2": a heading and its figure.
const LABEL_RUN = /([A-Za-z][A-Za-z/&' -]{1,40}?)\s+(\d{1,3}(?:,\d{3})+|\d+)(?=\s+[A-Za-z]|\s*$)/g;
// LABEL_PAIR's dash and figure: a line without them holds no pair (asked before the costly pattern).
const MAY_PAIR = /\s[–—-]\s+(?:\d|none|nil)/;
// LABEL_RUN's figure with the space before it: a cheap count before the costly run is tried.
const FIGURE_AFTER_SPACE = /\s(?:\d{1,3}(?:,\d{3})+|\d+)(?=\s+[A-Za-z]|\s*$)/g;
const LABEL_PAIR = /(?:^|,\s*|;\s*)([A-Z][A-Za-z][\w '’/&()-]{0,50}?)\s+[–—-]\s+(\d{1,3}(?:,\d{3})+|\d+|none|nil)(?=\s*(?:[,;.]|$))/g;
// "2020: 6 officers, 2 staff"
const YEAR_COUNTS = /^((?:19|20)\d{2})\s*[:–-]\s*(.+)$/;
// "6 officers" in "2020: 6 officers, 2 staff"
const YEAR_COUNT_ITEM = /(\d{1,3}(?:,\d{3})+|\d+)\s+([a-z][\w -]{1,30}?)(?=\s*(?:,|;|and\b|$))/gi;
// "2010 = 8", "2024 (to 30 September) - 5"
const YEAR_EQUALS = /^((?:19|20)\d{2})(?:\s*\([^)]{1,40}\))?\s*(?:=|:|-|–)\s*(\d{1,3}(?:,\d{3})+|\d+|none|nil)\s*$/i;
const BULLET_NUMBER = /^[-•–·]\s*(\d{1,3}(?:,\d{3})+|\d+|none|nil)\s*\.?$/i;
// "2019 – 11, 2020 – 8", "2020: 64  2021: 71", "2018/19 = 8": a year (or financial year) and its figure.
const YEAR_PAIR = /\b((?:19|20)\d{2})(?:\s*\/\s*(\d{2}))?(?:\s*(?:=|:)\s*|\s+[–-]\s+)(\d{1,3}(?:,\d{3})+|\d+|none|nil)\b(?![\d/.:]\d)/gi;

/**
 * Whether LABEL_RUN's matches can cover all but 25 of the line's non-space characters, as a run
 * must (answerLineFigures). Each match is a label of at most 41 characters, spaces, and a figure
 * of digits and commas starting a run of digits: so the matches cover at most 41 per digit run
 * plus every digit and comma. A line with more visible ASCII characters than that (a paragraph
 * quoting a few numbers) cannot be a run, and LABEL_RUN, lazy at every letter, is not tried on it.
 */
export function mayBeLabelRun(t: string): boolean {
  let runs = 0;
  let digitsCommas = 0;
  let visible = 0; // ASCII '!'..'~': never whitespace, so at most the non-space count
  let prevDigit = false;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    const digit = isDigitCode(c);
    if (digit && !prevDigit) runs++;
    if (digit || c === 44) digitsCommas++;
    if (c >= 33 && c <= 126) visible++;
    prevDigit = digit;
  }
  return 41 * runs + digitsCommas >= visible - 25;
}

/** Whether LABEL_RUN's matches `run` cover all but 25 of the line's non-space characters. */
function runCoversLine(run: RegExpMatchArray[], t: string): boolean {
  return run.map((m) => m[0]).join(' ').replace(/\s+/g, '').length >= t.replace(/\s+/g, '').length - 25;
}

/** What answerLineFigures asks of a run of label–figure pairs: enough pairs covering the line (tests). */
export function labelRunCovers(t: string): boolean {
  const run = matchesOf(LABEL_RUN, t);
  return run.length >= 2 && runCoversLine(run, t);
}

/** Whether the global `re` matches `text` at least `n` times. */
function atLeast(re: RegExp, text: string, n: number): boolean {
  re.lastIndex = 0;
  let k = 0;
  while (k < n && re.test(text)) k++;
  re.lastIndex = 0;
  return k >= n;
}

/** The year–figure pairs of `text` as figures (`matches`: matchesOf(YEAR_PAIR, text), when already found). */
function yearPairs(text: string, offset: number, ctx: Ctx, matches = matchesOf(YEAR_PAIR, text)): FigureDraft[] {
  const out: FigureDraft[] = [];
  for (const m of matches) {
    const y = Number(m[1]);
    const fy = m[2] !== undefined;
    out.push(
      figure(parseNumberCell(m[3])!, m[0], offset + m.index!, ctx, text, {
        year: y,
        period_start: fy ? `${y}-04-01` : `${y}-01-01`,
        period_end: fy ? `${y + 1}-03-31` : `${y}-12-31`,
        label: fy ? `${m[1]}/${m[2]}` : m[1],
      }),
    );
  }
  return out;
}

/**
 * Figures on lines that are answers by their layout ("2010 = 8", "- 83", "Q1 – 41",
 * "1. 2020: 64  2021: 71"). Returns null when the line is not such an answer, so that
 * sentence rules can read it.
 */
export function answerLineFigures(line: Line, ctx: Ctx): FigureDraft[] | null {
  const t = line.text;
  let m = YEAR_EQUALS.exec(t);
  if (m) {
    const value = parseNumberCell(m[2])!;
    const y = Number(m[1]);
    return [figure(value, t, line.start, ctx, '', { year: y, period_start: `${y}-01-01`, period_end: `${y}-12-31`, label: m[1] })];
  }
  m = BULLET_NUMBER.exec(t);
  if (m) return [figure(parseNumberCell(m[1])!, t, line.start, ctx, '')];
  const label = ANSWER_LABEL.exec(t);
  if (!label) {
    // Two or more pairs make an answer: the figures are read only then.
    const pairMatches = matchesOf(YEAR_PAIR, t);
    if (pairMatches.length >= 2) return yearPairs(t, line.start, ctx, pairMatches);
    const yc = YEAR_COUNTS.exec(t);
    if (yc) {
      const y = Number(yc[1]);
      const items = matchesOf(YEAR_COUNT_ITEM, yc[2]);
      if (items.length && items.every((m) => NOUN.test(m[2]))) {
        const at = line.start + t.indexOf(yc[2]);
        return items.map((m) => figure(Number(m[1].replace(/,/g, '')), m[0], at + m.index!, ctx, m[2], { year: y, period_start: `${y}-01-01`, period_end: `${y}-12-31`, label: `${yc[1]} | ${m[2]}` }));
      }
    }
    // "White British 38 Black/Black British 4 Asian/Asian British 3 Mixed 2 Other": a run of label–figure pairs.
    // Every pair holds its figure after a space: fewer such figures than a run needs make no run.
    const run = atLeast(FIGURE_AFTER_SPACE, t, /^[a-z]/.test(t) ? 2 : 3) && mayBeLabelRun(t) ? matchesOf(LABEL_RUN, t) : [];
    if (run.length >= 3 || (run.length >= 2 && /^[a-z]/.test(t))) {
      if (runCoversLine(run, t) && run.every((m) => !/^(?:19|20)\d{2}$/.test(m[2]) && !/\b(?:section|question|page|part|table)\s*$/i.test(m[1]))) {
        return run.map((m) => figure(parseNumberCell(m[2])!, m[0].trim(), line.start + m.index! + (m[0].length - m[0].trimStart().length), ctx, m[1], { label: m[1].trim() }));
      }
    }
    const named = MAY_PAIR.test(t) ? matchesOf(LABEL_PAIR, t) : [];
    if (named.length && named.map((m) => m[0]).join('').replace(/[\s,;]/g, '').length >= t.replace(/[\s,;.]/g, '').length - 1) {
      return named.map((m) => {
        const text = m[0].replace(/^[,;]\s*/, '');
        return figure(parseNumberCell(m[2])!, text, line.start + m.index! + m[0].indexOf(text), ctx, m[1], { label: m[1], offence: null });
      });
    }
    return null;
  }
  let q = label[1] ?? label[2] ?? label[3] ?? label[4];
  let skip = label[0].length;
  // "Response: 1. Three officers …": a question's number after a word label is a label too.
  const inner = q === undefined ? /^\(?(\d{1,2}[a-z]?)[.)]\s+(?=\S)/.exec(t.slice(skip)) : null;
  if (inner) {
    q = inner[1];
    skip += inner[0].length;
  }
  const rest = t.slice(skip);
  const restStart = line.start + skip;
  if (label[2] !== undefined && /^\d{1,2}[a-z]?\s*:?\s*$/.test(rest)) return []; // "Response 1 – 6 :" is a range of questions
  const qctx = { ...ctx, question: q ?? ctx.question };
  const pairs = yearPairs(rest, restStart, qctx);
  if (pairs.length) return pairs;
  const named = MAY_PAIR.test(rest) ? matchesOf(LABEL_PAIR, rest) : [];
  if (named.length >= 2) {
    return named.map((m) => {
      const text = m[0].replace(/^[,;]\s*/, '');
      return figure(parseNumberCell(m[2])!, text, restStart + m.index! + m[0].indexOf(text), qctx, m[1], { label: m[1] });
    });
  }
  const whole = parseNumberCell(rest.replace(/[.;]\s*$/, ''));
  if (whole !== null) return [figure(whole, t, line.start, qctx, '')];
  const restNumbers = findNumbers(rest);
  const n = restNumbers[0];
  if (n && n.index <= 2 && !isYear(n.value) && !/^\s*(?:[/.:]\d|%|per cent)/.test(rest.slice(n.end))) {
    const after = rest.slice(n.end).trimStart().replace(/^\(\s*[\d,]+\s*\)\s*/, '');
    if (!n.words || NOUN.test(after) || VERB_AFTER.test(after) || /^[.;]?\s*$/.test(after)) {
      const out = [figure(n.value, t, line.start, qctx, rest)];
      // Further counts on the same answer ("… and two (2) PCSOs"), each with its noun.
      for (const m of restNumbers) {
        if (m.index <= n.index || isYear(m.value) || /\(\s*$/.test(rest.slice(0, m.index))) continue;
        const tail = rest.slice(m.end).trimStart().replace(/^\(\s*[\d,]+\s*\)\s*/, '');
        const noun = NOUN.exec(tail);
        if (noun && /\b(?:and|,)\s*$/.test(rest.slice(Math.max(0, m.index - 6), m.index))) {
          const text = rest.slice(m.index, m.end + (rest.slice(m.end).length - tail.length) + noun[0].length);
          out.push(figure(m.value, text, restStart + m.index, qctx, text));
        }
      }
      return out;
    }
  }
  return null;
}

function acceptable(n: NumberMatch, s: string, excluded: () => Array<[number, number]>): boolean {
  if (!n.words && isYear(n.value)) return false;
  const before = s.slice(Math.max(0, n.index - 12), n.index);
  const after = s.slice(n.end, n.end + 40);
  if (/[£$€#]\s*$|\b(?:aged|age|under|over the age of|no\.)\s*$/i.test(before)) return false;
  if (/^\s*[-–]?\s*(?:year|yr)s?[- ]old/i.test(after)) return false;
  if (AFTER_EXCLUDE.test(after)) return false;
  if (/^\s*in\s+(?:every|each|\d+|one|two|three|four|five|six|seven|eight|nine|ten|a hundred)\b/i.test(after)) return false; // "one in five"
  if (/\b(?:more|fewer|less) than\s*$|\bone in\s*$|\b(?:under|around|about|approximately|nearly|almost|roughly)\s*$/i.test(before)) return false; // approximations, ratios
  if (/\b(?:of|out of) (?:the|those|these|its|their)\s*$/i.test(before) && /\w+\s+(?:of|out of) (?:the|those|these|its|their)\s*$/i.test(s.slice(0, n.index))) return false; // "Two of the five officers": the five restates
  if (/^\s*\(/.test(s.slice(n.end)) === false && /\(\s*$/.test(before) && /\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|[a-z]+ty(?:-[a-z]+)?|hundred(?: and [a-z-]+)?)\s*\(\s*$/i.test(s.slice(0, n.index))) return false; // "Eleven (11)": the digits repeat the words
  if (/^\s*[/:.]\d/.test(after)) return false;
  if (n.words && /^(?:one|no)$/i.test(n.text) && !NOUN.test(after.trimStart())) return false;
  // Asked last: the sentence's references are found once it has a number the tests above let through.
  if (excluded().some(([a, b]) => n.index >= a && n.end <= b)) return false;
  return true;
}

/** A line that is only a figure ("143", "Nil"), as printed under a question heading. */
export function loneFigure(line: Line, ctx: Ctx): FigureDraft | null {
  // Stripping a closing "." or ";" leaves the start as it is: a line that cannot start a number cell is none.
  if (!mayBeNumberCell(line.text)) return null;
  const v = parseNumberCell(line.text.replace(/[.;]\s*$/, ''));
  if (v === null || (isYear(v) && /^\d{4}$/.test(line.text.trim()))) return null;
  return figure(v, line.text, line.start, ctx, '');
}

/** "Question 1", "Q1.", "Request 2": a heading the next answer belongs to. */
export function questionHeading(text: string): string | null {
  // A heading starts with "Q" or "Request" (either case): other lines are not trimmed and matched.
  const c = firstCode(text);
  if (c !== 81 && c !== 113 && c !== 82 && c !== 114) return null;
  const m = /^(?:Q(?:uestion)?\s*\.?\s*(\d{1,2}[a-z]?)|Request\s+(\d{1,2}))\s*[.:)]?$/i.exec(text.trim());
  return m ? (m[1] ?? m[2]) : null;
}

/** Figures stated in sentences. `seen` holds value:event pairs already counted (restatements skip). */
// Words that may stand between a number and its noun: a force's name ("Forty-three Greater
// Manchester Police officers") or "of the/those" ("Nineteen of those officers", "39 of the assaults").
const NAME_BETWEEN = /^(?:(?:[A-Z][\w'’&-]*|and|of)\s+){1,5}(?=(?:police\s+)?(?:officers|staff|pcsos|constables)\b)/;
const OF_THE = /^of\s+(?:the|those|these|them|its|their)\s+/i;
const FORCE_BEFORE = /\b(?:Police|Constabulary|Scotland|Service|PSNI|MPS|Met|[A-Z][a-z]+shire|force)(?:\s+(?:reported|recorded|had|has|gave|with|said))?\s*$/;
const WITH_N = /\bwith\s*$/i;

/** What counts as saying what a number counts: its noun (maybe after a name or "of the"), or a verb. */
function countedBy(after: string, before: string, sentence: string): { end: number; noun: boolean } | null {
  let m = NOUN.exec(after);
  if (m) return { end: m[0].length, noun: true };
  const between = NAME_BETWEEN.exec(after) ?? OF_THE.exec(after);
  if (between) {
    m = NOUN.exec(after.slice(between[0].length));
    if (m) return { end: between[0].length + m[0].length, noun: true };
  }
  const v = VERB_AFTER.exec(after);
  if (v) return { end: v[0].length, noun: false };
  // Survey round-ups: "Police Scotland reported 163 and West Midlands Police 98", "…the highest number, with 412".
  if (FORCE_BEFORE.test(before) || (WITH_N.test(before) && /\b(?:number|highest|lowest|most|fewest)\b/i.test(sentence))) return { end: 0, noun: true };
  return null;
}

/**
 * Figures stated in sentences. `seen` holds value:event pairs already counted (a restatement
 * such as "Among the eight that had been convicted" is skipped). `answer` relaxes the need
 * for an event word on lines that are answers by their layout ("a) Two hundred … officers").
 * `gated` false only in tests: every number of every sentence read, without the sentence gate.
 */
export function sentenceFigures(line: Line, ctx: Ctx, seen: Set<string>, answer = false, gated = true): FigureDraft[] {
  const out: FigureDraft[] = [];
  // Outside an answer a sentence's count needs a context or event word (below): a line with
  // neither has no such sentence (each sentence is a part of the line between spaces, so a word
  // it holds the line holds), and is passed over before it is split into sentences.
  let lineContext: boolean | undefined;
  let lineEvent: boolean | undefined;
  if (gated && !answer && !(lineContext = CONTEXT_WORDS.test(line.text)) && !(lineEvent = EVENT_WORDS.test(line.text))) return out;
  // A line without a number states no figure; a paragraph that works out the cost of answering
  // quotes numbers that are not answers.
  const all = sentences(line);
  if (!all.some((s) => numbersOf(s).length) || costParagraph(line)) return out;
  for (const s of all) {
    // A sentence without a number states no figure (asked first: it is the cheapest question).
    const numbers = numbersOf(s);
    if (!numbers.length) continue;
    if (!answer && pieceCount(s.text, 5) < 5) continue;
    // A line that is one sentence (most) has the line's words: what the line was asked is not asked again.
    const whole = s.text === line.text;
    let eventSeen: boolean | undefined = whole ? lineEvent : undefined;
    const hasEvent = () => (eventSeen ??= EVENT_WORDS.test(s.text));
    // Outside an answer, a count needs an event word or a context word in its sentence (the last
    // test in the loop below passes over every number otherwise): a sentence with neither is
    // passed over whole, before each of its numbers is read (5 of every 6 numbers on the bench's
    // pages), and before the background words are looked for.
    if (gated && !answer && !(whole && lineContext !== undefined ? lineContext : CONTEXT_WORDS.test(s.text)) && !hasEvent()) continue;
    if (SKIP_SENTENCE.test(s.text)) continue;
    // References and a list label, found only once a number that is not a year needs them.
    let spans: Array<[number, number]> | null = null;
    const excluded = () => {
      if (spans) return spans;
      spans = excludedSpans(s.text);
      // A list label at the start of the line ("1. The names …") is not a figure.
      const label = /^\s*[(]?(?:\d{1,2}|[a-z])\s*[.)]\s/.exec(s.text);
      if (label) spans.push([0, label[0].length]);
      return spans;
    };
    for (const n of numbers) {
      if (!acceptable(n, s.text, excluded)) continue;
      const rawAfter = s.text.slice(n.end);
      // "One hundred and four (104) complaints": the digits in brackets repeat the words.
      const after = rawAfter.trimStart().replace(/^\(\s*[\d,]+\s*\)\s*/, '');
      const by = countedBy(after, s.text.slice(0, n.index), s.text);
      if (!by) continue;
      // "two hearings", "three investigations" count only where the sentence is about conduct.
      if (by.noun && /^(?:\S+\s+){0,3}?(convictions?|suspensions?|dismissals?|hearings?|investigations?)\b/i.test(after) && !hasEvent()) continue;
      if (!answer && !hasEvent() && !(by.noun && CONTEXT_WORDS.test(s.text))) continue;
      // What the number is about: its noun phrase and the rest of its clause.
      // A subset named inside the subject (", including three constables,") does not end its clause.
      const clauseEnd = rawAfter.search(/[,;]\s+(?!including\b|among them\b|of whom\b)(?:and\s+|but\s+|while\s+)?(?:[a-z]+\s+){0,2}(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|another|eighteen)\b|[;]/i);
      const clause = s.text.slice(n.index, clauseEnd > 0 ? n.end + clauseEnd : undefined);
      // The words before the number say what it counts only where its own clause has no verb
      // ("five officers have been sacked and 12 have been given warnings": the 12 were not sacked).
      const before = s.text.slice(0, n.index).split(/[,;]/).pop() ?? '';
      const ownVerb = VERB_AFTER.test(after);
      const about = `${clause} ${/\b(convictions?|convicted)\b/i.test(clause) || ownVerb ? '' : before}`;
      const own = eventFromText(clause);
      const event = own !== 'other' ? own : eventFromText(about);
      // "Among those sacked were two officers convicted …": where they are now, from the words before.
      let status = statusFromText(clause) ?? (ownVerb ? null : statusFromText(before));
      // "As of 1 January there were 16 officers … suspended": a state on a stated date is the state reported.
      if (!status && /\bas (?:of|at)\b/i.test(s.text.slice(0, n.index))) status = /\bsuspended\b(?! sentence)/i.test(clause) ? 'suspended' : /\brestricted dut/i.test(clause) ? 'restricted_duties' : null;
      const key = `${n.value}:${event}:${status}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const start = s.start + n.index;
      // The shortest span that states it: the number and the words that say what it counts.
      const span = s.text.slice(n.index, n.end + (rawAfter.length - after.length) + by.end).trimEnd();
      const f = figure(n.value, span, start, ctx, clause, { event, status: namesOtherUnit(span) ? null : status, year: yearOfClause(s.text, n.index, n.end) });
      // "… 136 police officers were reported … From 2013, 29 were dealt with by way of a direct
      // measure, … in less serious cases": a count with no noun counts what the paragraph's last count did.
      const prev = out[out.length - 1];
      if (!by.noun && !PERSON_NOUN.test(span) && prev && prev.measure !== 'unknown') f.measure = prev.measure;
      if (f.measure === 'unknown') f.measure = measureFromText(about);
      // "Eighteen officers were given warnings, four official warnings and three were given advice":
      // a count with no person of its own counts what the sentence's earlier count does.
      if (f.measure === 'unknown' && !PERSON_NOUN.test(span)) f.measure = measureFromText(s.text.slice(0, n.index)); // pure: asked once
      out.push(f);
    }
  }
  return out;
}

// A count's head noun: a plural ("breaches", "FOIs", "sergeants"), or a word whose plural is
// itself; one thing may be singular ("one east Kent constable", "1 x Assistant Chief Constable").
const NOT_PLURAL = new Set(['is', 'was', 'has', 'this', 'its', 'us', 'as', 'less', 'unless', 'process', 'across', 'always', 'perhaps', 'thus', 'yes', 'various', 'previous', 'whereas', 'news', 'series', 'status', 'basis', 'analysis', 'crisis', 'bus', 'plus', 'minus', 'does', 'goes', 'his', 'hers', 'theirs', 'ours', 'yours', 'whose', 'those', 'these', 'numerous', 'serious', 'obvious', 'business', 'address', 'access', 'success', 'awareness', 'witness', 'less', 'regardless', 'nevertheless', 'means', 'towards', 'afterwards', 'besides', 'sometimes', 'times']);
const INVARIANT = /^(?:people|staff|police|personnel|children|men|women|youths|police officers|FOIs|PCSOs)$/i;
const MODIFIER = /^(?:[A-Za-z][\w'’-]*)$/;
const TREND_BEFORE = /\b(?:rising|rose|falling|fell|up|down|increas(?:ed|ing)|decreas(?:ed|ing)|dropp(?:ed|ing)|climb(?:ed|ing)|compared (?:with|to)|against|from|there (?:were|was|are|have been)|a total of|total of|a further|another|to|of)\s*$/i;

// A rank or role by name after a count: "5 Superintendents", "1 x Assistant Chief Constable".
const RANK_HEAD = /^\s*(?:x\s+|×\s*)?(?:[A-Z][\w-]*\s+){0,3}(?:Constables?|Sergeants?|Inspectors?|Superintendents?|Officers?|Commissioners?|Commanders?|PCSOs?|Specials?|Staff)\b/;

// Words a head noun stops at. The words countHead looks at are ASCII letters and digits (with
// ’ and -), which lower-case as /i folds them: a set of lower-cased words, not a pattern per word.
const HEAD_STOP = new Set(['of', 'in', 'on', 'at', 'for', 'by', 'with', 'and', 'or', 'to', 'from', 'were', 'was', 'are', 'is', 'have', 'has', 'had', 'the', 'a', 'an', 'who', 'which', 'that', 'per', 'than', 'as', 'it', 'he', 'she', 'they', 'we', 'you', 'this', 'these', 'there', 'its', 'their', 'our']);

/** The head noun a count stands before, if any: "42 breaches", "three east Kent constables", "1 x Inspector". */
function countHead(after: string, value: number): { noun: string; end: number } | null {
  // Up to four words, up to the first punctuation: "east Kent constables", "Freedom of Information requests".
  const run = /^\s*(?:x\s+|×\s*)?((?:[A-Za-z][\w'’-]*)(?:\s+[A-Za-z][\w'’-]*){0,4})/.exec(after);
  if (!run) return null;
  const words = run[1].split(/\s+/);
  let at = run[0].length - run[1].length;
  for (let k = 0; k < words.length; k++) {
    const w = words[k];
    const end = at + w.length;
    at = end + (after.slice(end).length - after.slice(end).trimStart().length);
    // "of" joins a name ("Freedom of Information requests"), nothing else.
    if (/^of$/i.test(w) && k > 0 && /^[A-Z]/.test(words[k - 1]) && /^[A-Z]/.test(words[k + 1] ?? '')) continue;
    const lower = w.toLowerCase();
    if (HEAD_STOP.has(lower)) break;
    // "breached the Act 42 times": occurrences; "three times more likely" is a ratio.
    if (lower === 'times') return /^\s*(?:more|less|fewer|higher|lower|greater|bigger|larger|smaller|as|the|over|that|than)\b/i.test(after.slice(end)) ? null : { noun: w, end };
    const plural = (/^[a-z]{2,}s$/i.test(w) && !NOT_PLURAL.has(lower) && !/(?:ss|us|is)$/.test(lower)) || INVARIANT.test(w) || /^[A-Z]{2,}s$/.test(w);
    const person = /^(?:officer|constable|sergeant|inspector|member|person|individual|case|allegation|complaint|pcso|special)$/i.test(w);
    if (plural || (value === 1 && person)) return { noun: words.slice(0, k + 1).join(' '), end };
  }
  // "1 x Assistant Chief Constable", "5 Superintendents": a rank or role by name.
  const rank = RANK_HEAD.exec(after);
  if (rank) return { noun: rank[0].trim(), end: rank[0].length };
  return null;
}

/**
 * Counts stated in prose that the rules above do not read: any number typed as a count (not a
 * year, date, money, percentage, duration, age, label, reference or telephone number; see
 * segment/tokens.ts) that stands before the thing it counts, or continues a series ("rising to
 * 657 in 2011"). `taken` holds the document offsets already read as figures; `earlier` holds
 * the values read so far by line, so a headline restated in the body is one figure.
 */
// Sentences whose numbers are background, not answers: workforce sizes, national comparisons,
// estimates of the work an answer would take.
const BACKGROUND = /\b(?:employs|employed by|workforce|establishment of|in the region of|would (?:require|involve|take|entail|need|cost|have to)|need(?:s|ed)? to be (?:reviewed|read|examined|checked|searched)|estimate[sd]?|per record|minutes per|hours per|national average|nationally|one in every|may (?:contain|relate|include|involve|appear|be counted))\b/i;
// A bound ("more than 500", "up to 40") is not a count; a rounded count ("around 7 officers") is.
// What a search brings back: "zero results" is a count, and says that nothing is held.
const SEARCH_NOUNS = '(?:results|records|matches|returns|hits|trace)';
const FOUND_NOTHING = new RegExp(`^${SEARCH_NOUNS}`, 'i');
const NAMES_SEARCH_NOUN = new RegExp(`\\b${SEARCH_NOUNS}`, 'i');
/** A figure that reports an empty search ("zero results"), not an answer given. */
export function reportsNothingFound(f: { value: number | null; text: string }): boolean {
  return f.value === 0 && NAMES_SEARCH_NOUN.test(f.text);
}

const APPROXIMATE_BEFORE = /\b(?:more|fewer|less) than\s*$|\b(?:over|under|up to|at least)\s*$/i;
// Heads that count the sources of figures, not what they are about.
const NOT_A_COUNT = /^(?:forces|constabularies|respondents|questions|sections|pages|months|weeks|categories|types|kinds|sorts|principles|sub-types|subcategories|ways|reasons|options|parts|stages|steps|levels)$/i;
// What an answer says it holds ("two reports", "three requests") is not a figure; a story's count of them is.
const DOCUMENT_NOUN = /^(?:reports|documents|records|files|e-?mails|letters|attachments|spreadsheets|copies|versions|items|requests|occasions|messages)$/i;

export interface Earlier {
  value: number | null;
  measure: Measure;
  /** The line it was read from (Line.i): a number said again on another line restates it. */
  line: number;
}

export function generalCounts(line: Line, ctx: Ctx, taken: Set<number>, earlier: Map<number, Earlier[]>, article = false): FigureDraft[] {
  const out: FigureDraft[] = [];
  if (!sentences(line).some((s) => mayHoldCount(s) && tokensOf(s).some((t) => t.kind === 'count')) || costParagraph(line)) return out;
  // The noun of the last count read, for counts that continue it ("… two were hit by moving cars").
  let lastNoun: string | null = null;
  for (const s of sentences(line)) {
    if (!mayHoldCount(s)) continue;
    const tokens = tokensOf(s);
    if (!tokens.some((t) => t.kind === 'count') || BACKGROUND.test(s.text)) continue;
    for (const t of tokens) {
      if (t.kind !== 'count') continue;
      const start = s.start + t.index;
      const rawAfter = s.text.slice(t.end);
      const after = rawAfter.replace(/^\s*\(\s*[\d,]+\s*\)/, '');
      const head = countHead(after, t.value);
      const before = s.text.slice(0, t.index);
      let noun: string | null = head?.noun ?? null;
      if (!noun && lastNoun && (TREND_BEFORE.test(before) || /^\s+(?:of (?:them|those|these) )?(?:were|was|had been|have been|are)\s+(?:\w+ly\s+)?\w+(?:ed|en|t)\b/i.test(rawAfter)) && (t.value > 1 || t.words)) noun = lastNoun;
      // "781 Total": a total printed after its figure.
      if (!noun && /^\s+total\b/i.test(rawAfter)) noun = 'total';
      // A bare document noun ("two requests", "three reports") is what was asked or held, not a figure;
      // a named one ("350 Freedom of Information requests") is counted.
      const last = noun?.split(/\s+/).pop() ?? '';
      if (!noun || NOT_A_COUNT.test(last) || (!article && DOCUMENT_NOUN.test(last) && !/^[A-Z]/.test(noun))) continue;
      lastNoun = head?.noun ?? lastNoun;
      if (taken.has(start) || APPROXIMATE_BEFORE.test(before)) continue;
      // "one officer is aware …": a single person is a count only where the sentence is about conduct.
      // "zero results", "0 records": what a search found is an answer.
      const nothingFound = t.value === 0 && FOUND_NOTHING.test(noun);
      // A tally ("1 x Detective Inspector") or an addition ("the head plus 1 review officer") counts its one.
      const tally = /^\s*[x×]\s/i.test(rawAfter) || /(?:^|\b(?:plus|and|as well as))\s*$/i.test(before);
      if (t.value <= 1 && !nothingFound && !tally && !EVENT_WORDS.test(s.text)) continue;
      const end = head ? t.end + (rawAfter.length - after.length) + head.end : t.end;
      const text = s.text.slice(t.index, end).trimEnd();
      const about = `${text} ${s.text}`;
      // A number said again in another sentence (a headline, a summary) is the same figure: asked
      // of what it counts before the rest of the figure is read.
      const measure = measureFromText(about);
      if ((earlier.get(t.value) ?? []).some((e) => e.line !== line.i && (e.measure === measure || e.measure === 'unknown' || measure === 'unknown'))) continue;
      const f = figure(t.value, text, start, ctx, about, { measure });
      f.year = yearOfClause(s.text, t.index, t.end);
      if (namesOtherUnit(text)) f.status = null;
      if (/^total$/i.test(noun)) f.is_total = true;
      taken.add(start);
      earlier.set(t.value, [...(earlier.get(t.value) ?? []), { value: t.value, measure: f.measure, line: line.i }]);
      out.push(f);
    }
  }
  return out;
}
