// metadata.json for Datasette (`datasette foi-harvest.sqlite -m metadata.json`).
import type { DatasetTable } from '../records/schema.js';
import { describeColumn } from './datapackage.js';
import { DATASET_DESCRIPTION, DATASET_TITLE, LICENSE, LICENSE_URL, REUSE_NOTE, SOURCE, TABLE_DESCRIPTIONS } from './descriptions.js';
import { datasetFieldsOf } from './fields.js';
import { DATASET_TABLE_NAMES } from './tables.js';

const FACETS: Partial<Record<DatasetTable, string[]>> = {
  figures_flat: ['force', 'measure', 'event', 'year'],
  disclosures: ['force', 'kind', 'outcome'],
  exemptions: ['act', 'citation', 'class'],
  figures: ['measure', 'event', 'offence_category'],
  cases: ['role', 'event', 'offence_category', 'status_now'],
};

export function datasetteMetadata(): Record<string, unknown> {
  const tables: Record<string, unknown> = {};
  for (const table of DATASET_TABLE_NAMES) {
    const columns: Record<string, string> = {};
    for (const f of datasetFieldsOf(table)) columns[f.name] = describeColumn(f, 'a JSON list');
    tables[table] = { description: TABLE_DESCRIPTIONS[table], columns, ...(FACETS[table] ? { facets: FACETS[table] } : {}) };
  }
  return {
    title: DATASET_TITLE,
    description: `${DATASET_DESCRIPTION} ${REUSE_NOTE}`,
    source: SOURCE,
    license: LICENSE,
    license_url: LICENSE_URL,
    databases: { 'foi-harvest': { tables } },
  };
}
