// One document's bytes → a validated disclosure: read, extract, validate. Used by
// `parse`, `fetch` and `reparse` alike so that all three give the same rows.
import { sha256Hex } from '../documents/hash.js';
import { extractDisclosure } from '../extract/disclosure.js';
import { redactDisclosure } from '../extract/redact.js';
import { readDocument } from '../readers/index.js';
import { checkDisclosure } from '../records/disclosure-check.js';
import type { Disclosure } from '../records/schema.js';

export interface DocumentInput {
  bytes: Uint8Array;
  /** Where the document came from (URL), used for force detection and provenance; null = unknown. */
  url?: string | null;
  /** A file name, a hint for type sniffing. */
  name?: string | null;
  contentType?: string | null;
  /** Force id that overrides detection. */
  force?: string | null;
}

/** `parse --explain`: the document's kind and each block with the role the segment stage gave it. */
export async function explainDocument(input: DocumentInput): Promise<string> {
  const { segmentSource } = await import('../extract/disclosure.js');
  const { explainSegmentation } = await import('../segment/explain.js');
  const doc = await readDocument({ bytes: input.bytes, name: input.name ?? input.url, contentType: input.contentType, url: input.url });
  const { kind, seg } = segmentSource(doc, input.url ?? null);
  return `kind: ${kind}\n${explainSegmentation(seg)}\n`;
}

export async function parseDocument(input: DocumentInput): Promise<Disclosure> {
  return validateDisclosure(await extractDocument(input));
}

/** Read and extract only: the record before its schema check and redaction (validateDisclosure). */
export async function extractDocument(input: DocumentInput): Promise<Disclosure> {
  const sha256 = sha256Hex(input.bytes);
  const doc = await readDocument({ bytes: input.bytes, name: input.name ?? input.url, contentType: input.contentType, url: input.url });
  return extractDisclosure(doc, { url: input.url ?? null, force: input.force ?? null, sha256 });
}

/**
 * Schema check on the way out: a record that breaks the contract is a bug, reported loudly.
 * The check is the Disclosure schema compiled ahead of time (src/records/disclosure-check.ts),
 * so that `parse` loads no zod; like zod's z.object it drops keys the schema does not name.
 */
export function validateDisclosure(d: Disclosure): Disclosure {
  const valid = checkDisclosure(d) as Disclosure | null;
  if (!valid) {
    const issue = (checkDisclosure as unknown as { errors: Array<{ instancePath: string; message?: string }> | null }).errors?.[0];
    const path = (issue?.instancePath ?? '').split('/').filter(Boolean).join('.');
    throw new Error(`internal error: disclosure ${d.id} fails the schema at ${path}: ${issue?.message ?? 'invalid'}`);
  }
  // Attachments add rows after extraction: personal data is removed from those too.
  return redactDisclosure(valid);
}
