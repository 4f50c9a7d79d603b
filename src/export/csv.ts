// Rows of one table → RFC 4180 CSV text (CRLF, quoted where needed), columns in schema order.
import { stringify } from 'csv-stringify/sync';
import type { DatasetTable } from '../records/schema.js';
import { toCell } from './cells.js';
import { datasetFieldsOf } from './fields.js';
import type { Row } from './tables.js';

export function tableToCsv(table: DatasetTable, rows: readonly Row[], opts: { excel?: boolean; formulaGuard?: boolean } = {}): string {
  const fields = datasetFieldsOf(table);
  const records = [fields.map((f) => f.name), ...rows.map((r) => fields.map((f) => toCell(f, r[f.name], opts.formulaGuard !== false)))];
  // csv-stringify quotes on the record delimiter only; RFC 4180 wants any CR or LF quoted.
  const text = stringify(records, { record_delimiter: '\r\n', quoted_match: /[\r\n]/ });
  return (opts.excel ? '\ufeff' : '') + text;
}
