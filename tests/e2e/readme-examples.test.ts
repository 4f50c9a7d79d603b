// The README's command examples run as written and print what the README shows
// (scripts/readme-examples.mjs explains the rules: `…` elisions, ports and times vary).
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script, no type declarations
import { checkReadme, examples, normalise, outputMatches } from '../../scripts/readme-examples.mjs';

describe('the README examples checker', () => {
  it('reads commands and their output, and honours skip markers', () => {
    const text = ['Intro', '', '    $ foi-harvest a', '    one', '    two', '', '    $ foi-harvest b', '', '<!-- readme-examples: skip -->', '', '    $ foi-harvest c', '    out'].join('\n');
    expect(examples(text)).toEqual([
      { line: 3, command: 'foi-harvest a', expected: ['one', 'two'] },
      { line: 7, command: 'foi-harvest b', expected: [] },
    ]);
  });

  it.each([
    [['a', '…', 'd'], ['a', 'b', 'c', 'd'], true],
    [['a', '…', 'd'], ['a', 'd'], true],
    [['a', '…'], ['a'], true],
    [['x … z'], ['x y y z'], true],
    [['a', 'b'], ['a', 'c'], false],
    [['a'], ['a', 'extra'], false],
    [['at http://127.0.0.1:47801/ at 2026-11-30 02:04 UTC (0.1 s)'], ['at http://127.0.0.1:39999/ at 2027-01-01 00:00 UTC (12.5 s)'], true],
  ])('%j vs %j → %s', (expected, actual, want) => {
    expect(outputMatches(expected, actual)).toBe(want);
  });

  it('normalises only ports, times and durations', () => {
    expect(normalise('127.0.0.1:8080 2026-11-30 02:04 UTC (4 min) 56 new')).toBe('127.0.0.1:PORT TIME (DURATION) 56 new');
  });
});

describe('README.md', () => {
  it('every example runs as written and prints what the README shows', () => {
    const r = checkReadme();
    const report = r.failures.map((f: { line: number; command: string; expected: string[]; actual: string[] }) => `README.md:${f.line}: $ ${f.command}\nexpected:\n${f.expected.join('\n')}\ngot:\n${f.actual.join('\n')}`).join('\n\n');
    expect(report).toBe('');
    expect(r.examples).toBeGreaterThanOrEqual(8);
  }, 180_000);
});
