// Builds the extractors' view of a document from text we write in a test.
import { buildDoc, type Doc } from '../../src/extract/doc-model.js';
import { readText } from '../../src/readers/text.js';

export function docOf(text: string): Doc {
  return buildDoc(readText(text));
}

/** The document's lines (content only), for extractors that take lines. */
export function linesOf(text: string) {
  return docOf(text).lines.filter((l) => !l.blank && !l.furniture);
}
