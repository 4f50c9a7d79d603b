import { describe, expect, it } from 'vitest';
import type { Table } from '../../src/readers/types.js';
import { interpretTable, parseCount, parseDate, parseYearHeading, rowLocator } from '../../src/extract/tables.js';

const SHA = 'b'.repeat(64);

/** A table from rows of text, with `t:r<R>:c<C>` locators (1-based), as a reader would give it. */
function grid(rows: string[][], opts: { headerRows?: number; caption?: string; prefix?: string } = {}): Table {
  const p = opts.prefix ?? 'pdf:p1:t1';
  return {
    locator: p,
    rows: rows.map((r, i) => r.map((text, j) => ({ text, locator: `${p}:r${i + 1}:c${j + 1}` }))),
    headerRows: opts.headerRows,
    caption: opts.caption,
  };
}

const pick = (f: { value: number; label: string | null; year: number | null; offence: string | null; is_total: boolean; locator: string }) =>
  [f.value, f.label, f.year, f.offence, f.is_total, f.locator] as const;

describe('parseCount', () => {
  it.each([
    ['12', 12],
    ['0', 0],
    ['1,051', 1051],
    ['12,345,678', 12345678],
    ['None', 0],
    ['nil', 0],
    [' 7 ', 7],
  ])('%s → %s', (t, v) => expect(parseCount(t)).toBe(v));
  it.each([['12/03/2019'], ['2019-03-12'], ['1,05'], ['12.5'], ['12%'], ['<5'], ['N/A'], ['*'], [''], ['£500'], ['1 051 x']])('%s is not a count', (t) =>
    expect(parseCount(t)).toBeNull(),
  );
});

describe('parseYearHeading', () => {
  it.each([
    ['2019', { year: 2019, period_start: '2019-01-01', period_end: '2019-12-31' }],
    ['2013-14', { year: 2013, period_start: '2013-04-01', period_end: '2014-03-31' }],
    ['2013/14', { year: 2013, period_start: '2013-04-01', period_end: '2014-03-31' }],
    ['2019/2020', { year: 2019, period_start: '2019-04-01', period_end: '2020-03-31' }],
    ['FY 2020/21', { year: 2020, period_start: '2020-04-01', period_end: '2021-03-31' }],
    ['Calendar year 2018', { year: 2018, period_start: '2018-01-01', period_end: '2018-12-31' }],
    ['Year 2018', { year: 2018, period_start: '2018-01-01', period_end: '2018-12-31' }],
    ['2018 (Jan-Dec)', { year: 2018, period_start: '2018-01-01', period_end: '2018-12-31' }],
    ['April 2019 - March 2020', { year: 2019, period_start: '2019-04-01', period_end: '2020-03-31' }],
    ['Apr 2019 to Mar 2020', { year: 2019, period_start: '2019-04-01', period_end: '2020-03-31' }],
    ['2020 (to 2 June)', { year: 2020, period_start: null, period_end: null }],
    ['2024*', { year: 2024, period_start: null, period_end: null }],
  ])('%s', (t, want) => expect(parseYearHeading(t)).toEqual(want));
  it.each([['2013-16'], ['Assault'], ['1850'], ['12'], ['2019 Total'], ['April 2019 - March 2021']])('%s is no year heading', (t) => expect(parseYearHeading(t)).toBeNull());
});

describe('parseDate', () => {
  it.each([
    ['03/11/1990', '1990-11-03'],
    ['3.11.90', '1990-11-03'],
    ['2021-02-28', '2021-02-28'],
    ['31/02/2021', null],
    ['11/2021', null],
    ['March 2021', null],
  ])('%s → %s', (t, want) => expect(parseDate(t)).toBe(want));
});

describe('rowLocator', () => {
  it('strips the column from structured locators', () => {
    expect(rowLocator([{ text: 'a', locator: 'pdf:p2:t1:r3:c1' }])).toBe('pdf:p2:t1:r3');
    expect(rowLocator([{ text: 'a', locator: 'docx:t1:r3:c2' }])).toBe('docx:t1:r3');
  });
  it('spans the cells of a row', () => {
    expect(rowLocator([{ text: 'a', locator: 'xlsx:Sheet 1!C4' }, { text: 'b', locator: 'xlsx:Sheet 1!F4' }])).toBe('xlsx:Sheet 1!C4:F4');
    expect(rowLocator([{ text: 'a', locator: 'char:10-12' }, { text: 'b', locator: 'char:15-20' }])).toBe('char:10-20');
  });
});

describe('interpretTable: years across, offences down, totals', () => {
  const table = grid([
    ['Offence Type', '2010', '2011', 'Total'],
    ['Data Protection Offence', '2', '0', '2'],
    ['Driving Offences', '5', '1,051', '1,056'],
    ['Harassment', 'None', '1', '1'],
    ['Total', '7', '1,052', '1,059'],
  ]);
  const out = interpretTable(table, { sha256: SHA });

  it('gives one figure per numeric cell with label, year, offence, total flag and locator', () => {
    expect(out.figures.map(pick)).toEqual([
      [2, 'Data Protection Offence | 2010', 2010, 'Data Protection Offence', false, 'pdf:p1:t1:r2:c2'],
      [0, 'Data Protection Offence | 2011', 2011, 'Data Protection Offence', false, 'pdf:p1:t1:r2:c3'],
      [2, 'Data Protection Offence | Total', null, 'Data Protection Offence', true, 'pdf:p1:t1:r2:c4'],
      [5, 'Driving Offences | 2010', 2010, 'Driving Offences', false, 'pdf:p1:t1:r3:c2'],
      [1051, 'Driving Offences | 2011', 2011, 'Driving Offences', false, 'pdf:p1:t1:r3:c3'],
      [1056, 'Driving Offences | Total', null, 'Driving Offences', true, 'pdf:p1:t1:r3:c4'],
      [0, 'Harassment | 2010', 2010, 'Harassment', false, 'pdf:p1:t1:r4:c2'],
      [1, 'Harassment | 2011', 2011, 'Harassment', false, 'pdf:p1:t1:r4:c3'],
      [1, 'Harassment | Total', null, 'Harassment', true, 'pdf:p1:t1:r4:c4'],
      [7, 'Total | 2010', 2010, null, true, 'pdf:p1:t1:r5:c2'],
      [1052, 'Total | 2011', 2011, null, true, 'pdf:p1:t1:r5:c3'],
      [1059, 'Total | Total', null, null, true, 'pdf:p1:t1:r5:c4'],
    ]);
  });
  it('keeps the cell text exactly and maps offences to categories', () => {
    const f = out.figures[4];
    expect(f).toMatchObject({
      text: '1,051',
      offence_category: 'driving',
      period_start: '2011-01-01',
      period_end: '2011-12-31',
      measure: 'unknown',
      event: 'other',
      question: null,
      gender: null,
      rank: null,
      status: null,
      sha256: SHA,
    });
    expect(out.figures[6].text).toBe('None');
    expect(out.figures[0].offence_category).toBe('computer_misuse_data_protection');
    expect(out.figures[6].offence_category).toBe('harassment_stalking');
    expect(out.cases).toEqual([]);
    expect(out.warnings).toEqual([]);
  });
  it('takes measure, event and question from the caller', () => {
    const o = interpretTable(table, { sha256: SHA, measure: 'officers', event: 'convicted', question: '2' });
    expect(o.figures.map((f) => [f.measure, f.event, f.question])).toEqual(Array(12).fill(['officers', 'convicted', '2']));
  });
});

describe('interpretTable: shapes', () => {
  it('financial years across set year and the April–March period', () => {
    const out = interpretTable(grid([['', '2013-14', '2014-15'], ['Cautioned', '3', '4']]), { sha256: SHA });
    expect(out.figures.map((f) => [f.value, f.year, f.period_start, f.period_end, f.event, f.label])).toEqual([
      [3, 2013, '2013-04-01', '2014-03-31', 'cautioned', 'Cautioned | 2013-14'],
      [4, 2014, '2014-04-01', '2015-03-31', 'cautioned', 'Cautioned | 2014-15'],
    ]);
  });

  it('years down the first column, gender across', () => {
    const out = interpretTable(grid([['Year', 'Male', 'Female'], ['2019', '6', '1'], ['2020', '4', '3']]), { sha256: SHA });
    expect(out.figures.map((f) => [f.value, f.year, f.gender, f.label, f.locator])).toEqual([
      [6, 2019, 'male', '2019 | Male', 'pdf:p1:t1:r2:c2'],
      [1, 2019, 'female', '2019 | Female', 'pdf:p1:t1:r2:c3'],
      [4, 2020, 'male', '2020 | Male', 'pdf:p1:t1:r3:c2'],
      [3, 2020, 'female', '2020 | Female', 'pdf:p1:t1:r3:c3'],
    ]);
  });

  it('rank rows and status columns', () => {
    const out = interpretTable(grid([['Rank', 'Suspended', 'Restricted duties'], ['PC', '3', '2'], ['DS', '1', '0']]), { sha256: SHA });
    expect(out.figures.map((f) => [f.value, f.rank, f.status])).toEqual([
      [3, 'Police Constable', 'suspended'],
      [2, 'Police Constable', 'restricted_duties'],
      [1, 'Detective Sergeant', 'suspended'],
      [0, 'Detective Sergeant', 'restricted_duties'],
    ]);
  });

  it('role columns set the measure', () => {
    const out = interpretTable(grid([['', 'Police Officers', 'PCSOs', 'Police Staff'], ['Convicted', '5', '2', '7']]), { sha256: SHA });
    expect(out.figures.map((f) => [f.value, f.measure, f.event])).toEqual([
      [5, 'officers', 'convicted'],
      [2, 'pcsos', 'convicted'],
      [7, 'staff', 'convicted'],
    ]);
  });

  it('two heading rows (a merged group heading over years) and group labels carried down', () => {
    const out = interpretTable(
      grid(
        [
          ['Gender', 'Offence', 'Year', 'Year'],
          ['Gender', 'Offence', '2020', '2021'],
          ['Male', 'Assault', '1', '2'],
          ['', 'Theft', '0', '1'],
        ],
        { headerRows: 2 },
      ),
      { sha256: SHA },
    );
    expect(out.figures.map((f) => [f.value, f.gender, f.offence, f.year, f.label])).toEqual([
      [1, 'male', 'Assault', 2020, 'Male | Assault | Year 2020'],
      [2, 'male', 'Assault', 2021, 'Male | Assault | Year 2021'],
      [0, 'male', 'Theft', 2020, 'Male | Theft | Year 2020'],
      [1, 'male', 'Theft', 2021, 'Male | Theft | Year 2021'],
    ]);
  });

  it('infers two heading rows when the second starts blank', () => {
    const out = interpretTable(grid([['Offence', 'Calendar year', 'Calendar year'], ['', '2020', '2021'], ['Assault', '1', '2']]), { sha256: SHA });
    expect(out.figures.map((f) => [f.value, f.year, f.label])).toEqual([
      [1, 2020, 'Assault | Calendar year 2020'],
      [2, 2021, 'Assault | Calendar year 2021'],
    ]);
  });

  // The title now stands in the label too (issue 12: every figure knows its table's title).
  it('a title row across the table is the caption: it names measure and event, not a heading', () => {
    const out = interpretTable(
      grid([['Officers cautioned by year', 'Officers cautioned by year'], ['Year', 'Number'], ['2019', '4']]),
      { sha256: SHA },
    );
    expect(out.figures.map((f) => [f.value, f.year, f.label, f.measure, f.event])).toEqual([[4, 2019, '2019 | Number — Officers cautioned by year', 'officers', 'cautioned']]);
  });

  it('a table of counts with no headings at all', () => {
    const out = interpretTable(grid([['Assault', '3'], ['Theft', '2']]), { sha256: SHA });
    expect(out.figures.map((f) => [f.value, f.offence, f.label])).toEqual([
      [3, 'Assault', 'Assault'],
      [2, 'Theft', 'Theft'],
    ]);
  });

  it('dates, decimals and text are not figures; suppressed values are warned about', () => {
    const out = interpretTable(
      grid([['Offence', 'Number', 'Date', 'Rate'], ['Assault', '3', '12/03/2019', '1.5'], ['Theft', '<5', '01/04/2020', '0.2']]),
      { sha256: SHA },
    );
    expect(out.figures.map((f) => [f.value, f.label])).toEqual([[3, 'Assault | Number']]);
    expect(out.warnings).toEqual(['pdf:p1:t1:r3:c2: "<5" is not an exact figure; not counted']);
  });

  it('never reads a name column, even in a count table', () => {
    const out = interpretTable(grid([['Name', 'Offence', 'Convictions'], ['Zebedee Nobody', 'Assault', '2']]), { sha256: SHA });
    expect(out.figures.map((f) => [f.value, f.label, f.offence])).toEqual([[2, 'Assault | Convictions', 'Assault']]);
    expect(JSON.stringify(out)).not.toContain('Zebedee');
  });

  it.each([
    ['Total', true],
    ['TOTAL', true],
    ['Grand Total', true],
    ['Sub-total', true],
    ['All offences', true],
    ['All other offences', false],
    ['Total number of officers', true],
    ['Assault', false],
  ])('row heading %s is a total: %s', (heading, want) => {
    const out = interpretTable(grid([['Offence', '2020'], [heading, '3']]), { sha256: SHA });
    expect(out.figures.map((f) => f.is_total)).toEqual([want]);
  });

  it('a count column beside officer details keeps it a count table; an age column does not', () => {
    const counts = interpretTable(grid([['Rank', 'Gender', 'Number of officers'], ['PC', 'Male', '4'], ['PC', 'Female', '2']]), { sha256: SHA });
    expect(counts.figures.map((f) => [f.value, f.rank, f.gender, f.measure])).toEqual([
      [4, 'Police Constable', 'male', 'officers'],
      [2, 'Police Constable', 'female', 'officers'],
    ]);
    expect(counts.cases).toEqual([]);
    const cases = interpretTable(grid([['Rank', 'Age', 'Offence'], ['PC', '34', 'Assault']]), { sha256: SHA });
    expect(cases.figures).toEqual([]);
    expect(cases.cases.map((c) => c.text)).toEqual(['PC | 34 | Assault']);
  });

  it('a first column numbering the rows is an index, not a count', () => {
    const counts = interpretTable(grid([['No.', 'Offence', 'Officers'], ['1', 'Assault', '4'], ['2', 'Theft', '2']]), { sha256: SHA });
    expect(counts.figures.map((f) => [f.value, f.label, f.measure])).toEqual([
      [4, 'Assault | Officers', 'officers'],
      [2, 'Theft | Officers', 'officers'],
    ]);
    const cases = interpretTable(grid([['No.', 'Rank', 'Offence', 'Outcome'], ['1', 'PC', 'Assault', 'Fine'], ['2', 'PS', 'Theft', 'Caution']]), { sha256: SHA });
    expect(cases.cases.map((c) => [c.rank, c.offence, c.event, c.text])).toEqual([
      ['Police Constable', 'Assault', 'convicted', 'PC | Assault | Fine'],
      ['Sergeant', 'Theft', 'cautioned', 'PS | Theft | Caution'],
    ]);
  });

  it('a group heading spread over year columns (West Midlands style)', () => {
    const out = interpretTable(
      grid([
        ['Offence Type', 'Year', 'Year'],
        ['', '2010', '2011'],
        ['Data Protection Offence', '2', '0'],
        ['Send Malicious Communication', '0', '1'],
      ]),
      { sha256: SHA },
    );
    expect(out.figures.map((f) => [f.value, f.year, f.offence_category, f.label])).toEqual([
      [2, 2010, 'computer_misuse_data_protection', 'Data Protection Offence | Year 2010'],
      [0, 2011, 'computer_misuse_data_protection', 'Data Protection Offence | Year 2011'],
      [0, 2010, 'malicious_communications', 'Send Malicious Communication | Year 2010'],
      [1, 2011, 'malicious_communications', 'Send Malicious Communication | Year 2011'],
    ]);
  });

  it('prose tables (no numbers) give nothing', () => {
    expect(interpretTable(grid([['Request', 'Response'], ['How many officers?', 'Information not held']]), { sha256: SHA })).toEqual({ figures: [], cases: [], warnings: [] });
    expect(interpretTable({ locator: 'x', rows: [] }, { sha256: SHA })).toEqual({ figures: [], cases: [], warnings: [] });
  });
});

describe('interpretTable: one row per officer → cases', () => {
  const table = grid(
    [
      ['Officer name', 'DOB', 'Role', 'Rank', 'Gender', 'Offence', 'Year', 'Outcome', 'Status at time', 'Current status'],
      ['Zebedee Nobody', '01/01/1970', 'Police Officer', 'PC', 'Male', 'Assault', '2019', 'Fine £500', 'Serving', 'Dismissed'],
      ['Yolanda Nobody', '02/02/1980', 'Police Staff', '', 'Female', 'Harassment', '2020-21', 'Not guilty', 'Suspended', 'Still serving'],
      ['Xavier Nobody', '03/03/1990', '', 'DC', 'M', 'Sexual assault', '', 'Awaiting trial', '', 'Suspended'],
    ],
    { prefix: 'docx:t1' },
  );
  const out = interpretTable(table, { sha256: SHA });

  it('gives one case per row, names and dates of birth dropped', () => {
    expect(out.figures).toEqual([]);
    expect(out.cases).toEqual([
      {
        role: 'police_officer',
        rank: 'Police Constable',
        gender: 'male',
        offence: 'Assault',
        offence_category: 'violence',
        event: 'convicted',
        event_year: 2019,
        event_date: null,
        disposal: 'Fine £500',
        status_at_event: 'serving',
        status_now: 'dismissed',
        text: 'Police Officer | PC | Male | Assault | 2019 | Fine £500 | Serving | Dismissed',
        locator: 'docx:t1:r2',
        sha256: SHA,
      },
      {
        role: 'staff',
        rank: null,
        gender: 'female',
        offence: 'Harassment',
        offence_category: 'harassment_stalking',
        event: 'other',
        event_year: 2020,
        event_date: null,
        disposal: 'Not guilty',
        status_at_event: 'suspended',
        status_now: 'serving',
        text: 'Police Staff | Female | Harassment | 2020-21 | Not guilty | Suspended | Still serving',
        locator: 'docx:t1:r3',
        sha256: SHA,
      },
      {
        role: 'police_officer',
        rank: 'Detective Constable',
        gender: 'male',
        offence: 'Sexual assault',
        offence_category: 'sexual',
        event: 'charged',
        event_year: null,
        event_date: null,
        disposal: 'Awaiting trial',
        status_at_event: null,
        status_now: 'suspended',
        text: 'DC | M | Sexual assault | Awaiting trial | Suspended',
        locator: 'docx:t1:r4',
        sha256: SHA,
      },
    ]);
    const json = JSON.stringify(out);
    for (const secret of ['Zebedee', 'Yolanda', 'Xavier', '1970', '02/02/1980', '03/03/1990']) expect(json).not.toContain(secret);
  });

  it('uses the caller event when rows do not say, and the date column for year and date', () => {
    const o = interpretTable(
      grid([['Rank', 'Offence', 'Date of conviction', 'Sentence'], ['Sgt', 'Drink driving', '14/06/2018', ''], ['PCSO', 'Theft', '', '']]),
      { sha256: SHA, event: 'convicted' },
    );
    expect(o.cases.map((c) => [c.role, c.rank, c.offence_category, c.event, c.event_year, c.event_date, c.disposal])).toEqual([
      ['police_officer', 'Sergeant', 'driving', 'convicted', 2018, '2018-06-14', null],
      ['pcso', null, 'dishonesty', 'convicted', null, null, null],
    ]);
  });

  it('works on tables from HTML/text (char locators, no declared headings)', () => {
    const t: Table = {
      locator: 'html:t1',
      rows: [
        [
          { text: 'Rank', locator: 'char:0-4' },
          { text: 'Offence', locator: 'char:7-14' },
          { text: 'Status', locator: 'char:17-23' },
        ],
        [
          { text: 'PC', locator: 'char:24-26' },
          { text: 'Common assault', locator: 'char:29-43' },
          { text: 'Resigned', locator: 'char:46-54' },
        ],
      ],
    };
    const o = interpretTable(t, { sha256: SHA });
    expect(o.cases.map((c) => [c.rank, c.offence_category, c.status_now, c.text, c.locator])).toEqual([
      ['Police Constable', 'violence', 'resigned', 'PC | Common assault | Resigned', 'char:24-54'],
    ]);
  });
});

describe('interpretTable: what each figure counts', () => {
  // A request about officers accused of something; the tables count matters, not officers.
  const ctx = { sha256: SHA, measure: 'officers' as const, event: 'allegation' as const };
  const received = grid([
    ['', '2021', '2022'],
    ['Public complaints', '4', '2'],
    ['Allegations', '7', '6'],
    ['Conducts', '9', '3'],
    ['Allegations', '12', '1'],
  ]);
  const first = interpretTable(received, ctx);

  it('rows naming their unit keep it; a count of complaints or cases takes no event from the request', () => {
    expect(first.figures.map((f) => [f.value, f.measure, f.event])).toEqual([
      [4, 'complaints', 'other'],
      [2, 'complaints', 'other'],
      [7, 'allegations', 'allegation'],
      [6, 'allegations', 'allegation'],
      [9, 'cases', 'other'],
      [3, 'cases', 'other'],
      [12, 'allegations', 'allegation'],
      [1, 'allegations', 'allegation'],
    ]);
  });

  it('an outcomes table adding up, year by year, to the allegations above counts allegations; exits give a status', () => {
    const outcomes = grid(
      [
        ['', '2021', '2022'],
        ['No further action', '9', '4'],
        ['Written warning', '4', '1'],
        ['Dismissed', '3', '1'],
        ['Would have been dismissed', '1', '0'],
        ['Retired or resigned', '2', '1'],
      ],
      { caption: 'Results' },
    );
    const got = interpretTable(outcomes, { ...ctx, earlier: first.figures });
    expect(got.figures.filter((f) => f.year === 2021).map((f) => [f.value, f.measure, f.event, f.status])).toEqual([
      [9, 'allegations', 'other', null],
      [4, 'allegations', 'other', null],
      [3, 'allegations', 'dismissed', 'dismissed'],
      [1, 'allegations', 'other', null],
      [2, 'allegations', 'resigned', 'left'],
    ]);
    // Without the earlier table nothing says what they count: the request's subject stands.
    expect(interpretTable(outcomes, ctx).figures[2]).toMatchObject({ measure: 'officers', event: 'allegation' });
  });

  it('a printed total that does not add up is kept, with a warning', () => {
    const t = grid([
      ['Offence', '2011', '2012'],
      ['Assault', '3', '2'],
      ['Theft', '4', '1'],
      ['Total', '8', '3'],
    ]);
    const got = interpretTable(t, { sha256: SHA });
    expect(got.figures.filter((f) => f.is_total).map((f) => f.value)).toEqual([8, 3]);
    expect(got.warnings).toEqual(['pdf:p1:t1:r4:c2: the printed total 8 (Total | 2011) is not the sum of the 2 figures beside it (7); both kept']);
  });
});

describe('interpretTable: units that are not people', () => {
  it('a column of days counts days (measure unknown, event other), whatever the request asked', () => {
    const t = grid([
      ['Rank', 'Sickness days'],
      ['Constable', '812.5'],
      ['Sergeant', '140'],
    ]);
    const got = interpretTable(t, { sha256: SHA, measure: 'officers', event: 'suspended' });
    expect(got.figures.map((f) => [f.value, f.measure, f.event])).toEqual([
      [812.5, 'unknown', 'other'],
      [140, 'unknown', 'other'],
    ]);
  });
});

describe('interpretTable: rows that restate a sum', () => {
  it('a row equal to the rows straight below it is a total; the printed total then adds up without it', () => {
    const t = grid([
      ['Outcome', '2019', '2020'],
      ['Not prosecuted', '12', '9'],
      ['Prosecuted', '30', '17'],
      ['Convicted', '21', '5'],
      ['Acquitted', '6', '4'],
      ['Awaiting trial', '3', '8'],
      ['Total', '42', '26'],
    ]);
    const got = interpretTable(t, { sha256: SHA });
    expect(got.figures.filter((f) => f.is_total).map((f) => f.label)).toEqual(['Prosecuted | 2019', 'Prosecuted | 2020', 'Total | 2019', 'Total | 2020']);
    expect(got.warnings).toEqual([]);
  });
  it('small rows agreeing by chance are not totals', () => {
    const t = grid([
      ['Rank', '2019', '2020'],
      ['Constable', '3', '2'],
      ['Sergeant', '1', '1'],
      ['Inspector', '2', '1'],
    ]);
    expect(interpretTable(t, { sha256: SHA }).figures.some((f) => f.is_total)).toBe(false);
  });
});
