// One-line, user-facing failures: name the input and the reason, never a stack trace.
export class UsageError extends Error {}

export function describeError(err: unknown): string {
  if (err instanceof Error) return err.message.split('\n')[0];
  return String(err);
}

export function reportFailure(input: string, err: unknown): void {
  process.stderr.write(`foi-harvest: ${input}: ${describeError(err)}\n`);
  process.exitCode = Math.max(Number(process.exitCode ?? 0), 1);
}
