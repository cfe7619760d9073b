import type { DatabaseSync, StatementSync } from "node:sqlite";
import type { Catalog, IndexInfo } from "./catalog.ts";
import {
  type DocJson,
  idKey,
  indexKey,
  keepsEntries,
  keyDocumentId,
  leadingId,
  pointRange,
} from "./index-keys.ts";
import { compareBytes, keySuccessor, type KeyRange, rangeContains } from "./key-range.ts";
import { ReadSet } from "./read-set.ts";
import { convexJsonSize } from "../values/json-size.ts";
import { formatBytes, OVER_LIMIT_HELP, TRANSACTION_LIMITS } from "../values/limits.ts";

type PendingWrite = { tableNumber: number; before: DocJson | null; after: DocJson | null };

type Entry = { key: Uint8Array; docId: string };

type Stream = {
  index: IndexInfo;
  range: KeyRange;
  order: "asc" | "desc";
  /** Last key handed out; everything between the range start and it has been read. */
  last: Uint8Array | null;
  buffer: Entry[];
  /** Last key fetched from disk; the next batch starts after it. */
  fetched: Uint8Array | null;
  exhausted: boolean;
  done: boolean;
  /** Rows the next fill reads: small first (`.first()` and `.unique()` read one or two), then more. */
  batch: number;
};

const FIRST_BATCH = 2;
const MAX_BATCH = 64;

/** Rows a stream's fill reads now; each later fill reads four times as many, up to MAX_BATCH. */
function nextBatch(s: Stream): number {
  const batch = s.batch;
  s.batch = Math.min(batch * 4, MAX_BATCH);
  return batch;
}

/** Statements shared by every transaction on one database. */
export class Statements {
  readonly getDoc: StatementSync;
  readonly scanAsc: StatementSync;
  readonly scanAscOpen: StatementSync;
  readonly scanDesc: StatementSync;
  readonly scanDescOpen: StatementSync;
  readonly idsFrom: StatementSync;
  readonly idsAfter: StatementSync;
  readonly idsUpTo: StatementSync;
  readonly idsBefore: StatementSync;
  readonly idsLast: StatementSync;

  constructor(db: DatabaseSync) {
    this.getDoc = db.prepare("SELECT json FROM documents WHERE table_number = ? AND id = ?");
    this.scanAsc = db.prepare(
      "SELECT key FROM index_entries WHERE index_id = ? AND key >= ? AND key < ? ORDER BY key ASC LIMIT ?",
    );
    this.scanAscOpen = db.prepare(
      "SELECT key FROM index_entries WHERE index_id = ? AND key >= ? ORDER BY key ASC LIMIT ?",
    );
    this.scanDesc = db.prepare(
      "SELECT key FROM index_entries WHERE index_id = ? AND key >= ? AND key < ? ORDER BY key DESC LIMIT ?",
    );
    this.scanDescOpen = db.prepare(
      "SELECT key FROM index_entries WHERE index_id = ? AND key >= ? ORDER BY key DESC LIMIT ?",
    );
    const ids = (where: string, order: "ASC" | "DESC") =>
      db.prepare(
        `SELECT id FROM documents WHERE table_number = ? ${where} ORDER BY id ${order} LIMIT ?`,
      );
    this.idsFrom = ids("AND id >= ?", "ASC");
    this.idsAfter = ids("AND id > ?", "ASC");
    this.idsUpTo = ids("AND id <= ?", "DESC");
    this.idsBefore = ids("AND id < ?", "DESC");
    this.idsLast = ids("", "DESC");
  }
}

/**
 * An optimistic transaction: reads the latest committed state overlaid with its own writes,
 * records what it read as index ranges, and is validated against later commits by the store.
 */
export class Transaction {
  readonly beginTs: bigint;
  readonly readSet = new ReadSet(TRANSACTION_LIMITS.databaseQueries);
  readonly writes = new Map<string, PendingWrite>();
  private readonly streams = new Map<number, Stream>();
  /** Index keys of written documents, computed once each rather than on every stream step. */
  private readonly writtenKeys = new WeakMap<DocJson, Map<number, Uint8Array>>();
  private nextStreamId = 1;
  private readonly catalog: Catalog;
  private readonly statements: Statements;
  documentsRead = 0;
  userWrites = 0;
  private bytesRead = 0;
  private bytesWritten = 0;

  constructor(beginTs: bigint, catalog: Catalog, statements: Statements) {
    this.beginTs = beginTs;
    this.catalog = catalog;
    this.statements = statements;
  }

  get(tableNumber: number, id: string): DocJson | null {
    const byId = this.catalog.index(tableNumber, "by_id");
    if (byId) this.readSet.add(byId.id, pointRange(idKey(id)));
    return this.load(tableNumber, id);
  }

  private load(tableNumber: number, id: string): DocJson | null {
    const pending = this.writes.get(id);
    if (pending) return pending.after;
    const row = this.statements.getDoc.get(tableNumber, id);
    if (!row) return null;
    if (++this.documentsRead > TRANSACTION_LIMITS.documentsRead) {
      throw new Error(
        `Too many documents read in a single function execution (limit: ${TRANSACTION_LIMITS.documentsRead}). ${OVER_LIMIT_HELP}`,
      );
    }
    const doc = JSON.parse(String(row.json)) as DocJson;
    this.bytesRead += convexJsonSize(doc);
    if (this.bytesRead > TRANSACTION_LIMITS.bytesRead) {
      throw new Error(
        `Too many bytes read in a single function execution (limit: ${TRANSACTION_LIMITS.bytesRead} bytes). ${OVER_LIMIT_HELP}`,
      );
    }
    return doc;
  }

  /** One write by a function (insert, patch, replace or delete); Convex counts each, not documents. */
  countWrite(): void {
    if (++this.userWrites > TRANSACTION_LIMITS.documentsWritten) {
      throw new Error(
        `Too many writes in a single function execution (limit: ${TRANSACTION_LIMITS.documentsWritten})`,
      );
    }
  }

  /** Bytes of the documents a function writes (each write, as Convex counts them). */
  countBytesWritten(size: number): void {
    this.bytesWritten += size;
    if (this.bytesWritten > TRANSACTION_LIMITS.bytesWritten) {
      throw new Error(
        `Too many bytes written in a single function execution (limit: ${formatBytes(TRANSACTION_LIMITS.bytesWritten)})`,
      );
    }
  }

  write(tableNumber: number, id: string, after: DocJson | null): void {
    const pending = this.writes.get(id);
    if (pending) {
      pending.after = after;
      return;
    }
    this.checkWriteLimit();
    const row = this.statements.getDoc.get(tableNumber, id);
    const before = row ? (JSON.parse(String(row.json)) as DocJson) : null;
    this.writes.set(id, { tableNumber, before, after });
  }

  private checkWriteLimit(): void {
    if (this.writes.size >= TRANSACTION_LIMITS.documentsWritten) {
      throw new Error(
        `Too many writes in a single function execution (limit: ${TRANSACTION_LIMITS.documentsWritten})`,
      );
    }
  }

  /** Documents of a table this transaction sees other than as committed (its writes, a snapshot). */
  pendingDocuments(tableNumber: number): Map<string, DocJson | null> {
    const out = new Map<string, DocJson | null>();
    for (const [id, w] of this.writes) if (w.tableNumber === tableNumber) out.set(id, w.after);
    return out;
  }

  /** Shows `doc` (null: absent) in place of the committed document, for reads at an earlier timestamp. */
  overlay(id: string, tableNumber: number, doc: DocJson | null): void {
    this.writes.set(id, { tableNumber, before: null, after: doc });
  }

  /** Writes a document under a freshly generated id, which no committed document can have. */
  insert(tableNumber: number, id: string, doc: DocJson): void {
    this.checkWriteLimit();
    this.writes.set(id, { tableNumber, before: null, after: doc });
  }

  /** Copies the write set so a nested call can be rolled back on its own. */
  savepoint(): Map<string, PendingWrite> {
    return new Map([...this.writes].map(([id, w]) => [id, { ...w }]));
  }

  rollbackTo(savepoint: Map<string, PendingWrite>): void {
    this.writes.clear();
    for (const [id, w] of savepoint) this.writes.set(id, w);
  }

  openStream(index: IndexInfo, range: KeyRange, order: "asc" | "desc"): number {
    const id = this.nextStreamId++;
    this.streams.set(id, {
      index,
      range,
      order,
      last: null,
      buffer: [],
      fetched: null,
      exhausted: false,
      done: false,
      batch: FIRST_BATCH,
    });
    return id;
  }

  /** Next document of the stream in index order, or null at the end of the range. */
  next(streamId: number): DocJson | null {
    const s = this.streams.get(streamId);
    if (!s) throw new Error(`Unknown query stream ${streamId}`);
    if (s.done) return null;
    for (;;) {
      const fromDisk = this.peekDisk(s);
      const fromWrites = this.peekWrites(s);
      let pick: Entry | null = fromDisk;
      if (fromWrites && (!pick || this.before(s, fromWrites.key, pick.key))) pick = fromWrites;
      if (!pick) {
        s.done = true;
        return null;
      }
      if (pick === fromDisk) s.buffer.shift();
      s.last = pick.key;
      const doc = this.load(s.index.tableNumber, pick.docId);
      if (doc) return doc;
    }
  }

  closeStream(streamId: number): void {
    const s = this.streams.get(streamId);
    if (!s) return;
    this.recordCoverage(s);
    this.streams.delete(streamId);
  }

  /** Position of the stream, for pagination cursors. */
  streamPosition(streamId: number): { last: Uint8Array | null; done: boolean } {
    const s = this.streams.get(streamId)!;
    return { last: s.last, done: s.done };
  }

  /** Records every open stream's coverage; called before validation. */
  finishReads(): void {
    for (const id of [...this.streams.keys()]) this.closeStream(id);
  }

  private recordCoverage(s: Stream): void {
    if (s.done) {
      this.readSet.add(s.index.id, s.range);
    } else if (s.last) {
      const covered =
        s.order === "asc"
          ? { lo: s.range.lo, hi: keySuccessor(s.last) }
          : { lo: s.last, hi: s.range.hi };
      this.readSet.add(s.index.id, covered);
    }
  }

  private before(s: Stream, a: Uint8Array, b: Uint8Array): boolean {
    const c = compareBytes(a, b);
    return s.order === "asc" ? c < 0 : c > 0;
  }

  private peekDisk(s: Stream): Entry | null {
    for (;;) {
      while (s.buffer.length > 0) {
        const head = s.buffer[0]!;
        if (!this.writes.has(head.docId)) return head;
        s.buffer.shift();
      }
      if (s.exhausted) return null;
      this.fill(s);
    }
  }

  private fill(s: Stream): void {
    if (!keepsEntries(s.index)) {
      this.fillFromDocuments(s);
      return;
    }
    const st = this.statements;
    let lo = s.range.lo;
    let hi = s.range.hi;
    if (s.fetched) {
      if (s.order === "asc") lo = keySuccessor(s.fetched);
      else hi = s.fetched;
    }
    const batch = nextBatch(s);
    const rows =
      s.order === "asc"
        ? hi === null
          ? st.scanAscOpen.all(s.index.id, lo, batch)
          : st.scanAsc.all(s.index.id, lo, hi, batch)
        : hi === null
          ? st.scanDescOpen.all(s.index.id, lo, batch)
          : st.scanDesc.all(s.index.id, lo, hi, batch);
    const entries = rows.map((r) => {
      const key = r.key as Uint8Array;
      return { key, docId: keyDocumentId(key) };
    });
    if (entries.length < batch) s.exhausted = true;
    if (entries.length > 0) s.fetched = entries[entries.length - 1]!.key;
    s.buffer.push(...entries);
  }

  /** A `by_id` stream's next batch: the table's ids in order, those outside the range skipped. */
  private fillFromDocuments(s: Stream): void {
    const st = this.statements;
    const table = s.index.tableNumber;
    const last = s.fetched && leadingId(s.fetched);
    const batch = nextBatch(s);
    let rows;
    if (s.order === "asc") {
      rows = last
        ? st.idsAfter.all(table, last, batch)
        : st.idsFrom.all(table, leadingId(s.range.lo) ?? "", batch);
    } else {
      const upTo = s.range.hi && leadingId(s.range.hi);
      rows = last
        ? st.idsBefore.all(table, last, batch)
        : upTo !== null
          ? st.idsUpTo.all(table, upTo, batch)
          : st.idsLast.all(table, batch);
    }
    if (rows.length < batch) s.exhausted = true;
    for (const row of rows) {
      const docId = String(row.id);
      const key = idKey(docId);
      s.fetched = key;
      if (rangeContains(s.range, key)) {
        s.buffer.push({ key, docId });
        continue;
      }
      // Past the range's far end: nothing further in this order can be in it.
      const past =
        s.order === "asc" ? compareBytes(key, s.range.lo) >= 0 : compareBytes(key, s.range.lo) < 0;
      if (past) {
        s.exhausted = true;
        return;
      }
    }
  }

  private writtenKey(index: IndexInfo, doc: DocJson): Uint8Array {
    let keys = this.writtenKeys.get(doc);
    if (!keys) this.writtenKeys.set(doc, (keys = new Map()));
    let key = keys.get(index.id);
    if (!key) keys.set(index.id, (key = indexKey(index, doc)));
    return key;
  }

  private peekWrites(s: Stream): Entry | null {
    let best: Entry | null = null;
    for (const [docId, w] of this.writes) {
      if (w.tableNumber !== s.index.tableNumber || !w.after) continue;
      const key = this.writtenKey(s.index, w.after);
      if (compareBytes(key, s.range.lo) < 0) continue;
      if (s.range.hi !== null && compareBytes(key, s.range.hi) >= 0) continue;
      if (s.last && !this.before(s, s.last, key)) continue;
      if (!best || this.before(s, key, best.key)) best = { key, docId };
    }
    return best;
  }
}
