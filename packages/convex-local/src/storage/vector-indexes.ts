import { type DatabaseSync, type StatementSync } from "node:sqlite";
import { type DocJson } from "./index-keys.ts";
import { VectorIndex, type VectorIndexDefinition } from "./vector-index.ts";

/**
 * The deployment's vector indexes, in memory: each is built from the table's committed documents
 * the first time it is searched (so after every restart), then kept current by every commit.
 */
export class VectorIndexes {
  private readonly byTable = new Map<number, VectorIndex[]>();
  private readonly tableDocuments: StatementSync;

  constructor(db: DatabaseSync) {
    this.tableDocuments = db.prepare("SELECT id, json FROM documents WHERE table_number = ?");
  }

  /** The index with this definition; one of the same name but another definition is rebuilt. */
  get(definition: VectorIndexDefinition): VectorIndex {
    const list = this.byTable.get(definition.tableNumber) ?? [];
    const existing = list.find((index) => index.definition.name === definition.name);
    if (existing && sameDefinition(existing.definition, definition)) return existing;
    const index = new VectorIndex(definition);
    for (const row of this.tableDocuments.iterate(definition.tableNumber))
      index.update(String(row.id), JSON.parse(String(row.json)) as DocJson);
    this.byTable.set(definition.tableNumber, [
      ...list.filter((other) => other !== existing),
      index,
    ]);
    return index;
  }

  /** Applies a commit's writes; the store calls it only once they are applied, never for an aborted transaction. */
  apply(writes: Iterable<[string, { tableNumber: number; after: DocJson | null }]>): void {
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
}

function sameDefinition(a: VectorIndexDefinition, b: VectorIndexDefinition): boolean {
  return (
    a.vectorField === b.vectorField &&
    a.dimensions === b.dimensions &&
    a.filterFields.length === b.filterFields.length &&
    a.filterFields.every((field, i) => field === b.filterFields[i])
  );
}
