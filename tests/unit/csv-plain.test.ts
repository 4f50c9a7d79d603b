// readCsv splits a text without quotes itself (plainRecords) instead of running csv-parse: the
// records must be exactly csv-parse's with readCsv's options, on any text it takes.
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plainRecords, readCsv } from '../../src/readers/csv.js';

const csvParse = (s: string, delimiter: string) => parse(s, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, bom: true }) as string[][];

describe('plainRecords', () => {
  it.each([
    ['', ',', []],
    ['\n', ',', [['']]],
    ['a,b', ',', [['a', 'b']]],
    ['a,b\n', ',', [['a', 'b']]],
    ['a,b\n\n', ',', [['a', 'b'], ['']]],
    ['a\n\nb', ',', [['a'], [''], ['b']]],
    ['a\r\nb\nc', ',', [['a'], ['b\nc']]],
    ['a\nb\r\nc', ',', [['a'], ['b\r'], ['c']]],
    ['a\rb\rc\r', ',', [['a'], ['b'], ['c']]],
    ['Year;Stops\r\n2020;1,204\r\n', ';', [['Year', 'Stops'], ['2020', '1,204']]],
    [' a \t b ', '\t', [[' a ', ' b ']]],
  ])('%j split on %j', (text, delimiter, want) => {
    expect(plainRecords(text, delimiter)).toEqual(want);
    expect(csvParse(text, delimiter)).toEqual(want);
  });

  it.each([['"a",b'], ['\uFEFFa,b'], ['a,\ud83d\ude00'], ['a,\ud800']])('leaves %j to csv-parse', (text) => {
    expect(plainRecords(text, ',')).toBeNull();
  });

  it('gives csv-parse\'s records on any text it takes (property)', () => {
    const char = fc.constantFrom('a', 'B', '1', ' ', ',', ';', '\t', '\n', '\r', 'é', '\u00a0', '"', '\uFEFF', '\ud83d');
    fc.assert(
      fc.property(fc.array(char, { maxLength: 40 }).map((cs) => cs.join('')), fc.constantFrom(',', ';', '\t'), (text, delimiter) => {
        const mine = plainRecords(text, delimiter);
        if (mine !== null) expect(mine).toEqual(csvParse(text, delimiter));
        else expect(/["\uFEFF\ud800-\udfff]/.test(text)).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it('readCsv reads a quoted and an unquoted file alike', () => {
    const plain = readCsv('Year,Officers\n2019,11\n2020,12\n');
    const quoted = readCsv('"Year","Officers"\n"2019","11"\n"2020","12"\n');
    expect(plain).toEqual(quoted);
    expect(plain.tables[0].rows.map((r) => r.map((c) => `${c.locator}=${c.text}`))).toEqual([
      ['csv:r1:c1=Year', 'csv:r1:c2=Officers'],
      ['csv:r2:c1=2019', 'csv:r2:c2=11'],
      ['csv:r3:c1=2020', 'csv:r3:c2=12'],
    ]);
  });
});
