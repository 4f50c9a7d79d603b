// foi-harvest.sqlite: the dataset's tables with their keys, ready for Datasette, and
// figures_flat as a view over them. Rows are inserted in a fixed order in one transaction so
// the same data gives the same bytes.
import Database from 'better-sqlite3';
import type { DatasetTable } from '../records/schema.js';
import { FORCES } from '../sources/registry.js';
import { datasetFieldsOf, q, sqlTypeOf, toSqlValue } from './fields.js';
import { primaryKeyOf } from './datapackage.js';
import type { FlatFilter } from './types.js';
import { DATASET_TABLE_NAMES, type Row } from './tables.js';

export const SQLITE_FILE = 'foi-harvest.sqlite';

function createTable(table: DatasetTable): string {
  const cols = datasetFieldsOf(table).map((f) => `  ${q(f.name)} ${sqlTypeOf(f)}${f.nullable ? '' : ' NOT NULL'}`);
  cols.push(`  PRIMARY KEY (${primaryKeyOf(table).map(q).join(', ')})`);
  if (table !== 'disclosures') cols.push('  FOREIGN KEY (disclosure_id) REFERENCES disclosures(id) ON DELETE CASCADE');
  return `CREATE TABLE ${q(table)} (\n${cols.join(',\n')}\n)`;
}

const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** figures_flat as a view: the same columns, in the same order, as figures_flat.csv. */
export function figuresFlatView(filter: FlatFilter = {}): string {
  const fromDisclosure = new Set(['force', 'title', 'reference', 'url', 'kind', 'outcome', 'request_date', 'response_date', 'published_date']);
  const special: Record<string, string> = {
    force_name: 'fo.name',
    disclosure_id: 'f.disclosure_id',
    question_text: '(SELECT qu.text FROM questions qu WHERE qu.disclosure_id = f.disclosure_id AND qu.label = f.question ORDER BY qu.ordinal LIMIT 1)',
    corrected: '(f.corrected OR d.corrected)',
    correction_reason: "CASE WHEN f.correction_reason IS NULL THEN d.correction_reason WHEN d.correction_reason IS NULL OR d.correction_reason = f.correction_reason THEN f.correction_reason ELSE f.correction_reason || '; ' || d.correction_reason END",
  };
  const cols = datasetFieldsOf('figures_flat').map((f) => `  ${special[f.name] ?? `${fromDisclosure.has(f.name) ? 'd' : 'f'}.${q(f.name)}`} AS ${q(f.name)}`);
  const where: string[] = [];
  if (filter.event?.length) where.push(`f.event IN (${filter.event.map(lit).join(', ')})`);
  if (filter.measure?.length) where.push(`f.measure IN (${filter.measure.map(lit).join(', ')})`);
  return (
    `CREATE VIEW figures_flat AS SELECT\n${cols.join(',\n')}\nFROM figures f JOIN disclosures d ON d.id = f.disclosure_id LEFT JOIN forces fo ON fo.id = d.force` +
    (where.length ? `\nWHERE ${where.join(' AND ')}` : '') +
    '\nORDER BY f.disclosure_id, f.ordinal'
  );
}

/** Writes the tables (figures_flat is ignored: it is a view here). */
export function writeSqlite(path: string, tables: Partial<Record<DatasetTable, Row[]>>, filter: FlatFilter = {}): void {
  const db = new Database(path);
  try {
    db.pragma('journal_mode = DELETE');
    db.pragma('foreign_keys = ON');
    db.transaction(() => {
      for (const table of Object.keys(tables) as DatasetTable[]) {
        if (table === 'figures_flat') continue;
        db.exec(createTable(table));
        const fields = datasetFieldsOf(table);
        const stmt = db.prepare(`INSERT INTO ${q(table)} VALUES (${fields.map(() => '?').join(', ')})`);
        for (const row of tables[table]!) stmt.run(...fields.map((f) => toSqlValue(f, row[f.name])));
      }
      db.exec('CREATE TABLE forces (id TEXT PRIMARY KEY, name TEXT NOT NULL)');
      const force = db.prepare('INSERT INTO forces VALUES (?, ?)');
      for (const f of FORCES) force.run(f.id, f.name);
      db.exec('CREATE INDEX disclosures_force ON disclosures(force)');
      db.exec(figuresFlatView(filter));
    })();
  } finally {
    db.close();
  }
}

/** An export database filled a disclosure at a time (rows in record order), in one transaction. */
export interface SqliteExport {
  add(rows: Record<DatasetTable, Row[]>): void;
  finish(): void;
  abort(): void;
}

export function openSqliteExport(path: string, filter: FlatFilter = {}): SqliteExport {
  const db = new Database(path);
  db.pragma('journal_mode = DELETE');
  db.pragma('foreign_keys = ON');
  // figures_flat is a view over figures here, not a table.
  const tables = DATASET_TABLE_NAMES.filter((t) => t !== 'figures_flat');
  const inserts = new Map<DatasetTable, { stmt: Database.Statement; fields: ReturnType<typeof datasetFieldsOf> }>();
  for (const table of tables) {
    db.exec(createTable(table));
    const fields = datasetFieldsOf(table);
    inserts.set(table, { stmt: db.prepare(`INSERT INTO ${q(table)} VALUES (${fields.map(() => '?').join(', ')})`), fields });
  }
  db.exec('BEGIN');
  return {
    add(rows) {
      for (const table of tables) {
        const { stmt, fields } = inserts.get(table)!;
        for (const row of rows[table]) stmt.run(...fields.map((f) => toSqlValue(f, row[f.name])));
      }
    },
    finish() {
      try {
        db.exec('CREATE TABLE forces (id TEXT PRIMARY KEY, name TEXT NOT NULL)');
        const force = db.prepare('INSERT INTO forces VALUES (?, ?)');
        for (const f of FORCES) force.run(f.id, f.name);
        db.exec('CREATE INDEX disclosures_force ON disclosures(force)');
        db.exec(figuresFlatView(filter));
        db.exec('COMMIT');
      } finally {
        db.close();
      }
    },
    abort() {
      if (db.open) db.close();
    },
  };
}
