// `parse` reads plain arguments without commander (start-up, issue 17). What it reads must be
// exactly what commander reads from the same arguments, and everything else must go to commander.
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { plainParseArgs, register } from '../../src/cli/commands/parse.js';

/** What commander hands the `parse` action for these arguments (the action replaced by a probe). */
function viaCommander(args: string[]): { inputs: string[]; opts: Record<string, unknown> } {
  const program = new Command().exitOverride().configureOutput({ writeErr: () => {}, writeOut: () => {} });
  register(program);
  let got: { inputs: string[]; opts: Record<string, unknown> } | null = null;
  program.commands[0].action((inputs: string[], opts: Record<string, unknown>) => {
    got = { inputs, opts: { ...opts } };
  });
  program.parse(['node', 'foi-harvest', 'parse', ...args]);
  if (!got) throw new Error('action not run');
  return got;
}

describe('plainParseArgs', () => {
  const same: string[][] = [
    ['a.txt'],
    ['a.txt', 'b.html', 'c.pdf'],
    ['a.txt', '--format', 'ndjson'],
    ['--format', 'csv', '--out', 'dir', 'a.txt', '--excel'],
    ['a.txt', '--no-formula-guard', '--format', 'csv', '--out', 'o', '--overwrite'],
    ['a.txt', '--url', 'https://www.example.police.uk/foi/1', '--force', 'btp'],
    ['a.txt', '--url', ''],
    ['a.txt', '--explain'],
    ['a.txt', '--ocr', 'never'],
    ['--ocr', 'always', 'a.txt', '--ocr', 'auto'],
    ['a.txt', '--format', 'json', '--format', 'ndjson'],
    ['a.txt', '--format', 'xml'], // refused later by runParse, for both readings alike
    ['https://example.org/x.html'],
  ];
  it.each(same)('reads %j as commander does', (...args) => {
    const plain = plainParseArgs(args);
    expect(plain).not.toBeNull();
    expect({ inputs: plain!.inputs, opts: { ...plain!.opts } }).toEqual(viaCommander(args));
  });

  const toCommander: string[][] = [
    [],
    ['--help'],
    ['-h'],
    ['a.txt', '--format=ndjson'],
    ['a.txt', '--', 'b.txt'],
    ['a.txt', '--bogus'],
    ['a.txt', '-x'],
    ['a.txt', '--url'],
    ['a.txt', '--url', '-x'],
    ['a.txt', '--ocr', 'sometimes'],
    ['--format', 'json'],
    [''],
    ['-'],
    ['a.txt', '--formula-guard'],
  ];
  it.each(toCommander)('leaves %j to commander', (...args) => {
    expect(plainParseArgs(args)).toBeNull();
  });
});
