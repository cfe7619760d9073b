import type { JSONValue, Value } from "convex/values";
import { stageTimes } from "../../diagnostics/stage-times.ts";
import { decodeDocumentId, encodeDocumentId, newInternalId } from "../../ids/document-id.ts";
import { checkDocumentLimits } from "../../values/limits.ts";
import { isUndefinedMarker, jsonAsConvex } from "../../values/codec.ts";
import type { TableInfo } from "../../storage/catalog.ts";
import type { DocJson } from "../../storage/index-keys.ts";
import type { Transaction } from "../../storage/transaction.ts";
import { FunctionError } from "../errors/errors.ts";
import type { Frame } from "../execution/frame.ts";

export function txOf(frame: Frame): Transaction {
  if (!frame.tx)
    throw new Error(
      "The database is not available in actions; use ctx.runQuery or ctx.runMutation.",
    );
  return frame.tx;
}

export function tableForId(frame: Frame, id: string): TableInfo | null {
  const decoded = decodeDocumentId(id);
  if (!decoded) return null;
  const table = frame.host.store.catalog.tableByNumber(decoded.tableNumber);
  if (!table || table.component !== frame.component) return null;
  return table;
}

export function tableByName(frame: Frame, name: string): TableInfo {
  return frame.host.store.catalog.ensureTable(frame.component, name);
}

export function dbGet(
  frame: Frame,
  args: { id: JSONValue; isSystem?: boolean; table?: string },
): DocJson | null {
  const tx = txOf(frame);
  if (typeof args.id !== "string") throw new Error("Invalid argument `id` for `db.get`");
  const table = tableForId(frame, args.id);
  if (!table) {
    if (args.table !== undefined) throw invalidIdError(args.id, args.table);
    return null;
  }
  if (args.table !== undefined && table.name !== args.table)
    throw invalidIdError(args.id, args.table);
  if (table.name.startsWith("_") !== Boolean(args.isSystem)) {
    throw new Error(
      args.isSystem
        ? `User tables cannot be accessed with db.system.get(); use db.get().`
        : `System tables can only be accessed with db.system.get().`,
    );
  }
  return tx.get(table.number, args.id);
}

function invalidIdError(id: string, table: string): Error {
  return new Error(
    `Invalid argument \`id\` for \`db.get\`: "${id}" is not a valid ID for table "${table}".`,
  );
}

export function normalizeId(
  frame: Frame,
  args: { table: string; idString: string },
): { id: string | null } {
  const table = tableForId(frame, args.idString);
  return { id: table && table.name === args.table ? args.idString : null };
}

function assertWritable(frame: Frame, table: TableInfo): void {
  if (frame.kind !== "mutation") throw new Error("Writes are only allowed in mutations.");
  if (table.name.startsWith("_"))
    throw new Error("System tables (prefixed with `_`) are read-only.");
}

/** Checks a document about to be written and counts it and its bytes against the transaction's limits. */
function checkSchema(frame: Frame, table: TableInfo, doc: DocJson): void {
  const mark = stageTimes.start();
  const value = jsonAsConvex(doc) as Record<string, Value>;
  const size = checkDocumentLimits(value);
  const problem = frame.host.registry.schemaViolation(frame.component, table.name, value);
  stageTimes.end("validation", mark);
  if (problem) throw new FunctionError(problem);
  txOf(frame).countWrite();
  txOf(frame).countBytesWritten(size);
}

export function insert(
  frame: Frame,
  args: { table: string; value: Record<string, JSONValue> },
): { _id: string } {
  const tx = txOf(frame);
  const table = tableByName(frame, args.table);
  assertWritable(frame, table);
  for (const key of Object.keys(args.value)) {
    if (key.startsWith("_"))
      throw new Error(`Provided document contains a system field \`${key}\`.`);
  }
  const id = encodeDocumentId(table.number, newInternalId());
  const doc = {
    _id: id,
    _creationTime: frame.host.clock.nextCreationTime(),
    ...args.value,
  } as DocJson;
  checkSchema(frame, table, doc);
  tx.insert(table.number, id, doc);
  return { _id: id };
}

/** Insert into a system table on behalf of the runtime (scheduler, storage). */
export function insertSystem(
  frame: Frame,
  tableName: string,
  value: Record<string, JSONValue>,
): DocJson {
  const tx = txOf(frame);
  const table = tableByName(frame, tableName);
  const id = encodeDocumentId(table.number, newInternalId());
  const doc = { _id: id, _creationTime: frame.host.clock.nextCreationTime(), ...value } as DocJson;
  tx.insert(table.number, id, doc);
  return doc;
}

function existing(
  frame: Frame,
  id: JSONValue,
  tableName: string | undefined,
  op: string,
): { table: TableInfo; doc: DocJson } {
  const tx = txOf(frame);
  if (typeof id !== "string") throw new Error(`Invalid argument \`id\` for \`db.${op}\``);
  const table = tableForId(frame, id);
  if (!table || (tableName !== undefined && table.name !== tableName)) {
    throw new Error(
      `Invalid argument \`id\` for \`db.${op}\`: "${id}" is not a valid ID${tableName ? ` for table "${tableName}"` : ""}.`,
    );
  }
  assertWritable(frame, table);
  const doc = tx.get(table.number, id);
  if (!doc)
    throw new Error(`${op === "delete" ? "Delete" : "Update"} on nonexistent document ID ${id}`);
  return { table, doc };
}

export function shallowMerge(
  frame: Frame,
  args: { id: JSONValue; value: Record<string, JSONValue>; table?: string },
): DocJson {
  const { table, doc } = existing(frame, args.id, args.table, "patch");
  const next: Record<string, JSONValue> = { ...doc };
  for (const [key, value] of Object.entries(args.value)) {
    if (key === "_id" || key === "_creationTime") {
      if (JSON.stringify(value) !== JSON.stringify(doc[key])) {
        throw new Error(`Provided \`${key}\` field does not match the document's \`${key}\`.`);
      }
      continue;
    }
    if (isUndefinedMarker(value)) delete next[key];
    else next[key] = value;
  }
  checkSchema(frame, table, next as DocJson);
  frame.tx!.write(table.number, doc._id, next as DocJson);
  return next as DocJson;
}

export function replace(
  frame: Frame,
  args: { id: JSONValue; value: Record<string, JSONValue>; table?: string },
): DocJson {
  const { table, doc } = existing(frame, args.id, args.table, "replace");
  const next: Record<string, JSONValue> = { _id: doc._id, _creationTime: doc._creationTime };
  for (const [key, value] of Object.entries(args.value)) {
    if (key === "_id" || key === "_creationTime") {
      if (JSON.stringify(value) !== JSON.stringify(doc[key])) {
        throw new Error(`Provided \`${key}\` field does not match the document's \`${key}\`.`);
      }
      continue;
    }
    next[key] = value;
  }
  checkSchema(frame, table, next as DocJson);
  frame.tx!.write(table.number, doc._id, next as DocJson);
  return next as DocJson;
}

export function remove(frame: Frame, args: { id: JSONValue; table?: string }): DocJson {
  const { table, doc } = existing(frame, args.id, args.table, "delete");
  frame.tx!.countWrite();
  frame.tx!.write(table.number, doc._id, null);
  return doc;
}
