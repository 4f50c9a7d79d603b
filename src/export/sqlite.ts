// foi-harvest.sqlite: the dataset's tables with their keys, ready for Datasette. Rows are
// inserted in a fixed order in one transaction so the same data gives the same bytes.
import Database from 'better-sqlite3';
import { CHILD_TABLES, type TableName } from '../records/schema.js';
import { fieldsOf, q, sqlTypeOf, toSqlValue } from './fields.js';
import { primaryKeyOf } from './datapackage.js';
import type { Row } from './tables.js';

export const SQLITE_FILE = 'foi-harvest.sqlite';

function createTable(table: TableName): string {
  const cols = fieldsOf(table).map((f) => `  ${q(f.name)} ${sqlTypeOf(f)}${f.nullable ? '' : ' NOT NULL'}`);
  cols.push(`  PRIMARY KEY (${primaryKeyOf(table).map(q).join(', ')})`);
  if ((CHILD_TABLES as readonly string[]).includes(table)) cols.push('  FOREIGN KEY (disclosure_id) REFERENCES disclosures(id) ON DELETE CASCADE');
  return `CREATE TABLE ${q(table)} (\n${cols.join(',\n')}\n)`;
}

export function writeSqlite(path: string, tables: Record<TableName, Row[]>): void {
  const db = new Database(path);
  try {
    db.pragma('journal_mode = DELETE');
    db.pragma('foreign_keys = ON');
    db.transaction(() => {
      for (const table of Object.keys(tables) as TableName[]) {
        db.exec(createTable(table));
        const fields = fieldsOf(table);
        const stmt = db.prepare(`INSERT INTO ${q(table)} VALUES (${fields.map(() => '?').join(', ')})`);
        for (const row of tables[table]) stmt.run(...fields.map((f) => toSqlValue(f, row[f.name])));
      }
      db.exec('CREATE INDEX disclosures_force ON disclosures(force)');
    })();
  } finally {
    db.close();
  }
}

/** An export database filled a disclosure at a time (rows in record order), in one transaction. */
export interface SqliteExport {
  add(rows: Array<[TableName, Row]>): void;
  finish(): void;
  abort(): void;
}

export function openSqliteExport(path: string): SqliteExport {
  const db = new Database(path);
  db.pragma('journal_mode = DELETE');
  db.pragma('foreign_keys = ON');
  const tables = ['disclosures', ...CHILD_TABLES] as TableName[];
  const inserts = new Map<TableName, { stmt: Database.Statement; fields: ReturnType<typeof fieldsOf> }>();
  for (const table of tables) {
    db.exec(createTable(table));
    const fields = fieldsOf(table);
    inserts.set(table, { stmt: db.prepare(`INSERT INTO ${q(table)} VALUES (${fields.map(() => '?').join(', ')})`), fields });
  }
  db.exec('BEGIN');
  return {
    add(rows) {
      for (const [table, row] of rows) {
        const { stmt, fields } = inserts.get(table)!;
        stmt.run(...fields.map((f) => toSqlValue(f, row[f.name])));
      }
    },
    finish() {
      try {
        db.exec('CREATE INDEX disclosures_force ON disclosures(force)');
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
