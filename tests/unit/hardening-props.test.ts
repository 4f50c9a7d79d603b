// Property-based: whatever bytes or text come in, the readers throw nothing but a ReadError,
// every disclosure validates against the schema, and every child row's text stands in the
// document's extracted text exactly where its char: locator points (with "[redacted]"
// standing for personal data the source printed). Runs are bounded to keep the suite fast.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REDACTED } from '../../src/extract/redact.js';
import { parseDocument } from '../../src/pipeline/parse.js';
import { readDocument } from '../../src/readers/index.js';
import { ReadError } from '../../src/readers/types.js';
import { DisclosureSchema, type Disclosure } from '../../src/records/schema.js';

// A fixed seed keeps CI deterministic; FOI_PROP_SEED=<n> (or a longer FOI_PROP_RUNS) explores further locally.
const SEED = Number(process.env.FOI_PROP_SEED ?? 20261122);
const RUNS = { numRuns: Number(process.env.FOI_PROP_RUNS ?? 150), seed: SEED } as const;

// ------------------------------------------------------------------ generators

const labels = fc.constantFrom('1)', '2)', '3.', 'a)', 'b)', 'Q1', 'Q2:', '(i)', '•', '-', '*', '1.1', 'Question 3');
const years = fc.integer({ min: 1995, max: 2030 }).map(String);
const numberWords = fc.constantFrom('one', 'Two', 'TWENTY one', 'three hundred', 'nil', 'None', 'fewer than 5', '<5', '12', '1,204', '0', '3.5', '-4', '1e9', '99999999999999999999');
const words = fc.constantFrom(
  'officers', 'police officers', 'PCSOs', 'staff', 'were convicted', 'charged', 'cautioned', 'suspended', 'dismissed', 'resigned',
  'serving', 'with a criminal conviction', 'of assault', 'sexual offences', 'drink driving', 'misconduct in public office',
  'in', 'between', 'and', 'since', 'to', 'from', 'during', 'calendar year', 'financial year', 'the force', 'Essex Police',
  'Police Scotland', 'Metropolitan Police Service', 'West Midlands Police', 'PSNI', 'male', 'female', 'Sergeant', 'Constable',
  'PC John Smith', 'DOB 01/02/1980', 'born on 3 March 1979', '(aged 34)', 'Mr Smith', 'officer Neal Porter',
);
const legal = fc.constantFrom(
  'Section 40(2)', 'Section 40(2)&(3A)(a)', 'Section 30 (1) (a) (b (c)', 'section 31(1)(g) by virtue of 31(2)(b)', 'Section 12',
  'neither confirm nor deny', 'Section 31(a)(g)', 'Section 38(2)', 'FOISA', 'Freedom of Information (Scotland) Act 2002', 'EIR 12(5)(b)',
  'exceed the cost limit', 'not held', 'information is not held', 'Section 23(5)', 'Section 44',
);
const headings = fc.constantFrom('Request:', 'Response:', 'I note you seek access to the following information:', 'Our response', 'Answer:', 'Dear Sir/Madam,', 'Yours sincerely', 'Freedom of information request reference no: 01.FOI.24.035089', 'Request Number: FOI/14806', 'Officer Convictions (266A/20)', 'Date received: 03.03.21', 'Date of response: 1 April 2022');
const dates = fc.constantFrom('1 January 2018', '31/12/2022', '03.03.21', 'March 2021 to April 2022', 'Calendar years 2017-2021 (inclusive)', 'since 1 January 2010', 'April 2019 - March 2020', '2018/19');
const oddSpace = fc.constantFrom(' ', '  ', '\u00a0', '\t', ' | ', '|', '\u200b', ' ');
const arbitrary = fc.string({ unit: 'binary', maxLength: 12 });

/** A line of a plausible disclosure: label, then fragments joined by odd spacing. */
const line = fc
  .tuple(fc.option(labels, { nil: undefined }), fc.array(fc.oneof({ weight: 4, arbitrary: words }, numberWords, years, legal, dates, { weight: 1, arbitrary }), { minLength: 1, maxLength: 7 }), oddSpace)
  .map(([label, parts, sp]) => (label ? `${label} ` : '') + parts.join(sp));
const disclosureText = fc
  .array(fc.oneof({ weight: 1, arbitrary: headings }, { weight: 4, arbitrary: line }, { weight: 1, arbitrary: fc.constant('\u00a0') }), { minLength: 1, maxLength: 14 })
  .map((ls) => ls.join('\n'));

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** The same lines as an HTML page: paragraphs, a list, and pipe-separated lines as table rows. */
const asHtml = (text: string) => {
  const body = text
    .split('\n')
    .map((l, i) => (l.includes('|') ? `<table><tr>${l.split('|').map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr></table>` : i % 3 === 2 ? `<ul><li>${escapeHtml(l)}</li></ul>` : `<p>${escapeHtml(l)}</p>`))
    .join('\n');
  return `<!doctype html><html><head><title>t</title></head><body><main>${body}</main></body></html>`;
};

const magic = fc.constantFrom(
  Buffer.from('%PDF-1.4\n'), Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from([0xff, 0xfe]), Buffer.from([0xfe, 0xff]), Buffer.from([0xef, 0xbb, 0xbf]),
  Buffer.from('<!doctype html><html><body>'), Buffer.from('a,b,c\n'), Buffer.alloc(0),
);
const bytesInput = fc.tuple(magic, fc.uint8Array({ maxLength: 600 }), fc.constantFrom('x.pdf', 'x.html', 'x.txt', 'x.csv', 'x.xlsx', 'x.docx', 'x'))
  .map(([m, rest, name]) => ({ bytes: new Uint8Array(Buffer.concat([m, Buffer.from(rest)])), name }));

// ------------------------------------------------------------------ checks

/** Only ReadError may escape; anything else (TypeError, RangeError, a schema failure) is a bug. */
async function onlyReadError<T>(f: () => Promise<T>): Promise<T | null> {
  try {
    return await f();
  } catch (e) {
    if (e instanceof ReadError) return null;
    throw e;
  }
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** One line of row text as a pattern: exact, each "[redacted]" standing for some non-empty span. */
const linePattern = (l: string) => l.split(REDACTED).map(escapeRe).join('[^\\n]+?');

/**
 * The row text matches the located source exactly. A row of several lines (a question
 * printed over lines) may leave out whole lines of its span — blank NBSP lines, a table row
 * inside the question — but its own lines must be the span's first, last and in order.
 */
function matchesSource(rowText: string, source: string): boolean {
  if (rowText === source) return true;
  const lines = rowText.split('\n').map(linePattern);
  // Each line as the reader trimmed it: spaces at either end of a source line are not text.
  const re = new RegExp(`^${lines.join('[^\\S\\n]*\\n(?:[^\\n]*\\n)*?[^\\S\\n]*')}$`);
  return re.test(source);
}

const LOCATOR_FORMS = /^(char:\d+-\d+|pdf:p\d+(:t\d+:r\d+:c\d+)?|xlsx:[^!]+![A-Z]+\d+(:[A-Z]+\d+)?|docx:t\d+:r\d+:c\d+|html:(t\d+:r\d+:c\d+|a\d+)|csv:r\d+(:c\d+)?|attachment:\d+)$/;

function checkRows(d: Disclosure, text: string): string[] {
  const problems: string[] = [];
  const rows = [...d.questions, ...d.periods, ...d.exemptions, ...d.figures, ...d.cases];
  for (const r of rows) {
    if (!LOCATOR_FORMS.test(r.locator)) {
      problems.push(`bad locator ${r.locator}`);
      continue;
    }
    const m = /^char:(\d+)-(\d+)$/.exec(r.locator);
    if (!m) continue;
    const [start, end] = [Number(m[1]), Number(m[2])];
    if (!(start <= end && end <= text.length)) problems.push(`${r.locator} outside the text (${text.length})`);
    else if (!matchesSource(r.text, text.slice(start, end))) problems.push(`${r.locator}: ${JSON.stringify(r.text)} ≠ ${JSON.stringify(text.slice(start, end))}`);
  }
  return problems;
}

async function parseAndCheck(bytes: Uint8Array, name: string): Promise<void> {
  const d = await onlyReadError(() => parseDocument({ bytes, name }));
  if (!d) return;
  expect(DisclosureSchema.safeParse(d).success).toBe(true);
  const doc = await readDocument({ bytes, name });
  expect(checkRows(d, doc.text)).toEqual([]);
}

// ------------------------------------------------------------------ properties

describe('readers on any input', () => {
  it('throw nothing but a ReadError on arbitrary bytes (with real magic numbers in front)', async () => {
    await fc.assert(fc.asyncProperty(bytesInput, async ({ bytes, name }) => void (await onlyReadError(() => readDocument({ bytes, name })))), RUNS);
  }, 60_000);

  it('throw nothing but a ReadError on arbitrary unicode text, as text and as HTML', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 200 }), async (s) => {
        await onlyReadError(() => readDocument({ bytes: Buffer.from(s), name: 'x.txt' }));
        await onlyReadError(() => readDocument({ bytes: Buffer.from(`<html><body><p>${s}</p></body></html>`), name: 'x.html' }));
      }),
      RUNS,
    );
  }, 60_000);
});

describe('extraction on any input', () => {
  it('plausible disclosure texts: schema-valid, every row located exactly (text)', async () => {
    await fc.assert(fc.asyncProperty(disclosureText, (t) => parseAndCheck(Buffer.from(t), 'x.txt')), RUNS);
  }, 60_000);

  it('plausible disclosure texts: schema-valid, every row located exactly (HTML, tables and lists)', async () => {
    await fc.assert(fc.asyncProperty(disclosureText, (t) => parseAndCheck(Buffer.from(asHtml(t)), 'x.html')), RUNS);
  }, 60_000);

  it('arbitrary unicode and arbitrary bytes: schema-valid or a ReadError', async () => {
    await fc.assert(fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 300 }), (s) => parseAndCheck(Buffer.from(s), 'x.txt')), RUNS);
    await fc.assert(fc.asyncProperty(bytesInput, ({ bytes, name }) => parseAndCheck(bytes, name)), { numRuns: 100, seed: SEED });
  }, 60_000);

  it('a known case: personal data is redacted and the row still points at its source', async () => {
    const text = 'Request:\n1) How many officers, such as PC John Smith (DOB 01/02/1980), were convicted?\nResponse:\n2 officers were convicted in 2019.';
    const d = await parseDocument({ bytes: Buffer.from(text), name: 'x.txt' });
    expect(JSON.stringify(d)).not.toMatch(/John|Smith|01\/02\/1980/);
    expect(d.questions.map((q) => q.text)).toEqual(['1) How many officers, such as PC [redacted] (DOB [redacted]), were convicted?']);
    expect(checkRows(d, text)).toEqual([]);
    expect(d.figures.map((f) => f.value)).toContain(2);
  });
});

describe('matchesSource (the checker itself)', () => {
  it.each([
    ['PC [redacted] was', 'PC John Smith was', true],
    ['PC [redacted] was', 'PC John Smith is', false],
    ['3 officers', '3 officers', true],
    ['3 officers', '4 officers', false],
    ['[redacted]', '', false],
    ['1) officers\nofficers', '1) officers\none | one\nofficers', true],
    ['1) officers\nofficers', '1) officers\nofficers\nmore', false],
    ['1) officers\nPC [redacted]', '1) officers\n\u00a0\nPC Jo Bloggs', true],
  ])('%j vs %j → %s', (row, source, ok) => {
    expect(matchesSource(row, source)).toBe(ok);
  });
});
