// Disclosures → the export files of the chosen formats, written atomically as the set at `out`.
// Used by `export`, `refresh` and `parse --out`. Disclosures are consumed one at a time and
// fed to one writer per format. No wall-clock timestamps in any file, so the same
// disclosures always give the same bytes (xlsx: the same cell contents).
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DatasetDisclosure, DatasetTable, Disclosure } from '../records/schema.js';
import { writeAtomically } from './atomic.js';
import { tableToCsv } from './csv.js';
import { datapackage, sourceCollector, type PackageInfo } from './datapackage.js';
import { datasetteMetadata } from './metadata.js';
import { DATASET_TABLE_NAMES, asDataset, rowsOf, type Row } from './tables.js';
import type { FlatFilter, FormatSink } from './types.js';

export type ExportFormat = 'json' | 'ndjson' | 'csv' | 'sqlite' | 'xlsx' | 'parquet';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['csv', 'json', 'ndjson', 'sqlite', 'xlsx', 'parquet'];

export interface ExportOptions {
  out: string;
  formats: ExportFormat[];
  /** CSV for Excel: a UTF-8 byte-order mark (declared as utf-8-sig in datapackage.json). */
  excel?: boolean;
  /** The changes report, written as changes.json when given; a function is called once every record has been written. */
  changes?: unknown;
  /** Only these figures in figures_flat (--event, --measure). */
  flat?: FlatFilter;
  /** version / created for datapackage.json and the workbook. */
  info?: Pick<PackageInfo, 'created' | 'run'>;
  /** Write into an --out holding files foi-harvest did not write (see atomic.ts). */
  overwrite?: boolean;
}

const json = (v: unknown) => JSON.stringify(v, null, 2) + '\n';

export function flatPredicate(filter: FlatFilter | undefined): ((r: Row) => boolean) | undefined {
  const event = filter?.event?.length ? new Set(filter.event) : null;
  const measure = filter?.measure?.length ? new Set(filter.measure) : null;
  if (!event && !measure) return undefined;
  return (r) => (!event || event.has(r.event as string)) && (!measure || measure.has(r.measure as string));
}

/** Collects every table's rows; the formats that need a whole table at once use it. */
function tableCollector() {
  const tables = Object.fromEntries(DATASET_TABLE_NAMES.map((t) => [t, [] as Row[]])) as Record<DatasetTable, Row[]>;
  return {
    tables,
    add(rows: Record<DatasetTable, Row[]>) {
      for (const t of DATASET_TABLE_NAMES) for (const r of rows[t]) tables[t].push(r);
    },
  };
}

/** Writes the files and returns their names, in the order written. */
export async function writeExport(disclosures: Iterable<Disclosure | DatasetDisclosure> | AsyncIterable<Disclosure | DatasetDisclosure>, opts: ExportOptions): Promise<string[]> {
  for (const f of opts.formats) if (!EXPORT_FORMATS.includes(f)) throw new Error(`unknown export format "${f}"`);
  const formats = EXPORT_FORMATS.filter((f) => opts.formats.includes(f));
  const keepFlat = flatPredicate(opts.flat);
  return writeAtomically(opts.out, async (stage) => {
    const files: string[] = [];
    const put = async (name: string, text: string) => {
      await writeFile(join(stage, name), text);
      files.push(name);
    };
    const sources = sourceCollector();
    const sinks: FormatSink[] = [];
    for (const format of formats) sinks.push(await sinkFor(format, stage, opts, put, (name) => files.push(name), sources));
    for await (const d of disclosures) {
      const record = asDataset(d);
      sources.add(record);
      const rows = rowsOf(record, keepFlat);
      for (const s of sinks) await s.add(record, rows);
    }
    for (const s of sinks) {
      for (const name of await s.finish()) if (!files.includes(name)) files.push(name);
    }
    const changes = typeof opts.changes === 'function' ? (opts.changes as () => unknown)() : opts.changes;
    if (changes !== undefined) await put('changes.json', json(changes));
    return files;
  }, { overwrite: opts.overwrite });
}

async function sinkFor(
  format: ExportFormat,
  stage: string,
  opts: ExportOptions,
  put: (name: string, text: string) => Promise<void>,
  wrote: (name: string) => void,
  sources: ReturnType<typeof sourceCollector>,
): Promise<FormatSink> {
  const names: string[] = [];
  const putting = async (name: string, text: string) => {
    await put(name, text);
    names.push(name);
  };
  switch (format) {
    case 'csv': {
      const c = tableCollector();
      return {
        add: (_d, rows) => c.add(rows),
        async finish() {
          for (const t of DATASET_TABLE_NAMES) await putting(`${t}.csv`, tableToCsv(t, c.tables[t], { excel: opts.excel }));
          await putting('datapackage.json', json(datapackage(DATASET_TABLE_NAMES, { ...opts.info, excel: opts.excel, sources: sources.list() })));
          return names;
        },
      };
    }
    case 'json': {
      const records: DatasetDisclosure[] = [];
      const flat: Row[] = [];
      return {
        add(d, rows) {
          records.push(d);
          for (const r of rows.figures_flat) flat.push(r);
        },
        async finish() {
          await putting('disclosures.json', json(records));
          await putting('figures_flat.json', json(flat));
          return names;
        },
      };
    }
    case 'ndjson': {
      const lines: string[] = [];
      const flat: string[] = [];
      return {
        add(d, rows) {
          lines.push(JSON.stringify(d) + '\n');
          for (const r of rows.figures_flat) flat.push(JSON.stringify(r) + '\n');
        },
        async finish() {
          await putting('disclosures.ndjson', lines.join(''));
          await putting('figures_flat.ndjson', flat.join(''));
          return names;
        },
      };
    }
    case 'sqlite': {
      const c = tableCollector();
      return {
        add: (_d, rows) => c.add(rows),
        async finish() {
          // Loaded only here: `parse --out` should not pay for the native SQLite module.
          const { SQLITE_FILE, writeSqlite } = await import('./sqlite.js');
          writeSqlite(join(stage, SQLITE_FILE), c.tables, opts.flat);
          wrote(SQLITE_FILE);
          names.push(SQLITE_FILE);
          await putting('metadata.json', json(datasetteMetadata()));
          return names;
        },
      };
    }
    case 'xlsx': {
      const { XLSX_FILE, xlsxSink } = await import('./xlsx.js');
      return xlsxSink(join(stage, XLSX_FILE), opts.info);
    }
    case 'parquet': {
      const { parquetSink } = await import('./parquet.js');
      return parquetSink(stage);
    }
  }
}
