import type { DatabaseSync } from "node:sqlite";
import { AsyncResource } from "node:async_hooks";
import { closeSync, fdatasync, fdatasyncSync, openSync } from "node:fs";
import { stageTimes } from "../diagnostics/stage-times.ts";
import { Checkpointer } from "./checkpointer.ts";
import type { WrittenKeys } from "./read-set.ts";

/** What one commit changed: index keys for invalidation, tables and documents touched, documents deleted. */
export type Commit = {
  ts: bigint;
  writes: WrittenKeys;
  tables: Set<number>;
  documents: string[];
  deleted: Array<{ tableNumber: number; id: string }>;
};

export type Batch = {
  commits: Commit[];
  durable: Promise<void>;
  settle: (error?: unknown) => void;
  settled: boolean;
};

/** The database's write-ahead log, when commits must be fsynced (`synchronous = FULL` on a file). */
function walToSync(db: DatabaseSync): string | null {
  const location = db.location();
  if (!location) return null;
  const mode = db.prepare("PRAGMA journal_mode").get()?.journal_mode;
  const level = db.prepare("PRAGMA synchronous").get()?.synchronous;
  return mode === "wal" && Number(level) >= 2 ? `${location}-wal` : null;
}

/**
 * Group commit: the commits of one event-loop turn share one SQLite transaction (a batch) and one
 * fsync, and listeners hear of each commit only once it is on disk.
 */
export class GroupCommit {
  private readonly db: DatabaseSync;
  /** Runs inside each batch's transaction just before its COMMIT. */
  private readonly beforeCommit: () => void;
  private readonly listeners = new Set<(commit: Commit) => void>();
  private batch: Batch | null = null;
  /** Batches committed to the WAL whose fsync has not finished (full sync only), oldest first. */
  private unsynced: Batch[] = [];
  /** Batches the running background fsync will make durable. */
  private syncing: Batch[] | null = null;
  /** Settles once every commit so far is durable. */
  lastDurable: Promise<void> = Promise.resolve();
  /** With `synchronous = FULL`, the WAL this store fsyncs itself, off the event loop. */
  private readonly walPath: string | null;
  private walFd: number | null = null;
  /** Set by `close`: a background fsync that ends later only lets go of the WAL. */
  private closed = false;
  private readonly checkpointer: Checkpointer | null;
  private readonly detached = new AsyncResource("convex-local-store");
  /** Set when a write or fsync failed: the in-memory state is ahead of the disk. */
  failure: Error | null = null;

  constructor(db: DatabaseSync, beforeCommit: () => void) {
    this.db = db;
    this.beforeCommit = beforeCommit;
    this.walPath = walToSync(db);
    const location = db.location();
    this.checkpointer = location ? new Checkpointer(location) : null;
    // Checkpoints run on the checkpointer's thread; SQLite's own is the fallback if it falls behind.
    if (this.checkpointer) db.exec("PRAGMA wal_autocheckpoint = 10000");
  }

  /** The batch gathering this turn's commits, opened (with its SQLite transaction) if none is. */
  open(): Batch {
    if (this.batch) return this.batch;
    // The batch's COMMIT skips SQLite's own fsync when this store fsyncs the WAL itself.
    if (this.walPath) this.db.exec("PRAGMA synchronous = NORMAL");
    this.db.exec("BEGIN IMMEDIATE");
    let settle!: (error?: unknown) => void;
    const durable = new Promise<void>(
      (resolve, reject) => (settle = (error) => (error ? reject(error) : resolve())),
    );
    // Settled once on disk; a rejection nobody awaited must not look unhandled.
    durable.catch(() => {});
    const batch: Batch = { commits: [], durable, settle, settled: false };
    this.batch = batch;
    this.lastDurable = durable;
    // Commit and its listeners run in the store's own async context, not in whichever function committed first.
    setImmediate(() => this.detached.runInAsyncScope(() => this.write(false)));
    return batch;
  }

  /**
   * Writes the open batch to the WAL. With full sync, its fsync then runs on the thread pool while
   * the event loop goes on applying commits to the next batch, which is written when the fsync ends.
   */
  private write(waitForDisk: boolean): void {
    const batch = this.batch;
    if (!batch) return;
    // While the disk is busy the batch stays open and gathers more commits; the fsync's end commits it.
    if (!waitForDisk && this.syncing) return;
    this.batch = null;
    const mark = stageTimes.start();
    try {
      this.beforeCommit();
      this.db.exec("COMMIT");
    } catch (e) {
      this.fail(e, [batch]);
      return;
    } finally {
      if (this.walPath && !this.db.isTransaction) this.db.exec("PRAGMA synchronous = FULL");
      stageTimes.end("commit", mark);
    }
    this.checkpointer?.committed();
    if (!this.walPath) {
      this.settle([batch]);
      return;
    }
    this.unsynced.push(batch);
    if (!waitForDisk) this.syncInBackground();
  }

  private syncInBackground(): void {
    if (this.syncing || this.unsynced.length === 0 || this.failure) return;
    const batches = this.unsynced;
    this.unsynced = [];
    this.syncing = batches;
    let fd: number;
    try {
      fd = this.openWal();
    } catch (e) {
      this.syncing = null;
      this.fail(e, batches);
      return;
    }
    fdatasync(fd, (error) =>
      this.detached.runInAsyncScope(() => {
        this.syncing = null;
        // `close` flushed (and so settled) these batches itself, and the database may be closed.
        if (this.closed) {
          closeSync(fd);
          return;
        }
        if (error) this.fail(error, batches);
        else this.settle(batches);
        if (this.batch && !this.failure) this.write(false);
        else this.syncInBackground();
      }),
    );
  }

  private openWal(): number {
    this.walFd ??= openSync(this.walPath!, "r");
    return this.walFd;
  }

  private settle(batches: Batch[]): void {
    for (const batch of batches) {
      if (batch.settled) continue;
      batch.settled = true;
      batch.settle();
      for (const commit of batch.commits) for (const listener of this.listeners) listener(commit);
    }
  }

  private fail(e: unknown, batches: Batch[]): void {
    // The in-memory state is ahead of the disk now; refuse further commits rather than diverge.
    this.failure = e instanceof Error ? e : new Error(String(e));
    const open = this.batch;
    this.batch = null;
    // A batch still gathering commits will never be written: its commits fail too.
    if (open && this.db.isTransaction) this.db.exec("ROLLBACK");
    if (this.walPath && !this.db.isTransaction) this.db.exec("PRAGMA synchronous = FULL");
    for (const batch of [...batches, ...this.unsynced, ...(open ? [open] : [])]) {
      if (batch.settled) continue;
      batch.settled = true;
      batch.settle(this.failure);
    }
    this.unsynced = [];
  }

  /**
   * Makes everything written so far durable before returning (one synchronous fsync with full
   * sync), then notifies listeners of the commits that were waiting for it.
   */
  flush(): void {
    this.write(true);
    if (!this.walPath || this.failure) return;
    // Includes the batches of a background fsync still running, which then finds them settled.
    const batches = [...(this.syncing ?? []), ...this.unsynced];
    this.unsynced = [];
    try {
      fdatasyncSync(this.openWal());
    } catch (e) {
      this.fail(e, batches);
      return;
    }
    this.settle(batches);
  }

  /** Makes everything durable and lets go of the WAL and the checkpointer (not of the database). */
  close(): void {
    this.flush();
    this.checkpointer?.close();
    this.closed = true;
    // A background fsync still running holds the descriptor; it closes it when it ends.
    if (this.walFd !== null && !this.syncing) closeSync(this.walFd);
    this.walFd = null;
  }

  onCommit(listener: (commit: Commit) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
