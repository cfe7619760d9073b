import type { DatabaseSync, StatementSync } from "node:sqlite";
import type { Catalog } from "./catalog.ts";
import type { DocJson } from "./index-keys.ts";

export const SCHEDULED_JOBS_TABLE = "_scheduled_functions";

/** A job as the scheduler's index knows it, without its arguments. */
export type JobEntry = { id: string; tableNumber: number; scheduledTime: number };

const FINISHED = new Set(["success", "failed", "canceled"]);

/** Marks, in `meta`, that the index was built from the documents already stored before it existed. */
const BUILT_KEY = "scheduled_jobs_indexed";

/**
 * Every `_scheduled_functions` document's state and times, kept in step with commits (in the same
 * SQLite transaction), so finding due or expired jobs never reads the jobs that finished.
 */
export class ScheduledJobIndex {
  private readonly catalog: Catalog;
  private readonly upsert: StatementSync;
  private readonly remove: StatementSync;
  private readonly pendingStmt: StatementSync;
  private readonly dueStmt: StatementSync;
  private readonly inProgressStmt: StatementSync;
  private readonly finishedStmt: StatementSync;
  private readonly countStmt: StatementSync;

  constructor(db: DatabaseSync, catalog: Catalog) {
    this.catalog = catalog;
    this.upsert = db.prepare(
      `INSERT INTO scheduled_jobs (id, table_number, state, scheduled_time, completed_time)
       VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(id) DO UPDATE SET state = excluded.state, scheduled_time = excluded.scheduled_time,
         completed_time = excluded.completed_time`,
    );
    this.remove = db.prepare("DELETE FROM scheduled_jobs WHERE id = ?");
    this.pendingStmt = db.prepare(
      "SELECT id, table_number, scheduled_time FROM scheduled_jobs WHERE state = 'pending' ORDER BY scheduled_time LIMIT ?",
    );
    this.dueStmt = db.prepare(
      "SELECT id, table_number, scheduled_time FROM scheduled_jobs WHERE state = 'pending' AND scheduled_time <= ? ORDER BY scheduled_time LIMIT ?",
    );
    this.inProgressStmt = db.prepare(
      "SELECT id, table_number, scheduled_time FROM scheduled_jobs WHERE state = 'inProgress'",
    );
    this.finishedStmt = db.prepare(
      "SELECT id, table_number, scheduled_time FROM scheduled_jobs WHERE completed_time < ? ORDER BY completed_time LIMIT ?",
    );
    this.countStmt = db.prepare("SELECT COUNT(*) AS n FROM scheduled_jobs");
    if (!db.prepare("SELECT 1 FROM meta WHERE key = ?").get(BUILT_KEY)) this.build(db);
  }

  /** Whether writes to this table are scheduled jobs. */
  tracks(tableNumber: number): boolean {
    return this.catalog.tableByNumber(tableNumber)?.name === SCHEDULED_JOBS_TABLE;
  }

  /** Records a job document's new version (null: deleted); called inside the commit's transaction. */
  apply(id: string, tableNumber: number, doc: DocJson | null): void {
    if (!doc) {
      this.remove.run(id);
      return;
    }
    const state = (doc.state as { kind?: unknown } | undefined)?.kind;
    const kind = typeof state === "string" ? state : "pending";
    const scheduledTime = typeof doc.scheduledTime === "number" ? doc.scheduledTime : 0;
    // A finished job without a completion time (an imported one) expires as if it ended when scheduled.
    const completed = FINISHED.has(kind)
      ? typeof doc.completedTime === "number"
        ? doc.completedTime
        : scheduledTime
      : null;
    this.upsert.run(id, tableNumber, kind, scheduledTime, completed);
  }

  /** The earliest pending jobs, soonest first. */
  pending(limit: number): JobEntry[] {
    return this.pendingStmt.all(limit).map(entry);
  }

  /** Pending jobs scheduled at or before `nowMs`, soonest first. */
  due(nowMs: number, limit: number): JobEntry[] {
    return this.dueStmt.all(nowMs, limit).map(entry);
  }

  /** Jobs marked running (actions); after a restart, ones the previous process did not finish. */
  inProgress(): JobEntry[] {
    return this.inProgressStmt.all().map(entry);
  }

  /** Finished jobs that completed before `cutoffMs`, oldest first. */
  finishedBefore(cutoffMs: number, limit: number): JobEntry[] {
    return this.finishedStmt.all(cutoffMs, limit).map(entry);
  }

  /** Jobs of every state and component. */
  count(): number {
    return Number(this.countStmt.get()!.n);
  }

  /** One pass over the jobs stored before this index existed. */
  private build(db: DatabaseSync): void {
    db.exec("BEGIN IMMEDIATE");
    try {
      const tables = db
        .prepare("SELECT number FROM tables WHERE name = ?")
        .all(SCHEDULED_JOBS_TABLE)
        .map((r) => Number(r.number));
      const select = db.prepare("SELECT id, json FROM documents WHERE table_number = ?");
      for (const number of tables)
        for (const row of select.iterate(number))
          this.apply(String(row.id), number, JSON.parse(String(row.json)) as DocJson);
      db.prepare("INSERT INTO meta (key, value) VALUES (?, '1')").run(BUILT_KEY);
      db.exec("COMMIT");
    } catch (e) {
      db.exec("ROLLBACK");
      throw e;
    }
  }
}

function entry(row: Record<string, unknown>): JobEntry {
  return {
    id: String(row.id),
    tableNumber: Number(row.table_number),
    scheduledTime: Number(row.scheduled_time),
  };
}
