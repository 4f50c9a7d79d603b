// One writer per export format. The export reads the store once, a record at a time, and
// hands each disclosure to every chosen format's writer; a writer appends what it needs and
// keeps nothing per record, so memory stays flat however large the store is.
// To add a format: write a factory (ctx) => RecordWriter in its own file and list it in
// FORMAT_WRITERS below (src/export/write.ts picks formats from there, in that order).
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import type { DatasetTable } from '../records/schema.js';
import { toCell } from './cells.js';
import { datapackage } from './datapackage.js';
import { datasetFieldsOf } from './fields.js';
import { datasetteMetadata } from './metadata.js';
import { FileSink } from './sink.js';
import { DATASET_TABLE_NAMES } from './tables.js';
import type { RecordWriter, WriterContext, WriterFactory } from './types.js';

export type { RecordWriter, WriterContext, WriterFactory } from './types.js';

export const json = (v: unknown) => JSON.stringify(v, null, 2) + '\n';

/** A pretty-printed JSON array written element by element (same bytes as JSON.stringify(all, null, 2)). */
function jsonArray(path: string) {
  const sink = new FileSink(path);
  let n = 0;
  return {
    add(v: unknown) {
      sink.write((n++ === 0 ? '[\n  ' : ',\n  ') + JSON.stringify(v, null, 2).replace(/\n/g, '\n  '));
    },
    close() {
      sink.write(n === 0 ? '[]\n' : '\n]\n');
      sink.close();
    },
    abort: () => sink.close(),
  };
}

/** disclosures.json and figures_flat.json. */
export const jsonWriter: WriterFactory = ({ stage }) => {
  const records = jsonArray(join(stage, 'disclosures.json'));
  const flat = jsonArray(join(stage, 'figures_flat.json'));
  return {
    write(d, rows) {
      records.add(d);
      for (const r of rows.figures_flat) flat.add(r);
    },
    close() {
      records.close();
      flat.close();
      return ['disclosures.json', 'figures_flat.json'];
    },
    abort() {
      records.abort();
      flat.abort();
    },
  };
};

/** disclosures.ndjson and figures_flat.ndjson. */
export const ndjsonWriter: WriterFactory = ({ stage }) => {
  const records = new FileSink(join(stage, 'disclosures.ndjson'));
  const flat = new FileSink(join(stage, 'figures_flat.ndjson'));
  return {
    write(d, rows) {
      records.write(JSON.stringify(d) + '\n');
      for (const r of rows.figures_flat) flat.write(JSON.stringify(r) + '\n');
    },
    close() {
      records.close();
      flat.close();
      return ['disclosures.ndjson', 'figures_flat.ndjson'];
    },
    abort() {
      records.close();
      flat.close();
    },
  };
};

/** One CSV file per table, figures_flat included (RFC 4180: CRLF, any CR or LF quoted), then datapackage.json. */
export const csvWriter: WriterFactory = ({ stage, excel, formulaGuard, info, sources }) => {
  const guard = formulaGuard !== false;
  const tables = DATASET_TABLE_NAMES;
  // csv-stringify quotes on the record delimiter only; RFC 4180 wants any CR or LF quoted.
  const csvOpts = { record_delimiter: '\r\n', quoted_match: /[\r\n]/ } as const;
  const sinks = new Map<DatasetTable, FileSink>();
  const pending = new Map<DatasetTable, unknown[][]>();
  const flush = (t: DatasetTable) => {
    const rows = pending.get(t)!;
    if (rows.length) sinks.get(t)!.write(stringify(rows, csvOpts));
    pending.set(t, []);
  };
  for (const t of tables) {
    const sink = new FileSink(join(stage, `${t}.csv`));
    sinks.set(t, sink);
    pending.set(t, []);
    sink.write((excel ? '\ufeff' : '') + stringify([datasetFieldsOf(t).map((f) => f.name)], csvOpts));
  }
  return {
    write(_d, rows) {
      for (const t of tables) {
        const fields = datasetFieldsOf(t);
        const list = pending.get(t)!;
        for (const row of rows[t]) list.push(fields.map((f) => toCell(f, row[f.name], guard)));
        if (list.length >= 256) flush(t);
      }
    },
    close() {
      for (const t of tables) {
        flush(t);
        sinks.get(t)!.close();
      }
      const dp = new FileSink(join(stage, 'datapackage.json'));
      dp.write(json(datapackage(tables, { ...info, excel, formulaGuard: guard, sources: sources() })));
      dp.close();
      return [...tables.map((t) => `${t}.csv`), 'datapackage.json'];
    },
    abort: () => sinks.forEach((s) => s.close()),
  };
};

/** foi-harvest.sqlite (one transaction, rows in record order; figures_flat a view) and Datasette's metadata.json. */
export const sqliteWriter: WriterFactory = async ({ stage, flat }) => {
  // Loaded only here: `parse --out` should not pay for the native SQLite module.
  const { SQLITE_FILE, openSqliteExport } = await import('./sqlite.js');
  const db = openSqliteExport(join(stage, SQLITE_FILE), flat);
  return {
    write: (_d, rows) => db.add(rows),
    close() {
      db.finish();
      const meta = new FileSink(join(stage, 'metadata.json'));
      meta.write(json(datasetteMetadata()));
      meta.close();
      return [SQLITE_FILE, 'metadata.json'];
    },
    abort: () => db.abort(),
  };
};

/** foi-harvest.xlsx: one sheet per table and a README sheet, streamed (ExcelJS WorkbookWriter). */
export const xlsxWriter: WriterFactory = async ({ stage, info }) => {
  const { XLSX_FILE, xlsxWriterAt } = await import('./xlsx.js');
  return xlsxWriterAt(join(stage, XLSX_FILE), info);
};

/** One Parquet file per table, written a row group at a time. */
export const parquetWriter: WriterFactory = async ({ stage }) => {
  const { parquetWriterIn } = await import('./parquet.js');
  return parquetWriterIn(stage);
};

export const FORMAT_WRITERS = {
  csv: csvWriter,
  json: jsonWriter,
  ndjson: ndjsonWriter,
  sqlite: sqliteWriter,
  xlsx: xlsxWriter,
  parquet: parquetWriter,
} satisfies Record<string, WriterFactory>;
