// The segment stage's view of a document: every line of the reader's blocks with the role it
// plays, so that each field is read from its own part of the document (the outcome from the
// answers, the periods from the request, the figures from answers or an article's body).
import type { Line } from '../extract/doc-model.js';

export type Role =
  /** Site furniture: navigation, cookie banners, breadcrumbs, share bars, mastheads. */
  | 'chrome'
  /** Labelled page or letter metadata: "Reference: …", "Date of request: …", the page title. */
  | 'metadata'
  /** A platform's own verdict on the request (WhatDoTheyKnow: "The request was partially successful."). */
  | 'status'
  /** The requester's words. */
  | 'request'
  /** A request quoted inside a decision notice. */
  | 'quoted_request'
  /** The authority's answer (per question where the document labels answers). */
  | 'answer'
  /** Why something was withheld: exemptions, public interest test, harm. */
  | 'refusal'
  /** Standard text: rights of appeal, the regulator's address, re-use, s.16 advice, data caveats. */
  | 'boilerplate'
  /** Sign-off, the sender's name, contact details. */
  | 'signature'
  /** A news article's body. */
  | 'article'
  /** A page with none of the above structure. */
  | 'body';

export interface RoledLine {
  line: Line;
  role: Role;
  /** The cue family that decided the role (for `parse --explain`), or the rule's name. */
  why: string;
  /** The question an answer line belongs to, where the document labels answers. */
  question: string | null;
}

export interface Segmentation {
  /** One entry per Doc line, same index. */
  lines: RoledLine[];
}

/** A cue: a pattern and the wording family it belongs to (why it is general). */
/**
 * A pattern with words, in lower case, that every text it matches holds (case aside): `starts`,
 * one of which the text begins with (for a pattern anchored at ^); `holds`, one of which it
 * contains. Asked before `re` (gates.ts, keyedFirst). Read off the pattern's literal parts by
 * hand; the property tests check them.
 */
export interface Keyed {
  re: RegExp;
  starts?: readonly string[];
  holds?: readonly string[];
}

export interface Cue extends Keyed {
  family: string;
}
