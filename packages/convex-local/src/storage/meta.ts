import type { DatabaseSync } from "node:sqlite";

/** The deployment's own settings kept beside its documents: env vars, crons, deployed code, secrets. */
type MetaKey = "env" | "crons" | "deployed" | "upload_secret";

export function readMeta(db: DatabaseSync, key: MetaKey): string | null {
  const row = db.prepare("SELECT value FROM meta WHERE key = ?").get(key);
  return row ? String(row.value) : null;
}

export function writeMeta(db: DatabaseSync, key: MetaKey, value: string): void {
  db.prepare(
    "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
  ).run(key, value);
}
