// The local store (SQLite): raw documents by sha256, the fetch log and conditional-GET
// state, every disclosure (flat tables + its full JSON) with the sources it was built from,
// the changes each run made, and the runs themselves. Synchronous, like better-sqlite3.
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { markInterruptedRuns, runOwner } from './runs.js';
import { sha256Hex } from '../documents/hash.js';
import { fieldsOf, q, rowPusher } from '../export/fields.js';
import type { Correction } from '../corrections/types.js';
import { checkDisclosure } from '../records/disclosure-check.js';
import { CHILD_TABLES, type Disclosure } from '../records/schema.js';
import { diffRecords, type FieldChange } from './diff.js';
import { canonicalRecordJson } from './record-json.js';
import { LATEST_VERSION, migrate } from './migrations.js';

export interface SourceRef {
  role: 'page' | 'attachment';
  url: string;
  sha256: string | null;
  contentType: string | null;
  name?: string | null;
  error?: string | null;
}

export interface UrlState {
  etag: string | null;
  lastModified: string | null;
  sha256: string | null;
  contentType: string | null;
}

/** What the store holds for a URL: its last bytes and where the request for it ended up. */
export interface StoredCopy {
  bytes: Uint8Array;
  sha256: string;
  contentType: string | null;
  /** After redirects; the URL itself when it was not redirected. */
  finalUrl: string;
}

/** A robots.txt answer as last fetched: the final status (after redirects) and the body. */
export interface CachedRobots {
  status: number;
  body: Buffer | null;
  /** ms since the epoch. */
  fetchedAt: number;
}

export interface FetchLogEntry {
  runId: number;
  url: string;
  status: number | null;
  etag?: string | null;
  lastModified?: string | null;
  bytes?: number | null;
  sha256?: string | null;
  contentType?: string | null;
  error?: string | null;
  /**
   * Where the request ended up after redirects (null: not redirected), kept beside the URL's
   * state for a 2xx or 304 in the same statement; left as it was when undefined.
   */
  finalUrl?: string | null;
}

export type RunStatus = 'ok' | 'failed' | 'partial';
/** A run's status as stored: `interrupted` = its process ended (killed) before it finished. */
export type StoredRunStatus = RunStatus | 'running' | 'interrupted';

export interface RunInfo {
  id: number;
  kind: string;
  startedAt: string;
  finishedAt: string | null;
  status: StoredRunStatus;
  args: unknown;
  stats: unknown;
}

export interface ForceCount {
  /** null = force not known. */
  force: string | null;
  disclosures: number;
  /** Distinct stored documents (pages and attachments) its disclosures were built from. */
  documents: number;
}

export interface FetchFailure {
  runId: number;
  url: string;
  status: number | null;
  error: string | null;
  fetchedAt: string;
}

export interface StoreStatus {
  path: string;
  schemaVersion: number;
  documents: { count: number; bytes: number };
  disclosures: number;
  forces: ForceCount[];
  lastRun: RunInfo | null;
  recentRuns: RunInfo[];
  /** Failed fetches (error or HTTP status >= 400) of the most recent run that fetched anything. */
  failures: FetchFailure[];
}

export interface ChangeRow {
  id: number;
  runId: number;
  disclosureId: string;
  force: string | null;
  change: 'new' | 'changed' | 'removed';
  diff: FieldChange[] | null;
}

export type UpsertResult = 'new' | 'changed' | 'unchanged';

/** The time as ISO text; formatted once per millisecond (a crawl asks several times per request). */
let nowMs = NaN;
let nowIso = '';
const now = (): string => {
  const ms = Date.now();
  if (ms !== nowMs) {
    nowMs = ms;
    nowIso = new Date(ms).toISOString();
  }
  return nowIso;
};

/**
 * url_state's writes for a logged request, with and without its final URL: written once, not
 * joined again for every request (a statement is looked up by its text).
 */
const urlStateSql = (final: boolean) => ({
  put: `INSERT INTO url_state (url, etag, last_modified, sha256, content_type, fetched_at, status${final ? ', final_url' : ''}) VALUES (?, ?, ?, ?, ?, ?, ?${final ? ', ?' : ''})
           ON CONFLICT(url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, sha256 = excluded.sha256,
             content_type = excluded.content_type, fetched_at = excluded.fetched_at, status = excluded.status${final ? ', final_url = excluded.final_url' : ''}`,
  notModified: `UPDATE url_state SET fetched_at = ?, status = 304, etag = COALESCE(?, etag), last_modified = COALESCE(?, last_modified)${final ? ', final_url = ?' : ''}
           WHERE url = ?`,
});
const URL_STATE_SQL = { plain: urlStateSql(false), withFinal: urlStateSql(true) };

/** Rows per multi-row INSERT of child rows (≤ 999 bound values for the widest table). */
const MAX_ROWS_PER_INSERT = 16;
const insertSqlCache = new Map<string, string>();

/** `INSERT INTO t (cols) VALUES (?, …), (?, …)` for `rows` rows of child table `t`. */
function insertSql(t: (typeof CHILD_TABLES)[number], rows: number): string {
  const key = `${t} ${rows}`;
  let sql = insertSqlCache.get(key);
  if (!sql) {
    const fields = fieldsOf(t);
    const one = `(${fields.map(() => '?').join(', ')})`;
    sql = `INSERT INTO ${q(t)} (${fields.map((f) => q(f.name)).join(', ')}) VALUES ${Array(rows).fill(one).join(', ')}`;
    insertSqlCache.set(key, sql);
  }
  return sql;
}
const parseJson = (s: string | null): unknown => (s == null ? null : JSON.parse(s));

/** The disclosures row's INSERT and UPDATE, written once (not joined again for every upsert). */
let disclosureSqlText: { insert: string; update: string } | null = null;
function disclosureSql(): { insert: string; update: string } {
  if (!disclosureSqlText) {
    const cols = fieldsOf('disclosures').map((f) => q(f.name));
    disclosureSqlText = {
      insert: `INSERT INTO disclosures (${cols.join(', ')}, record_json, record_sha256) VALUES (${[...cols, '', ''].map(() => '?').join(', ')})`,
      update: `UPDATE disclosures SET ${cols.map((c) => `${c} = ?`).join(', ')}, record_json = ?, record_sha256 = ? WHERE id = ?`,
    };
  }
  return disclosureSqlText;
}

/**
 * Each of a record's `t` rows belongs to it and has its own ordinal. Rows numbered 1, 2, 3, …
 * of this record (what the pipeline writes) pass without a Set; otherwise the rows are looked
 * at one by one, as always, so the first bad row is the one named.
 */
export function checkRowKeys(rec: Disclosure, t: (typeof CHILD_TABLES)[number]): void {
  const rows = rec[t];
  let i = 0;
  while (i < rows.length && rows[i].disclosure_id === rec.id && rows[i].ordinal === i + 1) i++;
  if (i === rows.length) return;
  const seen = new Set<number>();
  for (const row of rows) {
    if (row.disclosure_id !== rec.id) throw new Error(`disclosure ${rec.id}: a ${t} row belongs to ${row.disclosure_id}`);
    if (seen.has(row.ordinal)) throw new Error(`disclosure ${rec.id}: two ${t} rows have ordinal ${row.ordinal}`);
    seen.add(row.ordinal);
  }
}

/** Where the last failed checkDisclosure call found the record wrong: `questions.0.label: must be string`. */
function schemaIssue(): string {
  const issue = (checkDisclosure as unknown as { errors: Array<{ instancePath: string; message?: string }> | null }).errors?.[0];
  return `${(issue?.instancePath ?? '').split('/').filter(Boolean).join('.')}: ${issue?.message ?? 'invalid'}`;
}

export class Store {
  /** A temporary copy being read instead of a store on a read-only file system: removed on close. */
  private copyDir: string | null = null;
  /** Runs found `running` whose process is gone, marked `interrupted` when the store was opened. */
  interruptedRuns: number[] = [];
  /** Prepared once per SQL text and reused: preparing on every call was ~4 % of a crawl's CPU. */
  private readonly statements = new Map<string, Database.Statement>();

  private constructor(
    readonly path: string,
    private readonly db: Database.Database,
  ) {}

  /** Set by groupCommits(): writes share one transaction until it holds maxWrites or is maxMs old. */
  private group: { maxWrites: number; maxMs: number; writes: number; timer: NodeJS.Timeout | null } | null = null;

  private stmt(sql: string): Database.Statement {
    let st = this.statements.get(sql);
    if (!st) {
      st = this.db.prepare(sql);
      this.statements.set(sql, st);
    }
    return st;
  }

  /** Opens (creating directories and the file unless `create: false`) and migrates the store. */
  static open(path: string, opts: { create?: boolean } = {}): Store {
    if (opts.create === false && !existsSync(path)) throw new Error(`no store at ${path}`);
    // SQLite takes an empty file for a new database: a truncated copy or a mistyped path would
    // silently become an empty store, then be "exported" as an empty dataset.
    const st = statSync(path, { throwIfNoEntry: false });
    if (st && st.isFile() && st.size === 0) throw new Error(`${path} is an empty file (0 bytes), not a foi-harvest store`);
    mkdirSync(dirname(path), { recursive: true });
    let db: Database.Database;
    try {
      db = new Database(path);
    } catch (e) {
      throw new Error(`cannot open store ${path}: ${e instanceof Error ? e.message : String(e)}`);
    }
    try {
      db.pragma('busy_timeout = 15000');
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
      migrate(db, path);
    } catch (e) {
      db.close();
      const msg = e instanceof Error ? e.message : String(e);
      throw new Error(/^store /.test(msg) ? msg : `cannot open store ${path}: ${msg}`);
    }
    const store = new Store(path, db);
    store.interruptedRuns = markInterruptedRuns(db);
    return store;
  }

  /**
   * Reads `copy` (a private copy of the store at `path`, in `copyDir`) as if it were `path`:
   * what a command writes (its run, a reparse) goes to the copy and is dropped on close.
   */
  static openCopy(path: string, copy: string, copyDir: string): Store {
    const store = Store.open(copy, { create: false });
    const shown = new Store(path, store.db);
    shown.copyDir = copyDir;
    shown.interruptedRuns = store.interruptedRuns;
    return shown;
  }

  /** True when this is a temporary copy of a store that cannot be written. */
  get readOnly(): boolean {
    return this.copyDir !== null;
  }

  // ---- documents ---------------------------------------------------------------

  putDocument(bytes: Uint8Array, mediaType: string | null): string {
    return this.write(() => {
      const sha = sha256Hex(bytes);
      this.stmt(
          `INSERT INTO documents (sha256, bytes, media_type, size, first_seen) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT(sha256) DO UPDATE SET media_type = COALESCE(documents.media_type, excluded.media_type)`,
        )
        .run(sha, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), mediaType, bytes.byteLength, now());
      return sha;
    });
  }

  getDocument(sha256: string): Uint8Array | null {
    const row = this.stmt('SELECT bytes FROM documents WHERE sha256 = ?').get(sha256) as { bytes: Buffer } | undefined;
    return row ? new Uint8Array(row.bytes.buffer, row.bytes.byteOffset, row.bytes.byteLength) : null;
  }

  // ---- fetching ----------------------------------------------------------------

  urlState(url: string): UrlState | null {
    const row = this.stmt('SELECT etag, last_modified, sha256, content_type FROM url_state WHERE url = ?').get(url) as
      | { etag: string | null; last_modified: string | null; sha256: string | null; content_type: string | null }
      | undefined;
    return row ? { etag: row.etag, lastModified: row.last_modified, sha256: row.sha256, contentType: row.content_type } : null;
  }

  /** The bytes last fetched for `url` (null when none are held), without asking the site. */
  storedCopy(url: string): StoredCopy | null {
    const row = this.stmt('SELECT sha256, content_type, final_url FROM url_state WHERE url = ?').get(url) as
      | { sha256: string | null; content_type: string | null; final_url: string | null }
      | undefined;
    if (!row?.sha256) return null;
    const bytes = this.getDocument(row.sha256);
    return bytes ? { bytes, sha256: row.sha256, contentType: row.content_type, finalUrl: row.final_url ?? url } : null;
  }

  cachedRobots(origin: string): CachedRobots | null {
    const row = this.stmt('SELECT status, body, fetched_at FROM robots_cache WHERE origin = ?').get(origin) as
      | { status: number; body: Buffer | null; fetched_at: string }
      | undefined;
    return row ? { status: row.status, body: row.body, fetchedAt: Date.parse(row.fetched_at) } : null;
  }

  putRobots(origin: string, status: number, body: Buffer | null): void {
    return this.write(() => {
      this.stmt(
          `INSERT INTO robots_cache (origin, status, body, fetched_at) VALUES (?, ?, ?, ?)
           ON CONFLICT(origin) DO UPDATE SET status = excluded.status, body = excluded.body, fetched_at = excluded.fetched_at`,
        )
        .run(origin, status, body, now());
    });
  }

  /** Logs one request; a 2xx records the URL's validators and content, a 304 that it is still current. */
  logFetch(e: FetchLogEntry): void {
    return this.write(() => {
      if (this.grouped()) return this.unguarded(() => this.logFetchRows(e, now()));
      // The transaction function is made once (better-sqlite3 builds a wrapper per call).
      this.logFetchTx ??= this.db.transaction((e: FetchLogEntry, at: string) => this.logFetchRows(e, at));
      this.logFetchTx(e, now());
    });
  }

  private logFetchTx: Database.Transaction<(e: FetchLogEntry, at: string) => void> | null = null;

  private logFetchRows(e: FetchLogEntry, at: string): void {
    this.stmt(
        `INSERT INTO fetch_log (run_id, url, status, etag, last_modified, fetched_at, bytes, sha256, content_type, error)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(e.runId, e.url, e.status, e.etag ?? null, e.lastModified ?? null, at, e.bytes ?? null, e.sha256 ?? null, e.contentType ?? null, e.error ?? null);
    const final = e.finalUrl !== undefined;
    if (e.status !== null && e.status >= 200 && e.status < 300 && !e.error) {
      const st = this.stmt(final ? URL_STATE_SQL.withFinal.put : URL_STATE_SQL.plain.put);
      if (final) st.run(e.url, e.etag ?? null, e.lastModified ?? null, e.sha256 ?? null, e.contentType ?? null, at, e.status, e.finalUrl);
      else st.run(e.url, e.etag ?? null, e.lastModified ?? null, e.sha256 ?? null, e.contentType ?? null, at, e.status);
    } else if (e.status === 304 && !e.error) {
      if (final) this.stmt(URL_STATE_SQL.withFinal.notModified).run(at, e.etag ?? null, e.lastModified ?? null, e.finalUrl, e.url);
      else this.stmt(URL_STATE_SQL.plain.notModified).run(at, e.etag ?? null, e.lastModified ?? null, e.url);
    }
  }

  // ---- disclosures -------------------------------------------------------------

  /**
   * Inserts or updates one disclosure with its child rows and sources, in one transaction.
   * An identical record is left alone ('unchanged'); a different one is replaced in place
   * and its field-level diff recorded.
   */
  upsertDisclosure(d: Disclosure, sources: SourceRef[], runId: number): UpsertResult {
    return this.write(() => {
      const rec = checkDisclosure(d) as Disclosure | null;
      if (!rec) throw new Error(`disclosure ${d.id} fails the schema at ${schemaIssue()}`);
      for (const t of CHILD_TABLES) checkRowKeys(rec, t);
      for (const src of sources) {
        if (src.role !== 'page' && src.role !== 'attachment') throw new Error(`source ${src.url}: role must be page or attachment (got ${String(src.role)})`);
      }
      const json = JSON.stringify(rec);
      const recSha = sha256Hex(canonicalRecordJson(rec));
      if (this.grouped()) return this.unguarded(() => this.upsertRows(rec, json, recSha, sources, runId));
      // The transaction function is made once (better-sqlite3 builds a wrapper per call).
      this.upsertTx ??= this.db.transaction((rec: Disclosure, json: string, recSha: string, sources: SourceRef[], runId: number) => this.upsertRows(rec, json, recSha, sources, runId));
      return this.upsertTx.immediate(rec, json, recSha, sources, runId);
    });
  }

  private upsertTx: Database.Transaction<(rec: Disclosure, json: string, recSha: string, sources: SourceRef[], runId: number) => UpsertResult> | null = null;

  private upsertRows(rec: Disclosure, json: string, recSha: string, sources: SourceRef[], runId: number): UpsertResult {
    // The stored JSON (~5-10 KB) is read only when the record differs (for its diff).
    const old = this.stmt('SELECT record_sha256 FROM disclosures WHERE id = ?').get(rec.id) as { record_sha256: string } | undefined;
    let result: UpsertResult;
    if (!old) {
      this.insertRow(rec, json, recSha);
      this.insertChildren(rec);
      this.recordChange(runId, rec.id, rec.force, 'new', null);
      result = 'new';
    } else if (old.record_sha256 === recSha) {
      result = 'unchanged';
    } else {
      const { record_json } = this.stmt('SELECT record_json FROM disclosures WHERE id = ?').get(rec.id) as { record_json: string };
      const diff = diffRecords(JSON.parse(record_json), rec);
      this.updateRow(rec, json, recSha);
      for (const t of CHILD_TABLES) this.stmt(`DELETE FROM ${q(t)} WHERE disclosure_id = ?`).run(rec.id);
      this.insertChildren(rec);
      this.recordChange(runId, rec.id, rec.force, 'changed', diff);
      result = 'changed';
    }
    this.replaceSources(rec.id, sources);
    return result;
  }

  /** Deletes a disclosure (its rows and sources cascade) and records it as removed. */
  removeDisclosure(id: string, runId: number): boolean {
    return this.write(() => {
      const tx = this.db.transaction(() => {
        const row = this.stmt('SELECT force FROM disclosures WHERE id = ?').get(id) as { force: string | null } | undefined;
        if (!row) return false;
        this.stmt('DELETE FROM disclosures WHERE id = ?').run(id);
        this.recordChange(runId, id, row.force, 'removed', null);
        return true;
      });
      return tx.immediate();
    });
  }

  /**
   * Marks the same response harvested from two sources (same force and reference, e.g. a
   * force's own log and WhatDoTheyKnow): each row's duplicate_of names the other source's row,
   * and a row whose twin is gone is cleared. Returns the ids whose record changed.
   */
  linkDuplicates(runId: number): string[] {
    const rows = this.stmt('SELECT id, force, reference, source, duplicate_of FROM disclosures WHERE force IS NOT NULL AND reference IS NOT NULL ORDER BY id')
      .all() as Array<{ id: string; force: string; reference: string; source: string; duplicate_of: string | null }>;
    const key = (r: { force: string; reference: string }) => `${r.force}\u0000${r.reference.toLowerCase().replace(/\s+/g, '')}`;
    const groups = new Map<string, typeof rows>();
    for (const r of rows) groups.set(key(r), [...(groups.get(key(r)) ?? []), r]);
    const want = new Map<string, string | null>();
    for (const group of groups.values()) {
      for (const r of group) want.set(r.id, group.find((o) => o.source !== r.source)?.id ?? null);
    }
    const all = this.stmt('SELECT id, duplicate_of FROM disclosures WHERE duplicate_of IS NOT NULL').all() as Array<{ id: string; duplicate_of: string }>;
    for (const r of all) if (!want.has(r.id)) want.set(r.id, null);
    // The flat duplicate_of column is written from the record itself (insertRow/updateRow):
    // a row that already says what it should needs no record read and parsed (most, every run).
    const stored = new Map<string, string | null>(rows.map((r) => [r.id, r.duplicate_of]));
    for (const r of all) stored.set(r.id, r.duplicate_of);
    const changed: string[] = [];
    for (const [id, dup] of want) {
      if (stored.has(id) && stored.get(id) === dup) continue;
      const row = this.stmt('SELECT record_json FROM disclosures WHERE id = ?').get(id) as { record_json: string } | undefined;
      if (!row) continue;
      const rec = JSON.parse(row.record_json) as Disclosure;
      if ((rec.duplicate_of ?? null) === dup) continue;
      this.upsertDisclosure({ ...rec, duplicate_of: dup }, this.sourcesOf(id), runId);
      changed.push(id);
    }
    return changed;
  }

  /** The stored duplicate_of of a disclosure (kept across a re-harvest until linkDuplicates says otherwise). */
  duplicateOf(id: string): string | null {
    const row = this.stmt('SELECT duplicate_of FROM disclosures WHERE id = ?').get(id) as { duplicate_of: string | null } | undefined;
    return row?.duplicate_of ?? null;
  }

  /** Each disclosure's source_state (WhatDoTheyKnow's described_state) where it has one. */
  sourceStates(): Map<string, string> {
    const rows = this.stmt('SELECT id, source_state FROM disclosures WHERE source_state IS NOT NULL').all() as Array<{ id: string; source_state: string }>;
    return new Map(rows.map((r) => [r.id, r.source_state]));
  }

  sourcesOf(disclosureId: string): SourceRef[] {
    const rows = this.stmt(
        `SELECT role, url, sha256, content_type, name, error FROM sources WHERE disclosure_id = ?
         ORDER BY CASE role WHEN 'page' THEN 0 ELSE 1 END, ordinal`,
      )
      .all(disclosureId) as Array<{ role: 'page' | 'attachment'; url: string; sha256: string | null; content_type: string | null; name: string | null; error: string | null }>;
    return rows.map((r) => ({ role: r.role, url: r.url, sha256: r.sha256, contentType: r.content_type, name: r.name, error: r.error }));
  }

  disclosureIds(): string[] {
    return (this.stmt('SELECT id FROM disclosures ORDER BY id').all() as Array<{ id: string }>).map((r) => r.id);
  }

  /** Nested disclosures, validated, ordered by id, all in memory (small stores; see iterateDisclosures). */
  disclosures(opts: { force?: string[] } = {}): Disclosure[] {
    return [...this.iterateDisclosures(opts)];
  }

  /**
   * Nested disclosures ordered by id, validated one by one as they are read, a page of rows
   * at a time (keyset on id), so that memory does not grow with the store: what every export
   * and `reparse` iterate. Rows added after the iteration starts (a higher rowid) are not
   * visited, so a caller may upsert while it iterates. Between pages the connection is free.
   */
  *iterateDisclosures(opts: { force?: string[]; pageSize?: number } = {}): Generator<Disclosure> {
    const forces = opts.force?.length ? opts.force : null;
    const pageSize = opts.pageSize ?? 500;
    const maxRowid = (this.stmt('SELECT MAX(rowid) AS m FROM disclosures').get() as { m: number | null }).m ?? 0;
    const sql = `SELECT id, record_json FROM disclosures WHERE id > ? AND rowid <= ?${
      forces ? ` AND force IN (${forces.map(() => '?').join(', ')})` : ''
    } ORDER BY id LIMIT ?`;
    let after = '';
    for (;;) {
      const rows = this.stmt(sql).all(after, maxRowid, ...(forces ?? []), pageSize) as Array<{ id: string; record_json: string }>;
      for (const r of rows) {
        const d = checkDisclosure(JSON.parse(r.record_json)) as Disclosure | null;
        if (!d) throw new Error(`stored disclosure ${r.id} fails the schema at ${schemaIssue()} (run foi-harvest reparse)`);
        yield d;
      }
      if (rows.length < pageSize) return;
      after = rows[rows.length - 1].id;
    }
  }

  countDisclosures(opts: { force?: string[] } = {}): number {
    const forces = opts.force?.length ? opts.force : null;
    const sql = `SELECT COUNT(*) AS n FROM disclosures${forces ? ` WHERE force IN (${forces.map(() => '?').join(', ')})` : ''}`;
    return (this.stmt(sql).get(...(forces ?? [])) as { n: number }).n;
  }

  /** The flat columns a changes report names a disclosure by; null when it is not held. */
  disclosureHead(id: string): { force: string | null; title: string | null; url: string | null } | null {
    return (this.stmt('SELECT force, title, url FROM disclosures WHERE id = ?').get(id) as { force: string | null; title: string | null; url: string | null } | undefined) ?? null;
  }

  /**
   * Runs `fn` in one transaction: many writes, one commit (a commit per disclosure was most of
   * a bulk write's time). Each upsert inside still succeeds or fails alone (a savepoint).
   */
  batch<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }

  /** One disclosure, validated, or null when the store does not hold it. */
  disclosure(id: string): Disclosure | null {
    const row = this.stmt('SELECT record_json FROM disclosures WHERE id = ?').get(id) as { record_json: string } | undefined;
    if (!row) return null;
    const d = checkDisclosure(JSON.parse(row.record_json)) as Disclosure | null;
    if (!d) throw new Error(`stored disclosure ${id} fails the schema at ${schemaIssue()} (run foi-harvest reparse)`);
    return d;
  }

  // ---- corrections (kept apart from records: refresh and reparse never touch them) ----

  addCorrection(c: Omit<Correction, 'id' | 'createdAt'>): number {
    const r = this.write(() =>
      this.stmt(
        `INSERT INTO corrections (disclosure_id, target_table, ordinal, locator, text, field, value_json, original_json, reason, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(c.disclosureId, c.table, c.ordinal, c.locator, c.text, c.field, JSON.stringify(c.value), JSON.stringify(c.original ?? null), c.reason, now()),
    );
    return Number(r.lastInsertRowid);
  }

  /** Every correction, oldest first (later ones win where two set the same field). */
  corrections(): Correction[] {
    const rows = this.stmt('SELECT * FROM corrections ORDER BY id').all() as Array<{
      id: number;
      disclosure_id: string;
      target_table: Correction['table'];
      ordinal: number | null;
      locator: string | null;
      text: string | null;
      field: string;
      value_json: string;
      original_json: string | null;
      reason: string;
      created_at: string;
    }>;
    return rows.map((r) => ({
      id: r.id,
      disclosureId: r.disclosure_id,
      table: r.target_table,
      ordinal: r.ordinal,
      locator: r.locator,
      text: r.text,
      field: r.field,
      value: parseJson(r.value_json),
      original: parseJson(r.original_json),
      reason: r.reason,
      createdAt: r.created_at,
    }));
  }

  removeCorrection(id: number): boolean {
    return this.write(() => this.stmt('DELETE FROM corrections WHERE id = ?').run(id).changes > 0);
  }

  // ---- runs and changes --------------------------------------------------------

  startRun(kind: string, args: unknown): number {
    // While running, stats_json names the process (pid, host): a later open can tell a killed run.
    const r = this.stmt("INSERT INTO runs (kind, started_at, args_json, stats_json, status) VALUES (?, ?, ?, ?, 'running')").run(
      kind,
      now(),
      JSON.stringify(args ?? null),
      JSON.stringify(runOwner()),
    );
    return Number(r.lastInsertRowid);
  }

  finishRun(id: number, stats: unknown, status: RunStatus): void {
    this.flush();
    this.stmt('UPDATE runs SET finished_at = ?, stats_json = ?, status = ? WHERE id = ?').run(now(), JSON.stringify(stats ?? null), status, id);
  }

  /** Most recent runs first; optionally only of one kind and only finished ones. */
  runs(opts: { kind?: string; finished?: boolean; limit?: number } = {}): RunInfo[] {
    const where: string[] = [];
    const args: unknown[] = [];
    if (opts.kind) {
      where.push('kind = ?');
      args.push(opts.kind);
    }
    if (opts.finished) where.push('finished_at IS NOT NULL');
    const sql = `SELECT * FROM runs ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ?`;
    const rows = this.stmt(sql).all(...args, opts.limit ?? 10) as Array<{
      id: number;
      kind: string;
      started_at: string;
      finished_at: string | null;
      status: RunInfo['status'];
      args_json: string | null;
      stats_json: string | null;
    }>;
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      startedAt: r.started_at,
      finishedAt: r.finished_at,
      status: r.status,
      args: parseJson(r.args_json),
      stats: parseJson(r.stats_json),
    }));
  }

  /** Change rows with afterRun < run_id <= throughRun, oldest first. */
  changes(afterRun: number, throughRun: number): ChangeRow[] {
    const rows = this.stmt('SELECT id, run_id, disclosure_id, force, change, diff_json FROM changes WHERE run_id > ? AND run_id <= ? ORDER BY id')
      .all(afterRun, throughRun) as Array<{ id: number; run_id: number; disclosure_id: string; force: string | null; change: ChangeRow['change']; diff_json: string | null }>;
    return rows.map((r) => ({ id: r.id, runId: r.run_id, disclosureId: r.disclosure_id, force: r.force, change: r.change, diff: parseJson(r.diff_json) as FieldChange[] | null }));
  }

  /** The newest run that recorded any change (0 if none). */
  lastChangeRun(): number {
    const r = this.stmt('SELECT MAX(run_id) AS m FROM changes').get() as { m: number | null };
    return r.m ?? 0;
  }

  /** The newest run that could have changed data (any run but an export), or the newest change (0 if none). */
  lastDataRun(): number {
    const r = this.stmt("SELECT MAX(id) AS m FROM runs WHERE kind != 'export'").get() as { m: number | null };
    return Math.max(r.m ?? 0, this.lastChangeRun());
  }

  // ---- reporting ---------------------------------------------------------------

  status(): StoreStatus {
    const docs = this.stmt('SELECT COUNT(*) AS n, COALESCE(SUM(size), 0) AS b FROM documents').get() as { n: number; b: number };
    const disclosures = (this.stmt('SELECT COUNT(*) AS n FROM disclosures').get() as { n: number }).n;
    const forces = this.stmt(
        `SELECT d.force AS force, COUNT(DISTINCT d.id) AS disclosures, COUNT(DISTINCT s.sha256) AS documents
         FROM disclosures d LEFT JOIN sources s ON s.disclosure_id = d.id
         GROUP BY d.force ORDER BY d.force IS NULL, d.force`,
      )
      .all() as ForceCount[];
    const recentRuns = this.runs({ limit: 10 });
    const lastFetchRun = this.stmt('SELECT MAX(run_id) AS r FROM fetch_log').get() as { r: number | null };
    const failures =
      lastFetchRun.r == null
        ? []
        : (
            this.stmt(
                `SELECT run_id, url, status, error, fetched_at FROM fetch_log
                 WHERE run_id = ? AND (error IS NOT NULL OR status >= 400) ORDER BY id`,
              )
              .all(lastFetchRun.r) as Array<{ run_id: number; url: string; status: number | null; error: string | null; fetched_at: string }>
          ).map((r) => ({ runId: r.run_id, url: r.url, status: r.status, error: r.error, fetchedAt: r.fetched_at }));
    return {
      path: this.path,
      schemaVersion: LATEST_VERSION,
      documents: { count: docs.n, bytes: docs.b },
      disclosures,
      forces,
      lastRun: recentRuns[0] ?? null,
      recentRuns,
      failures,
    };
  }

  integrityCheck(): string {
    const rows = this.db.pragma('integrity_check') as Array<{ integrity_check: string }>;
    const fk = this.db.pragma('foreign_key_check') as unknown[];
    const result = rows.map((r) => r.integrity_check).join('; ');
    return fk.length ? `${result}; ${fk.length} foreign key violation(s)` : result;
  }

  close(): void {
    if (this.db.open) {
      this.flush();
      this.db.close();
    }
    if (this.copyDir) rmSync(this.copyDir, { recursive: true, force: true });
  }

  /**
   * From now on, commit writes in groups: one transaction per `maxWrites` writes or `maxMs`
   * milliseconds, whichever comes first (a crawl's commits, one per document, fetch log line
   * and disclosure, were most of its store time). A write that fails its checks writes
   * nothing; one whose statements fail half-way (not expected: see unguarded) rolls the open
   * group back; a kill loses at most the open group, which the next run fetches again.
   * finishRun() and close() commit.
   */
  groupCommits(opts: { maxWrites?: number; maxMs?: number } = {}): void {
    this.group = { maxWrites: opts.maxWrites ?? 1000, maxMs: opts.maxMs ?? 1000, writes: 0, timer: null };
  }

  /** Commits the open group of writes, if any. */
  flush(): void {
    const g = this.group;
    if (!g) return;
    if (g.timer) clearTimeout(g.timer);
    g.timer = null;
    g.writes = 0;
    if (this.db.open && this.db.inTransaction) this.db.exec('COMMIT');
  }

  /** In a group of writes (a crawl's), inside its open transaction. */
  private grouped(): boolean {
    return this.group !== null && this.db.inTransaction;
  }

  /**
   * A grouped write of several statements without a savepoint of its own: a savepoint per
   * upsert or fetch log line doubled their SQLite time (each page it touches is first copied
   * to a sub-journal; 70 vs 34 µs a record measured). What can be checked is checked before the
   * first statement, so nothing is expected to fail half-way; if something still does (disk
   * full, I/O), the whole open group is rolled back — what a kill would lose, and the next run
   * fetches again — rather than leave half a record, and the error says so.
   */
  private unguarded<T>(fn: () => T): T {
    try {
      return fn();
    } catch (e) {
      const g = this.group!;
      if (g.timer) clearTimeout(g.timer);
      g.timer = null;
      g.writes = 0;
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      const msg = e instanceof Error ? e.message : String(e);
      throw new Error(`${msg} (the store's open group of writes was rolled back; the next run fetches them again)`);
    }
  }

  private write<T>(fn: () => T): T {
    const g = this.group;
    if (!g || !this.db.open) return fn();
    if (!this.db.inTransaction) {
      this.db.exec('BEGIN IMMEDIATE');
      g.writes = 0;
      g.timer = setTimeout(() => this.flush(), g.maxMs);
      g.timer.unref();
    }
    try {
      return fn();
    } finally {
      if (++g.writes >= g.maxWrites) this.flush();
    }
  }

  // ---- internals ---------------------------------------------------------------

  /** The disclosures row's flat values in column order, then record_json, record_sha256 (and `extra`). */
  private rowValues(rec: Disclosure, json: string, recSha: string, extra?: string): unknown[] {
    const vals: unknown[] = [];
    rowPusher('disclosures')(rec as unknown as Record<string, unknown>, vals);
    vals.push(json, recSha);
    if (extra !== undefined) vals.push(extra);
    return vals;
  }

  private insertRow(rec: Disclosure, json: string, recSha: string): void {
    this.stmt(disclosureSql().insert).run(this.rowValues(rec, json, recSha));
  }

  private updateRow(rec: Disclosure, json: string, recSha: string): void {
    this.stmt(disclosureSql().update).run(this.rowValues(rec, json, recSha, rec.id));
  }

  /**
   * A disclosure's child rows, a table at a time, several rows per INSERT (up to
   * MAX_ROWS_PER_INSERT): one statement per row was most of an upsert's SQLite time. A table's
   * rows go in one statement of exactly their number (at most 16 × 6 statements are prepared,
   * each once per store): power-of-two groups (7 rows = 4 + 2 + 1) cost 7-11 µs more per
   * crawled disclosure (issue 17). Same rows, same order, same rowids.
   */
  private insertChildren(rec: Disclosure): void {
    for (let ti = 0; ti < CHILD_TABLES.length; ti++) {
      const t = CHILD_TABLES[ti];
      const rows = rec[t] as unknown as Array<Record<string, unknown>>;
      if (!rows.length) continue;
      const push = rowPusher(t);
      const byCount = (this.childInserts[ti] ??= []);
      let at = 0;
      while (at < rows.length) {
        let n = MAX_ROWS_PER_INSERT;
        if (n > rows.length - at) n = rows.length - at;
        const vals: unknown[] = [];
        for (let i = at; i < at + n; i++) push(rows[i], vals);
        (byCount[n] ??= this.stmt(insertSql(t, n))).run(vals);
        at += n;
      }
    }
  }

  /** The child tables' multi-row INSERTs, by table (CHILD_TABLES' order) and row count. */
  private readonly childInserts: Database.Statement[][] = [];

  private replaceSources(id: string, sources: SourceRef[]): void {
    this.stmt('DELETE FROM sources WHERE disclosure_id = ?').run(id);
    const stmt = this.stmt('INSERT INTO sources (disclosure_id, role, ordinal, url, sha256, content_type, name, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    const counters = { page: 0, attachment: 0 };
    for (const s of sources) {
      if (s.role !== 'page' && s.role !== 'attachment') throw new Error(`source ${s.url}: role must be page or attachment (got ${String(s.role)})`);
      stmt.run(id, s.role, ++counters[s.role], s.url, s.sha256, s.contentType, s.name ?? null, s.error ?? null);
    }
  }

  private recordChange(runId: number, id: string, force: string | null, change: ChangeRow['change'], diff: FieldChange[] | null): void {
    this.stmt('INSERT INTO changes (run_id, disclosure_id, force, change, diff_json, at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(runId, id, force, change, diff ? JSON.stringify(diff) : null, now());
  }
}
