// The work behind `correct` and `corrections list|export|remove`.
import { parse as parseCsv } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { readFileSync } from 'node:fs';
import { applyCorrections, orphanedByRemoval } from '../corrections/apply.js';
import { makeCorrection, parseSet } from '../corrections/make.js';
import type { Correction, CorrectionInput, CorrectionOutcome, CorrectionTable } from '../corrections/types.js';
import { openExistingStore } from '../store/open-existing.js';
import type { Store } from '../store/store.js';
import { UsageError, describeError } from './errors.js';

interface CorrectOptions {
  store: string;
  id?: string;
  table: string;
  ordinal?: string;
  set?: string[];
  reason?: string;
  from?: string;
}

const show = (v: unknown) => (v === null || v === undefined ? 'empty' : JSON.stringify(v));

function ordinalOf(s: string | undefined, where: string): number | null {
  if (s === undefined || s.trim() === '') return null;
  const n = Number(s);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${where}: ordinal must be a whole number from 1, not "${s}"`);
  return n;
}

function inputsFromOptions(opts: CorrectOptions): CorrectionInput[] {
  if (!opts.id) throw new UsageError('correct: give --id <disclosure_id> (or --from <csv>)');
  if (!opts.set?.length) throw new UsageError('correct: give at least one --set field=value');
  if (!opts.reason?.trim()) throw new UsageError('correct: give --reason (why the value is corrected, e.g. "checked against the PDF, p.3")');
  return opts.set.map((s) => {
    const kv = parseSet(s);
    if (!kv) throw new UsageError(`--set: expected field=value, not "${s}"`);
    return { disclosureId: opts.id!, table: opts.table as CorrectionTable, ordinal: ordinalOf(opts.ordinal, '--ordinal'), field: kv.field, value: kv.value, reason: opts.reason! };
  });
}

function inputsFromCsv(path: string): Array<{ line: number; input?: CorrectionInput; error?: string }> {
  let rows: Array<Record<string, string>>;
  try {
    rows = parseCsv(readFileSync(path), { bom: true, columns: true, skip_empty_lines: true, relax_column_count: true }) as Array<Record<string, string>>;
  } catch (e) {
    throw new UsageError(`--from ${path}: ${describeError(e)}`);
  }
  const need = ['disclosure_id', 'field', 'value', 'reason'];
  if (rows.length && need.some((c) => !(c in rows[0]))) throw new UsageError(`--from ${path}: needs columns ${need.join(', ')} (and table, ordinal for child rows)`);
  return rows.map((r, i) => {
    const line = i + 2;
    try {
      const input: CorrectionInput = {
        disclosureId: r.disclosure_id,
        table: (r.table?.trim() || 'disclosures') as CorrectionTable,
        ordinal: ordinalOf(r.ordinal, `line ${line}`),
        field: r.field.trim(),
        value: r.value,
        reason: r.reason ?? '',
      };
      return { line, input };
    } catch (e) {
      return { line, error: describeError(e) };
    }
  });
}

export async function runCorrect(opts: CorrectOptions): Promise<void> {
  if (opts.from && (opts.id || opts.set?.length)) throw new UsageError('correct: give either --from <csv> or --id with --set, not both');
  const items = opts.from ? inputsFromCsv(opts.from) : inputsFromOptions(opts).map((input) => ({ line: 0, input, error: undefined }));
  const store = openExistingStore(opts.store);
  try {
    let failed = 0;
    const cache = new Map<string, ReturnType<Store['disclosure']>>();
    for (const item of items) {
      const where = opts.from ? `${opts.from}:${item.line}` : 'correct';
      if (!item.input) {
        process.stderr.write(`foi-harvest: ${where}: ${item.error}\n`);
        failed++;
        continue;
      }
      const id = item.input.disclosureId;
      if (!cache.has(id)) cache.set(id, store.disclosure(id));
      const made = makeCorrection(cache.get(id)!, item.input);
      if (!made.ok) {
        // One bad --set rejects the command; one bad CSV line does not stop the others.
        if (!opts.from) throw new UsageError(`correct: ${made.message}`);
        process.stderr.write(`foi-harvest: ${where}: ${made.message}\n`);
        failed++;
        continue;
      }
      const c = made.correction;
      const n = store.addCorrection(c);
      process.stdout.write(`correction ${n}: ${c.disclosureId} ${c.table}${c.ordinal ? ` #${c.ordinal}` : ''} ${c.field}: ${show(c.original)} → ${show(c.value)}\n`);
    }
    if (failed) process.exitCode = 1;
  } finally {
    store.close();
  }
}

/** Every correction with what it does to the store as it is now. */
export function correctionStates(store: Store): Array<{ correction: Correction; outcome: CorrectionOutcome }> {
  const all = store.corrections();
  const byId = new Map<string, Correction[]>();
  for (const c of all) byId.set(c.disclosureId, [...(byId.get(c.disclosureId) ?? []), c]);
  const outcomes = new Map<number, CorrectionOutcome>();
  for (const [id, list] of byId) {
    const d = store.disclosure(id);
    for (const o of d ? applyCorrections(d, list).outcomes : list.map(orphanedByRemoval)) outcomes.set(o.id, o);
  }
  return all.map((c) => ({ correction: c, outcome: outcomes.get(c.id)! }));
}

export async function runCorrectionsList(opts: { store: string; format: string }): Promise<void> {
  if (opts.format !== 'text' && opts.format !== 'json') throw new UsageError(`--format must be text or json (got "${opts.format}")`);
  const store = openExistingStore(opts.store);
  try {
    const states = correctionStates(store);
    if (opts.format === 'json') {
      process.stdout.write(JSON.stringify(states.map(({ correction: c, outcome: o }) => ({ ...o, created_at: c.createdAt, original: c.original, locator: c.locator, text: c.text })), null, 2) + '\n');
      return;
    }
    if (!states.length) process.stdout.write('no corrections\n');
    for (const { correction: c, outcome: o } of states) {
      const row = `${c.table}${o.ordinal ?? c.ordinal ? ` #${o.ordinal ?? c.ordinal}` : ''}`;
      process.stdout.write(`${c.id}\t${o.status}\t${c.disclosureId}\t${row}\t${c.field}: ${show(c.original)} → ${show(c.value)}\t${c.reason}${o.problem ? `\t(${o.problem})` : ''}\n`);
    }
    if (states.some((s) => s.outcome.status === 'orphaned')) process.exitCode = 1;
  } finally {
    store.close();
  }
}

const cell = (v: unknown) => (v === null || v === undefined ? '' : Array.isArray(v) ? v.join('; ') : String(v));

export async function runCorrectionsExport(opts: { store: string }): Promise<void> {
  const store = openExistingStore(opts.store);
  try {
    const rows = correctionStates(store).map(({ correction: c, outcome: o }) => [
      c.id,
      c.disclosureId,
      c.table,
      o.ordinal ?? c.ordinal ?? '',
      c.field,
      cell(c.value),
      c.reason,
      cell(c.original),
      o.status,
      c.locator ?? '',
      c.text ?? '',
      c.createdAt,
    ]);
    process.stdout.write(stringify([['id', 'disclosure_id', 'table', 'ordinal', 'field', 'value', 'reason', 'original', 'status', 'locator', 'text', 'created_at'], ...rows], { record_delimiter: '\r\n' }));
  } finally {
    store.close();
  }
}

export async function runCorrectionsRemove(id: string, opts: { store: string }): Promise<void> {
  const n = Number(id);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`corrections remove: "${id}" is not a correction id`);
  const store = openExistingStore(opts.store);
  try {
    if (!store.removeCorrection(n)) throw new UsageError(`corrections remove: no correction ${n}`);
    process.stdout.write(`removed correction ${n}\n`);
  } finally {
    store.close();
  }
}
