// How the authority answered (SPEC §5): the ncnd and cost_limit flags and the outcome.
// Read from the response's own statements ("I have today decided to disclose some of
// the requested information", "can neither confirm nor deny", "would exceed the
// appropriate limit"), never from the requester's words.
import type { Kind, Outcome } from '../records/vocab.js';
import type { Line } from './doc-model.js';
import type { ExemptionDraft } from './exemptions.js';
import { anyOf } from '../segment/gates.js';

export interface OutcomeResult {
  outcome: Outcome;
  ncnd: boolean;
  cost_limit: boolean;
  /** Why, for warnings and tests. */
  signals: string[];
}

const NCND = /\bneither confirm(?:s|ed)? nor den(?:y|ies|ied)\b|\bNCND\b|\bconfirm or deny\b[^.]{0,60}\b(?:does not|do not) (?:arise|apply)\b|\brefus\w* to confirm or deny\b/i;
const NCND_OTHER = /\b(?:in addition(?: to)?|further|other|any other|remaining|residual)\b[^.]{0,160}\bneither confirm nor deny\b|\bneither confirm nor deny\b[^.]{0,120}\b(?:any other|any further|further information|other information)\b/i;

const COST = [
  /\bexceed(?:s|ed|ing)?\b[^.]{0,80}\b(?:appropriate|cost|costs|fees|time)\s*(?:\(cost\)\s*)?(?:limit|level|threshold)s?\b/i,
  /\b(?:appropriate|cost|fees|time)\s*(?:\(cost\)\s*)?(?:limit|level)s?\b[^.]{0,60}\b(?:would be|will be|is|are) exceeded\b/i,
  // Not a deadline: "the total time spent responding … should not exceed 40 working days".
  /\b(?:cost|time)\b[^.]{0,80}\bexceed(?!\w*\s+(?:\d+|twenty|forty|sixty)\s+(?:working\s+|calendar\s+)?days)/i,
  /\b18[- ]hours?\b[^.]{0,40}\b(?:threshold|limit)\b|\bwithin the (?:permitted )?18[- ]hour|\bexceed\w*\s+(?:the\s+)?(?:18|twenty[- ]four|24)\s*hours?\b/i,
  /\bin excess of £\s?450\b|\bexceed\w*[^.]{0,40}£\s?450\b|\bin excess of the 18 hours\b|\b(?:more|greater) than £\s?[46]00\b/i,
  // An estimate of what answering would cost or take, stated as the reason for not answering.
  /\b(?:would|will) (?:cost|take)\b[^.]{0,30}\b(?:in the region of|approximately|around|about|over|more than|in excess of|at least)\s+(?:£\s?[\d,]{3,}|\d+\s+hours)/i,
  /\bsection 12\b|\bs\.?\s?12\b|\bFOISA,? s\.?\s?12\b/i,
  /\bcost threshold\b|\bexcessive cost\b/i,
  /\bthe cost of (?:providing|complying|compliance|locating|retrieving|extracting)\b[^.]{0,60}\b(?:is|would|will)\b/i,
  /\brely on the fees regulations\b/i,
];
const COST_WITHDRAWN = /\b(?:section\s*)?12(?:\s*\(\d\))?[^.]{0,120}\b(?:later|subsequently|then|since)\s+(?:changed its (?:position|mind)|withdrew|revised its (?:position|response)|abandoned|no longer relie[sd])\b/i;
// A word each COST pattern holds (case aside): where none stands, no sentence is about cost.
const COST_WORDS = /exceed|18[- ]hour|in excess of|(?:more|greater) than £|(?:would|will) (?:cost|take)|12|cost threshold|excessive cost|the cost of|fees regulations/i;
const CONDITIONAL = /^\s*(?:in the event|if|where|should)\b|\bit is the policy of\b|\bmay exceed\b/i;

const PARTIAL = [
  /\bnot (?:possible|able) to (?:meet|comply with|satisfy) (?:your|the|this) (?:requirements|request)[^.]{0,20}\bin full\b/i,
  /\bparts? of (?:this|your|the) request (?:are|is) (?:exempt|withheld|refused)\b/i,
  /\bdecided to disclose some\b/i,
  /\bdisclosed\b[^.]{0,100}\bbut (?:withheld|refused)\b/i,
  /\bdisclosed? some (?:of the )?(?:requested )?information\b/i,
  /\bpart(?:ial)? disclosure\b/i,
  /\bwithholding some\b|\bsome (?:of the )?(?:data|information) (?:has|have) been withheld\b/i,
  /\bnot (?:obliged|required)\b[^.]{0,60}\b(?:to (?:provide|release|disclose) all|all of the information)\b/i,
  /\bwhile some of the requested information is (?:shown|provided)\b/i,
  /\bgesture of goodwill\b|\bgoodwill\b[^.]{0,40}\bsupplied\b/i,
  /\bfigures have been provided\b|\bhave been able to (?:run|provide|supply)\b/i,
  /\bsome (?:of the )?information (?:is|was) not held\b/i,
  /\bnot (?:obliged|required|able) to (?:answer|provide|comply with) (?:this|that|the) (?:part|question)\b/i,
];
const FULL = [
  /\b(?:holds?|can confirm that it holds) the information (?:you have |you )?requested(?: and (?:it|this) is (?:being )?provided)?\b/i,
  /\bthe information requested is held\b/i,
  /\bplease find the (?:requested )?information\b/i,
  /\b(?:I am|we are) able to (?:disclose|provide|release) the (?:located |requested )?information\b/i,
  /\bdecided to disclose (?:all|the) (?:requested |located )?information\b/i,
  /\bfull disclosure\b/i,
  /\binformation (?:is|has been) (?:disclosed|provided) in full\b/i,
];
const NOT_HELD = [
  /\bunable to locate any (?:relevant )?(?:recorded )?information\b/i,
  /\b(?:does|do) not hold\b/i,
  /\b(?:information|data|records?)\b[^.]{0,80}\b(?:is|are|was|were) not (?:all )?(?:held|recorded|retained|captured)\b(?!\s+(?:in|on) (?:a|any|the|one|such)\b[^.]{0,30}\b(?:format|way|manner|system|place|location)\b|\s+centrally)/i,
  /\bno (?:relevant )?(?:recorded )?(?:information|data|records?) (?:is|are|was|were) (?:held|located|found|recorded)\b/i,
];
// The response gives something: an attachment, a table, answers that follow.
const GIVES = /\bplease (?:see|find) (?:the )?(?:attached|enclosed|below|table)\b|\bis being provided to you\b|\b(?:provided|shown|set out) (?:below|in the table)\b|\bas follows\b|\bthe figures? (?:is|are) (?:as follows|below)\b|^(?:[a-z]|\d{1,2}|Q\d{1,2})[.)]\s[^\n]*£\s?\d/im; // an answer in money is an answer too
const REFUSED = [
  /\bthe request was refused by\b/i,
  /\b(?:exempt from disclosure in (?:its|their) entirety|we are (?:unable|not able) to (?:provide|disclose) (?:any|the) information)\b/i,
  /\bno information is (?:therefore |being )?(?:disclosed|released|provided)\b/i,
  /\b(?:decided|decision) to refuse (?:your|the|this) request\b/i,
  /\b(?:refused|refuses|refusing) (?:the|your|this) request\b/i,
  /\b(?:this|the) information is exempt (?:from disclosure )?(?:under|by virtue of)\b|\bhowever,? it is exempt\b/i,
  /\bthis (?:letter|response|e-?mail|reply) (?:constitutes|is|serves as|acts as) a (?:formal )?refusal notice\b(?![^.]{0,40}\b(?:for|in respect of) (?:part|some|question))/i,
];
const COST_WHOLE = [
  /\bunable to (?:provide|supply|comply|answer)\b[^.]{0,80}\bexceed/i,
  /\brefus\w*[^.]{0,60}\bsection 12\b/i,
  /\bnot (?:required|obliged) to comply with (?:your|the|this) request\b/i,
  /\b(?:request is being|I am therefore|we are therefore) refus\w*[^.]{0,80}\bsection 12\b/i,
  /\brefus\w* to (?:provide|supply|disclose) the information (?:sought|requested)[^.]{0,60}\bsection 12\b/i,
  /\bnot obliged to (?:supply|provide) the information you have requested\b/i,
  /\bcomplying with (?:all of )?your requests?\b[^.]{0,80}\bexceed/i,
  /\bcost of complying with your request\b[^.]{0,80}\bexceed/i,
  /\bcannot be disclosed\b/i,
  /\bin (?:its|their) entirety\b/i,
];
const NCND_ONLY = /\bproviding an? (?:NCND|neither confirm nor deny) response\b/i;

export interface OutcomeEvidence {
  /** Figures or cases read from the response. */
  answers: number;
  /** The text stops mid-sentence: what follows is unknown. */
  truncated: boolean;
}

// Words every pattern of a family holds (case aside), read off the patterns' literal parts: a
// text with none of them cannot match the family, and on a one-file run the family's joined
// pattern (~0.8 ms to compile) is then never compiled (issue 17, start-up).
const PARTIAL_WORDS = /in full|part|some|but withheld|but refused|not obliged|not required|not able|goodwill|have been provided|have been able/i;
const NOT_HELD_WORDS = /unable to locate|not hold|not (?:all )?(?:held|recorded|retained|captured)|(?:is|are|was|were) (?:held|located|found|recorded)/i;
const REFUSED_WORDS = /refus|entirety|able to (?:provide|disclose)|no information is|is exempt/i;
const gated = (words: RegExp, test: (text: string) => boolean) => (text: string) => words.test(text) && test(text);

/** Each family with the gate asked before it: wherever a pattern of the family matches, the gate must (tests). */
export function outcomeGates(): Array<{ name: string; gate: RegExp; res: readonly RegExp[] }> {
  return [
    { name: 'PARTIAL', gate: PARTIAL_WORDS, res: PARTIAL },
    { name: 'NOT_HELD', gate: NOT_HELD_WORDS, res: NOT_HELD },
    { name: 'REFUSED', gate: REFUSED_WORDS, res: REFUSED },
  ];
}

// "… is or is not held" is NCND wording: taken out before NOT_HELD is asked. It only ever takes
// text out up to a full stop, and no gate word holds one, so a gate word in what is left was in
// the text before: the gate is asked first, and on most texts this replace never runs.
export const EITHER_WAY = /\b(?:is|are|was|were|does|do) or (?:is|are|was|were|does|do) not\b[^.]*/gi;
export const withoutEitherWay = (text: string) => (NOT_HELD_WORDS.test(text) ? text.replace(EITHER_WAY, '') : text);

// Each list asked as one test (segment/gates.ts): the same yes or no in one scan of the text.
const IS_COST = anyOf(COST);
const HAS_PARTIAL = gated(PARTIAL_WORDS, anyOf(PARTIAL));
const HAS_FULL = anyOf(FULL);
const ANY_NOT_HELD = anyOf(NOT_HELD);
const HAS_REFUSED = gated(REFUSED_WORDS, anyOf(REFUSED));
const HAS_COST_WHOLE = anyOf(COST_WHOLE);

/** Whether `joined` is the lines' texts joined by '\n' (compared in place, nothing joined). */
export function isJoinOf(lines: Line[], joined: string): boolean {
  let at = 0;
  for (let k = 0; k < lines.length; k++) {
    const t = lines[k].text;
    if (k > 0 && joined.charCodeAt(at++) !== 10) return false;
    if (!joined.startsWith(t, at)) return false;
    at += t.length;
  }
  return at === joined.length;
}

const SENTENCE_END = /(?<=[.!?])\s+|\n/g;
/**
 * text.split(/(?<=[.!?])\s+|\n/).some(test), the sentences read one at a time up to the first
 * that passes: a separator never matches empty, so each piece runs from the end of one match
 * (leftmost from there, as split finds it) to the start of the next (tests).
 */
export function someSentence(text: string, test: (s: string) => boolean): boolean {
  const re = SENTENCE_END;
  let from = 0;
  re.lastIndex = 0;
  try {
    for (;;) {
      const m = re.exec(text);
      if (test(text.slice(from, m ? m.index : text.length))) return true;
      if (!m) return false;
      from = re.lastIndex;
    }
  } finally {
    re.lastIndex = 0;
  }
}

export function extractOutcome(kind: Kind, response: Line[], exemptions: ExemptionDraft[], allText: string, evidence: OutcomeEvidence = { answers: 0, truncated: false }): OutcomeResult {
  // The caller passes the same lines' texts joined as allText for a response: not joined again.
  const text = isJoinOf(response, allText) ? allText : response.map((l) => l.text).join('\n');
  let full: boolean | undefined;
  const hasFull = () => (full ??= HAS_FULL(text));
  const signals: string[] = [];

  const ncnd = NCND.test(text) || exemptions.some((e) => e.ncnd);
  // Every cost sentence holds one of COST_WORDS: a text with none is not split into sentences.
  const costSentence = COST_WORDS.test(text) && someSentence(text, (s) => IS_COST(s) && !CONDITIONAL.test(s));
  // "refused, citing section 12(1), however it later changed its position": a reliance given up is not the answer.
  const cost_limit = (costSentence || exemptions.some((e) => e.section === '12' && e.act !== 'EIR')) && !COST_WITHDRAWN.test(allText);
  if (ncnd) signals.push('ncnd');
  if (cost_limit) signals.push('cost');

  if (kind === 'news_article' || kind === 'other') return { outcome: 'unknown', ncnd: kind === 'other' ? false : ncnd, cost_limit: kind === 'other' ? false : cost_limit, signals };

  const gave = evidence.answers > 0 || GIVES.test(text);
  // Asked only where the outcome turns on them.
  let withheldSeen: boolean | undefined;
  const withheld = () => (withheldSeen ??= exemptions.some((e) => e.section !== '12' && e.section !== '14') && /\bwithh[oe]ld|\bexempt\b|\brefus|\bnot (?:be )?(?:disclosed|provided|released)\b|\b(?:will|would|cannot|can ?not) (?:not )?provide\b/i.test(text));
  // "… is or is not held" is NCND wording, not a statement that nothing is held.
  let notHeldSeen: boolean | undefined;
  // NOT_HELD_WORDS asked once: where the text holds none, neither does what is left of it, and
  // where it holds some, the family's own patterns answer (each implies the words; tests).
  const notHeld = () => (notHeldSeen ??= NOT_HELD_WORDS.test(text) && ANY_NOT_HELD(text.replace(EITHER_WAY, '')));
  let outcome: Outcome = 'unknown';
  if (HAS_PARTIAL(text)) outcome = 'partial';
  else if (gave && evidence.answers > 0 && (cost_limit || ncnd || notHeld() || withheld())) outcome = 'partial';
  else if (gave && ncnd && NCND_OTHER.test(text)) outcome = 'partial';
  else if (notHeld()) outcome = 'not_held';
  else if (ncnd && (NCND_ONLY.test(text) || !gave)) outcome = 'ncnd';
  else if (cost_limit && HAS_COST_WHOLE(text)) outcome = 'cost_limit';
  // A reply that promises answers ("Please find below …") but gives none, and says it refuses, refused.
  else if (HAS_REFUSED(allText) && evidence.answers === 0 && !cost_limit) outcome = 'refused';
  else if (gave && (cost_limit || withheld())) outcome = 'partial';
  else if ((gave || hasFull()) && !ncnd && (hasFull() || (!evidence.truncated && !exemptions.length))) outcome = 'full';
  else if (exemptions.length && /\bwe would not provide\b|\bwill not (?:provide|be providing)\b|\bwithheld\b/i.test(text)) {
    // Exemptions applied to named questions only ("Qs 2, 3 & 5"): the rest was answered.
    outcome = evidence.answers > 0 || /\bQs?\.?\s*\d+\s*(?:,|&|and)/i.test(allText) ? 'partial' : 'refused';
  }
  return { outcome, ncnd, cost_limit, signals };
}
