import type { DatabaseSync } from "node:sqlite";
import type { TableInfo } from "./catalog.ts";
import { decodeDocumentId } from "../ids/document-id.ts";

/**
 * Reads of committed state that bypass transactions: snapshot export and import, schema checks and
 * the CLI's table queries. Callers flush the store first when they need the latest commits.
 */

/** Every table of every component, by table number. */
export function allTables(db: DatabaseSync): TableInfo[] {
  return db
    .prepare("SELECT number, component, name FROM tables ORDER BY number")
    .all()
    .map((r) => ({
      number: Number(r.number),
      component: String(r.component),
      name: String(r.name),
    }));
}

/** The JSON of each document in a table, in storage order (by id). */
export function* documentJson(db: DatabaseSync, tableNumber: number): Generator<string> {
  for (const row of db
    .prepare("SELECT json FROM documents WHERE table_number = ?")
    .iterate(tableNumber))
    yield String(row.json);
}

/** The JSON of each document in a table, by id (a stable order for digests). */
export function* documentJsonById(db: DatabaseSync, tableNumber: number): Generator<string> {
  for (const row of db
    .prepare("SELECT json FROM documents WHERE table_number = ? ORDER BY id")
    .iterate(tableNumber))
    yield String(row.json);
}

export function documentIds(db: DatabaseSync, tableNumber: number): string[] {
  return db
    .prepare("SELECT id FROM documents WHERE table_number = ?")
    .all(tableNumber)
    .map((r) => String(r.id));
}

export function countDocuments(db: DatabaseSync, tableNumber: number): number {
  const row = db
    .prepare("SELECT COUNT(*) AS n FROM documents WHERE table_number = ?")
    .get(tableNumber);
  return Number(row!.n);
}

/** A check for whether a document id is stored (in the table its id names), prepared once for many ids. */
export function documentExists(db: DatabaseSync): (id: string) => boolean {
  const select = db.prepare("SELECT 1 FROM documents WHERE table_number = ? AND id = ?");
  return (id) => {
    const tableNumber = decodeDocumentId(id)?.tableNumber;
    return tableNumber !== undefined && select.get(tableNumber, id) !== undefined;
  };
}

/** Up to `limit` entries of an index after the `after` key (exclusive), with their documents' JSON. */
export function indexPage(
  db: DatabaseSync,
  indexId: number,
  after: Uint8Array | null,
  order: "asc" | "desc",
  limit: number,
): Array<{ key: Uint8Array; json: string }> {
  const desc = order === "desc";
  return db
    .prepare(
      `SELECT e.key AS key, d.json AS json FROM index_entries e JOIN indexes i ON i.id = e.index_id
       JOIN documents d ON d.table_number = i.table_number AND d.id = e.doc_id
       WHERE e.index_id = ? ${after ? (desc ? "AND e.key < ?" : "AND e.key > ?") : ""}
       ORDER BY e.key ${desc ? "DESC" : "ASC"} LIMIT ?`,
    )
    .all(...(after ? [indexId, after, limit] : [indexId, limit]))
    .map((r) => ({ key: r.key as Uint8Array, json: String(r.json) }));
}
