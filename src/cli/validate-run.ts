// The work behind `validate`: every violation on stdout as file:row:column: message, a
// one-line summary on stderr, exit 1 if anything is wrong.
import { formatViolation, validatePath } from '../export/validate.js';
import { UsageError, errorLine, noteLine } from './errors.js';

export async function runValidate(path: string): Promise<void> {
  let report;
  try {
    report = await validatePath(path);
  } catch (e) {
    throw new UsageError(`validate: ${path}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
  }
  for (const v of report.violations) process.stdout.write(formatViolation(v) + '\n');
  const n = report.violations.length;
  const files = `${report.files.length} file${report.files.length === 1 ? '' : 's'}`;
  if (n) {
    process.stderr.write(errorLine(`validate: ${path}: ${n} violation${n === 1 ? '' : 's'} in ${files}, ${report.rows} rows`));
    process.exitCode = 1;
  } else process.stderr.write(noteLine(`validate: ${path}: ok (${files}, ${report.rows} rows)`));
}
