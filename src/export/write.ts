// Disclosures → the export files of the chosen formats, written atomically into `out`.
// Used by `export`, `refresh` and `parse --out`. No timestamps in any file, so the same
// disclosures always give the same bytes.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Disclosure, TableName } from '../records/schema.js';
import { writeAtomically } from './atomic.js';
import { tableToCsv } from './csv.js';
import { datapackage } from './datapackage.js';
import { datasetteMetadata } from './metadata.js';
import { flatten } from './tables.js';

export type ExportFormat = 'json' | 'ndjson' | 'csv' | 'sqlite';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['csv', 'json', 'ndjson', 'sqlite'];

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

const json = (v: unknown) => JSON.stringify(v, null, 2) + '\n';

/** Writes the files and returns their names, in the order written. */
export async function writeExport(disclosures: readonly Disclosure[], opts: ExportOptions): Promise<string[]> {
  for (const f of opts.formats) if (!EXPORT_FORMATS.includes(f)) throw new Error(`unknown export format "${f}"`);
  const formats = EXPORT_FORMATS.filter((f) => opts.formats.includes(f));
  return writeAtomically(opts.out, async (stage) => {
    const files: string[] = [];
    const put = async (name: string, text: string) => {
      await writeFile(join(stage, name), text);
      files.push(name);
    };
    const tables = formats.includes('csv') || formats.includes('sqlite') ? flatten(disclosures) : null;
    for (const format of formats) {
      if (format === 'csv') {
        for (const table of Object.keys(tables!) as TableName[]) await put(`${table}.csv`, tableToCsv(table, tables![table], { excel: opts.excel, formulaGuard: opts.formulaGuard }));
        await put('datapackage.json', json(datapackage(Object.keys(tables!) as TableName[], { formulaGuard: opts.formulaGuard !== false })));
      } else if (format === 'json') await put('disclosures.json', json(disclosures));
      else if (format === 'ndjson') await put('disclosures.ndjson', disclosures.map((d) => JSON.stringify(d) + '\n').join(''));
      else if (format === 'sqlite') {
        // Loaded only here: `parse --out` should not pay for the native SQLite module.
        const { SQLITE_FILE, writeSqlite } = await import('./sqlite.js');
        writeSqlite(join(stage, SQLITE_FILE), tables!);
        files.push(SQLITE_FILE);
        await put('metadata.json', json(datasetteMetadata()));
      }
    }
    if (opts.changes !== undefined) await put('changes.json', json(opts.changes));
    return files;
  });
}
