// Types the export stage shares between its writers.
import type { DatasetDisclosure, DatasetTable } from '../records/schema.js';
import type { DataSource, PackageInfo } from './datapackage.js';
import type { Row } from './tables.js';

/** figures_flat filters (--event, --measure): only these values, when given. */
export interface FlatFilter {
  event?: string[];
  measure?: string[];
}

export interface WriterContext {
  /** Staging directory: write files here only (they are moved into place when all succeed). */
  stage: string;
  /** CSV for Excel: a UTF-8 byte-order mark. */
  excel?: boolean;
  /** CSV: apostrophe-prefix text a spreadsheet would run as a formula (default true; `--no-formula-guard`). */
  formulaGuard?: boolean;
  /** figures_flat filters (the rows are already filtered; the SQLite view needs them too). */
  flat?: FlatFilter;
  /** version / created for datapackage.json and the workbook. */
  info?: Pick<PackageInfo, 'created' | 'run'>;
  /** The sources of the rows written so far; complete when close() is called. */
  sources: () => DataSource[];
}

/**
 * One export format's writer. The export reads the store once, a record at a time, and hands
 * each disclosure (corrections applied) with its rows in every table to every chosen format's
 * writer; a writer appends what it needs and keeps nothing per record, so memory stays flat.
 */
export interface RecordWriter {
  /** One disclosure; records arrive in id order, each exactly once. */
  write(record: DatasetDisclosure, rows: Record<DatasetTable, Row[]>): void | Promise<void>;
  /** After the last record (also when there were none): finish and name the files written, in order. */
  close(): string[] | Promise<string[]>;
  /** On failure: release files and handles (the stage is removed anyway). */
  abort?(): void;
}

export type WriterFactory = (ctx: WriterContext) => RecordWriter | Promise<RecordWriter>;
