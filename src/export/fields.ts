// Typed column descriptions of each table, read from the zod schemas' JSON Schema so that
// the store, CSV, SQLite, datapackage.json and `validate` agree on one definition.
import { z } from 'zod';
import { DATASET_TABLES, TABLES, type DatasetTable, type TableName } from '../records/schema.js';

export type FieldType = 'string' | 'integer' | 'number' | 'boolean' | 'date' | 'array';

export interface Field {
  name: string;
  type: FieldType;
  nullable: boolean;
  /** Allowed values of a vocabulary column (or of each list item for an array). */
  enum: string[] | null;
  description: string | null;
}

interface JsonSchemaNode {
  type?: string | string[];
  anyOf?: JsonSchemaNode[];
  enum?: unknown[];
  pattern?: string;
  items?: JsonSchemaNode;
  description?: string;
}

const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';
const cache = new Map<TableName, Field[]>();

function describeField(name: string, node: JsonSchemaNode): Field {
  const alts = node.anyOf ?? [node];
  const types = alts.flatMap((a) => (Array.isArray(a.type) ? a.type : a.type ? [a.type] : []));
  const nullable = types.includes('null') || alts.some((a) => a.enum?.includes(null));
  const main = alts.find((a) => (Array.isArray(a.type) ? a.type.some((t) => t !== 'null') : a.type && a.type !== 'null')) ?? alts[0];
  const t = (Array.isArray(main.type) ? main.type.find((x) => x !== 'null') : main.type) ?? 'string';
  let type: FieldType;
  if (t === 'string') type = main.pattern === DATE_PATTERN ? 'date' : 'string';
  else if (t === 'integer' || t === 'number' || t === 'boolean' || t === 'array') type = t;
  else throw new Error(`internal error: column ${name} has unsupported JSON type ${t}`);
  const enumSource = type === 'array' ? main.items : main;
  const values = enumSource?.enum?.filter((v): v is string => typeof v === 'string') ?? null;
  return { name, type, nullable, enum: values && values.length ? values : null, description: node.description ?? main.description ?? null };
}

function fieldsOfSchema(schema: z.ZodType): Field[] {
  const json = z.toJSONSchema(schema) as { properties: Record<string, JsonSchemaNode> };
  return Object.entries(json.properties).map(([name, node]) => describeField(name, node));
}

/** The columns of record table `table` (as the store holds it), in schema order, with their types. */
export function fieldsOf(table: TableName): Field[] {
  let fields = cache.get(table);
  if (!fields) {
    fields = fieldsOfSchema(TABLES[table]);
    cache.set(table, fields);
  }
  return fields;
}

const datasetCache = new Map<DatasetTable, Field[]>();

/** The columns of exported table `table` (record columns + correction marks; figures_flat), in order. */
export function datasetFieldsOf(table: DatasetTable): Field[] {
  let fields = datasetCache.get(table);
  if (!fields) {
    fields = fieldsOfSchema(DATASET_TABLES[table]);
    datasetCache.set(table, fields);
  }
  return fields;
}

/** SQLite column type for a field: lists are JSON text, booleans 0/1. */
export function sqlTypeOf(f: Field): 'TEXT' | 'INTEGER' | 'REAL' {
  if (f.type === 'integer' || f.type === 'boolean') return 'INTEGER';
  if (f.type === 'number') return 'REAL';
  return 'TEXT';
}

/** Double-quoted SQL identifier (columns such as "end" and "class" are keywords). */
export function q(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** A JS value → the value SQLite stores for `f`. */
export function toSqlValue(f: Field, v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (f.type === 'boolean') return v ? 1 : 0;
  if (f.type === 'array') return JSON.stringify(v);
  return v;
}

export type RowPusher = (row: Record<string, unknown>, out: unknown[]) => void;
const rowPushers = new Map<TableName, RowPusher>();

/**
 * Pushes a row's column values (toSqlValue's, in column order) onto `out`: toSqlValue's rules
 * written out once per table as one function, not a loop over the fields calling toSqlValue for
 * each (issue 17, the store's write path). The two must agree (tests/unit/store-write-path.test.ts).
 */
export function rowPusher(table: TableName): RowPusher {
  let push = rowPushers.get(table);
  if (!push) {
    const args = fieldsOf(table).map((f) => {
      const v = `r[${JSON.stringify(f.name)}]`;
      if (f.type === 'boolean') return `(${v} == null ? null : ${v} ? 1 : 0)`;
      if (f.type === 'array') return `(${v} == null ? null : JSON.stringify(${v}))`;
      return `(${v} ?? null)`;
    });
    push = new Function('r', 'out', `"use strict"; out.push(${args.join(', ')});`) as RowPusher;
    rowPushers.set(table, push);
  }
  return push;
}
