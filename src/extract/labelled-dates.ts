// Request, response and publication dates — only where the document labels them
// ("Date of request: …", "your request … received on 2nd May 2023", "Published: …").
// An unlabelled date at the top of a letter is not guessed at (SPEC §4: never a guess).
import { FULL_DATE_SRC, parseFullDate } from './dates.js';
import type { Doc } from './doc-model.js';
import { contentLines } from './doc-model.js';

export interface LabelledDates {
  request_date: string | null;
  response_date: string | null;
  published_date: string | null;
}

const D = `(?:the\\s+)?(${FULL_DATE_SRC}|\\d{4}-\\d{2}-\\d{2})`;
const REQUEST: RegExp[] = [
  new RegExp(`^(?:date of (?:request|receipt)|request (?:date|received)|date (?:request )?received|received|request made)\\s*(?:on)?\\s*[:\\-–]?\\s*${D}`, 'i'),
  new RegExp(`\\b(?:request|e[- ]?mail|letter|correspondence|application)\\b[^.]{0,100}?\\b(?:dated|of|received(?:\\s+by\\s+[^.]{0,80}?)?\\s+on|sent on|submitted on|made on)\\s+${D}`, 'i'),
  new RegExp(`\\breceived (?:by [^.]{0,80}? )?on\\s+${D}[^.]{0,40}\\b(?:request|in which)`, 'i'),
];
const RESPONSE = [new RegExp(`^(?:date of response|response date|date responded|responded(?: on)?|date of reply|reply date|response sent(?: on)?|date sent|sent)\\s*[:\\-–]?\\s*${D}`, 'i')];
const PUBLISHED = [new RegExp(`^(?:date published|published(?: on| date)?|publication date|date of publication|disclosure date|date disclosed|posted(?: on)?|date posted)\\s*[:\\-–]?\\s*${D}`, 'i')];

function first(lines: string[], patterns: RegExp[]): string | null {
  for (const t of lines) {
    for (const re of patterns) {
      const m = re.exec(t);
      if (m) {
        const iso = parseFullDate(m[1]);
        if (iso) return iso;
      }
    }
  }
  return null;
}

export function extractLabelledDates(doc: Doc): LabelledDates {
  const lines = contentLines(doc).map((l) => l.text);
  return { request_date: first(lines, REQUEST), response_date: first(lines, RESPONSE), published_date: first(lines, PUBLISHED) };
}
