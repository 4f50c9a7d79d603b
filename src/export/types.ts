// Types the export stage shares between its writers.
import type { DatasetDisclosure, DatasetTable } from '../records/schema.js';
import type { Row } from './tables.js';

/** figures_flat filters (--event, --measure): only these values, when given. */
export interface FlatFilter {
  event?: string[];
  measure?: string[];
}

/**
 * A format writer fed one disclosure at a time (so exports can stream from the store), then
 * asked to finish: it returns the names of the files it wrote into the staging directory.
 */
export interface FormatSink {
  add(record: DatasetDisclosure, rows: Record<DatasetTable, Row[]>): void | Promise<void>;
  finish(): Promise<string[]>;
}
