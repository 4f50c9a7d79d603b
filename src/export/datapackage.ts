// datapackage.json (Frictionless Tabular Data Package) describing the CSV files: one
// resource per table with typed fields, vocabularies as enum constraints, and keys.
import { CHILD_TABLES, type TableName } from '../records/schema.js';
import { COLUMN_DESCRIPTIONS, DATASET_DESCRIPTION, DATASET_TITLE, LICENSE, LICENSE_URL, LIST_NOTE, TABLE_DESCRIPTIONS, TEXT_NOTE } from './descriptions.js';
import { fieldsOf, type Field } from './fields.js';
import { platformConfig, platformIds } from '../sources/platforms.js';

export function primaryKeyOf(table: TableName): string[] {
  return table === 'disclosures' ? ['id'] : ['disclosure_id', 'ordinal'];
}

function fieldDescriptor(table: TableName, f: Field): Record<string, unknown> {
  const pk = primaryKeyOf(table).includes(f.name);
  const base = COLUMN_DESCRIPTIONS[f.name] ?? f.description;
  const out: Record<string, unknown> = { name: f.name, type: f.type === 'array' ? 'string' : f.type };
  if (f.type === 'array') {
    const allowed = f.enum ? ` (each one of: ${f.enum.join(', ')})` : '';
    out.description = `${base ? `${base}; ` : ''}${LIST_NOTE}${allowed}`;
  } else if (base) out.description = base;
  if (f.type === 'boolean') {
    out.trueValues = ['true'];
    out.falseValues = ['false'];
  }
  const constraints: Record<string, unknown> = {};
  // An empty cell is a missing value, so only columns that can never be empty are required
  // (a non-nullable text column may legitimately hold "").
  if (pk || (!f.nullable && f.type !== 'string' && f.type !== 'array')) constraints.required = true;
  if (f.enum && f.type !== 'array') constraints.enum = f.enum;
  if (Object.keys(constraints).length) out.constraints = constraints;
  return out;
}

export function resourceOf(table: TableName): Record<string, unknown> {
  const schema: Record<string, unknown> = {
    fields: fieldsOf(table).map((f) => fieldDescriptor(table, f)),
    missingValues: [''],
    primaryKey: primaryKeyOf(table),
  };
  if ((CHILD_TABLES as readonly string[]).includes(table)) {
    schema.foreignKeys = [{ fields: ['disclosure_id'], reference: { resource: 'disclosures', fields: ['id'] } }];
  }
  return {
    name: table,
    path: `${table}.csv`,
    profile: 'tabular-data-resource',
    title: table,
    description: `${TABLE_DESCRIPTIONS[table]} ${TEXT_NOTE}`,
    format: 'csv',
    mediatype: 'text/csv',
    encoding: 'utf-8',
    dialect: { delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true, header: true },
    schema,
  };
}

export function datapackage(tables: readonly TableName[]): Record<string, unknown> {
  return {
    profile: 'tabular-data-package',
    name: 'foi-harvest',
    title: DATASET_TITLE,
    description: DATASET_DESCRIPTION,
    licenses: [{ name: 'OGL-UK-3.0', path: LICENSE_URL, title: LICENSE }],
    sources: dataSources(),
    resources: tables.map(resourceOf),
  };
}

/** Where the rows come from (each disclosure's `source` column names one), with whose copyright. */
function dataSources(): Array<{ title: string; path?: string; description: string }> {
  const note = 'Copyright in released material stays with the public authority that released it; this dataset quotes it for reference.';
  return [
    ...platformIds()
      .filter((id) => id !== 'whatdotheyknow')
      .map((id) => ({ title: `${platformConfig(id)!.name} (source = ${id})`, description: `UK police forces' own disclosure logs. ${note}` })),
    {
      title: 'WhatDoTheyKnow (source = whatdotheyknow)',
      path: 'https://www.whatdotheyknow.com/',
      description: `Requests made through mySociety's WhatDoTheyKnow and the forces' responses to them; requesters' and correspondents' names are not kept. ${note}`,
    },
    { title: 'Files given to foi-harvest parse (source = file)', description: note },
  ];
}
