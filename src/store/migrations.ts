// The store's schema history: an ordered list of steps, applied once each and counted in
// `PRAGMA user_version`. Never edit a released step; append a new one.
import type Database from 'better-sqlite3';
import { CHILD_TABLES, TABLES, type TableName } from '../records/schema.js';
import { fieldsOf, q, sqlTypeOf } from '../export/fields.js';

export interface Migration {
  version: number;
  description: string;
  sql: string;
}

const CHILD_KEYS = `PRIMARY KEY (disclosure_id, ordinal),
  FOREIGN KEY (disclosure_id) REFERENCES disclosures(id) ON DELETE CASCADE`;

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'documents, fetch log, url state, runs, disclosures and their child tables, sources, changes',
    sql: `
CREATE TABLE documents (
  sha256 TEXT PRIMARY KEY,
  bytes BLOB NOT NULL,
  media_type TEXT,
  size INTEGER NOT NULL,
  first_seen TEXT NOT NULL
);
CREATE TABLE runs (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  kind TEXT NOT NULL,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  args_json TEXT,
  stats_json TEXT,
  status TEXT NOT NULL DEFAULT 'running'
);
CREATE TABLE fetch_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  run_id INTEGER,
  url TEXT NOT NULL,
  status INTEGER,
  etag TEXT,
  last_modified TEXT,
  fetched_at TEXT NOT NULL,
  bytes INTEGER,
  sha256 TEXT,
  content_type TEXT,
  error TEXT
);
CREATE TABLE url_state (
  url TEXT PRIMARY KEY,
  etag TEXT,
  last_modified TEXT,
  sha256 TEXT,
  content_type TEXT,
  fetched_at TEXT NOT NULL,
  status INTEGER
);
CREATE TABLE disclosures (
  "id" TEXT NOT NULL PRIMARY KEY,
  "force" TEXT,
  "kind" TEXT NOT NULL,
  "reference" TEXT,
  "publication_ref" TEXT,
  "title" TEXT,
  "url" TEXT,
  "request_date" TEXT,
  "response_date" TEXT,
  "published_date" TEXT,
  "outcome" TEXT NOT NULL,
  "ncnd" INTEGER NOT NULL,
  "cost_limit" INTEGER NOT NULL,
  "topics" TEXT NOT NULL,
  "request_text" TEXT NOT NULL,
  "content_sha256" TEXT NOT NULL,
  "parser_version" TEXT NOT NULL,
  "warnings" TEXT NOT NULL,
  record_json TEXT NOT NULL,
  record_sha256 TEXT NOT NULL
);
CREATE TABLE questions (
  "disclosure_id" TEXT NOT NULL,
  "ordinal" INTEGER NOT NULL,
  "label" TEXT NOT NULL,
  "text" TEXT NOT NULL,
  "locator" TEXT NOT NULL,
  "sha256" TEXT NOT NULL,
  ${CHILD_KEYS}
);
CREATE TABLE periods (
  "disclosure_id" TEXT NOT NULL,
  "ordinal" INTEGER NOT NULL,
  "start" TEXT,
  "end" TEXT,
  "questions" TEXT NOT NULL,
  "text" TEXT NOT NULL,
  "locator" TEXT NOT NULL,
  "sha256" TEXT NOT NULL,
  ${CHILD_KEYS}
);
CREATE TABLE exemptions (
  "disclosure_id" TEXT NOT NULL,
  "ordinal" INTEGER NOT NULL,
  "act" TEXT NOT NULL,
  "citation" TEXT NOT NULL,
  "section" TEXT NOT NULL,
  "name" TEXT,
  "class" TEXT NOT NULL,
  "ncnd" INTEGER NOT NULL,
  "text" TEXT NOT NULL,
  "locator" TEXT NOT NULL,
  "sha256" TEXT NOT NULL,
  ${CHILD_KEYS}
);
CREATE TABLE figures (
  "disclosure_id" TEXT NOT NULL,
  "ordinal" INTEGER NOT NULL,
  "value" REAL NOT NULL,
  "measure" TEXT NOT NULL,
  "event" TEXT NOT NULL,
  "question" TEXT,
  "period_start" TEXT,
  "period_end" TEXT,
  "year" INTEGER,
  "offence" TEXT,
  "offence_category" TEXT,
  "gender" TEXT,
  "rank" TEXT,
  "status" TEXT,
  "label" TEXT,
  "is_total" INTEGER NOT NULL,
  "text" TEXT NOT NULL,
  "locator" TEXT NOT NULL,
  "sha256" TEXT NOT NULL,
  ${CHILD_KEYS}
);
CREATE TABLE cases (
  "disclosure_id" TEXT NOT NULL,
  "ordinal" INTEGER NOT NULL,
  "role" TEXT NOT NULL,
  "rank" TEXT,
  "gender" TEXT,
  "offence" TEXT,
  "offence_category" TEXT,
  "event" TEXT NOT NULL,
  "event_year" INTEGER,
  "event_date" TEXT,
  "disposal" TEXT,
  "status_at_event" TEXT,
  "status_now" TEXT,
  "text" TEXT NOT NULL,
  "locator" TEXT NOT NULL,
  "sha256" TEXT NOT NULL,
  ${CHILD_KEYS}
);
CREATE TABLE attachments (
  "disclosure_id" TEXT NOT NULL,
  "ordinal" INTEGER NOT NULL,
  "url" TEXT NOT NULL,
  "name" TEXT,
  "media_type" TEXT,
  "sha256" TEXT,
  "bytes" INTEGER,
  "pages" INTEGER,
  "parsed" INTEGER NOT NULL,
  "error" TEXT,
  "text" TEXT NOT NULL,
  "locator" TEXT NOT NULL,
  ${CHILD_KEYS}
);
CREATE TABLE sources (
  disclosure_id TEXT NOT NULL REFERENCES disclosures(id) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK (role IN ('page', 'attachment')),
  ordinal INTEGER NOT NULL,
  url TEXT NOT NULL,
  sha256 TEXT,
  content_type TEXT,
  name TEXT,
  error TEXT,
  PRIMARY KEY (disclosure_id, role, ordinal)
);
CREATE TABLE changes (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  run_id INTEGER NOT NULL,
  disclosure_id TEXT NOT NULL,
  force TEXT,
  change TEXT NOT NULL CHECK (change IN ('new', 'changed', 'removed')),
  diff_json TEXT,
  at TEXT NOT NULL
);
`,
  },
  {
    version: 2,
    description: 'indexes for status, change reports and document look-ups',
    sql: `
CREATE INDEX fetch_log_run ON fetch_log(run_id);
CREATE INDEX changes_run ON changes(run_id);
CREATE INDEX sources_sha256 ON sources(sha256);
CREATE INDEX disclosures_force ON disclosures(force);
`,
  },
  {
    version: 3,
    description: 'robots.txt kept per origin for a day (RFC 9309 §2.4), and where a URL ended up after redirects',
    sql: `
CREATE TABLE robots_cache (
  origin TEXT PRIMARY KEY,
  status INTEGER NOT NULL,
  body BLOB,
  fetched_at TEXT NOT NULL
);
ALTER TABLE url_state ADD COLUMN final_url TEXT;
`,
  },
  {
    version: 4,
    description: "where each disclosure was harvested (source platform, the source's own state) and the same response from another source (duplicate_of)",
    sql: `
ALTER TABLE disclosures ADD COLUMN "source" TEXT NOT NULL DEFAULT 'file';
ALTER TABLE disclosures ADD COLUMN "source_state" TEXT;
ALTER TABLE disclosures ADD COLUMN "duplicate_of" TEXT;
CREATE INDEX disclosures_force_reference ON disclosures(force, reference);
UPDATE disclosures SET record_json = json_set(record_json, '$.source', 'file', '$.source_state', json('null'), '$.duplicate_of', json('null'));
`,
  },
  {
    version: 5,
    description: 'corrections kept apart from parsed records, keyed by disclosure + table + locator/text so they survive refresh and reparse',
    sql: `
CREATE TABLE corrections (
  id INTEGER PRIMARY KEY,
  disclosure_id TEXT NOT NULL,
  target_table TEXT NOT NULL,
  ordinal INTEGER,
  locator TEXT,
  text TEXT,
  field TEXT NOT NULL,
  value_json TEXT NOT NULL,
  original_json TEXT,
  reason TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX corrections_disclosure ON corrections(disclosure_id);
`,
  },
];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;

/** Brings `db` to the latest version; each step in its own transaction. Returns the versions crossed. */
export function migrate(db: Database.Database, path: string): { from: number; to: number } {
  const from = Number(db.pragma('user_version', { simple: true }));
  if (from > LATEST_VERSION) {
    throw new Error(`store ${path} has schema version ${from}, newer than this foi-harvest understands (${LATEST_VERSION}); upgrade foi-harvest`);
  }
  for (const m of MIGRATIONS) {
    if (m.version <= from) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  addMissingColumns(db);
  return { from, to: LATEST_VERSION };
}

/**
 * Columns added to the dataset schema since the last migration are added here as nullable
 * columns, so a schema extension (SPEC: extend only by adding) never breaks an existing store.
 */
function addMissingColumns(db: Database.Database): void {
  for (const table of ['disclosures', ...CHILD_TABLES] as TableName[]) {
    if (!(table in TABLES)) continue;
    const have = new Set((db.prepare(`PRAGMA table_info(${q(table)})`).all() as Array<{ name: string }>).map((r) => r.name));
    for (const f of fieldsOf(table)) {
      if (!have.has(f.name)) db.exec(`ALTER TABLE ${q(table)} ADD COLUMN ${q(f.name)} ${sqlTypeOf(f)}`);
    }
  }
}
