// One voice for everything that is not data: stdout carries only what a command was asked
// for; notes, warnings and errors go to stderr, each one line with one prefix:
//   foi-harvest: error: <input>: <reason>
//   foi-harvest: warning: <message>
//   foi-harvest: <note>
export class UsageError extends Error {}

export const PREFIX = 'foi-harvest: ';

export function describeError(err: unknown): string {
  if (err instanceof Error) return err.message.split('\n')[0];
  return String(err);
}

export function errorLine(message: string): string {
  return `${PREFIX}error: ${message}\n`;
}

export function warningLine(message: string): string {
  return `${PREFIX}warning: ${message}\n`;
}

export function noteLine(message: string): string {
  return `${PREFIX}${message}\n`;
}

/** One input failed (exit 1): the others are still processed and written. */
export function reportFailure(input: string, err: unknown): void {
  process.stderr.write(errorLine(`${input}: ${describeError(err)}`));
  process.exitCode = Math.max(Number(process.exitCode ?? 0), 1);
}
