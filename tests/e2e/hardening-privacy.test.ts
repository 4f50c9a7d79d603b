// Names and dates of birth never reach the output, even where a source prints them: an
// invented disclosure page (prose and an officer-level table with name and DOB columns) and
// an invented news text (names introduced by a rank, a title, ", a … officer", DOBs).
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs script without typings
import { PRIVATE, PRIVACY_NEWS_TXT, PRIVACY_PAGE_HTML } from '../../scripts/make-broken-fixtures.mjs';
import type { Disclosure } from '../../src/records/schema.js';
import { runCli } from '../support/cli.js';

const INPUTS = ['fixtures/broken/privacy-page.html', 'fixtures/broken/privacy-news.txt'];
const out = mkdtempSync(join(tmpdir(), 'foi-hardening-privacy-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('personal data in the sources', () => {
  it('is really printed there (the fixtures are what the generator makes)', () => {
    expect(readFileSync(INPUTS[0], 'utf8')).toBe(PRIVACY_PAGE_HTML);
    expect(readFileSync(INPUTS[1], 'utf8')).toBe(PRIVACY_NEWS_TXT);
    const both = PRIVACY_PAGE_HTML + PRIVACY_NEWS_TXT;
    for (const p of PRIVATE as string[]) expect(both).toContain(p);
  });
});

describe('parse output', () => {
  const json = runCli(['parse', ...INPUTS, '--format', 'json']);
  const csv = runCli(['parse', ...INPUTS, '--format', 'csv', '--out', out]);

  it('both inputs parse', () => {
    expect(json.code, json.stderr).toBe(0);
    expect(csv.code, csv.stderr).toBe(0);
  });

  it('JSON holds no name and no date of birth', () => {
    for (const p of PRIVATE as string[]) expect(json.stdout, p).not.toContain(p);
  });

  it('no CSV file holds a name or a date of birth', () => {
    const files = readdirSync(out).filter((f) => f.endsWith('.csv'));
    expect(files).toEqual(expect.arrayContaining(['disclosures.csv', 'questions.csv', 'figures.csv', 'cases.csv', 'exemptions.csv', 'periods.csv', 'attachments.csv']));
    for (const f of files) {
      const body = readFileSync(join(out, f), 'utf8');
      for (const p of PRIVATE as string[]) expect(body, `${f}: ${p}`).not.toContain(p);
    }
  });

  it('the figures and cases are still there', () => {
    const [page, news] = JSON.parse(json.stdout) as Disclosure[];
    expect(page.reference).toBe('88C/24');
    expect(page.figures.map((f) => [f.value, f.text])).toEqual([[3, '3 officers'], [2, '2 officers']]);
    expect(page.cases.map((c) => [c.rank, c.offence, c.offence_category, c.event_year])).toEqual([
      ['Police Constable', 'Drink driving', 'driving', 2022],
      ['Police Constable', 'Harassment', 'harassment_stalking', 2023],
      ['Sergeant', 'Fraud by false representation', 'dishonesty', 2022],
    ]);
    expect(page.exemptions.map((e) => e.citation)).toEqual(['40(2)']);
    expect(news.kind).toBe('news_article');
    expect(news.figures.map((f) => [f.value, f.text])).toEqual([[2, 'Two officers'], [5, '5 officers']]);
    expect(news.cases.map((c) => [c.role, c.event_year, c.text])).toEqual([['police_officer', 2021, 'a serving police officer, was jailed in 2021 for misconduct in public office.']]);
  });

  it('where a row quoted the personal data, it says [redacted] and keeps its locator', () => {
    const [page] = JSON.parse(json.stdout) as Disclosure[];
    expect(page.questions.map((q) => q.text)).toEqual([
      '1) How many police officers were convicted of criminal offences in 2022 and 2023, including PC [redacted] (DOB [redacted])?',
      '2) Was Detective Sergeant [redacted], date of birth: [redacted], one of them?',
    ]);
    expect(page.request_text).toBe(page.questions.map((q) => q.text).join('\n'));
    expect(page.cases.map((c) => c.text)).toEqual([
      'Constable | Drink driving | Fined | 2022',
      'PC [redacted] | Harassment | Dismissed | 2023',
      'Sgt [redacted] (DOB [redacted]) | Fraud by false representation | Dismissed | 2022',
    ]);
    // The locators still point at the source's span, which holds what was redacted.
    for (const r of [...page.questions, ...page.cases]) expect(r.locator).toMatch(/^char:\d+-\d+$/);
  });
});
