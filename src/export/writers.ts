// One writer per export format. The export reads the store once, a record at a time, and
// hands each disclosure to every chosen format's writer; a writer appends what it needs and
// keeps nothing per record, so memory stays flat however large the store is.
// To add a format: write a factory (ctx) => RecordWriter in its own file and list it in
// FORMAT_WRITERS below (src/export/write.ts picks formats from there, in that order).
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { CHILD_TABLES, TABLES, type Disclosure, type TableName } from '../records/schema.js';
import { toCell } from './cells.js';
import { datapackage } from './datapackage.js';
import { fieldsOf } from './fields.js';
import { datasetteMetadata } from './metadata.js';
import { FileSink } from './sink.js';
import type { Row } from './tables.js';

export interface WriterContext {
  /** Staging directory: write files here only (they are moved into place when all succeed). */
  stage: string;
  /** CSV for Excel: a UTF-8 byte-order mark. */
  excel?: boolean;
  /** CSV: apostrophe-prefix text a spreadsheet would run as a formula (default true; `--no-formula-guard`). */
  formulaGuard?: boolean;
}

export interface RecordWriter {
  /** One disclosure, validated; records arrive in id order, each exactly once. */
  write(d: Disclosure): void | Promise<void>;
  /** After the last record (also when there were none): finish and name the files written, in order. */
  close(): string[] | Promise<string[]>;
  /** On failure: release files and handles (the stage is removed anyway). */
  abort?(): void;
}

export type WriterFactory = (ctx: WriterContext) => RecordWriter | Promise<RecordWriter>;

export const json = (v: unknown) => JSON.stringify(v, null, 2) + '\n';

/** The rows a disclosure contributes to each table, columns in schema order (as flatten()). */
export function rowsOf(d: Disclosure): Array<[TableName, Row]> {
  const out: Array<[TableName, Row]> = [[ 'disclosures', pick(d as unknown as Row, 'disclosures') ]];
  for (const t of CHILD_TABLES) for (const child of d[t]) out.push([t, pick(child as unknown as Row, t)]);
  return out;
}

const columnCache = new Map<TableName, string[]>();
function pick(src: Row, table: TableName): Row {
  let cols = columnCache.get(table);
  if (!cols) columnCache.set(table, (cols = Object.keys(TABLES[table].shape)));
  const r: Row = {};
  for (const c of cols) r[c] = src[c];
  return r;
}

/** disclosures.json: a pretty-printed array, written element by element (same bytes as JSON.stringify(all, null, 2)). */
export const jsonWriter: WriterFactory = ({ stage }) => {
  const sink = new FileSink(join(stage, 'disclosures.json'));
  let n = 0;
  return {
    write(d) {
      sink.write((n++ === 0 ? '[\n  ' : ',\n  ') + JSON.stringify(d, null, 2).replace(/\n/g, '\n  '));
    },
    close() {
      sink.write(n === 0 ? '[]\n' : '\n]\n');
      sink.close();
      return ['disclosures.json'];
    },
    abort: () => sink.close(),
  };
};

export const ndjsonWriter: WriterFactory = ({ stage }) => {
  const sink = new FileSink(join(stage, 'disclosures.ndjson'));
  return {
    write: (d) => sink.write(JSON.stringify(d) + '\n'),
    close() {
      sink.close();
      return ['disclosures.ndjson'];
    },
    abort: () => sink.close(),
  };
};

/** One CSV file per table (RFC 4180: CRLF, any CR or LF quoted), then datapackage.json. */
export const csvWriter: WriterFactory = ({ stage, excel, formulaGuard }) => {
  const guard = formulaGuard !== false;
  const tables = Object.keys(TABLES) as TableName[];
  // csv-stringify quotes on the record delimiter only; RFC 4180 wants any CR or LF quoted.
  const csvOpts = { record_delimiter: '\r\n', quoted_match: /[\r\n]/ } as const;
  const sinks = new Map<TableName, FileSink>();
  const pending = new Map<TableName, unknown[][]>();
  const flush = (t: TableName) => {
    const rows = pending.get(t)!;
    if (rows.length) sinks.get(t)!.write(stringify(rows, csvOpts));
    pending.set(t, []);
  };
  for (const t of tables) {
    const sink = new FileSink(join(stage, `${t}.csv`));
    sinks.set(t, sink);
    pending.set(t, []);
    sink.write((excel ? '\ufeff' : '') + stringify([fieldsOf(t).map((f) => f.name)], csvOpts));
  }
  return {
    write(d) {
      for (const [t, row] of rowsOf(d)) {
        const rows = pending.get(t)!;
        rows.push(fieldsOf(t).map((f) => toCell(f, row[f.name], guard)));
        if (rows.length >= 256) flush(t);
      }
    },
    close() {
      for (const t of tables) {
        flush(t);
        sinks.get(t)!.close();
      }
      const dp = new FileSink(join(stage, 'datapackage.json'));
      dp.write(json(datapackage(tables, { formulaGuard: guard })));
      dp.close();
      return [...tables.map((t) => `${t}.csv`), 'datapackage.json'];
    },
    abort: () => sinks.forEach((s) => s.close()),
  };
};

/** foi-harvest.sqlite (one transaction, rows in record order) and Datasette's metadata.json. */
export const sqliteWriter: WriterFactory = async ({ stage }) => {
  // Loaded only here: `parse --out` should not pay for the native SQLite module.
  const { SQLITE_FILE, openSqliteExport } = await import('./sqlite.js');
  const db = openSqliteExport(join(stage, SQLITE_FILE));
  return {
    write: (d) => db.add(rowsOf(d)),
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

export const FORMAT_WRITERS = {
  csv: csvWriter,
  json: jsonWriter,
  ndjson: ndjsonWriter,
  sqlite: sqliteWriter,
} satisfies Record<string, WriterFactory>;
