import type { DatabaseSync } from "node:sqlite";

/**
 * The data file's layout version, kept in `meta` as `layout`. 1: `documents` was a rowid table
 * with an index on its id and one on its table (three B-trees written per document) and
 * `session_requests` a rowid table with an index on its key; 2: both are WITHOUT ROWID tables, one
 * B-tree each, documents keyed by (table, id) so that one B-tree serves lookups and table scans;
 * 3: `by_id` keeps no index entries, the documents table answers it; 4: `index_entries` has no
 * `doc_id` column, an entry's key ends with its document's id.
 */
export const LAYOUT_VERSION = 4;

const documentsTable = (name: string) => `CREATE TABLE IF NOT EXISTS ${name} (
  table_number INTEGER NOT NULL,
  id TEXT NOT NULL,
  json TEXT NOT NULL,
  PRIMARY KEY (table_number, id)
) WITHOUT ROWID`;

const sessionRequestsTable = (name: string) => `CREATE TABLE IF NOT EXISTS ${name} (
  session_id TEXT NOT NULL,
  request_id INTEGER NOT NULL,
  outcome TEXT NOT NULL,
  ts TEXT NOT NULL,
  PRIMARY KEY (session_id, request_id)
) WITHOUT ROWID`;

const indexEntriesTable = (name: string) => `CREATE TABLE IF NOT EXISTS ${name} (
  index_id INTEGER NOT NULL,
  key BLOB NOT NULL,
  PRIMARY KEY (index_id, key)
) WITHOUT ROWID`;

export const DOCUMENTS = `${documentsTable("documents")};`;
export const INDEX_ENTRIES = `${indexEntriesTable("index_entries")};`;
/** Outcomes not yet moved into `session_requests`: a rowid table, so each commit's row appends. */
const RECENT_SESSION_REQUESTS = `CREATE TABLE IF NOT EXISTS session_requests_recent (
  session_id TEXT NOT NULL,
  request_id INTEGER NOT NULL,
  outcome TEXT NOT NULL,
  ts TEXT NOT NULL
)`;

export const SESSION_REQUESTS = `${sessionRequestsTable("session_requests")};
${RECENT_SESSION_REQUESTS};`;

/** Tables rebuilt WITHOUT ROWID by the move to layout 2 (dropping a table drops its indexes). */
const REBUILT_IN_2 = [
  { name: "documents", ddl: documentsTable, columns: "table_number, id, json" },
  {
    name: "session_requests",
    ddl: sessionRequestsTable,
    columns: "session_id, request_id, outcome, ts",
  },
];

/** Rebuilt by the move to layout 4 without the `doc_id` column. */
const REBUILT_IN_4 = { name: "index_entries", ddl: indexEntriesTable, columns: "index_id, key" };

function tableExists(db: DatabaseSync, name: string): boolean {
  return (
    db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(name) !==
    undefined
  );
}

/** The file's layout: as recorded, else 1 for a file written before versions were, else (a new file) the current one. */
function storedVersion(db: DatabaseSync): number {
  const row = db.prepare("SELECT value FROM meta WHERE key = 'layout'").get();
  if (row) return Number(row.value);
  return tableExists(db, "documents") ? 1 : LAYOUT_VERSION;
}

/**
 * Brings a data file to the current layout before the schema is created: every copy, drop and
 * rename runs in one transaction, so a crash leaves the old layout whole and the next open redoes it.
 */
export function migrateLayout(db: DatabaseSync): void {
  db.exec("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
  db.exec("BEGIN IMMEDIATE");
  try {
    const version = storedVersion(db);
    if (!Number.isInteger(version) || version < 1 || version > LAYOUT_VERSION)
      throw new Error(
        `The data file has layout version ${version}, which this convex-local cannot read (it reads versions 1 to ${LAYOUT_VERSION}); it was written by a newer convex-local or is damaged.`,
      );
    if (version < 2) for (const table of REBUILT_IN_2) rebuild(db, table, "layout2");
    if (version < 3 && tableExists(db, "index_entries"))
      db.exec(
        "DELETE FROM index_entries WHERE index_id IN (SELECT id FROM indexes WHERE name = 'by_id')",
      );
    if (version < 4) rebuild(db, REBUILT_IN_4, "layout4");
    db.prepare(
      "INSERT INTO meta (key, value) VALUES ('layout', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
    ).run(String(LAYOUT_VERSION));
    db.exec("COMMIT");
  } catch (e) {
    db.exec("ROLLBACK");
    throw e;
  }
}

/** Copies a table into its new shape (the columns named), then puts the copy in its place. */
function rebuild(
  db: DatabaseSync,
  table: { name: string; ddl: (name: string) => string; columns: string },
  suffix: string,
): void {
  if (!tableExists(db, table.name)) return;
  const copy = `${table.name}_${suffix}`;
  // Plain CREATE: a leftover table of that name means something else wrote the file; stop there.
  db.exec(table.ddl(copy).replace("IF NOT EXISTS ", ""));
  db.exec(`INSERT INTO ${copy} (${table.columns}) SELECT ${table.columns} FROM ${table.name}`);
  db.exec(`DROP TABLE ${table.name}`);
  db.exec(`ALTER TABLE ${copy} RENAME TO ${table.name}`);
}
