// metadata.json for Datasette (`datasette foi-harvest.sqlite -m metadata.json`).
import { TABLES, type TableName } from '../records/schema.js';
import { COLUMN_DESCRIPTIONS, DATASET_DESCRIPTION, DATASET_TITLE, LICENSE, LICENSE_URL, SOURCE, TABLE_DESCRIPTIONS } from './descriptions.js';
import { fieldsOf } from './fields.js';

const FACETS: Partial<Record<TableName, string[]>> = {
  disclosures: ['force', 'kind', 'outcome'],
  exemptions: ['act', 'citation', 'class'],
  figures: ['measure', 'event', 'offence_category'],
  cases: ['role', 'event', 'offence_category', 'status_now'],
};

export function datasetteMetadata(): Record<string, unknown> {
  const tables: Record<string, unknown> = {};
  for (const table of Object.keys(TABLES) as TableName[]) {
    const columns: Record<string, string> = {};
    for (const f of fieldsOf(table)) {
      const d = COLUMN_DESCRIPTIONS[f.name] ?? f.description;
      const list = f.type === 'array' ? 'JSON list' : null;
      const text = [d, list].filter(Boolean).join('; ');
      if (text) columns[f.name] = text;
    }
    tables[table] = { description: TABLE_DESCRIPTIONS[table], columns, ...(FACETS[table] ? { facets: FACETS[table] } : {}) };
  }
  return {
    title: DATASET_TITLE,
    description: DATASET_DESCRIPTION,
    source: SOURCE,
    license: LICENSE,
    license_url: LICENSE_URL,
    databases: { 'foi-harvest': { tables } },
  };
}
