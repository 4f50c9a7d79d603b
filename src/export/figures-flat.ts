// figures_flat: each figure with its disclosure's and question's context, so one row can be
// read (and checked against its source) without joining three tables.
import type { DatasetDisclosure, FlatFigure } from '../records/schema.js';
import { findForce } from '../sources/registry.js';

const forceNames = new Map<string, string | null>();
function forceName(id: string | null): string | null {
  if (!id) return null;
  if (!forceNames.has(id)) forceNames.set(id, findForce(id)?.name ?? null);
  return forceNames.get(id)!;
}

export function flatFigures(d: DatasetDisclosure): FlatFigure[] {
  const questionText = new Map<string, string>();
  for (const q of d.questions) if (!questionText.has(q.label)) questionText.set(q.label, q.text);
  return d.figures.map((f) => {
    // A figure reads as corrected when it or its disclosure (whose columns it repeats) was.
    const reasons = [f.correction_reason, d.correction_reason].filter((r): r is string => !!r);
    return {
      force: d.force,
      force_name: forceName(d.force),
      disclosure_id: d.id,
      ordinal: f.ordinal,
      title: d.title,
      reference: d.reference,
      url: d.url,
      kind: d.kind,
      outcome: d.outcome,
      request_date: d.request_date,
      response_date: d.response_date,
      published_date: d.published_date,
      question: f.question,
      question_text: f.question === null ? null : (questionText.get(f.question) ?? null),
      period_start: f.period_start,
      period_end: f.period_end,
      year: f.year,
      measure: f.measure,
      event: f.event,
      offence: f.offence,
      offence_category: f.offence_category,
      gender: f.gender,
      rank: f.rank,
      status: f.status,
      label: f.label,
      value: f.value,
      is_total: f.is_total,
      text: f.text,
      locator: f.locator,
      sha256: f.sha256,
      corrected: f.corrected || d.corrected,
      correction_reason: reasons.length ? [...new Set(reasons)].join('; ') : null,
    };
  });
}
