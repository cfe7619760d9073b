import { DatabaseSync } from "node:sqlite";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { DOCUMENTS, INDEX_ENTRIES, migrateLayout, SESSION_REQUESTS } from "./layout.ts";

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS tables (
  number INTEGER PRIMARY KEY,
  component TEXT NOT NULL,
  name TEXT NOT NULL,
  UNIQUE (component, name)
);
CREATE TABLE IF NOT EXISTS indexes (
  id INTEGER PRIMARY KEY,
  table_number INTEGER NOT NULL,
  name TEXT NOT NULL,
  fields TEXT NOT NULL,
  UNIQUE (table_number, name)
);
${DOCUMENTS}
${INDEX_ENTRIES}
CREATE TABLE IF NOT EXISTS search_indexes (
  id INTEGER PRIMARY KEY,
  table_number INTEGER NOT NULL,
  name TEXT NOT NULL,
  search_field TEXT NOT NULL,
  filter_fields TEXT NOT NULL,
  documents INTEGER NOT NULL,
  tokens INTEGER NOT NULL,
  UNIQUE (table_number, name)
);
CREATE TABLE IF NOT EXISTS search_terms (
  index_id INTEGER NOT NULL,
  term TEXT NOT NULL,
  doc_id TEXT NOT NULL,
  count INTEGER NOT NULL,
  PRIMARY KEY (index_id, term, doc_id)
) WITHOUT ROWID;
${SESSION_REQUESTS}
CREATE TABLE IF NOT EXISTS scheduled_jobs (
  id TEXT PRIMARY KEY,
  table_number INTEGER NOT NULL,
  state TEXT NOT NULL,
  scheduled_time REAL NOT NULL,
  completed_time REAL
);
CREATE INDEX IF NOT EXISTS scheduled_jobs_by_state ON scheduled_jobs (state, scheduled_time);
CREATE INDEX IF NOT EXISTS scheduled_jobs_by_completion ON scheduled_jobs (completed_time)
  WHERE completed_time IS NOT NULL;
CREATE TABLE IF NOT EXISTS files (
  storage_id TEXT PRIMARY KEY,
  bytes BLOB NOT NULL
);
`;

/**
 * `full` fsyncs every commit: acknowledged writes survive power loss. `normal` (WAL) fsyncs only at
 * checkpoints: acknowledged writes survive a killed process but not a lost machine.
 */
export type SyncMode = "full" | "normal";

/** Opens (creating if needed) the deployment's SQLite file in WAL mode. */
export function openDatabase(
  dataDir: string | ":memory:",
  syncMode: SyncMode = "full",
): DatabaseSync {
  let path = ":memory:";
  if (dataDir !== ":memory:") {
    mkdirSync(dataDir, { recursive: true });
    path = join(dataDir, "convex-local.sqlite3");
  }
  const db = new DatabaseSync(path);
  // First: the journal-mode pragma already needs a lock, and another connection may still hold
  // one for a moment (a closing connection checkpointing the WAL, e.g. the checkpoint worker).
  db.exec("PRAGMA busy_timeout = 5000");
  db.exec("PRAGMA journal_mode = WAL");
  db.exec(`PRAGMA synchronous = ${syncMode === "full" ? "FULL" : "NORMAL"}`);
  try {
    migrateLayout(db);
    db.exec(SCHEMA);
  } catch (e) {
    db.close();
    throw e;
  }
  return db;
}
