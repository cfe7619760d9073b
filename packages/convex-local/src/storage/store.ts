import { type DatabaseSync, type StatementSync } from "node:sqlite";
import { AsyncResource } from "node:async_hooks";
import { type JSONValue } from "convex/values";
import { Catalog, type IndexInfo } from "./catalog.ts";
import { type DocJson, indexKey } from "./index-keys.ts";
import { type WrittenKeys } from "./read-set.ts";
import { Statements, Transaction } from "./transaction.ts";

/** What one commit changed: index keys for invalidation, tables touched, and documents deleted. */
export type Commit = {
  ts: bigint;
  writes: WrittenKeys;
  tables: Set<number>;
  deleted: Array<{ tableNumber: number; id: string }>;
};

/** Replaces `db.vars.commitTs` placeholders (`{$commitTs: null}`) with the commit's timestamp as int64. */
function resolveCommitTs(tx: Transaction, ts: bigint): void {
  const bytes = Buffer.alloc(8);
  bytes.writeBigInt64LE(ts);
  const encoded = { $integer: bytes.toString("base64") };
  const resolve = (value: JSONValue): JSONValue => {
    if (Array.isArray(value)) return value.map(resolve);
    if (value === null || typeof value !== "object") return value;
    const keys = Object.keys(value);
    if (keys.length === 1 && keys[0] === "$commitTs") return encoded;
    return Object.fromEntries(
      keys.map((k) => [k, resolve((value as Record<string, JSONValue>)[k]!)]),
    );
  };
  for (const w of tx.writes.values()) {
    if (w.after && JSON.stringify(w.after).includes('"$commitTs"'))
      w.after = resolve(w.after) as DocJson;
  }
}

export class ConflictError extends Error {
  constructor() {
    super(
      "Documents read from or written to a table changed while this mutation was being run and on every subsequent retry.",
    );
    this.name = "OptimisticConcurrencyControlFailure";
  }
}

/** The real clock, captured before the runtime freezes `Date` inside queries and mutations. */
const wallClock = Date.now.bind(Date);

type ExtraWrite = (db: DatabaseSync, ts: bigint) => void;

type Batch = { commits: Commit[]; durable: Promise<void>; settle: (error?: unknown) => void };

/** The deployment's database: committed state in SQLite plus a log of recent commits for validation. */
export class Store {
  readonly db: DatabaseSync;
  readonly catalog: Catalog;
  private readonly statements: Statements;
  private readonly insertEntry: StatementSync;
  private readonly deleteEntry: StatementSync;
  private readonly upsertDoc: StatementSync;
  private readonly deleteDoc: StatementSync;
  private readonly saveTs: StatementSync;
  private ts: bigint;
  private log: Commit[] = [];
  private readonly active = new Map<Transaction, bigint>();
  private readonly listeners = new Set<(commit: Commit) => void>();
  private batch: Batch | null = null;
  private readonly detached = new AsyncResource("convex-local-store");
  private broken: Error | null = null;

  constructor(db: DatabaseSync) {
    this.db = db;
    this.catalog = new Catalog(db);
    this.statements = new Statements(db);
    this.insertEntry = db.prepare(
      "INSERT INTO index_entries (index_id, key, doc_id) VALUES (?, ?, ?)",
    );
    this.deleteEntry = db.prepare("DELETE FROM index_entries WHERE index_id = ? AND key = ?");
    this.upsertDoc = db.prepare(
      "INSERT INTO documents (id, table_number, json) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET json = excluded.json",
    );
    this.deleteDoc = db.prepare("DELETE FROM documents WHERE id = ?");
    this.saveTs = db.prepare(
      "INSERT INTO meta (key, value) VALUES ('ts', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
    );
    const row = db.prepare("SELECT value FROM meta WHERE key = 'ts'").get();
    // Start at the wall clock: a client may have seen the timestamp of a commit a crash cut short.
    const persisted = row ? BigInt(String(row.value)) : 0n;
    const now = BigInt(wallClock()) * 1_000_000n;
    this.ts = now > persisted ? now : persisted;
  }

  latestTs(): bigint {
    return this.ts;
  }

  begin(): Transaction {
    const tx = new Transaction(this.ts, this.catalog, this.statements);
    this.active.set(tx, tx.beginTs);
    return tx;
  }

  /** Ends a transaction without writing; returns whether its reads are still current. */
  release(tx: Transaction): boolean {
    tx.finishReads();
    const ok = !this.conflicts(tx);
    this.active.delete(tx);
    this.prune();
    return ok;
  }

  /**
   * Validates and applies a transaction; throws ConflictError when a later commit wrote into its
   * read set. Concurrent commits share one SQLite transaction and one fsync (group commit): the
   * returned `durable` settles once this commit is on disk, and only then are listeners told.
   */
  commit(tx: Transaction, extra?: ExtraWrite): { ts: bigint; durable: Promise<void> } {
    tx.finishReads();
    try {
      if (this.broken) throw this.broken;
      if (this.conflicts(tx)) throw new ConflictError();
      const hasWrites = tx.writes.size > 0;
      if (!hasWrites && !extra)
        return { ts: this.ts, durable: this.batch?.durable ?? Promise.resolve() };
      const ts = this.nextTs();
      resolveCommitTs(tx, ts);
      const writes = tx.writtenKeys();
      const tables = new Set<number>();
      const deleted: Commit["deleted"] = [];
      const batch = this.openBatch();
      this.db.exec("SAVEPOINT tx");
      try {
        for (const [id, w] of tx.writes) {
          tables.add(w.tableNumber);
          for (const index of this.catalog.indexes(w.tableNumber)) {
            if (w.before) this.deleteEntry.run(index.id, indexKey(index, w.before));
            if (w.after) this.insertEntry.run(index.id, indexKey(index, w.after), id);
          }
          if (w.after) this.upsertDoc.run(id, w.tableNumber, JSON.stringify(w.after));
          else if (w.before) {
            this.deleteDoc.run(id);
            deleted.push({ tableNumber: w.tableNumber, id });
          }
        }
        extra?.(this.db, ts);
        this.saveTs.run(ts.toString());
        this.db.exec("RELEASE tx");
      } catch (e) {
        this.db.exec("ROLLBACK TO tx");
        this.db.exec("RELEASE tx");
        throw e;
      }
      this.ts = ts;
      const commit = { ts, writes, tables, deleted };
      if (hasWrites) this.log.push(commit);
      batch.commits.push(commit);
      return { ts, durable: batch.durable };
    } finally {
      this.active.delete(tx);
      this.prune();
    }
  }

  private openBatch(): Batch {
    if (this.batch) return this.batch;
    this.db.exec("BEGIN IMMEDIATE");
    let settle!: (error?: unknown) => void;
    const durable = new Promise<void>(
      (resolve, reject) => (settle = (error) => (error ? reject(error) : resolve())),
    );
    // Settled by flush; a rejection nobody awaited must not look unhandled.
    durable.catch(() => {});
    this.batch = { commits: [], durable, settle };
    // Flush and its listeners run in the store's own async context, not in whichever function committed first.
    setImmediate(() => this.detached.runInAsyncScope(() => this.flush()));
    return this.batch;
  }

  /** Makes every applied commit durable now (one fsync), then notifies listeners. */
  flush(): void {
    const batch = this.batch;
    if (!batch) return;
    this.batch = null;
    try {
      this.db.exec("COMMIT");
    } catch (e) {
      // The in-memory state is ahead of the disk now; refuse further commits rather than diverge.
      this.broken = e instanceof Error ? e : new Error(String(e));
      batch.settle(this.broken);
      return;
    }
    batch.settle();
    for (const commit of batch.commits) for (const listener of this.listeners) listener(commit);
  }

  onCommit(listener: (commit: Commit) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Builds a new index's entries from the table's documents. */
  backfill(index: IndexInfo): void {
    this.flush();
    const rows = this.db
      .prepare("SELECT id, json FROM documents WHERE table_number = ?")
      .all(index.tableNumber);
    this.db.exec("BEGIN IMMEDIATE");
    try {
      for (const row of rows) {
        this.insertEntry.run(
          index.id,
          indexKey(index, JSON.parse(String(row.json)) as DocJson),
          String(row.id),
        );
      }
      this.db.exec("COMMIT");
    } catch (e) {
      this.db.exec("ROLLBACK");
      throw e;
    }
  }

  private conflicts(tx: Transaction): boolean {
    for (const commit of this.log) {
      if (commit.ts <= tx.beginTs) continue;
      if (tx.readSet.intersects(commit.writes)) return true;
    }
    return false;
  }

  private nextTs(): bigint {
    const now = BigInt(wallClock()) * 1_000_000n;
    return now > this.ts ? now : this.ts + 1n;
  }

  private prune(): void {
    let oldest = this.ts;
    for (const ts of this.active.values()) if (ts < oldest) oldest = ts;
    let drop = 0;
    while (drop < this.log.length && this.log[drop]!.ts <= oldest) drop++;
    if (drop > 0) this.log = this.log.slice(drop);
  }
}
