// Disclosures → the export files of the chosen formats, written atomically into `out`.
// Used by `export`, `refresh` and `parse --out`. No timestamps in any file, so the same
// disclosures always give the same bytes.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Disclosure } from '../records/schema.js';
import { writeAtomically } from './atomic.js';
import { FORMAT_WRITERS, json, type RecordWriter } from './writers.js';

export type ExportFormat = keyof typeof FORMAT_WRITERS;
export const EXPORT_FORMATS = Object.keys(FORMAT_WRITERS) as readonly ExportFormat[];

export interface ExportOptions {
  out: string;
  formats: ExportFormat[];
  /** CSV for Excel: a UTF-8 byte-order mark. */
  excel?: boolean;
  /** Apostrophe-prefix CSV cells a spreadsheet would run as formulas (default true; `--no-formula-guard`). */
  formulaGuard?: boolean;
  /** The changes report, written as changes.json when given. */
  changes?: unknown;
}

/**
 * Writes the files and returns their names, in the order written. `disclosures` is read
 * once, a record at a time (an array, or the store's cursor): every format's writer gets
 * each record in turn, so nothing holds the whole dataset.
 */
export async function writeExport(disclosures: Iterable<Disclosure> | AsyncIterable<Disclosure>, opts: ExportOptions): Promise<string[]> {
  for (const f of opts.formats) if (!EXPORT_FORMATS.includes(f)) throw new Error(`unknown export format "${f}"`);
  const formats = EXPORT_FORMATS.filter((f) => opts.formats.includes(f));
  return writeAtomically(opts.out, async (stage) => {
    const writers: RecordWriter[] = [];
    try {
      for (const f of formats) writers.push(await FORMAT_WRITERS[f]({ stage, excel: opts.excel, formulaGuard: opts.formulaGuard }));
      for await (const d of disclosures) for (const w of writers) await w.write(d);
      const files: string[] = [];
      while (writers.length) {
        files.push(...(await writers[0].close()));
        writers.shift();
      }
      if (opts.changes !== undefined) {
        await writeFile(join(stage, 'changes.json'), json(opts.changes));
        files.push('changes.json');
      }
      return files;
    } finally {
      for (const w of writers) w.abort?.();
    }
  });
}
