import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type DatabaseSync, type StatementSync } from "node:sqlite";
import { type DocJson } from "./index-keys.ts";
import { VectorIndex, type VectorIndexDefinition } from "./vector-index.ts";
import { decodeSnapshot, encodeSnapshot, sha256 } from "./vector-snapshot.ts";

/**
 * The deployment's vector indexes, in memory: each is loaded the first time it is searched, from
 * the file saved beside the database at the last clean shutdown when that file is whole and the
 * table has had no write since, else built from the table's committed documents; then kept
 * current by every commit. A table's last write is recorded in the commit's own transaction.
 */
export class VectorIndexes {
  private readonly byTable = new Map<number, VectorIndex[]>();
  private readonly tableDocuments: StatementSync;
  private readonly lastWriteOf: StatementSync;
  private readonly recordWrite: StatementSync;
  /** Where indexes are saved; null for an in-memory database. */
  private readonly dir: string | null;
  /** How the indexes in memory were made since the start. */
  readonly loads = { fromFile: 0, fromDocuments: 0 };
  /**
   * Tables whose write since the last save is already recorded: any later ts differs from the one
   * a saved index holds, so recording the first write is enough and later commits skip the upsert.
   */
  private readonly recordedSinceSave = new Set<number>();
  /** Recorded by the commit in progress; counted as recorded only once that commit is applied. */
  private recording: number[] = [];

  constructor(db: DatabaseSync) {
    db.exec(
      "CREATE TABLE IF NOT EXISTS vector_table_writes (table_number INTEGER PRIMARY KEY, ts TEXT NOT NULL)",
    );
    this.tableDocuments = db.prepare("SELECT id, json FROM documents WHERE table_number = ?");
    this.lastWriteOf = db.prepare("SELECT ts FROM vector_table_writes WHERE table_number = ?");
    this.recordWrite = db.prepare(
      "INSERT INTO vector_table_writes (table_number, ts) VALUES (?, ?) ON CONFLICT(table_number) DO UPDATE SET ts = excluded.ts",
    );
    const location = db.location();
    this.dir = location ? `${location}.vectors` : null;
  }

  /** The index with this definition; one of the same name but another definition is rebuilt. */
  get(definition: VectorIndexDefinition): VectorIndex {
    const list = this.byTable.get(definition.tableNumber) ?? [];
    const existing = list.find((index) => index.definition.name === definition.name);
    if (existing && sameDefinition(existing.definition, definition)) return existing;
    const index = this.load(definition) ?? this.build(definition);
    this.byTable.set(definition.tableNumber, [
      ...list.filter((other) => other !== existing),
      index,
    ]);
    return index;
  }

  /** Inside a commit's transaction: these tables were written at `ts`, so saved indexes of theirs are stale. */
  written(tables: Iterable<number>, ts: bigint): void {
    this.recording = [];
    for (const table of tables) {
      if (this.recordedSinceSave.has(table)) continue;
      this.recordWrite.run(table, String(ts));
      this.recording.push(table);
    }
  }

  /** Applies a commit's writes; the store calls it only once they are applied, never for an aborted transaction. */
  apply(writes: Iterable<[string, { tableNumber: number; after: DocJson | null }]>): void {
    for (const table of this.recording) this.recordedSinceSave.add(table);
    this.recording = [];
    if (this.byTable.size === 0) return;
    for (const [id, write] of writes) {
      for (const index of this.byTable.get(write.tableNumber) ?? []) {
        try {
          index.update(id, write.after);
        } catch (error) {
          // The commit is already applied: forget the index, the next search rebuilds it from SQLite.
          console.warn(
            `vector index ${index.definition.name} dropped after a failed update:`,
            error,
          );
          this.byTable.set(
            write.tableNumber,
            (this.byTable.get(write.tableNumber) ?? []).filter((other) => other !== index),
          );
        }
      }
    }
  }

  /** Saves every index in memory beside the database; the store calls it once its commits are durable. */
  save(): void {
    this.recordedSinceSave.clear();
    if (!this.dir) return;
    try {
      mkdirSync(this.dir, { recursive: true });
      for (const index of [...this.byTable.values()].flat()) this.saveIndex(index);
    } catch (error) {
      // Nothing is lost: an index without its file is rebuilt from the documents on its first search.
      console.warn("vector indexes not saved:", error);
    }
  }

  private saveIndex(index: VectorIndex): void {
    const { definition } = index;
    const file = this.file(definition);
    // Written aside, then renamed: a crash leaves whole files; a pair that does not match is rebuilt.
    index.writeExactStore(`${file}.exact.tmp`);
    const snapshot = encodeSnapshot({
      definition,
      lastWrite: this.lastWrite(definition.tableNumber),
      labelsIssued: index.labelsIssued,
      exactStoreSha256: sha256(readFileSync(`${file}.exact.tmp`)),
      entries: [...index.entries()],
    });
    writeFileSync(`${file}.tmp`, snapshot);
    renameSync(`${file}.exact.tmp`, `${file}.exact`);
    renameSync(`${file}.tmp`, file);
  }

  private load(definition: VectorIndexDefinition): VectorIndex | null {
    if (!this.dir) return null;
    const file = this.file(definition);
    let snapshot;
    let exactStore: Buffer;
    try {
      snapshot = decodeSnapshot(readFileSync(file));
      exactStore = readFileSync(`${file}.exact`);
    } catch {
      return null;
    }
    const reason = !snapshot
      ? "torn or altered"
      : snapshot.exactStoreSha256 !== sha256(exactStore)
        ? "not the pair of its exact store"
        : !sameDefinition(snapshot.definition, definition)
          ? "of another definition"
          : snapshot.lastWrite !== this.lastWrite(definition.tableNumber)
            ? "older than the table"
            : null;
    if (reason || !snapshot) {
      console.warn(`vector index ${definition.name}: saved file ${reason}, rebuilt from documents`);
      return null;
    }
    try {
      const index = VectorIndex.restored(definition, snapshot, `${file}.exact`);
      this.loads.fromFile++;
      return index;
    } catch (error) {
      console.warn(
        `vector index ${definition.name}: saved file unreadable, rebuilt from documents`,
        error,
      );
      return null;
    }
  }

  private build(definition: VectorIndexDefinition): VectorIndex {
    const index = new VectorIndex(definition);
    for (const row of this.tableDocuments.iterate(definition.tableNumber))
      index.update(String(row.id), JSON.parse(String(row.json)) as DocJson);
    this.loads.fromDocuments++;
    return index;
  }

  private lastWrite(tableNumber: number): string | null {
    const row = this.lastWriteOf.get(tableNumber);
    return row ? String(row.ts) : null;
  }

  private file(definition: VectorIndexDefinition): string {
    return join(this.dir!, `${definition.tableNumber}-${definition.name}.bin`);
  }
}

function sameDefinition(a: VectorIndexDefinition, b: VectorIndexDefinition): boolean {
  return (
    a.vectorField === b.vectorField &&
    a.dimensions === b.dimensions &&
    a.filterFields.length === b.filterFields.length &&
    a.filterFields.every((field, i) => field === b.filterFields[i])
  );
}
