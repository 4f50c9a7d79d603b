// A disclosure page plus its attachments → one disclosure. `fetch` and `reparse` both
// call this, so a re-parse of stored bytes gives exactly what a fresh fetch would.
import { sha256Hex } from '../documents/hash.js';
import { extractAttachment } from '../extract/attachment.js';
import { readDocument } from '../readers/index.js';
import type { Attachment, Disclosure } from '../records/schema.js';
import { extractDocument, parseDocument, validateDisclosure } from './parse.js';

export interface SourceDoc {
  url: string;
  /** null when it could not be fetched; `error` says why. */
  bytes: Uint8Array | null;
  contentType?: string | null;
  /** Link text of an attachment as printed on the page. */
  name?: string | null;
  error?: string | null;
}

export async function assembleDisclosure(page: SourceDoc & { bytes: Uint8Array }, attachments: SourceDoc[], force?: string | null): Promise<Disclosure> {
  const input = { bytes: page.bytes, url: page.url, contentType: page.contentType, force };
  if (!attachments.length) return parseDocument(input);
  // With attachments, the record is checked and redacted once, whole, after their rows are added:
  // not the page's rows twice (issue 17: a second check and redaction of the page's rows was ~15 %
  // of building a disclosure with a CSV). Both steps are idempotent (tests/unit/assemble-once.test.ts),
  // so the rows are the same as checking the page's record first.
  const d = await extractDocument(input);
  for (const att of attachments) await addAttachment(d, att);
  return validateDisclosure(d);
}

/** Reads one attachment into `d`: an attachments row always, figures and cases when it parses. */
export async function addAttachment(d: Disclosure, att: SourceDoc): Promise<void> {
  const row: Attachment = {
    disclosure_id: d.id,
    ordinal: d.attachments.length + 1,
    url: att.url,
    name: att.name ?? null,
    media_type: null,
    sha256: att.bytes ? sha256Hex(att.bytes) : null,
    bytes: att.bytes ? att.bytes.length : null,
    pages: null,
    parsed: false,
    error: att.error ?? null,
    text: att.name ?? att.url,
    locator: `attachment:${d.attachments.length + 1}`,
  };
  // A page link already listed by the extractor is replaced, not duplicated.
  const existing = d.attachments.findIndex((a) => a.url === att.url);
  if (existing >= 0) {
    row.ordinal = d.attachments[existing].ordinal;
    row.text = d.attachments[existing].text;
    row.locator = d.attachments[existing].locator;
    row.name = row.name ?? d.attachments[existing].name;
    d.attachments[existing] = row;
  } else d.attachments.push(row);
  if (!att.bytes) {
    d.warnings.push(`attachment ${att.url}: not fetched (${att.error ?? 'unknown reason'})`);
    return;
  }
  try {
    const doc = await readDocument({ bytes: att.bytes, name: att.url, contentType: att.contentType, url: att.url });
    row.media_type = doc.mediaType;
    row.pages = doc.pages ?? null;
    const rows = extractAttachment(doc, { sha256: row.sha256! });
    for (const f of rows.figures) d.figures.push({ ...f, disclosure_id: d.id, ordinal: d.figures.length + 1 });
    for (const c of rows.cases) d.cases.push({ ...c, disclosure_id: d.id, ordinal: d.cases.length + 1 });
    for (const w of [...doc.warnings, ...rows.warnings]) d.warnings.push(`attachment ${att.url}: ${w}`);
    row.parsed = true;
  } catch (e) {
    row.error = e instanceof Error ? e.message.split('\n')[0] : String(e);
    d.warnings.push(`attachment ${att.url}: ${row.error}`);
  }
}
