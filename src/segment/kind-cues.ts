// Signs of what a document is, by wording family. A document's kind is decided by which
// family of signs it carries more of (src/extract/kind.ts), not by one phrase.
import type { Cue } from './types.js';

/**
 * A sign with, where it helps, a cheap test it cannot match without (`gate`): the sign's own
 * pattern then runs, and is compiled, only on texts the gate lets through (issue 17). These
 * patterns run over a whole document; a big alternation costs a few milliseconds to compile on its
 * first use and a scan of every position after, where a gate of a few literal words costs little of either.
 * A gate may let through texts its sign rejects; it must never turn away one the sign matches.
 */
export interface KindCue extends Cue {
  gate?: RegExp;
}

/**
 * A reporter's voice: disclosures reported in the third person, quotes, bylines. The sign whose
 * gate opens most often ("figures", "data" stand in many a response) comes last: detectKind's
 * count stops before it where none of the others matched.
 */
export const NEWS_SIGNS: KindCue[] = [
  { family: 'reported', re: /\b(?:has|have) reported that\b|\baccording to (?:new |the )?(?:figures|data|statistics|documents)\b|\bwas (?:revealed|disclosed) (?:in|by|after|following)\b/i, gate: /reported that|according to|was (?:revealed|disclosed)/i },
  { family: 'quote', re: /\b(?:said|added|told [\w ]{1,30}|explained|commented)\s*[:,]\s*[“"]|[”"],? (?:he|she|they|a spokes\w+) (?:said|added)\b|\ba (?:police |force |[A-Z]\w+ )?spokes(?:man|woman|person) (?:for [\w ]{2,40} )?(?:said|added|told)\b|[”"],? (?:the )?[A-Z][\w' ]{1,40} (?:said|added)\b/, gate: /["“”]|spokes/ },
  { family: 'reporter', re: /\b(?:the (?:information |privacy )?watchdog|(?:has|have) (?:now )?ruled that|(?:has|have) ruled\b|published (?:this|last) week\b|exclusively (?:obtained|revealed))/i, gate: /watchdog|ruled|published (?:this|last) week|exclusively/i },
  { family: 'press-foi', re: /\b(?:after|following|through|via|under|in response to|thanks to) (?:a|an) (?:Freedom of Information|FOI)(?: Act)? (?:request|application)\b|\b(?:Freedom of Information|FOI) (?:requests?|data|figures) (?:by|from|submitted by|made by) (?:the |this )?(?:newspaper|paper|website|[A-Z][\w]+)\b|\bvia the FOI process\b/, gate: /(?:Freedom of Information|FOI) (?:(?:requests?|data|figures) (?:by|from|submitted by|made by) |process\b)|an? (?:Freedom of Information|FOI)/ },
  { family: 'outlet', re: /\b(?:[Tt]he|[Tt]his) (?:[A-Z][\w]+ )?(?:Gazette|Telegraph|Echo|Post|Mail|Times|Herald|Mirror|Chronicle|Express|Standard|Guardian|Independent|Argus|Advertiser|Observer|Journal|Evening News|Daily [A-Z]\w+)\b/, gate: /Gazette|Telegraph|Echo|Post|Mail|Times|Herald|Mirror|Chronicle|Express|Standard|Guardian|Independent|Argus|Advertiser|Observer|Journal|Evening News|Daily / },
  { family: 'reveal', re: /\b(?:can (?:exclusively )?reveal|(?:has|have) (?:been )?revealed|new (?:data|figures|statistics) (?:has |have )?(?:reveal(?:ed|s)?|show(?:ed|s)?)|(?:figures|data|statistics) (?:obtained|released|seen|given to|provided to) (?:by|to)?\s*(?:the |this )?[A-Z]|the revelations?\b|(?:figures|data|statistics) (?:reveal|show|suggest)(?:ed)? that)\b/, gate: /reveal|revelation|figures|data|statistics/ },
];

/** An authority writing to a requester: second person, salutations, sign-offs, reference labels. */
export const LETTER_SIGNS: KindCue[] = [
  { family: 'second-person', re: /\byour (?:request|e-?mail|letter|application|enquiry|correspondence)\b/i },
  { family: 'salutation', re: /^dear\b/im },
  { family: 'sign-off', re: /^(?:yours (?:sincerely|faithfully)|kind regards)\b/im },
  { family: 'reference-label', re: /^(?:our |your )?(?:ref(?:erence)?|foi (?:ref(?:erence)?|number|no\.?)|request (?:number|no\.?|reference))\.?\s*(?:no\.?|number)?\s*[:\-–]\s*(?:[A-Z]{1,5}[\s/-]?)?\S*\d/im },
  // Gated: a capital letter starts a run of up to 40 characters the pattern tries at every one;
  // every match holds one of the gate's phrases (~3.5× cheaper over a document that has none).
  { family: 'authority-voice', re: /\b(?:I|we) (?:can|am able to|are able to) (?:confirm|advise|provide)\b|\b(?:the force|[A-Z][\w ]{2,40} (?:Police|Constabulary)) (?:holds|does not hold|can confirm)\b/, gate: /(?:I|we) (?:can|am able to|are able to) (?:confirm|advise|provide)|(?:force|Police|Constabulary) (?:holds|does not hold|can confirm)/ },
];

/** The regulator deciding a complaint about a request. */
export const DECISION_SIGNS: Cue[] = [
  { family: 'complainant', re: /\bthe complainant\b/i },
  { family: 'commissioner', re: /\b(?:the|Scottish) (?:Information )?Commissioner\b|\bICO\b/ },
  { family: 'finding', re: /\bcomplaint (?:not )?upheld\b|\bdecision notice\b|\bUKICO\b|^Decision \d+\/\d{4}\b/im },
];

/** A court or tribunal's judgment about FOI: not a decision notice (SPEC kind `other`). */
export const TRIBUNAL = /\b(?:First-tier Tribunal|Upper Tribunal|UKUT|UKFTT|EWCA|the Tribunal (?:considered|found|held|dismissed|allowed))\b/;

/**
 * Words one of which every TRIBUNAL match holds, as they are written (the pattern is case-sensitive):
 * a search for a capitalised word skips most of a text, where the pattern tries every "t" (issue 17).
 */
export const TRIBUNAL_WORDS = ['Tribunal', 'UKUT', 'UKFTT', 'EWCA'];

/** TRIBUNAL.test(text), asked only where one of TRIBUNAL_WORDS stands. */
export function citesTribunal(text: string): boolean {
  for (let i = 0; i < TRIBUNAL_WORDS.length; i++) if (text.includes(TRIBUNAL_WORDS[i])) return TRIBUNAL.test(text);
  return false;
}

/**
 * How many families of `cues` the text carries. With `atLeast`, the count is exact wherever it
 * reaches `atLeast`; below it, counting stops once the families left could not bring it there (a
 * rule that asks "two or more?" need not scan for the last sign when none of the others matched).
 */
export function countFamilies(cues: KindCue[], text: string, atLeast = 0): number {
  let n = 0;
  for (let i = 0; i < cues.length; i++) {
    if (n + cues.length - i < atLeast) return n;
    const c = cues[i];
    if ((!c.gate || c.gate.test(text)) && c.re.test(text)) n++;
  }
  return n;
}
