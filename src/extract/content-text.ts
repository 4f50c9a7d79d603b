// A document's content lines (doc-model contentLines) as one text, joined by '\n': kind
// detection, force detection, the Act and the attachment rules all scan it, and it is
// joined once per document instead of once by each (issue 17).
import { contentLines, type Doc, type Line } from './doc-model.js';

// Keyed by the content lines' array: the one contentLines hands out for the document.
const TEXT = new WeakMap<Line[], string>();

/** contentLines(doc).map((l) => l.text).join('\n'), worked out once per document. */
export function contentText(doc: Doc): string {
  const lines = contentLines(doc);
  let text = TEXT.get(lines);
  if (text === undefined) TEXT.set(lines, (text = lines.map((l) => l.text).join('\n')));
  return text;
}
