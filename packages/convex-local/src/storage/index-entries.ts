import type { DatabaseSync, StatementSync } from "node:sqlite";

/** Rows per multi-row statement: 2 parameters each stays far below SQLite's variable limit. */
const ROWS_PER_STATEMENT = 64;

/**
 * A commit's database-index entry changes, written with one multi-row statement per kind instead
 * of one statement per entry. Keys end with the document id, so one document's keys never collide
 * with another's and all deletions can run before all insertions.
 */
export class IndexEntryWriter {
  private readonly db: DatabaseSync;
  private readonly inserts = new Map<number, StatementSync>();
  private readonly deletes = new Map<number, StatementSync>();
  private insertParams: Array<number | Uint8Array> = [];
  private deleteParams: Array<number | Uint8Array> = [];

  constructor(db: DatabaseSync) {
    this.db = db;
  }

  insert(indexId: number, key: Uint8Array): void {
    this.insertParams.push(indexId, key);
    if (this.insertParams.length === ROWS_PER_STATEMENT * 2) this.flushInserts();
  }

  delete(indexId: number, key: Uint8Array): void {
    this.deleteParams.push(indexId, key);
    if (this.deleteParams.length === ROWS_PER_STATEMENT * 2) this.flushDeletes();
  }

  /** Runs what is pending, deletions first. */
  flush(): void {
    this.flushDeletes();
    this.flushInserts();
  }

  /** Forgets what is pending (the commit failed before writing it). */
  discard(): void {
    this.insertParams = [];
    this.deleteParams = [];
  }

  private flushInserts(): void {
    const rows = this.insertParams.length / 2;
    if (rows === 0) return;
    let statement = this.inserts.get(rows);
    if (!statement) {
      statement = this.db.prepare(
        `INSERT INTO index_entries (index_id, key) VALUES ${Array(rows).fill("(?, ?)").join(", ")}`,
      );
      this.inserts.set(rows, statement);
    }
    const params = this.insertParams;
    this.insertParams = [];
    statement.run(...params);
  }

  private flushDeletes(): void {
    const rows = this.deleteParams.length / 2;
    if (rows === 0) return;
    let statement = this.deletes.get(rows);
    if (!statement) {
      statement = this.db.prepare(
        rows === 1
          ? "DELETE FROM index_entries WHERE index_id = ? AND key = ?"
          : `DELETE FROM index_entries WHERE (index_id, key) IN (VALUES ${Array(rows).fill("(?, ?)").join(", ")})`,
      );
      this.deletes.set(rows, statement);
    }
    const params = this.deleteParams;
    this.deleteParams = [];
    statement.run(...params);
  }
}
