// datapackage.json (Frictionless Tabular Data Package) describing the CSV files: one
// resource per table with typed fields, vocabularies as enum constraints, and keys.
import { CHILD_TABLES, type TableName } from '../records/schema.js';
import { COLUMN_DESCRIPTIONS, DATASET_DESCRIPTION, DATASET_TITLE, LICENSE, LICENSE_URL, LIST_NOTE, TABLE_DESCRIPTIONS, TEXT_NOTE } from './descriptions.js';
import { fieldsOf, type Field } from './fields.js';

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

/** What the CSV files do to text a spreadsheet would run as a formula, recorded in datapackage.json. */
export const FORMULA_GUARD_RULE =
  "a text cell that starts (after any tabs or line breaks) with =, or with +, - or @ directly followed by anything but a space, and is not a plain signed number, is written with a leading apostrophe (') so spreadsheets do not run it; every other cell is verbatim";

export function formulaGuardOf(applied: boolean): Record<string, unknown> {
  return applied ? { applied: true, prefix: "'", rule: FORMULA_GUARD_RULE } : { applied: false, rule: 'off (--no-formula-guard): every text cell is verbatim, including ones a spreadsheet would run as a formula' };
}

export function resourceOf(table: TableName, opts: { formulaGuard?: boolean } = {}): Record<string, unknown> {
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
    description: opts.formulaGuard === false ? TABLE_DESCRIPTIONS[table] : `${TABLE_DESCRIPTIONS[table]} ${TEXT_NOTE}`,
    format: 'csv',
    mediatype: 'text/csv',
    encoding: 'utf-8',
    dialect: { delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true, header: true },
    schema,
  };
}

export function datapackage(tables: readonly TableName[], opts: { formulaGuard?: boolean } = {}): Record<string, unknown> {
  return {
    profile: 'tabular-data-package',
    name: 'foi-harvest',
    title: DATASET_TITLE,
    description: DATASET_DESCRIPTION,
    licenses: [{ name: 'OGL-UK-3.0', path: LICENSE_URL, title: LICENSE }],
    // Not a Frictionless property: says how to read text cells back (see FORMULA_GUARD_RULE).
    formulaGuard: formulaGuardOf(opts.formulaGuard !== false),
    resources: tables.map((t) => resourceOf(t, opts)),
  };
}
