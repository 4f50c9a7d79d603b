// The work behind `refresh`, for cron: take the store's lock, fetch incrementally, export,
// print one summary line, exit 1 only if something failed. `--log-format json` makes every
// log line on stderr a JSON object.
import { acquireLock, LockHeldError, type Lock } from '../store/lock.js';
import { Store } from '../store/store.js';
import { describeError, UsageError } from './errors.js';
import { createLog, parseLogFormat, type Log } from './log.js';
import { describeExport, describeOrphan, exportStore, parseForces, parseFormats, type ExportResult } from './export-run.js';
import type { FetchOptions } from './fetch-run.js';

export interface RefreshOptions {
  store: string;
  out: string;
  format: string;
  excel?: boolean;
  overwrite?: boolean;
  /** commander's --no-formula-guard */
  formulaGuard?: boolean;
  logFormat: string;
  verbose?: boolean;
  /** commander's --no-fetch */
  fetch: boolean;
  force?: string[];
  since?: string;
  match?: string;
  limit?: string;
  userAgent?: string;
  delay?: string;
  concurrency?: string;
  baseUrl?: string[];
  /** forces | whatdotheyknow (see fetch --source). */
  source?: string;
  recheck?: boolean;
}

function fetchOptions(opts: RefreshOptions, log?: Log): FetchOptions {
  return {
    log,
    verbose: opts.verbose,
    store: opts.store,
    force: opts.force,
    since: opts.since,
    match: opts.match,
    limit: opts.limit,
    userAgent: opts.userAgent,
    delay: opts.delay,
    concurrency: opts.concurrency,
    baseUrl: opts.baseUrl,
    source: opts.source,
    recheck: opts.recheck === true,
    logFormat: opts.logFormat,
  };
}

export async function runRefresh(opts: RefreshOptions): Promise<void> {
  const logFormat = parseLogFormat('refresh', opts.logFormat);
  const formats = parseFormats(opts.format);
  parseForces(opts.force);
  const log = createLog({ format: logFormat, verbose: opts.verbose });
  // Fetch options are checked before the lock is taken: bad usage is exit 2 with nothing done.
  const fetchRun = opts.fetch ? await import('./fetch-run.js') : null;
  try {
    fetchRun?.planFetch(fetchOptions(opts));
  } catch (e) {
    // The same options, the same words: only the command's name differs.
    if (e instanceof UsageError) throw new UsageError(e.message.replace(/^fetch: /, 'refresh: '));
    throw e;
  }

  log('info', 'run-start', `refresh: ${opts.store} → ${opts.out} (${formats.join(', ')})${opts.fetch ? '' : ', no fetch'}`, {
    command: 'refresh',
    store: opts.store,
    out: opts.out,
    formats,
    fetch: opts.fetch,
  });
  let lock: Lock;
  try {
    lock = acquireLock(`${opts.store}.lock`);
  } catch (e) {
    if (e instanceof LockHeldError) throw new UsageError(`refresh: ${e.message}`);
    throw new UsageError(`refresh: cannot take the lock ${opts.store}.lock: ${describeError(e)}`);
  }
  if (lock.takenOverFrom) {
    log('warn', 'lock-taken-over', `refresh: took over the lock of pid ${lock.takenOverFrom.pid} (started ${lock.takenOverFrom.started_at}), which is no longer running`, {
      lock: lock.path,
      stale_pid: lock.takenOverFrom.pid,
    });
  }
  const release = () => lock.release();
  const onSignal = (sig: NodeJS.Signals) => {
    release();
    process.exit(sig === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  const counts = { new: 0, changed: 0, unchanged: 0, failed: 0, warnings: 0 };
  let exported: ExportResult | null = null;
  try {
    if (fetchRun) {
      try {
        const f = await fetchRun.runFetch(fetchOptions(opts, log));
        counts.new = f.disclosures.new;
        counts.changed = f.disclosures.changed;
        counts.unchanged = f.disclosures.unchanged;
        counts.failed = f.failures.length;
        // e.g. "a listing page listed no disclosures — the site has probably changed"
        counts.warnings = f.warnings.length;
        for (const w of f.warnings) log('warn', 'warning', `refresh: fetch: ${w}`, { step: 'fetch' });
      } catch (e) {
        counts.failed++;
        log('error', 'fetch-failed', `refresh: fetch: ${describeError(e)}`, { step: 'fetch' });
      }
    }
    // Export even after a failed fetch: what the store holds is still the best dataset we have.
    let store: Store | null = null;
    try {
      store = Store.open(opts.store);
      exported = await exportStore(store, { out: opts.out, formats, excel: opts.excel, formulaGuard: opts.formulaGuard, overwrite: opts.overwrite, force: parseForces(opts.force) });
      // A correction that no longer applies needs a person: it is a warning on every run.
      for (const o of exported.orphaned) log('warn', 'correction-orphaned', `refresh: ${describeOrphan(o)}`, { step: 'export', correction: o.id });
      counts.warnings += exported.orphaned.length;
    } catch (e) {
      counts.failed++;
      log('error', 'export-failed', `refresh: export to ${opts.out}: ${describeError(e)}`, { step: 'export', out: opts.out });
    } finally {
      store?.close();
    }
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    release();
  }

  const line =
    `refresh: ${counts.new} new, ${counts.changed} changed, ${counts.unchanged} unchanged, ${counts.failed} failed` +
    (counts.warnings ? `, ${counts.warnings} warning${counts.warnings === 1 ? '' : 's'}` : '') +
    (exported ? `; ${describeExport(exported, opts.out, formats)}` : '; export failed');
  const summary = {
    ...counts,
    fetched: opts.fetch,
    exported: exported ? { out: opts.out, files: exported.files, disclosures: exported.disclosures, changes: exported.changes.counts, since_export: exported.sinceExport } : null,
  };
  log('info', 'run-finish', line, { command: 'refresh', status: counts.failed > 0 ? (exported ? 'partial' : 'failed') : counts.warnings > 0 ? 'partial' : 'ok', summary });
  if (logFormat === 'json') process.stdout.write(JSON.stringify(summary) + '\n');
  else process.stdout.write(line + '\n');
  if (counts.failed > 0 || counts.warnings > 0) process.exitCode = Math.max(Number(process.exitCode ?? 0), 1);
}
