import type { DatabaseSync, StatementSync } from "node:sqlite";

/** The bytes of stored files, keyed by their `_storage` document id. */
export class FileBytes {
  private readonly db: DatabaseSync;
  private readonly putStmt: StatementSync;
  private readonly getStmt: StatementSync;
  private readonly deleteStmt: StatementSync;

  constructor(db: DatabaseSync) {
    this.db = db;
    // A zero-length buffer can bind as NULL; an empty file is an empty blob.
    this.putStmt = db.prepare(
      "INSERT OR REPLACE INTO files (storage_id, bytes) VALUES (?, COALESCE(?, zeroblob(0)))",
    );
    this.getStmt = db.prepare("SELECT bytes FROM files WHERE storage_id = ?");
    this.deleteStmt = db.prepare("DELETE FROM files WHERE storage_id = ?");
  }

  put(storageId: string, bytes: Uint8Array): void {
    this.putStmt.run(storageId, bytes);
  }

  get(storageId: string): Uint8Array | null {
    const row = this.getStmt.get(storageId);
    return row ? (row.bytes as Uint8Array) : null;
  }

  delete(storageId: string): void {
    this.deleteStmt.run(storageId);
  }

  /** Writes files inside another transaction (a snapshot import's), with that transaction's database. */
  static putIn(db: DatabaseSync, files: Iterable<[string, Uint8Array]>): void {
    const put = db.prepare(
      "INSERT OR REPLACE INTO files (storage_id, bytes) VALUES (?, COALESCE(?, zeroblob(0)))",
    );
    for (const [id, bytes] of files) put.run(id, bytes);
  }
}
