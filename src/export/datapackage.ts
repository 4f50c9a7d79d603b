// datapackage.json (Frictionless Tabular Data Package) describing the CSV files: one
// resource per table with typed, described fields, vocabularies as enum constraints, and keys,
// and the sources the rows came from with whose copyright the released material is.
import type { DatasetTable } from '../records/schema.js';
import { findForce } from '../sources/registry.js';
import { VERSION } from '../version.js';
import { BOM_NOTE, COPYRIGHT_NOTE, DATASET_DESCRIPTION, DATASET_TITLE, LICENSE, LICENSE_URL, LIST_NOTE, REUSE_NOTE, SOURCE, TABLE_DESCRIPTIONS, TEXT_NOTE } from './descriptions.js';
import { datasetFieldsOf, type Field } from './fields.js';

export function primaryKeyOf(table: DatasetTable): string[] {
  return table === 'disclosures' ? ['id'] : ['disclosure_id', 'ordinal'];
}

/** A field's description as every descriptor shows it (lists say how they are written). */
export function describeColumn(f: Field, listNote = LIST_NOTE): string {
  const base = f.description ?? '';
  if (f.type !== 'array') return base;
  const allowed = f.enum ? ` (each one of: ${f.enum.join(', ')})` : '';
  return `${base ? `${base}; ` : ''}${listNote}${allowed}`;
}

function fieldDescriptor(table: DatasetTable, f: Field): Record<string, unknown> {
  const pk = primaryKeyOf(table).includes(f.name);
  const out: Record<string, unknown> = { name: f.name, type: f.type === 'array' ? 'string' : f.type };
  const description = describeColumn(f);
  if (description) out.description = description;
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

export function resourceOf(table: DatasetTable, opts: { excel?: boolean; formulaGuard?: boolean } = {}): Record<string, unknown> {
  const schema: Record<string, unknown> = {
    fields: datasetFieldsOf(table).map((f) => fieldDescriptor(table, f)),
    missingValues: [''],
    primaryKey: primaryKeyOf(table),
  };
  if (table !== 'disclosures') {
    schema.foreignKeys = [{ fields: ['disclosure_id'], reference: { resource: 'disclosures', fields: ['id'] } }];
  }
  return {
    name: table,
    path: `${table}.csv`,
    profile: 'tabular-data-resource',
    title: table,
    description: [TABLE_DESCRIPTIONS[table], opts.formulaGuard === false ? '' : TEXT_NOTE, opts.excel ? BOM_NOTE : ''].filter(Boolean).join(' '),
    format: 'csv',
    mediatype: 'text/csv',
    // Always utf-8, also for --excel files that start with a byte-order mark: the spec asks for an
    // IANA charset name, a UTF-8 BOM is UTF-8's own signature (frictionless-py reads utf-8 + BOM as
    // utf-8-sig; WHATWG decoders drop it), and datapackage-js rejects Python's "utf-8-sig" outright.
    // The description says the BOM is there.
    encoding: 'utf-8',
    dialect: { delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true, header: true },
    schema,
  };
}

export interface PackageInfo {
  /** When the data was last changed (ISO time of the newest run that could change it); omitted when not known. */
  created?: string | null;
  /** The store run the data reflects (part of the version). */
  run?: number | null;
  /** Where the data came from: each force's disclosure log read, WhatDoTheyKnow, local files (see sourceCollector). */
  sources?: DataSource[];
  excel?: boolean;
  /** false: --no-formula-guard (recorded as formulaGuard). */
  formulaGuard?: boolean;
}

export function datapackage(tables: readonly DatasetTable[], info: PackageInfo = {}): Record<string, unknown> {
  return {
    profile: 'tabular-data-package',
    name: 'foi-harvest',
    title: DATASET_TITLE,
    description: `${DATASET_DESCRIPTION} ${REUSE_NOTE}`,
    version: info.run ? `${VERSION}+run.${info.run}` : VERSION,
    ...(info.created ? { created: info.created } : {}),
    licenses: [{ name: 'OGL-UK-3.0', path: LICENSE_URL, title: LICENSE }],
    sources: info.sources?.length ? info.sources : [{ title: SOURCE, description: `UK police forces' own disclosure logs. ${COPYRIGHT_NOTE}` }],
    reuse: REUSE_NOTE,
    contributors: [{ title: `foi-harvest ${VERSION}`, role: 'wrangler' }],
    // Not a Frictionless property: says how to read text cells back (see FORMULA_GUARD_RULE).
    formulaGuard: formulaGuardOf(info.formulaGuard !== false),
    resources: tables.map((t) => resourceOf(t, { excel: info.excel, formulaGuard: info.formulaGuard })),
  };
}

export interface DataSource {
  title: string;
  path?: string;
  description: string;
}

/** Collects, one disclosure at a time, the sources the exported rows came from. */
export function sourceCollector(): { add(d: { force: string | null; source: string }): void; list(): DataSource[] } {
  const logs = new Map<string, Set<string>>(); // force → the platforms its own log was read with
  const others = new Set<string>();
  return {
    add(d) {
      if (d.source === 'whatdotheyknow' || d.source === 'file') others.add(d.source);
      else if (d.force) logs.set(d.force, (logs.get(d.force) ?? new Set()).add(d.source));
    },
    list() {
      const out: DataSource[] = [];
      for (const id of [...logs.keys()].sort()) {
        const f = findForce(id);
        if (!f) continue;
        const via = [...logs.get(id)!].sort().map((p) => `source = ${p}`).join(', ');
        out.push({ title: `${f.name} disclosure log`, path: f.disclosure_log_url, description: `The force's own disclosure log (${via}). ${COPYRIGHT_NOTE}` });
      }
      if (others.has('whatdotheyknow')) {
        out.push({
          title: 'WhatDoTheyKnow (source = whatdotheyknow)',
          path: 'https://www.whatdotheyknow.com/',
          description: `Requests made through mySociety's WhatDoTheyKnow and the forces' responses to them; requesters' and correspondents' names are not kept. ${COPYRIGHT_NOTE}`,
        });
      }
      if (others.has('file')) out.push({ title: 'Files given to foi-harvest parse (source = file)', description: `Documents read from local files (their url, if any, says where they were published). ${COPYRIGHT_NOTE}` });
      return out;
    },
  };
}
