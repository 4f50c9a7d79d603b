// Phrase lists of the segment stage, as data: each cue names the wording family it stands for,
// so a reader can see why it is general (every UK FOI response uses these formulas; the law and
// the regulator's guidance fix much of the wording).
import type { Cue } from './types.js';

/** Site furniture that survives the readers: navigation rows, share bars, feedback widgets. */
export const CHROME: Cue[] = [
  { family: 'navigation', re: /^(?:back to (?:top|the disclosure log|disclosure log|results|search results|previous page)|previous|next|next page|previous page|show more|load more|view all|see all|read more|print|share|share this(?: page| article)?|related (?:pages|articles|stories|content|links)|more on this story|you may also like|top stories|most read|trending)\s*[:›»>]?$/i, starts: ['back to ', 'previous', 'next', 'show more', 'load more', 'view all', 'see all', 'read more', 'print', 'share', 'related ', 'more on this story', 'you may also like', 'top stories', 'most read', 'trending'] },
  { family: 'social', re: /^(?:share (?:on|via) \w+|follow us(?: on \w+)?|facebook|twitter|x \(formerly twitter\)|linkedin|whatsapp|email this|copy link|instagram|youtube)$/i, starts: ['share ', 'follow us', 'facebook', 'twitter', 'x (formerly twitter)', 'linkedin', 'whatsapp', 'email this', 'copy link', 'instagram', 'youtube'] },
  { family: 'feedback', re: /^(?:was this (?:page|article) (?:helpful|useful)\??|is this page useful\??|yes\s*no|report a problem with this page|rate this page)/i, starts: ['was this ', 'is this page useful', 'yes', 'report a problem with this page', 'rate this page'] },
  { family: 'page-meta', re: /^(?:page last (?:updated|reviewed)|last (?:updated|modified|reviewed)|this page was (?:last )?(?:updated|reviewed))\b/i, starts: ['page last ', 'last ', 'this page was '] },
  { family: 'breadcrumb', re: /^(?:home|you are here)\s*[>›»/|]/i, starts: ['home', 'you are here'] },
  { family: 'section-nav', re: /^Home(?:\s+[A-Z][\w&'’-]*){1,6}$/, starts: ['home'] },
  { family: 'pagination', re: /^(?:showing|displaying|results?)\s+\d+\s*(?:-|–|to)\s*\d+\s+of\s+\d+|^page \d+ of \d+$|^\d+ (?:results?|items?|disclosures?|requests?) (?:found|returned|shown)$|^(?:filter|sort|search) (?:by|the)\b[^.]{0,40}$/i, starts: ['showing', 'displaying', 'result', 'page ', 'filter ', 'sort ', 'search '], holds: [' found', ' returned', ' shown'] },
  { family: 'document-furniture', re: /^(?:full text|download(?: \(\d+\))?|download (?:pdf|document|file)|view (?:pdf|document)|key facts|contents|table of contents|attachments?|show quoted sections|link to this|report|add an annotation)$/i, starts: ['full text', 'download', 'view ', 'key facts', 'contents', 'table of contents', 'attachment', 'show quoted sections', 'link to this', 'report', 'add an annotation'] },
  { family: 'masthead', re: /^(?:subscribe(?: now| today)?|sign up to (?:our|the) newsletter|advertisement|sponsored|log ?in|sign in|register)$/i, starts: ['subscribe', 'sign up to ', 'advertisement', 'sponsored', 'log', 'sign in', 'register'] },
];

/** A platform's verdict on the request, printed as a status line (Alaveteli's described states). */
export const STATUS: Array<Cue & { outcome: 'full' | 'partial' | 'refused' | 'not_held' | null }> = [
  { family: 'wdtk-status', outcome: 'partial', re: /^(?:the )?request was partially successful\.?$|^partially successful\.?$/i, starts: ['the ', 'request', 'partially successful'] },
  { family: 'wdtk-status', outcome: 'full', re: /^(?:the )?request was successful\.?$|^successful\.?$/i, starts: ['the ', 'request', 'successful'] },
  { family: 'wdtk-status', outcome: 'refused', re: /^(?:the )?request was refused\b[^.]{0,60}\.?$|^refused\.?$/i, starts: ['the ', 'request', 'refused'] },
  { family: 'wdtk-status', outcome: 'not_held', re: /^(?:the )?(?:information (?:was |is )?not held|request (?:ended|was closed)[^.]{0,30}\bnot held)\b[^.]{0,60}\.?$|^(?:[\w ]+ )?did not have the information requested\.?$/i, starts: ['the ', 'information ', 'request '], holds: ['did not have the information requested'] },
  { family: 'wdtk-status', outcome: null, re: /^(?:this request has been (?:closed|withdrawn)|(?:the )?request (?:is|was) (?:awaiting|waiting for) (?:classification|a response|clarification|an internal review)|(?:awaiting|waiting for) (?:classification|response|an internal review|clarification)|long overdue|delayed|(?:the )?request has been withdrawn by the requester|an internal review (?:is|was) requested)\b[^.]{0,80}\.?$/i, starts: ['this request has been ', 'the ', 'request ', 'awaiting ', 'waiting for ', 'long overdue', 'delayed', 'an internal review '] },
];

/** Labelled fields of a page or letter header. A short line "Label: value". */
export const METADATA_LABEL =
  /^(?:(?:our|your|case|foi|request|enquiry|freedom of information(?: request)?)\s+)?(?:ref(?:erence)?\.?(?:\s*(?:no\.?|number))?|request (?:number|no\.?|id|date|type)|foi (?:number|no\.?|reference)|date(?: of (?:request|response|reply|receipt|disclosure|publication|release))?|date (?:received|responded|sent|published|disclosed)|received|responded|response (?:date|sent)|published(?: on| date)?|updated|posted(?: on)?|publication (?:date|number|no\.?)|disclosure date|category|categories|topic|subject area|document type|type|tags?|applicant type|requester type|force|directorate|department|status|decision|outcome)\s*[:\-–]\s*\S/i;

/** Standard text, by family. A line matching one of these is boilerplate wherever it stands. */
export const BOILERPLATE_LINE: Cue[] = [
  { family: 'regulator-contact', re: /\bInformation Commissioner[’']?s? Office\b[^.]{0,40}\b(?:Wycliffe House|Water Lane|Wilmslow|Cheshire)\b|^Wycliffe House\b|^Water Lane\b|^Wilmslow\b|\bSK9 5AF\b|^Kinburn Castle\b|\bKY16 9DS\b|\bwww\.ico\.org\.uk\b|\bico\.org\.uk\/(?:make-a-complaint|concerns)\b|\bitspublicknowledge\.info\b/i },
  { family: 'appeal-rights', re: /\bif you are (?:dissatisfied|unhappy|not satisfied) with (?:the|this|our|how)\b|\byou (?:have the right|may|can) (?:to )?(?:request|ask for|apply for) an internal review\b|\bwithin (?:40|forty) (?:working )?days\b[^.]{0,60}\b(?:review|response)\b|\bright to (?:complain|appeal|apply) (?:to|directly to) the (?:Scottish )?(?:Information )?Commissioner\b|\bapply to the (?:Scottish )?Information Commissioner\b|\bcomplain(?:t)? to the (?:Scottish )?Information Commissioner\b|\bappeal to the Court of Session\b|\bsection 50 of the (?:Freedom of Information Act|Act)\b/i },
  { family: 're-use', re: /\bre-?use of (?:the )?(?:information|this information)\b|\bOpen Government Licen[cs]e\b|\bCrown copyright\b|\bcopyright (?:in|of) (?:the|this) (?:information|material|document)\b|\bre-use of public sector information\b/i },
  { family: 'disclosure-log', re: /\b(?:will|may) be (?:published|placed|made available) (?:on|in) (?:our|the) (?:website|disclosure log|publication scheme)\b|\bdisclosure (?:under (?:the )?(?:FOI|Freedom of Information)(?: Act)? )?is (?:a )?disclosure to the (?:world|public)\b|\bresponses? (?:to|under) (?:the )?(?:FOI|Freedom of Information)[^.]{0,40}\b(?:are|is) (?:routinely )?published\b/i },
  { family: 'applicant-blind', re: /\b(?:applicant|motive)[- ]blind\b|\bwithout regard to the identity or motive(?:s)? of the (?:applicant|requester)\b/i },
  { family: 'data-caveat', re: /^(?:please note[:,]?\s+)?(?:the )?(?:data|figures|information) (?:provided|supplied|contained)[^.]{0,40}\b(?:is|are) (?:correct|accurate) (?:as (?:at|of)|at the time)\b|\b(?:extracted|taken) from (?:a |our )?live (?:database|system)\b|\bmay (?:be subject to|change due to) (?:change|amendment|ongoing|revision)\b/i },
  { family: 'section-16-advice', re: /^(?:section 16\b|advice and assistance\b)[^.]{0,80}$|\bunder (?:our )?(?:duty|obligation)s? (?:to provide|under) (?:advice and assistance|section 16)\b/i },
];

/**
 * Words one of which every BOILERPLATE_LINE match holds (case aside), read off its patterns:
 * each alternative's literal part (the regulator's name or address, "internal review", "use of",
 * "published", "section 16" …). One small test, asked first: most lines hold none, and the
 * family's long patterns are then neither run nor, on a one-file run, compiled (~5 ms).
 * Each word stands at a word boundary in every match ("reuse of" is its own word: its "use" does
 * not), so the test starts at \b: a position inside a word then costs one check, not one per word
 * (96 vs 142 ns a line over the bench pages' lines, issue 17).
 */
export const BOILERPLATE_WORDS =
  /\b(?:commissioner|wycliffe house|water lane|wilmslow|sk9 5af|kinburn castle|ky16 9ds|ico\.org\.uk|itspublicknowledge\.info|if you are |an internal review|within |court of session|section 50 of the |use of |reuse of |open government licen|copyright|published|be placed|be made available|disclosure to the |blind|without regard to the identity|correct|accurate|live |may be subject to|may change due to|section 16|advice and assistance)/i;

/** Headings (or first lines) that open a run of standard text: the run lasts to the next answer-like line. */
export const BOILERPLATE_START: Cue[] = [
  { family: 'appeal-rights', re: /^(?:complaint rights|your right(?:s)? (?:to complain|of (?:review|appeal|complaint))|right(?:s)? of (?:appeal|review|complaint)|review (?:and appeal )?procedure|internal review(?: procedure| process)?|appeals?(?: procedure)?|how to (?:complain|appeal|request a review)|requesting a review|dissatisfied with (?:our|the|this) (?:response|decision)\??|(?:what|if) you (?:can do if you are|are) (?:unhappy|dissatisfied)[^.]*)\s*[:.]?$/i, starts: ['complaint rights', 'your right', 'right', 'review ', 'internal review', 'appeal', 'how to ', 'requesting a review', 'dissatisfied with ', 'what you ', 'if you '] },
  { family: 're-use', re: /^(?:re-?use of (?:information|public sector information)|copyright(?: and re-?use)?|re-?use)\s*[:.]?$/i, starts: ['re-use', 'reuse', 'copyright'] },
  { family: 'data-caveat', re: /^(?:caveats?|notes?(?: on the data)?|data caveats?|please note)\s*[:.]?$/i, starts: ['caveat', 'note', 'data caveat', 'please note'] },
];

/** Sign-offs: what follows is the sender and how to reach them. */
export const SIGNATURE_START: Cue[] = [
  { family: 'sign-off', re: /^(?:yours (?:sincerely|faithfully|truly)|kind regards|best regards|with regards|many thanks|regards)\s*[,.]?$/i, starts: ['yours ', 'kind regards', 'best regards', 'with regards', 'many thanks', 'regards'] },
];
export const SIGNATURE_LINE: Cue[] = [
  { family: 'contact', re: /^(?:e-?mail|tel(?:ephone)?|phone|fax|web(?:site)?|address)\s*[:.]?\s*\S+[^.]{0,60}$|^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$|^(?:\+44|0)\d[\d ]{8,12}$/i, starts: ['e-mail', 'email', 'tel', 'phone', 'fax', 'web', 'address', '+44', '0'], holds: ['@'] },
  { family: 'sender', re: /^(?:freedom of information|foi|information (?:rights|management|compliance|access|disclosure))\s+(?:officer|team|unit|manager|advisor|adviser|decision maker|department|office)\b[^.]{0,40}$/i, starts: ['freedom of information', 'foi', 'information '] },
];

/** Headings and statements of the refusal reasoning: exemptions, public interest, harm. */
export const REFUSAL_START: Cue[] = [
  { family: 'public-interest', re: /^(?:public interest (?:test|considerations?|balance)|factors? (?:favouring|for|against) (?:disclosure|non-disclosure|neither confirming)|balanc(?:e|ing) (?:test|of the public interest)|(?:evidence of )?harm(?: test)?|overall harm|reasons? for (?:decision|refusal|withholding)|exemptions? (?:applied|engaged|cited|used)|considerations? (?:favouring|against))\b[^.]{0,40}[:.]?$/i, starts: ['public interest ', 'factor', 'balanc', 'evidence of harm', 'harm', 'overall harm', 'reason', 'exemption', 'consideration'] },
];
export const REFUSAL_LINE: Cue[] = [
  { family: 'exemption-reasoning', re: /\b(?:is|are) (?:an )?(?:absolute|qualified|class[- ]based|prejudice[- ]based) exemptions?\b|\bpublic interest (?:test|in (?:maintaining|favour|disclosure))\b|\b(?:engage|engages|engaged|engaging) (?:the )?(?:exemption|section)\b|\bfactors? favouring (?:disclosure|non-disclosure)\b|\bthe (?:balance|balancing) of the public interest\b/i, holds: ['exemption', 'public interest', 'engag', 'favouring '] },
];

/** A news article's furniture: bylines, datelines, image credits. */
export const NEWS_CHROME: Cue[] = [
  { family: 'byline', re: /^(?:by|words by|reporter[:]?)\s+[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3}(?:\s*[,|–-]\s*[\w ]{0,40})?$/, starts: ['by', 'words by', 'reporter'] },
  { family: 'dateline', re: /^(?:published|updated|posted|first published|last updated)\b[^.]{0,60}$|^\d{1,2}(?:st|nd|rd|th)? [A-Z][a-z]+ \d{4},? \d{1,2}[:.]\d{2}(?:\s*[ap]m)?$/i, starts: ['published', 'updated', 'posted', 'first published', 'last updated'], holds: [':', '.'] },
  { family: 'image-credit', re: /^(?:image|picture|photo)(?: credit)?\s*[:,]|\((?:image|picture|photo):?[^)]{0,60}\)$/i, holds: ['image', 'picture', 'photo'] },
];

/** A statement of what was decided or given: such a line is never standard text, whatever else it says. */
export const DECISION = /\b(?:exempt(?:ion)?|withh[oe]ld|withholding|not held|does not hold|do not hold|neither confirm|please (?:find|see)|(?:is|are) attached|holds? (?:the|this|some) information|can confirm|refus(?:e|ed|al)|exceed|section \d+\s*\(\d)/i;

/** Lines that are answers by their form: they end a run of standard or refusal text. */
export const ANSWER_RESUME = /^(?:Q(?:uestion)?\s*\.?\s*\d{1,2}[a-z]?\b|A(?:nswer)?\s*\.?\s*\d{1,2}[a-z]?\b|(?:response|answer)\s+(?:to\s+)?(?:q(?:uestion)?\s*)?\d{1,2}\b|\d{1,2}\s*[.)]\s+\S|\(?[a-z]\)\s+\S)/i;

/** A platform's sentence that names the request (Alaveteli prints it above every attachment it shows as HTML). */
export const PLATFORM_TITLE = /^This is an HTML version of an attachment to the Freedom of Information request ['‘“"](.+?)['’”"]\.?$/i;

/** A UK postcode, or the words of a postal address: a letterhead line. */
export const ADDRESS = /\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b|\b(?:Headquarters|HQ|House|Road|Street|Lane|Avenue|Way|Drive|Park|Hill|Lodge|Court|Square|PO Box|P\.O\. Box)\b/;

/** An acknowledgement: the authority has the request and will answer later. Nothing was decided yet. */
export const ACKNOWLEDGEMENT = /\b(?:will be dealt with under the terms of|a response (?:should|will) be sent to you|we (?:have|has) received your request|acknowledge (?:receipt|your request)|is being (?:dealt with|processed)|will (?:respond|reply) (?:to you )?(?:within|by|promptly))\b/i;
