// Disclosures → the export files of the chosen formats, written atomically as the set at `out`.
// Used by `export`, `refresh` and `parse --out`. Disclosures are consumed one at a time and
// fed to one writer per format. No wall-clock timestamps in any file, so the same
// disclosures always give the same bytes (xlsx: the same cell contents).
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DatasetDisclosure, Disclosure } from '../records/schema.js';
import { writeAtomically } from './atomic.js';
import { sourceCollector, type PackageInfo } from './datapackage.js';
import { asDataset, rowsOf, type Row } from './tables.js';
import type { FlatFilter, RecordWriter } from './types.js';
import { FORMAT_WRITERS, json } from './writers.js';

export type ExportFormat = keyof typeof FORMAT_WRITERS;
export const EXPORT_FORMATS = Object.keys(FORMAT_WRITERS) as readonly ExportFormat[];

export interface ExportOptions {
  out: string;
  formats: ExportFormat[];
  /** CSV for Excel: a UTF-8 byte-order mark (encoding utf-8 in datapackage.json; each resource's description says the BOM is there). */
  excel?: boolean;
  /** Apostrophe-prefix CSV cells a spreadsheet would run as formulas (default true; `--no-formula-guard`). */
  formulaGuard?: boolean;
  /** The changes report, written as changes.json when given; a function is called once every record has been written. */
  changes?: unknown;
  /** Only these figures in figures_flat (--event, --measure). */
  flat?: FlatFilter;
  /** version / created for datapackage.json and the workbook. */
  info?: Pick<PackageInfo, 'created' | 'run'>;
  /** Write into an --out holding files foi-harvest did not write (see atomic.ts). */
  overwrite?: boolean;
}

export function flatPredicate(filter: FlatFilter | undefined): ((r: Row) => boolean) | undefined {
  const event = filter?.event?.length ? new Set(filter.event) : null;
  const measure = filter?.measure?.length ? new Set(filter.measure) : null;
  if (!event && !measure) return undefined;
  return (r) => (!event || event.has(r.event as string)) && (!measure || measure.has(r.measure as string));
}

/**
 * Writes the files and returns their names, in the order written. `disclosures` is read
 * once, a record at a time (an array, or the store's cursor): every format's writer gets
 * each record in turn, so nothing holds the whole dataset.
 */
export async function writeExport(disclosures: Iterable<Disclosure | DatasetDisclosure> | AsyncIterable<Disclosure | DatasetDisclosure>, opts: ExportOptions): Promise<string[]> {
  for (const f of opts.formats) if (!EXPORT_FORMATS.includes(f)) throw new Error(`unknown export format "${f}"`);
  const formats = EXPORT_FORMATS.filter((f) => opts.formats.includes(f));
  const keepFlat = flatPredicate(opts.flat);
  return writeAtomically(
    opts.out,
    async (stage) => {
      const sources = sourceCollector();
      const ctx = { stage, excel: opts.excel, formulaGuard: opts.formulaGuard, flat: opts.flat, info: opts.info, sources: () => sources.list() };
      const writers: RecordWriter[] = [];
      try {
        for (const f of formats) writers.push(await FORMAT_WRITERS[f](ctx));
        for await (const d of disclosures) {
          const record = asDataset(d);
          sources.add(record);
          const rows = rowsOf(record, keepFlat);
          for (const w of writers) await w.write(record, rows);
        }
        const files: string[] = [];
        while (writers.length) {
          files.push(...(await writers[0].close()));
          writers.shift();
        }
        const changes = typeof opts.changes === 'function' ? (opts.changes as () => unknown)() : opts.changes;
        if (changes !== undefined) {
          await writeFile(join(stage, 'changes.json'), json(changes));
          files.push('changes.json');
        }
        return files;
      } finally {
        // Only writers not yet closed: they release their files; atomic.ts removes the stage.
        for (const w of writers) w.abort?.();
      }
    },
    { overwrite: opts.overwrite },
  );
}
