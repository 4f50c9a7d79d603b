// Request, response and publication dates — only where the document labels them
// ("Date of request: …", "your request … received on 2nd May 2023", "Published: …").
// An unlabelled date at the top of a letter is not guessed at (SPEC §4: never a guess).
import { mapped } from './arrays.js';
import { FULL_DATE_SRC, MONTH_RE, parseFullDate } from './dates.js';
import type { Doc, Line } from './doc-model.js';
import { contentLines, contentText } from './doc-model.js';

export interface LabelledDates {
  request_date: string | null;
  response_date: string | null;
  published_date: string | null;
}

const D = `(?:the\\s+)?(${FULL_DATE_SRC}|\\d{4}-\\d{2}-\\d{2})`;
const DAY_MONTH = `[0-3]?\\d(?:st|nd|rd|th)?\\s*(?:of\\s+)?${MONTH_RE}`;
const REQUEST: RegExp[] = [
  new RegExp(`^(?:date of (?:request|receipt)|request (?:date|received)|date (?:request )?received|received|request made)\\s*(?:on)?\\s*[:\\-–]?\\s*${D}`, 'i'),
  new RegExp(`\\b(?:request|e[- ]?mail|letter|correspondence|application)\\b[^.]{0,100}?\\b(?:dated|of|received(?:\\s+by\\s+[^.]{0,80}?)?(?:\\s+on)?|sent on|submitted on|made on)\\s+${D}`, 'i'),
  new RegExp(`\\breceived (?:by [^.]{0,80}? )?on\\s+${D}[^.]{0,40}\\b(?:request|in which)`, 'i'),
  // Two requests answered together: "received on 4 November and 19 November 2019" (the first, its year shared).
  new RegExp(`\\b(?:request|requests)\\b[^.]{0,100}?\\breceived (?:by [^.]{0,80}? )?on\\s+(?:the\\s+)?(?<dm>${DAY_MONTH})\\s+(?:and|&)\\s+(?:the\\s+)?${DAY_MONTH},?\\s+(?<y>(?:19|20)\\d{2})\\b`, 'i'),
];
// A decision notice tells the story: "On 3 January 2023, the complainant wrote to … and requested", "… responded on 31 January 2023".
const NARRATIVE_REQUEST = [
  new RegExp(`\\bOn\\s+${D},?\\s+(?:the complainant|the applicant|[A-Z][\\w.&' ]{1,60}?)\\s+(?:wrote|made|submitted|asked|requested|emailed|sent|contacted)`, 'i'),
  new RegExp(`\\b(?:the complainant|the applicant)\\s+(?:requested|asked for|made an? (?:information )?request|wrote|contacted|submitted (?:a|an) request)\\b[^.]{0,120}?\\bon\\s+${D}`, 'i'),
];
const NARRATIVE_RESPONSE = new RegExp(`\\b(?:responded|replied|provided (?:its|a) response)\\s+on\\s+${D}|^(?:\\d+\\.\\s*)?On\\s+${D},?\\s+[^.]{0,60}?\\b(?:responded|replied)\\b`, 'i');
const RESPONSE = [new RegExp(`^(?:date of response|response date|date responded|responded(?: on)?|date of reply|reply date|response sent(?: on)?|date sent|sent)\\s*[:\\-–]?\\s*${D}`, 'i')];
// An authority's letter dates itself in its letterhead: "Date: 20 January 2020", "Date 19 August 2013".
const LETTER_DATE = [new RegExp(`(?:^|\\s)(?:date[d]?\\s*[:\\-–]?\\s*)${D}(?=\\s|$)`, "i")];
const PUBLISHED = [new RegExp(`^(?:date published|published(?: on| date)?|publication date|date of publication|disclosure date|date (?:of )?disclosure|date disclosed|posted(?: on)?|date posted)\\s*[:\\-–]?\\s*${D}`, 'i')];

// Every pattern above holds a full date (or, for two dates sharing one, a year), and every full
// date holds a year ("2019") or a numeric date's day, month and year ("5/4/22", "1999-02-03"): a
// line without either is not read (most lines of a page, and a reference such as "1104-23"; the
// patterns, ~0.7 ms each to compile on a one-file run, then never run on them).
const MAY_HOLD_DATE = /(?:19|20)\d\d|\d[./-]\d\d?[./-]\d\d/;

/** The lines a label and its date may stand on: each line, run on into the next where it wraps. */
function dateLines(lines: string[]): string[] {
  // A letter wraps its lines: "received by Greater / Manchester Police on 30/01/2023".
  const out: string[] = [];
  // A space joins the two lines: the joined line holds a year or a numeric date only where one of them does.
  const dated = mapped(lines, (t) => MAY_HOLD_DATE.test(t));
  for (let k = 0; k < lines.length; k++) {
    // A line neither dated nor above a dated one is not read further.
    if (!dated[k] && !dated[k + 1]) continue;
    const t = lines[k];
    const last = t.charCodeAt(t.length - 1);
    const wraps = k + 1 < lines.length && last !== 46 && last !== 58; // not ending "." or ":"
    if (dated[k] || (wraps && dated[k + 1])) out.push(wraps ? `${t} ${lines[k + 1]}` : t);
  }
  return out;
}

// A decision notice's story: the complainant's or applicant's request, the Commissioner's findings.
const NARRATIVE_WORDS = /\bthe (?:complainant|applicant)\b|\bthe Commissioner\b/i;
const REQUEST_NARRATIVE = [...REQUEST, ...NARRATIVE_REQUEST];
const RESPONSE_NARRATIVE = [...RESPONSE, NARRATIVE_RESPONSE];
// The words every pattern of a family holds (case aside), asked before the family's patterns:
// most dated lines hold none. Small patterns, cheap to compile on a one-file run and to run.
const RESPONSE_WORDS = /respon|repl|sent/i;
const FAMILY_WORDS = new Map<RegExp[], RegExp>([
  [REQUEST, /rece(?:ipt|ived)|request|e[- ]?mail|letter|correspondence|application/i],
  [REQUEST_NARRATIVE, /rece(?:ipt|ived)|request|e[- ]?mail|letter|correspondence|application|\bon\s|complainant|applicant/i],
  [RESPONSE, RESPONSE_WORDS],
  [RESPONSE_NARRATIVE, RESPONSE_WORDS],
  [PUBLISHED, /publi|disclos|posted/i],
  [LETTER_DATE, /date/i],
]);

// What a single pattern needs beyond its family's words, asked before it runs (and, on a
// one-file run, before it is compiled: each costs ~0.7 ms to compile, most lines need few).
// A pattern anchored at a label needs the line to open with the label's first word; the
// "received on" patterns need "received ". Exact: each test is implied by its pattern.
const NEEDS = new Map<RegExp, RegExp>([
  [REQUEST[0], /^(?:date|request|received)/i],
  [REQUEST[2], /received /i],
  [REQUEST[3], /received /i],
  [RESPONSE[0], /^(?:date|respon|reply|sent)/i],
  [PUBLISHED[0], /^(?:date|publi|disclos|posted)/i],
]);
// Each family's patterns with their needs, looked up once per family, not per line.
const GATED = new Map<RegExp[], Array<{ re: RegExp; needs: RegExp | undefined }>>(
  [...FAMILY_WORDS.keys()].map((family) => [family, family.map((re) => ({ re, needs: NEEDS.get(re) }))]),
);

function first(joined: string[], patterns: RegExp[]): string | null {
  const words = FAMILY_WORDS.get(patterns);
  const gated = GATED.get(patterns) ?? patterns.map((re) => ({ re, needs: undefined }));
  for (const t of joined) {
    if (words && !words.test(t)) continue;
    for (const { re, needs } of gated) {
      if (needs && !needs.test(t)) continue;
      const m = re.exec(t);
      if (m) {
        const iso = parseFullDate(m.groups?.dm ? `${m.groups.dm} ${m.groups.y}` : (m.slice(1).find(Boolean) ?? ''));
        if (iso) return iso;
      }
    }
  }
  return null;
}

export function extractLabelledDates(doc: Doc, letterhead: Set<number> = new Set()): LabelledDates {
  const content = contentLines(doc);
  const lines = mapped(content, (l) => l.text);
  // One scan of the content text, not one per line: a match never crosses a line (its spaces are
  // literal, and a line break is no word character to \b), so the text holds one where a line does.
  const narrative = NARRATIVE_WORDS.test(contentText(doc));
  // A letter's own date may run into its salutation on one line ("Date 19 August 2013 Dear Mr Jones, …").
  const opening = (l: Line) => letterhead.size > 0 && (!doc.request || l.i < doc.request.start) && /^dated?\b/i.test(l.text.trim());
  const head: string[] = [];
  for (const l of content) if (letterhead.has(l.i) || opening(l)) head.push(l.text.trim());
  const dated = dateLines(lines);
  return {
    request_date: first(dated, narrative ? REQUEST_NARRATIVE : REQUEST),
    response_date: first(dated, narrative ? RESPONSE_NARRATIVE : RESPONSE) ?? first(dateLines(head), LETTER_DATE),
    published_date: first(dated, PUBLISHED),
  };
}

/** Every pattern above with the test asked before it (tests: wherever a pattern matches, the test must). */
export function labelledDateGates(): { gate: RegExp; patterns: RegExp[] } {
  return { gate: MAY_HOLD_DATE, patterns: [...REQUEST_NARRATIVE, ...RESPONSE_NARRATIVE, ...LETTER_DATE, ...PUBLISHED] };
}
