// One Parquet file per table, typed (strings UTF8, dates DATE, integers INT64, numbers
// DOUBLE, booleans BOOLEAN, lists LIST<STRING>), for DuckDB, pandas, R and Spark.
// hyparquet-writer is pure JavaScript (no native build, Node >= 12); rows are buffered per
// table and written a row group at a time, so memory stays bounded on large exports.
import { ParquetWriter, fileWriter } from 'hyparquet-writer';
import { join } from 'node:path';
import type { DatasetDisclosure, DatasetTable } from '../records/schema.js';
import { VERSION } from '../version.js';
import { describeColumn } from './datapackage.js';
import { TABLE_DESCRIPTIONS } from './descriptions.js';
import { datasetFieldsOf, type Field } from './fields.js';
import { DATASET_TABLE_NAMES, type Row } from './tables.js';
import type { RecordWriter } from './types.js';

export const ROW_GROUP = 10_000;

type SchemaElement = Record<string, unknown>;

function schemaOf(fields: Field[]): SchemaElement[] {
  const out: SchemaElement[] = [{ name: 'root', num_children: fields.length }];
  for (const f of fields) {
    const repetition_type = f.nullable ? 'OPTIONAL' : 'REQUIRED';
    switch (f.type) {
      case 'array':
        out.push({ name: f.name, repetition_type, converted_type: 'LIST', num_children: 1 });
        out.push({ name: 'list', repetition_type: 'REPEATED', num_children: 1 });
        out.push({ name: 'element', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'REQUIRED' });
        break;
      case 'date':
        out.push({ name: f.name, type: 'INT32', converted_type: 'DATE', repetition_type });
        break;
      case 'integer':
        out.push({ name: f.name, type: 'INT64', converted_type: 'INT_64', repetition_type });
        break;
      case 'number':
        out.push({ name: f.name, type: 'DOUBLE', repetition_type });
        break;
      case 'boolean':
        out.push({ name: f.name, type: 'BOOLEAN', repetition_type });
        break;
      default:
        out.push({ name: f.name, type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type });
    }
  }
  return out;
}

function parquetValue(f: Field, v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (f.type === 'date') return new Date(`${String(v)}T00:00:00Z`);
  if (f.type === 'integer') return BigInt(v as number);
  return v;
}

class TableFile {
  readonly fields: Field[];
  private readonly writer: ParquetWriter;
  private buffer: Row[] = [];
  rows = 0;

  constructor(table: DatasetTable, path: string) {
    this.fields = datasetFieldsOf(table);
    const descriptions = Object.fromEntries(this.fields.map((f) => [f.name, describeColumn(f, 'a list')]));
    this.writer = new ParquetWriter({
      writer: fileWriter(path),
      schema: schemaOf(this.fields) as never,
      createdBy: `foi-harvest ${VERSION}`,
      kvMetadata: [
        { key: 'foi-harvest.table', value: TABLE_DESCRIPTIONS[table] },
        { key: 'foi-harvest.columns', value: JSON.stringify(descriptions) },
      ],
    });
  }

  push(rows: Row[]): void {
    for (const r of rows) this.buffer.push(r);
    if (this.buffer.length >= ROW_GROUP) this.flush();
  }

  flush(): void {
    if (!this.buffer.length) return;
    const columnData = this.fields.map((f) => ({ name: f.name, data: this.buffer.map((r) => parquetValue(f, r[f.name])) }));
    this.writer.write({ columnData: columnData as never, rowGroupSize: this.buffer.length });
    this.rows += this.buffer.length;
    this.buffer = [];
  }

  finish(): void {
    this.flush();
    this.writer.finish();
  }
}

export const parquetFile = (t: DatasetTable) => `${t}.parquet`;

export function parquetWriterIn(stage: string): RecordWriter {
  const files = new Map(DATASET_TABLE_NAMES.map((t) => [t, new TableFile(t, join(stage, parquetFile(t)))]));
  return {
    write(_record: DatasetDisclosure, rows: Record<DatasetTable, Row[]>) {
      for (const [t, f] of files) f.push(rows[t]);
    },
    async close() {
      for (const f of files.values()) f.finish();
      return DATASET_TABLE_NAMES.map(parquetFile);
    },
  };
}
