import type { DatabaseSync } from "node:sqlite";
import type { TableInfo } from "./catalog.ts";
import { decodeDocumentId } from "../ids/document-id.ts";
import { keyDocumentId } from "./index-keys.ts";

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
  const document = db.prepare("SELECT json FROM documents WHERE table_number = ? AND id = ?");
  const page: Array<{ key: Uint8Array; json: string }> = [];
  for (const row of db
    .prepare(
      `SELECT key FROM index_entries
       WHERE index_id = ? ${after ? (desc ? "AND key < ?" : "AND key > ?") : ""}
       ORDER BY key ${desc ? "DESC" : "ASC"} LIMIT ?`,
    )
    .all(...(after ? [indexId, after, limit] : [indexId, limit]))) {
    const key = row.key as Uint8Array;
    const id = keyDocumentId(key);
    const found = document.get(decodeDocumentId(id)?.tableNumber ?? 0, id);
    if (found) page.push({ key, json: String(found.json) });
  }
  return page;
}
