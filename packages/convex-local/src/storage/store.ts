import type { DatabaseSync, StatementSync } from "node:sqlite";
import { stageTimes } from "../diagnostics/stage-times.ts";
import type { JSONValue } from "convex/values";
import { Catalog, type IndexInfo } from "./catalog.ts";
import { type DocJson, indexKey, keepsEntries } from "./index-keys.ts";
import type { WrittenKeys } from "./read-set.ts";
import { SearchIndexes } from "./search-index.ts";
import { VectorIndexes } from "./vector-indexes.ts";
import { type Commit, GroupCommit } from "./group-commit.ts";
import { IndexEntryWriter } from "./index-entries.ts";
import { ScheduledJobIndex } from "./scheduled-jobs.ts";
import { Statements, Transaction } from "./transaction.ts";
import { decodeDocumentId } from "../ids/document-id.ts";
import { wallClock } from "../wall-clock.ts";

export type { Commit } from "./group-commit.ts";

/**
 * Replaces `db.vars.commitTs` placeholders (`{$commitTs: null}`) with the commit's timestamp as
 * int64, and returns each written document's JSON text (made once, for the check and the row).
 */
function resolveCommitTs(tx: Transaction, ts: bigint): Map<string, string> {
  const texts = new Map<string, string>();
  for (const [id, w] of tx.writes) {
    if (!w.after) continue;
    let text = JSON.stringify(w.after);
    if (text.includes('"$commitTs"')) {
      w.after = withCommitTs(w.after, ts) as DocJson;
      text = JSON.stringify(w.after);
    }
    texts.set(id, text);
  }
  return texts;
}

/** `value` with each `{$commitTs: null}` placeholder replaced by `ts` as an int64. */
function withCommitTs(value: JSONValue, ts: bigint): JSONValue {
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
  return resolve(value);
}

export class ConflictError extends Error {
  constructor() {
    super(
      "Documents read from or written to a table changed while this mutation was being run and on every subsequent retry.",
    );
    this.name = "OptimisticConcurrencyControlFailure";
  }
}

/** Why a read at a given timestamp cannot be served. */
export class SnapshotUnavailableError extends Error {
  readonly reason: "outOfRetention" | "future";
  constructor(reason: "outOfRetention" | "future", message: string) {
    super(message);
    this.name = "SnapshotUnavailableError";
    this.reason = reason;
  }
}

/** Convex keeps readable snapshots for 10 s after their successor (`MAX_TRANSACTION_WINDOW`). */
const SNAPSHOT_WINDOW_MS = 10_000;

/**
 * How far ahead of the latest commit the stored timestamp bound runs (1 s in nanoseconds): it is
 * rewritten once commits pass it, not in every commit, and a restart starts above it.
 */
const TS_BOUND_LEAD = 1_000_000_000n;

/** Before-images kept at most, whatever the window: a bound on their memory under heavy writes. */
const MAX_HISTORY_IMAGES = 100_000;

/** One commit's before-images: what reads at an earlier timestamp see instead of its writes. */
type Undo = { ts: bigint; before: Array<[id: string, tableNumber: number, doc: DocJson | null]> };

type StoreOptions = { snapshotWindowMs?: number; searchStatisticsSaveMs?: number };

export type ExtraWrite = (db: DatabaseSync, ts: bigint) => void;

/** The deployment's database: committed state in SQLite plus a log of recent commits for validation. */
export class Store {
  readonly db: DatabaseSync;
  readonly catalog: Catalog;
  readonly searchIndexes: SearchIndexes;
  readonly vectorIndexes: VectorIndexes;
  readonly scheduledJobs: ScheduledJobIndex;
  private readonly statements: Statements;
  private readonly insertEntry: StatementSync;
  private readonly entries: IndexEntryWriter;
  private readonly upsertDoc: StatementSync;
  private readonly deleteDoc: StatementSync;
  private readonly saveTs: StatementSync;
  private readonly savepoint: StatementSync;
  private readonly releaseSavepoint: StatementSync;
  private readonly rollbackToSavepoint: StatementSync;
  /** Set while `changeSchema` has its transaction open. */
  private changingSchema = false;
  private ts: bigint;
  /** The stored bound: no commit so far has a later timestamp. */
  private tsBound: bigint;
  private log: Commit[] = [];
  private readonly active = new Map<Transaction, bigint>();
  private readonly group: GroupCommit;
  /** Recent commits' before-images, oldest first from `historyHead`, for reads at a timestamp. */
  private history: Undo[] = [];
  private historyHead = 0;
  private historyImages = 0;
  /** The earliest timestamp reads can still be served at. */
  private historyFloor: bigint;
  private readonly snapshotWindowNs: bigint;

  constructor(db: DatabaseSync, options: StoreOptions = {}) {
    this.db = db;
    this.snapshotWindowNs = BigInt(options.snapshotWindowMs ?? SNAPSHOT_WINDOW_MS) * 1_000_000n;
    this.group = new GroupCommit(db, () => {
      this.saveTsBound();
      this.searchIndexes.statistics.save();
    });
    this.catalog = new Catalog(db);
    this.searchIndexes = new SearchIndexes(db, options.searchStatisticsSaveMs);
    this.vectorIndexes = new VectorIndexes(db);
    this.scheduledJobs = new ScheduledJobIndex(db, this.catalog);
    this.statements = new Statements(db);
    this.insertEntry = db.prepare("INSERT INTO index_entries (index_id, key) VALUES (?, ?)");
    this.entries = new IndexEntryWriter(db);
    this.upsertDoc = db.prepare(
      "INSERT INTO documents (table_number, id, json) VALUES (?, ?, ?) ON CONFLICT(table_number, id) DO UPDATE SET json = excluded.json",
    );
    this.deleteDoc = db.prepare("DELETE FROM documents WHERE table_number = ? AND id = ?");
    this.saveTs = db.prepare(
      "INSERT INTO meta (key, value) VALUES ('ts', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
    );
    this.savepoint = db.prepare("SAVEPOINT tx");
    this.releaseSavepoint = db.prepare("RELEASE tx");
    this.rollbackToSavepoint = db.prepare("ROLLBACK TO tx");
    const row = db.prepare("SELECT value FROM meta WHERE key = 'ts'").get();
    // Start at the wall clock, or above the stored bound if later: a client may have seen the
    // timestamp of a commit a crash cut short.
    const persisted = row ? BigInt(String(row.value)) : 0n;
    const now = BigInt(wallClock()) * 1_000_000n;
    this.ts = now > persisted ? now : persisted;
    this.tsBound = persisted;
    this.historyFloor = this.ts;
  }

  /** The latest committed version of a document, outside any transaction; null for a malformed id. */
  committedDocument(id: string): DocJson | null {
    const tableNumber = decodeDocumentId(id)?.tableNumber;
    if (tableNumber === undefined) return null;
    const row = this.statements.getDoc.get(tableNumber, id);
    return row ? (JSON.parse(String(row.json)) as DocJson) : null;
  }

  latestTs(): bigint {
    return this.ts;
  }

  begin(): Transaction {
    const tx = new Transaction(this.ts, this.catalog, this.statements);
    this.active.set(tx, tx.beginTs);
    return tx;
  }

  /** Throws a `SnapshotUnavailableError` unless reads at `ts` can be served now. */
  checkSnapshot(ts: bigint): void {
    if (ts > this.ts)
      throw new SnapshotUnavailableError(
        "future",
        `Timestamp ${ts} is more recent than the latest timestamp ${this.ts}.`,
      );
    if (ts < this.historyFloor)
      throw new SnapshotUnavailableError(
        "outOfRetention",
        `Timestamp ${ts} is too early, retry with a higher timestamp`,
      );
  }

  /**
   * A read-only transaction that sees the state as of `ts` (at most the latest timestamp, and no
   * older than the snapshot window), by overlaying the before-images of every later commit.
   */
  beginAt(ts: bigint): Transaction {
    this.checkSnapshot(ts);
    const tx = new Transaction(ts, this.catalog, this.statements);
    // Newest first, so the oldest later commit's before-image (the state at `ts`) wins.
    for (let i = this.history.length - 1; i >= this.historyHead; i--) {
      const undo = this.history[i]!;
      if (undo.ts <= ts) break;
      for (const [id, tableNumber, doc] of undo.before) tx.overlay(id, tableNumber, doc);
    }
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
    const mark = stageTimes.start();
    tx.finishReads();
    try {
      if (this.group.failure) throw this.group.failure;
      if (this.conflicts(tx)) throw new ConflictError();
      const hasWrites = tx.writes.size > 0;
      if (!hasWrites && !extra) return { ts: this.ts, durable: this.group.lastDurable };
      const ts = this.nextTs();
      const texts = resolveCommitTs(tx, ts);
      const writes: WrittenKeys = new Map();
      const tables = new Set<number>();
      const deleted: Commit["deleted"] = [];
      const undo: Undo = { ts, before: [] };
      const batch = this.group.open();
      this.savepoint.run();
      try {
        for (const [id, w] of tx.writes) {
          tables.add(w.tableNumber);
          undo.before.push([id, w.tableNumber, w.before]);
          const indexing = stageTimes.start();
          for (const index of this.catalog.indexes(w.tableNumber)) {
            let keys = writes.get(index.id);
            if (!keys) writes.set(index.id, (keys = []));
            const before = w.before ? indexKey(index, w.before) : null;
            const after = w.after ? indexKey(index, w.after) : null;
            if (before) keys.push(before);
            if (after) keys.push(after);
            // The entry of a key a write left unchanged stays as it is (it names the same document).
            if (before && after && Buffer.compare(before, after) === 0) continue;
            if (!keepsEntries(index)) continue;
            if (before) this.entries.delete(index.id, before);
            if (after) this.entries.insert(index.id, after);
          }
          for (const search of this.searchIndexes.forTable(w.tableNumber))
            this.searchIndexes.index(search, id, w.before, w.after, writes);
          if (this.scheduledJobs.tracks(w.tableNumber))
            this.scheduledJobs.apply(id, w.tableNumber, w.after);
          stageTimes.end("index", indexing);
          if (w.after) this.upsertDoc.run(w.tableNumber, id, texts.get(id)!);
          else if (w.before) {
            this.deleteDoc.run(w.tableNumber, id);
            deleted.push({ tableNumber: w.tableNumber, id });
          }
        }
        const flushing = stageTimes.start();
        this.entries.flush();
        this.searchIndexes.statistics.markChanged();
        stageTimes.end("index", flushing);
        this.vectorIndexes.written(tables, ts);
        extra?.(this.db, ts);
        this.releaseSavepoint.run();
        this.searchIndexes.statistics.applied();
      } catch (e) {
        this.entries.discard();
        this.searchIndexes.statistics.discard();
        this.rollbackToSavepoint.run();
        this.releaseSavepoint.run();
        throw e;
      }
      this.vectorIndexes.apply(tx.writes);
      this.ts = ts;
      const commit = { ts, writes, tables, documents: [...tx.writes.keys()], deleted };
      if (hasWrites) {
        this.log.push(commit);
        this.remember(undo);
      }
      batch.commits.push(commit);
      return { ts, durable: batch.durable };
    } finally {
      this.active.delete(tx);
      this.prune();
      stageTimes.end("commit", mark);
    }
  }

  /**
   * Makes everything written so far durable before returning (one synchronous fsync with full
   * sync), then notifies listeners of the commits that were waiting for it.
   */
  flush(): void {
    this.group.flush();
  }

  close(): void {
    this.group.flush();
    if (!this.group.failure) {
      this.vectorIndexes.save();
      this.saveSearchStatistics();
    }
    this.group.close();
    this.db.close();
  }

  /** Leaves the text indexes' stored statistics current, so the next open need not recount them. */
  private saveSearchStatistics(): void {
    this.db.exec("BEGIN IMMEDIATE");
    try {
      this.searchIndexes.statistics.save(true);
      this.db.exec("COMMIT");
    } catch (e) {
      this.db.exec("ROLLBACK");
      throw e;
    }
  }

  /** Called with each commit once it is durable. */
  onCommit(listener: (commit: Commit) => void): () => void {
    return this.group.onCommit(listener);
  }

  /**
   * Runs tables' and indexes' creation, backfills and drops as one SQLite transaction: a push's
   * schema is one commit (and one fsync), not one per statement, and a failure part way leaves
   * none of it. A schema change inside another joins it.
   */
  changeSchema(apply: () => void): void {
    if (this.changingSchema) {
      apply();
      return;
    }
    this.flush();
    this.db.exec("BEGIN IMMEDIATE");
    this.changingSchema = true;
    try {
      apply();
      this.db.exec("COMMIT");
    } catch (e) {
      this.db.exec("ROLLBACK");
      this.catalog.reload();
      throw e;
    } finally {
      this.changingSchema = false;
    }
  }

  /** Makes a table's text search indexes the given ones, indexing its documents for new ones. */
  syncSearchIndexes(
    tableNumber: number,
    wanted: Array<{ indexDescriptor: string; searchField: string; filterFields: string[] }>,
  ): void {
    this.changeSchema(() => {
      const names = new Set(wanted.map((i) => i.indexDescriptor));
      for (const index of this.searchIndexes.forTable(tableNumber))
        if (!names.has(index.name)) this.searchIndexes.drop(index);
      for (const i of wanted)
        this.searchIndexes.ensure(tableNumber, i.indexDescriptor, i.searchField, i.filterFields);
    });
  }

  /** Builds a new index's entries from the table's documents. */
  backfill(index: IndexInfo): void {
    if (!keepsEntries(index)) return;
    this.changeSchema(() => {
      const rows = this.db
        .prepare("SELECT json FROM documents WHERE table_number = ?")
        .all(index.tableNumber);
      for (const row of rows)
        this.insertEntry.run(index.id, indexKey(index, JSON.parse(String(row.json)) as DocJson));
    });
  }

  private conflicts(tx: Transaction): boolean {
    for (const commit of this.log) {
      if (commit.ts <= tx.beginTs) continue;
      if (tx.readSet.intersects(commit.writes)) return true;
    }
    return false;
  }

  /** Keeps a version readable until its successor is older than the snapshot window, as Convex does. */
  private remember(undo: Undo): void {
    this.history.push(undo);
    this.historyImages += undo.before.length;
    while (this.historyHead < this.history.length) {
      const oldest = this.history[this.historyHead]!;
      const expired = undo.ts - oldest.ts > this.snapshotWindowNs;
      if (!expired && this.historyImages <= MAX_HISTORY_IMAGES) break;
      this.historyFloor = oldest.ts;
      this.historyImages -= oldest.before.length;
      this.historyHead++;
    }
    if (this.historyHead > 1024 && this.historyHead * 2 > this.history.length) {
      this.history = this.history.slice(this.historyHead);
      this.historyHead = 0;
    }
  }

  /** Runs in each batch's transaction: raises the stored bound when this batch's commits passed it. */
  private saveTsBound(): void {
    if (this.ts <= this.tsBound) return;
    this.tsBound = this.ts + TS_BOUND_LEAD;
    this.saveTs.run(this.tsBound.toString());
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
