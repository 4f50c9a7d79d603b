// What a harvest knows about a disclosure that its documents do not say: the platform it came
// from, the source's own state of the request (WhatDoTheyKnow's described_state), and for
// WhatDoTheyKnow its stable id. Applied by fetch and again by reparse, so both give the same row.
import type { Disclosure } from '../records/schema.js';
import type { Outcome } from '../records/vocab.js';

export interface SourceFacts {
  source: string;
  source_state: string | null;
  /** The disclosure's id when the source fixes it (`whatdotheyknow/<url_title>`); else the extractor's. */
  id?: string | null;
  duplicate_of?: string | null;
}

/** WhatDoTheyKnow's described_state → outcome (SPEC §5); pending and other states say nothing. */
export function outcomeFromState(state: string | null): Outcome {
  switch (state) {
    case 'successful':
      return 'full';
    case 'partially_successful':
      return 'partial';
    case 'rejected':
      return 'refused';
    case 'not_held':
      return 'not_held';
    default:
      return 'unknown';
  }
}

export function withSource(d: Disclosure, facts: SourceFacts): Disclosure {
  const id = facts.id ?? d.id;
  const rename = <T extends { disclosure_id: string }>(rows: T[]): T[] => (id === d.id ? rows : rows.map((r) => ({ ...r, disclosure_id: id })));
  return {
    ...d,
    id,
    source: facts.source,
    source_state: facts.source_state,
    duplicate_of: facts.duplicate_of ?? d.duplicate_of ?? null,
    // The requester's own classification of the answer is the outcome WhatDoTheyKnow publishes.
    ...(facts.source === 'whatdotheyknow' ? { outcome: outcomeFromState(facts.source_state) } : {}),
    questions: rename(d.questions),
    periods: rename(d.periods),
    exemptions: rename(d.exemptions),
    figures: rename(d.figures),
    cases: rename(d.cases),
    attachments: rename(d.attachments),
  };
}

/** The facts a stored disclosure carries, for a re-parse to keep. */
export function factsOf(d: Disclosure): SourceFacts {
  return { source: d.source, source_state: d.source_state, duplicate_of: d.duplicate_of, id: d.source === 'whatdotheyknow' ? d.id : null };
}
