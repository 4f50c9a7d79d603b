// Row labels, ranks, offences and warnings repeat from document to document: redactDisclosure
// redacts each distinct one once per process (issue 17). A remembered answer must be the answer.
import { describe, expect, it } from 'vitest';
import { redactDisclosure, redactPersonal } from '../../src/extract/redact.js';
import type { Disclosure } from '../../src/records/schema.js';

const figure = (label: string | null, rank: string | null) => ({ text: 'Two officers', offence: null, rank, label }) as unknown as Disclosure['figures'][number];
const disclosure = (figures: Disclosure['figures'], warnings: string[]) =>
  ({ title: null, request_text: '', warnings, questions: [], periods: [], exemptions: [], figures, cases: [], attachments: [] }) as unknown as Disclosure;

describe('redactDisclosure of repeated terms', () => {
  const labels = ['PC John Smith', 'Total', 'DC Jane Doe, a detective constable', 'Sergeant', 'Mr Evans', 'aged 43', 'x'.repeat(130) + ' PC John Smith'];
  it.each(labels)('%j: redacted as redactPersonal redacts it, every time it comes', (label) => {
    for (let k = 0; k < 3; k++) {
      const out = redactDisclosure(disclosure([figure(label, label), figure(label, null)], [label]));
      expect(out.figures.map((f) => [f.label, f.rank])).toEqual([[redactPersonal(label), redactPersonal(label)], [redactPersonal(label), null]]);
      expect(out.warnings).toEqual([redactPersonal(label)]);
    }
  });

  it('redacts a name in a label', () => {
    expect(redactDisclosure(disclosure([figure('PC John Smith', null)], [])).figures[0].label).toBe('PC [redacted]');
  });
});
