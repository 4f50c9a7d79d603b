// Log lines on stderr for a run (fetch, refresh, demo), in one of two shapes:
//   text: warnings and errors as one line each (foi-harvest: warning: … / foi-harvest: error: …);
//         info and debug lines only with --verbose.
//   json: one object per line for log collectors and cron: {time, run, level, event, message, …fields};
//         debug lines (one per disclosure outcome) only with --verbose.
// `run` ties every line of one invocation together (a refresh's fetch and export included).
import { UsageError, errorLine, noteLine, warningLine } from './errors.js';
import { writeStderr } from './progress.js';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFormat = 'text' | 'json';

export interface Log {
  (level: LogLevel, event: string, message: string, fields?: Record<string, unknown>): void;
  readonly run: string;
  readonly format: LogFormat;
}

export function parseLogFormat(command: string, v: string | undefined): LogFormat {
  const f = (v ?? 'text').toLowerCase();
  if (f !== 'text' && f !== 'json') throw new UsageError(`${command}: --log-format must be text or json, not "${v}"`);
  return f;
}

/** A run id that sorts by time and is unique on one machine: 20261130T014500Z-4242. */
export function newRunId(now = new Date(), pid = process.pid): string {
  return `${now.toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '')}-${pid}`;
}

export function createLog(opts: { format: LogFormat; verbose?: boolean; run?: string; write?: (line: string) => void; now?: () => Date }): Log {
  const write = opts.write ?? writeStderr;
  const now = opts.now ?? (() => new Date());
  const run = opts.run ?? newRunId();
  const verbose = opts.verbose === true;
  const log = ((level: LogLevel, event: string, message: string, fields: Record<string, unknown> = {}) => {
    if (level === 'debug' && !verbose) return;
    if (opts.format === 'json') {
      write(JSON.stringify({ time: now().toISOString(), run, level, event, message, ...fields }) + '\n');
      return;
    }
    if (level === 'error') write(errorLine(message));
    else if (level === 'warn') write(warningLine(message));
    else if (verbose) write(noteLine(message));
  }) as Log;
  Object.defineProperty(log, 'run', { value: run });
  Object.defineProperty(log, 'format', { value: opts.format });
  return log;
}
