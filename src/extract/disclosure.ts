// Placeholder: assembles a disclosure from the extractors (filled in by the core issue).
import { PARSER_VERSION } from '../version.js';
import type { ReadResult } from '../readers/types.js';
import type { Disclosure } from '../records/schema.js';

export interface ExtractContext {
  url: string | null;
  force: string | null;
  sha256: string;
}

export function extractDisclosure(doc: ReadResult, ctx: ExtractContext): Disclosure {
  const id = `${ctx.force ?? 'unknown'}/u-${ctx.sha256.slice(0, 12)}`;
  return {
    id, force: ctx.force, kind: 'other', reference: null, publication_ref: null, title: doc.title, url: ctx.url,
    request_date: null, response_date: null, published_date: null, outcome: 'unknown', ncnd: false, cost_limit: false,
    topics: [], request_text: '', content_sha256: ctx.sha256, parser_version: PARSER_VERSION, warnings: doc.warnings,
    questions: [], periods: [], exemptions: [], figures: [], cases: [], attachments: [],
  };
}
