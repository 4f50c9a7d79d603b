// Wires commands to modules; nothing else. Each command lives in its own file and is
// imported only when it runs, so `parse` does not pay for SQLite or the HTTP stack.
import type { Command } from 'commander';
import { VERSION } from '../version.js';
import { PREFIX, UsageError, errorLine } from './errors.js';

type Register = (program: Command) => void;

// Keyed by the command names each module registers.
const COMMANDS: Record<string, () => Promise<{ register: Register }>> = {
  parse: () => import('./commands/parse.js'),
  fetch: () => import('./commands/fetch.js'),
  export: () => import('./commands/export.js'),
  refresh: () => import('./commands/refresh.js'),
  forces: () => import('./commands/forces.js'),
  schema: () => import('./commands/schema.js'),
  validate: () => import('./commands/validate.js'),
  status: () => import('./commands/status.js'),
  reparse: () => import('./commands/reparse.js'),
  demo: () => import('./commands/demo.js'),
  probe: () => import('./commands/probe.js'),
  'correct,corrections': () => import('./commands/correct.js'),
  report: () => import('./commands/report.js'),
};

export async function main(argv: string[]): Promise<number> {
  // `parse` with plain arguments (the common case, and the one that must start fast) runs
  // without loading commander; anything else is read, checked and reported by commander.
  if (argv[2] === 'parse') {
    const { plainParseArgs, runPlainParse } = await import('./commands/parse.js');
    const plain = plainParseArgs(argv.slice(3));
    if (plain) {
      try {
        await runPlainParse(plain.inputs, plain.opts);
      } catch (err) {
        if (!(err instanceof UsageError)) throw err;
        process.stderr.write(errorLine(err.message));
        return 2;
      }
      return Number(process.exitCode ?? 0);
    }
  }
  const { Command, CommanderError } = await import('commander');
  const program = new Command();
  program
    .name('foi-harvest')
    .description('Turn UK police forces’ FOI disclosures into one clean, validated, traceable dataset.')
    .version(VERSION)
    .exitOverride()
    // Commander's own messages start "error: …": they get the one prefix every message has.
    .configureOutput({ writeErr: (s) => process.stderr.write(s), outputError: (s, write) => write(PREFIX + s) })
    .showHelpAfterError('(run foi-harvest --help for usage)');
  // A named command loads only its own module (start-up, issue 17); help, no command or an
  // unknown one load them all, so the help lists every command and commander can suggest.
  const named = Object.entries(COMMANDS).filter(([names]) => names.split(',').includes(argv[2]));
  const modules = await Promise.all((named.length ? named : Object.entries(COMMANDS)).map(([, load]) => load()));
  for (const m of modules) m.register(program);
  // No command at all is a usage error: the help, on stderr, and exit 2.
  if (argv.length <= 2) {
    program.outputHelp({ error: true });
    return 2;
  }
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return 0;
      return 2;
    }
    if (err instanceof UsageError) {
      process.stderr.write(errorLine(err.message));
      return 2;
    }
    throw err;
  }
  // Commands report partial failure by setting process.exitCode (1), never by throwing.
  return Number(process.exitCode ?? 0);
}
