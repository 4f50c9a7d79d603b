// `foi-harvest parse <attachment>` on its own: the built CLI turns a PDF / XLSX / DOCX / CSV
// attachment into its table's figures or cases, and a broken attachment into a one-line error.
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

// Each figure's label ends with its table's title (issue 12).
const T1 = ' — Police officers convicted of criminal offences, by offence type and year';
const T2 = ' — Police officers suspended, by year and gender';

const FX = 'fixtures/attachments';

interface Out {
  figures: { value: number; label: string; year: number | null; offence: string | null; offence_category: string | null; is_total: boolean; text: string; locator: string; sha256: string }[];
  cases: { role: string; rank: string | null; gender: string | null; offence: string | null; event: string; event_year: number | null; status_now: string | null; text: string; locator: string }[];
  content_sha256: string;
  warnings: string[];
}

function parse(...files: string[]): { out: Out[]; stderr: string; code: number } {
  const r = runCli(['parse', ...files.map((f) => `${FX}/${f}`)]);
  return { out: r.stdout ? (JSON.parse(r.stdout) as Out[]) : [], stderr: r.stderr, code: r.code };
}

describe('parse an attachment with the CLI', () => {
  it('PDF (ruled and unruled), XLSX, DOCX and CSV conviction tables give the table figures, with locators', () => {
    const { out, code, stderr } = parse('convictions-ruled.pdf', 'convictions-unruled.pdf', 'convictions.xlsx', 'convictions.docx', 'convictions.csv');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(out).toHaveLength(5);
    const rows = out.map((d) => d.figures.map((f) => [f.value, f.label, f.year, f.offence, f.is_total]));
    for (const r of rows) expect(r).toEqual(rows[0]);
    expect(rows[0]).toHaveLength(28);
    expect(rows[0].slice(0, 4)).toEqual([
      [2, 'Assault | 2019' + T1, 2019, 'Assault', false],
      [1, 'Assault | 2020' + T1, 2020, 'Assault', false],
      [0, 'Assault | 2021' + T1, 2021, 'Assault', false],
      [3, 'Assault | Total' + T1, null, 'Assault', true],
    ]);
    expect(rows[0].slice(20)).toEqual([
      [0, 'Misconduct Public Office | 2019' + T1, 2019, 'Misconduct Public Office', false],
      [1, 'Misconduct Public Office | 2020' + T1, 2020, 'Misconduct Public Office', false],
      [0, 'Misconduct Public Office | 2021' + T1, 2021, 'Misconduct Public Office', false],
      [1, 'Misconduct Public Office | Total' + T1, null, 'Misconduct Public Office', true],
      [8, 'Total | 2019' + T1, 2019, null, true],
      [6, 'Total | 2020' + T1, 2020, null, true],
      [5, 'Total | 2021' + T1, 2021, null, true],
      [19, 'Total | Total' + T1, null, null, true],
    ]);
    // Not double counted: the sum of the non-total cells is the printed grand total.
    for (const d of out) expect(d.figures.filter((f) => !f.is_total).reduce((n, f) => n + f.value, 0)).toBe(19);
    expect(out.map((d) => d.figures[20].locator)).toEqual(['pdf:p1:t1:r7:c2', 'pdf:p1:t1:r7:c2', 'xlsx:Convictions!B8', 'docx:t1:r8:c2', 'csv:r8:c2']);
    expect(out.map((d) => d.figures[20].text)).toEqual(['None', 'None', 'None', 'None', 'None']);
    for (const d of out) for (const f of d.figures) expect(f.sha256).toBe(d.content_sha256);
  });

  it('a PDF table across two pages gives one set of figures, with page locators', () => {
    const { out, code } = parse('suspensions-two-pages.pdf');
    expect(code).toBe(0);
    const f = out[0].figures;
    expect(f).toHaveLength(21);
    expect(f.filter((x) => !x.is_total).map((x) => x.value).reduce((a, b) => a + b, 0)).toBe(1085);
    expect(f.find((x) => x.label === '2018 | Male' + T2)).toMatchObject({ value: 1051, text: '1,051', locator: 'pdf:p1:t1:r5:c2' });
    expect(f.find((x) => x.label === 'Total | Total' + T2)).toMatchObject({ value: 1085, is_total: true, locator: 'pdf:p2:t1:r4:c4' });
  });

  it('officer-level XLSX and PDF tables give cases, and never a name or a date of birth', () => {
    const r = runCli(['parse', `${FX}/officers.xlsx`, `${FX}/officers-ruled.pdf`]);
    expect(r.code).toBe(0);
    for (const secret of ['Testperson', 'Fictional', 'Madeup', 'Notreal', 'Invented', 'Jonathan', 'Imogen', '14/02/1981', '03/11/1990', '22/07/1995', '09/05/1988', '30/01/1979']) {
      expect(r.stdout).not.toContain(secret);
      expect(r.stderr).not.toContain(secret);
    }
    const out = JSON.parse(r.stdout) as Out[];
    for (const d of out) {
      expect(d.figures).toEqual([]);
      expect(d.cases.map((c) => [c.role, c.rank, c.gender, c.offence, c.event, c.event_year, c.status_now])).toEqual([
        ['police_officer', 'Police Constable', 'male', 'Assault', 'convicted', 2019, 'dismissed'],
        ['police_officer', 'Detective Sergeant', 'female', 'Drink driving', 'convicted', 2020, 'serving'],
        ['pcso', null, 'male', 'Shoplifting', 'convicted', 2020, 'resigned'],
        ['special_constable', 'Special Constable', 'female', 'Possession of a class A drug', 'convicted', 2021, 'left'],
        ['police_officer', 'Detective Constable', 'male', 'Making indecent images of children', 'convicted', 2021, 'dismissed'],
      ]);
    }
    expect(out[0].cases[0].locator).toBe('xlsx:Officers!C3:I3');
    expect(out[1].cases[0].locator).toBe('pdf:p1:t1:r2');
  });

  it('a scanned page is a warning on the disclosure', () => {
    const { out, code } = parse('scanned.pdf');
    expect(code).toBe(0);
    expect(out[0].warnings).toContain('pdf:p2: no text layer (scanned image?)');
  });

  it('encrypted, truncated and zip-bomb files fail one line each, naming the file; the good input is still written', () => {
    const r = runCli(['parse', `${FX}/encrypted.pdf`, `${FX}/truncated.pdf`, `${FX}/zip-bomb.xlsx`, `${FX}/convictions.csv`]);
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split('\n').filter((l) => !/^npm warn/.test(l));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain('encrypted.pdf');
    expect(lines[0]).toContain('encrypted PDF (password required)');
    expect(lines[1]).toContain('truncated.pdf');
    expect(lines[1]).toContain('corrupt PDF');
    expect(lines[2]).toContain('zip-bomb.xlsx');
    expect(lines[2]).toContain('zip bomb');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const out = JSON.parse(r.stdout) as Out[];
    expect(out).toHaveLength(1);
    expect(out[0].figures).toHaveLength(28);
  });
});
