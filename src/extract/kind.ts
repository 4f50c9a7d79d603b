// What a document is (SPEC §4 kind): an authority's FOI response, press coverage of
// FOI figures, an ICO decision notice, or something else (a policy page, a form).
import type { Kind } from '../records/vocab.js';
import type { Doc } from './doc-model.js';
import { contentHead, contentLines, contentText } from './doc-model.js';
import { pieceCount } from './words.js';
import { DECISION_SIGNS, LETTER_SIGNS, NEWS_SIGNS, citesTribunal, countFamilies } from '../segment/kind-cues.js';

const DECISION_NOTICE = /\bdecision notice\b|^Decision \d+\/\d{4}\b/im;
const ICO = /\b(information commissioner|scottish information commissioner|the commissioner['’s ]*(?:s )?decision|ico\.org\.uk|the commissioner)\b/i;
const NEWS_REVEALED =
  /\b(?:freedom of information|FOI)\b[^.]{0,60}\b(?:has |have )?(?:revealed|reveals|shows?|showed|found|obtained|uncovered|disclosed)\b|\b(?:revealed|obtained|released|disclosed|uncovered|show|shows)\b[^.]{0,40}\b(?:under|through|via|by|in response to) (?:a |an |the )?(?:freedom of information|FOI)\b|\bfigures (?:released|obtained) under\b|\b(?:a |an )?(?:freedom of information|FOI) request (?:from|by|made by|submitted by) (?:this|the) (?:newspaper|paper|website|programme|BBC|[A-Z][\w]+ (?:News|Post|Echo|Mail|Times|Telegraph|Express|Herald|Gazette|Mirror|Star|Chronicle))\b|\b(?:declined|refused) to (?:answer|reveal|say|disclose)\b[^.]{0,80}\b(?:freedom of information|FOI)\b|\b(?:figures|data) obtained by (?:the )?(?:PA news agency|Press Association|BBC|[A-Z][\w&]*(?: [A-Z][\w&]*){0,3})\b[^.]{0,40}\bshow/i;
export const ICO_HOST = /(^|\.)ico\.org\.uk$/i;
// What a URL whose host is ICO_HOST holds: "ico" (case aside), or what the URL parser turns into
// letters of a host (a %-escape; a tab or line break, which it drops; a non-ASCII character, which
// IDNA maps). A look at the URL's few characters before the scan of the whole text it pairs with:
// most URLs are a force's.
export const MAY_BE_ICO_URL = /ico|[%\t\n\r]|[^\x00-\x7f]/i;
// The party to a complaint, as a decision notice names them; PARTY, which every match holds, is
// the cheaper scan (a \b before a rarer first letter than the "t" of "the"), asked first.
export const THE_PARTY = /\bthe (?:complainant|applicant)\b/i;
export const PARTY = /\b(?:complainant|applicant)\b/i;
// What NEWS_VOICE cannot match without (it is tested first: most documents have none of these words).
const VOICE_WORD = /said|told|added|spokes/i;
const NEWS_VOICE = /\b(?:said|told|added|spokes(?:man|woman|person))\b[^.]{0,10}[:“"]|\ba (?:police |force )?spokes(?:man|woman|person) said\b/i;
// A reference on a disclosure-log listing's line: "FOI 123/24", "Ref: ABC-2024-17".
const REF_LINE = /\b(?:FOI|ref(?:erence)?)\b[\s:.]*[A-Z]{0,4}[\s/-]?\d[\w/-]*\d/i;
// Independent signs of an FOI answer; two are enough when no request is printed.
const FOI_MARKERS = [
  /\bfreedom of information\b|\bFOI(?:A|SA)?\b/i,
  /\b(?:request (?:number|no|reference|ref)|reference (?:no|number))\b/i,
  /\byour request\b|\bthe request\b|\bclarification (?:received|sought|from)/i,
  /\bneither confirm nor deny\b|\bexemptions?\b/i,
  /\bsection \d+\s*\(\d/i,
  /\b(?:applicant|requester|requestor)\b/i,
  /\bdisclosure log\b|\bdisclos(?:e|ed|ure) (?:of|the) (?:requested )?information\b/i,
];

export function detectKind(doc: Doc, url: string | null): Kind {
  const lines = contentLines(doc);
  const all = contentText(doc);
  const head = contentHead(doc, 12);
  // Which voice the document speaks in: a reporter's, an authority's letter, or the regulator's.
  // Each count is taken when a rule first needs it (most documents are decided before the letter
  // and decision counts are asked for); the rules and their order are as they read.
  // Every rule asks "two or more?" of it, and how many only where there are two or more.
  const news = countFamilies(NEWS_SIGNS, all, 2);
  let letterCount: number | null = null;
  const letter = () => (letterCount ??= countFamilies(LETTER_SIGNS, all) + (doc.request ? 1 : 0));
  if (news >= 2 && news > letter()) return 'news_article';
  // A story about a decision notice is still news: it speaks of the notice, in a reporter's voice.
  if (DECISION_NOTICE.test(head) && ICO.test(all) && !(NEWS_VOICE.test(all) && /\b(?:in a|the) decision notice (?:published|issued)\b/i.test(all))) return 'decision_notice';
  // The cheaper test of each pair first (both are pure): a scan of the text before parsing the URL.
  if (url && MAY_BE_ICO_URL.test(url) && DECISION_NOTICE.test(all) && ICO_HOST.test(safeHost(url))) return 'decision_notice';
  if (news < 2 && citesTribunal(all)) return 'other';
  if (news < 2 && PARTY.test(all) && THE_PARTY.test(all) && countFamilies(DECISION_SIGNS, all, 2) >= 2 && letter() <= 1) return 'decision_notice';
  if (news >= 2 && news > letter()) return 'news_article';
  // A disclosure-log listing: many references, one line each, and a result count (counted as far as the rule needs).
  let refLines = 0;
  // A line holds a reference only where the whole text does (the pattern may also match across a
  // line break there, which only lets a text through): most texts are turned away in one scan.
  if (REF_LINE.test(all)) for (const l of lines) if (REF_LINE.test(l.text) && pieceCount(l.text, 20) <= 20 && ++refLines >= 6) break;
  if ((refLines >= 3 && /^showing \d+\s*(?:-|–|to)\s*\d+ of\b|^next page$|^page \d+ of \d+$/im.test(all)) || refLines >= 6) return 'other';
  const hasRequestRegion = doc.request !== null;
  // Guidance about FOI (how to ask, the publication scheme) is not an answer to anyone.
  if (!hasRequestRegion) {
    const guidance = (all.match(/\b(?:anyone can|you can (?:ask|request|make)|how to (?:ask|make a|request)|what happens next|make a (?:freedom of information|foi) request|you do not need to|our publication scheme|classes of information)\b/gi) ?? []).length;
    if (guidance >= 2 && !/\b(?:request (?:number|no|id)|reference(?: no| number)?)\s*[:.]?\s*\S*\d/i.test(all)) return 'other';
  }
  let letterishSeen: boolean | undefined;
  const letterish = () => (letterishSeen ??= /\b(?:I note you seek|your request (?:for information|dated|of|received|has been|was)|(?:thank you for|in response to|regarding|relating to|relevant to|in connection with) your request|FOI Duty|Dear (?!Sir or Madam,?\s*$)|Yours (?:faithfully|sincerely)|Request (?:Number|No)|reference no)\b/i.test(all));
  // Press coverage quotes FOI figures; it prints no request of its own.
  // The cheaper tests first (all are pure): NEWS_REVEALED is a big pattern, and a response with a
  // printed request and no reporter's voice never needs it.
  if (((!doc.request && !letterish()) || (VOICE_WORD.test(all) && NEWS_VOICE.test(all))) && NEWS_REVEALED.test(all)) return 'news_article';
  if (hasRequestRegion || letterish() || letter() >= 1) return 'foi_response';
  // Guidance pages speak of FOI in general ("if the information is exempt we will …, for
  // example section 40"): only sentences that state something count as signs of an answer.
  const stated = all
    .split(/(?<=[.!?])\s+|\n/)
    .filter((s) => !/\b(?:if|may|might|for example|such as|e\.g\.|anyone can|you can|you do not need|will (?:tell|respond|try))\b/i.test(s))
    .join('\n');
  const markers = FOI_MARKERS.filter((re) => re.test(stated)).length;
  if (markers >= 2) return 'foi_response';
  return 'other';
}

function safeHost(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}
