import { jsonToConvex, type Value, type ValidatorJSON } from "convex/values";
import { decodeDocumentId, encodeDocumentId, newInternalId } from "../../ids/document-id.ts";
import type { DocJson } from "../../storage/index-keys.ts";
import { validateDocument, schemaValidationMessage } from "../../validation/validate.ts";
import { FileBytes } from "../../storage/file-bytes.ts";
import {
  allTables,
  countDocuments,
  documentExists,
  documentIds,
} from "../../storage/committed-documents.ts";
import type { Store } from "../../storage/store.ts";
import type { CodeRegistry } from "../functions/code-registry.ts";
import type { CreationTimes } from "../execution/creation-clock.ts";
import type { Frame } from "../execution/frame.ts";
import type { FunctionRunner } from "../functions/function-runner.ts";
import { randomId } from "../../ids/request-id.ts";
import { ImportError, type ImportPlan, type TableData } from "./snapshot-parse.ts";

/** Documents per commit when writing an import; each commit stays under the transaction limits. */
const WRITE_BATCH = 4000;

type Resolved = TableData & {
  number: number;
  existingNumber?: number;
  existingCount: number;
  clear: boolean;
};

/** The parts of a deployment an import reads and writes. */
export type SnapshotTarget = {
  store: Store;
  registry: CodeRegistry;
  clock: CreationTimes;
  runner: FunctionRunner<Frame>;
};

/** What an import would do, table by table, in Convex's confirmation wording. */
export function describeImport(
  target: SnapshotTarget,
  plan: ImportPlan,
): { message: string; requireConfirmation: boolean } {
  const resolved = resolveTables(target, plan);
  const rows = resolved.map((t) => {
    const deleted = t.clear ? t.existingCount : 0;
    return [
      t.component ? `${t.component}:${t.name}` : t.name,
      t.docs.length.toLocaleString("en-US"),
      `${deleted.toLocaleString("en-US")} of ${t.existingCount.toLocaleString("en-US")}`,
    ];
  });
  for (const other of clearedElsewhere(target, plan, resolved))
    rows.push([
      other.label,
      "0",
      `${other.count.toLocaleString("en-US")} of ${other.count.toLocaleString("en-US")}`,
    ]);
  const header = ["table", "create", "delete"];
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (cells: string[]) =>
    `${cells.map((cell, c) => cell.padEnd(widths[c]!)).join(" | ")} |`;
  const headerLine = line(header);
  const deletes =
    resolved.some((t) => t.clear && t.existingCount > 0) ||
    clearedElsewhere(target, plan, resolved).length > 0;
  return {
    message: [
      "Import change summary:",
      headerLine,
      "-".repeat(headerLine.length),
      ...rows.map(line),
      "Once the import has started, it will run in the background.",
      "Interrupting `npx convex import` will not cancel it.",
    ].join("\n"),
    requireConfirmation: deletes,
  };
}

/** Documents a `replaceAll` import removes from tables it does not name. */
function clearedElsewhere(
  target: SnapshotTarget,
  plan: ImportPlan,
  resolved: Resolved[],
): Array<{ label: string; number: number; count: number }> {
  if (plan.mode !== "replaceAll") return [];
  const named = new Set(resolved.map((t) => t.existingNumber));
  const out: Array<{ label: string; number: number; count: number }> = [];
  for (const { number, component, name } of allTables(target.store.db)) {
    if (named.has(number) || name.startsWith("_")) continue;
    const count = countDocuments(target.store.db, number);
    if (count > 0) out.push({ label: component ? `${component}:${name}` : name, number, count });
  }
  return out;
}

/**
 * Decides each table's number (the snapshot's where it can, so document ids are kept) and checks
 * the mode's precondition and every document, without changing anything.
 */
function resolveTables(target: SnapshotTarget, plan: ImportPlan): Resolved[] {
  const catalog = target.store.catalog;
  const taken = new Map<number, string>();
  for (const { number, component, name } of allTables(target.store.db))
    taken.set(number, `${component}\u0000${name}`);
  let nextFree = Math.max(10000, ...taken.keys()) + 1;
  const claimed = new Set<number>();
  const resolved: Resolved[] = [];
  const wantedNumber = (t: TableData) =>
    t.number ??
    t.docs
      .map((d) => (typeof d._id === "string" ? decodeDocumentId(d._id)?.tableNumber : undefined))
      .find((n) => n !== undefined);
  // Tables that name their number claim it before the others are given free ones.
  const ordered = [
    ...plan.tables.filter((t) => wantedNumber(t) !== undefined),
    ...plan.tables.filter(
      (t) => wantedNumber(t) === undefined && (t.docs.length > 0 || !t.name.startsWith("_")),
    ),
  ];
  for (const t of ordered) {
    const label = t.component ? `${t.component}:${t.name}` : t.name;
    const existing = catalog.table(t.component, t.name);
    const existingCount = existing ? countDocuments(target.store.db, existing.number) : 0;
    if (plan.mode === "requireEmpty" && existingCount > 0)
      throw new ImportError(
        `Table "${label}" already has ${existingCount} document${existingCount === 1 ? "" : "s"}. Import with --replace to replace them or --append to add to them.`,
      );
    const clear = plan.mode === "replace" || plan.mode === "replaceAll";
    const wanted = wantedNumber(t);
    const key = `${t.component}\u0000${t.name}`;
    const free = (n: number) => !claimed.has(n) && (!taken.has(n) || taken.get(n) === key);
    let number: number;
    if (existing && (wanted === undefined || wanted === existing.number)) number = existing.number;
    else if (wanted !== undefined && free(wanted) && (!existing || existingCount === 0))
      number = wanted;
    else if (existing) number = existing.number;
    else {
      while (!free(nextFree)) nextFree++;
      number = nextFree++;
    }
    claimed.add(number);
    for (const doc of t.docs) {
      if (typeof doc._id !== "string") continue;
      const decoded = decodeDocumentId(doc._id);
      if (!decoded)
        throw new ImportError(`"${doc._id}" in table "${label}" is not a valid document id.`);
      if (decoded.tableNumber !== number)
        throw new ImportError(
          `The ids in table "${label}" belong to table number ${decoded.tableNumber}, but that table is number ${number} here and cannot take the snapshot's number while it holds documents. Import into a fresh deployment.`,
        );
    }
    resolved.push({ ...t, number, existingNumber: existing?.number, existingCount, clear });
  }
  checkDocuments(target, plan, resolved);
  return resolved;
}

function checkDocuments(target: SnapshotTarget, plan: ImportPlan, resolved: Resolved[]): void {
  const byNumber = new Map(resolved.map((t) => [t.number, t]));
  const seen = new Set<string>();
  for (const t of resolved) {
    const schema = target.registry.modulesFor(t.component)?.schema;
    const table = schema?.schemaValidation
      ? schema.tables.find((s) => s.tableName === t.name)
      : undefined;
    const tableNameForId = (id: string) => {
      const decoded = decodeDocumentId(id);
      if (!decoded) return null;
      const planned = byNumber.get(decoded.tableNumber);
      if (planned) return planned.component === t.component ? planned.name : null;
      const known = target.store.catalog.tableByNumber(decoded.tableNumber);
      return known && known.component === t.component ? known.name : null;
    };
    // Snapshots carry no `_scheduled_functions`, so a document pointing at a job (the agent's
    // stream cleanup) names a table number that may exist nowhere here: a dangling reference, as
    // after the job's retention purge, not a wrong table.
    const isIdForTable = (id: string, name: string) => {
      const actual = tableNameForId(id);
      if (actual !== null || name !== "_scheduled_functions") return actual === name;
      const decoded = decodeDocumentId(id);
      return (
        decoded !== null &&
        !byNumber.has(decoded.tableNumber) &&
        !target.store.catalog.tableByNumber(decoded.tableNumber)
      );
    };
    const label = t.component ? `${t.component}:${t.name}` : t.name;
    const existingIds =
      plan.mode === "append" && t.existingCount > 0 ? documentExists(target.store.db) : null;
    for (const doc of t.docs) {
      if (typeof doc._id === "string") {
        if (seen.has(doc._id))
          throw new ImportError(`Document id "${doc._id}" appears twice in the import.`);
        seen.add(doc._id);
        if (existingIds?.(doc._id))
          throw new ImportError(`Table "${label}" already has a document with id "${doc._id}".`);
      }
      if (!table) continue;
      const error = validateDocument(
        table.documentType as ValidatorJSON,
        jsonToConvex({
          ...doc,
          _id: doc._id ?? placeholderId(t.number),
          _creationTime: doc._creationTime ?? 0,
        }) as Record<string, Value>,
        { isIdForTable: (id, name) => isIdForTable(id, name), tableNameForId },
      );
      if (error)
        throw new ImportError(
          `Schema validation failed.\n${schemaValidationMessage(t.name, error)}`,
        );
    }
  }
}

function placeholderId(tableNumber: number): string {
  return encodeDocumentId(tableNumber, new Uint8Array(16));
}

/** Applies a checked plan; returns the number of documents written. */
export async function applyImport(target: SnapshotTarget, plan: ImportPlan): Promise<number> {
  const resolved = resolveTables(target, plan);
  const catalog = target.store.catalog;
  for (const t of resolved) {
    if (t.existingNumber === undefined) catalog.ensureTable(t.component, t.name, t.number);
    else if (t.existingNumber !== t.number)
      catalog.renumberTable(catalog.table(t.component, t.name)!, t.number);
  }
  const writes: Array<{ tableNumber: number; id: string; doc: DocJson | null }> = [];
  const clearNumbers = new Set<number>();
  for (const t of resolved) if (t.clear && t.existingCount > 0) clearNumbers.add(t.number);
  for (const other of clearedElsewhere(target, plan, resolved)) clearNumbers.add(other.number);
  const incoming = new Set(
    resolved.flatMap((t) => t.docs.map((d) => d._id)).filter((id) => typeof id === "string"),
  );
  for (const number of clearNumbers)
    for (const id of documentIds(target.store.db, number))
      if (!incoming.has(id)) writes.push({ tableNumber: number, id, doc: null });
  let written = 0;
  for (const t of resolved)
    for (const doc of t.docs) {
      const id =
        typeof doc._id === "string" ? doc._id : encodeDocumentId(t.number, newInternalId());
      const creationTime =
        typeof doc._creationTime === "number" ? doc._creationTime : target.clock.nextCreationTime();
      writes.push({
        tableNumber: t.number,
        id,
        doc: { ...doc, _id: id, _creationTime: creationTime } as DocJson,
      });
      written++;
    }
  for (let start = 0; start < writes.length; start += WRITE_BATCH) {
    const batch = writes.slice(start, start + WRITE_BATCH);
    const batchFiles = batch.filter((w) => w.doc && plan.files.has(w.id));
    await target.runner.runMutationTx(
      "",
      null,
      async (frame) => {
        for (const w of batch) frame.tx!.write(w.tableNumber, w.id, w.doc);
        return null;
      },
      null,
      randomId(),
      "_system:import",
      () => (db) =>
        FileBytes.putIn(
          db,
          batchFiles.map((w) => [w.id, plan.files.get(w.id)!]),
        ),
    );
  }
  return written;
}
