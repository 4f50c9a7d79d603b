// The CLI loads only the module of the command it runs (start-up, issue 17): the help, a
// misspelt command and each command's own help must still see every command.
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

const COMMANDS = ['parse', 'fetch', 'export', 'refresh', 'forces', 'schema', 'validate', 'status', 'reparse', 'demo', 'probe', 'correct', 'corrections', 'report', 'help'];

describe('command loading', () => {
  it('--help lists every command, in order', () => {
    const r = runCli(['--help']);
    expect(r.code).toBe(0);
    const listed = r.stdout.split('Commands:\n')[1].split('\n').map((l) => /^ {2}(\S+)/.exec(l)?.[1]).filter(Boolean);
    expect(listed).toEqual(COMMANDS);
  });

  it('a misspelt command is still suggested', () => {
    const r = runCli(['pars']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("foi-harvest: error: unknown command 'pars'\n(Did you mean parse?)");
  });

  it.each([
    [['parse', '--help'], 'Usage: foi-harvest parse [options] <input...>'],
    [['corrections', 'list', '--help'], 'Usage: foi-harvest corrections list [options]'],
    [['help', 'report'], 'Usage: foi-harvest report [options]'],
  ])('%j prints that command’s usage', (args, usage) => {
    const r = runCli(args);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe(usage);
  });
});
