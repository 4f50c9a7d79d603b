// `parse --ocr` on the built CLI: a scanned letter and a scanned table give the rows their
// text PDFs give, with OCR locators; --ocr never leaves them unread; a bad mode is a usage error.
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

interface Out {
  reference: string | null;
  request_date: string | null;
  outcome: string | null;
  questions: { text: string }[];
  figures: { value: number; label: string; period_start: string | null; status: string | null; locator: string }[];
  warnings: string[];
}

const parse = (args: string[]) => {
  const r = runCli(['parse', ...args], { timeoutMs: 240_000 });
  return { ...r, out: r.stdout ? (JSON.parse(r.stdout) as Out[]) : [] };
};
const figures = (d: Out) => d.figures.map((f) => [f.value, f.label, f.period_start, f.status]);

describe('parse --ocr', { timeout: 300_000 }, () => {
  it('auto (the default): scanned pages are read by OCR and give the same rows as the text PDFs', () => {
    const { out, code, stderr } = parse(['fixtures/scanned/letter.pdf', 'fixtures/scanned/letter-scanned.pdf', 'fixtures/attachments/convictions-unruled.pdf', 'fixtures/scanned/convictions-scanned.pdf']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const [text, scan, table, tableScan] = out;
    expect([scan.reference, scan.request_date, scan.outcome]).toEqual(['FOI 2024/0815', '2024-02-14', 'full']);
    expect(scan.questions.map((q) => q.text.replace(/\s+/g, ' '))).toEqual([
      '1. How many police officers were dismissed following a gross misconduct hearing in 2022 and in 2023?',
      '2. How many police officers were suspended from duty in 2022 and in 2023?',
    ]);
    expect(figures(scan)).toEqual([
      [7, '2022 | Officers dismissed', '2022-01-01', 'dismissed'],
      [14, '2022 | Officers suspended', '2022-01-01', 'suspended'],
      [11, '2023 | Officers dismissed', '2023-01-01', 'dismissed'],
      [9, '2023 | Officers suspended', '2023-01-01', 'suspended'],
    ]);
    expect(scan.figures.map((f) => f.locator)).toEqual(['pdf:p1:ocr:t1:r2:c2', 'pdf:p1:ocr:t1:r2:c3', 'pdf:p1:ocr:t1:r3:c2', 'pdf:p1:ocr:t1:r3:c3']);
    expect(scan.warnings).toEqual([expect.stringMatching(/^pdf:p1:ocr: read by OCR, confidence (8\d|9\d|100)\/100$/)]);
    expect(figures(scan)).toEqual(figures(text));
    expect([scan.reference, scan.request_date, scan.outcome]).toEqual([text.reference, text.request_date, text.outcome]);
    expect(figures(tableScan)).toHaveLength(28);
    expect(figures(tableScan)).toEqual(figures(table));
    expect(tableScan.figures[27].locator).toBe('pdf:p1:ocr:t1:r8:c5');
  });

  it('never: a scanned page stays unread, with the warning; a bad mode is a one-line usage error', () => {
    const { out, code } = parse(['fixtures/scanned/letter-scanned.pdf', '--ocr', 'never']);
    expect(code).toBe(0);
    expect([out[0].reference, out[0].figures]).toEqual([null, []]);
    expect(out[0].warnings).toContain('pdf:p1: no text layer (scanned image?)');
    const bad = parse(['fixtures/scanned/letter-scanned.pdf', '--ocr', 'sometimes']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^foi-harvest: error: option '--ocr <mode>' argument 'sometimes' is invalid\. Allowed choices are auto, always, never\.\n/);
  });
});
