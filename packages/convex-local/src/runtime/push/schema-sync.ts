import { jsonToConvex, type Value, type ValidatorJSON } from "convex/values";
import type { DocJson } from "../../storage/index-keys.ts";
import { documentJson } from "../../storage/committed-documents.ts";
import type { Store } from "../../storage/store.ts";
import { type ValidationContext, validateDocument } from "../../validation/validate.ts";
import type { SchemaJson, SchemaTable } from "../functions/function-types.ts";

/** Existing documents that a new schema rejects; the push is refused. */
export class SchemaValidationError extends Error {
  readonly tableName: string;
  readonly componentPath: string;
  /** The message without its "Schema validation failed." heading, which the Convex CLI prints itself. */
  readonly detail: string;
  constructor(detail: string, tableName: string, componentPath: string) {
    super(`Schema validation failed.\n${detail}`);
    this.detail = detail;
    this.tableName = tableName;
    this.componentPath = componentPath;
  }
}

/**
 * Like a Convex push, a schema that existing documents break is refused (throws) and the old code
 * stays. Tables whose validator the live, enforced schema already had are not read again.
 */
export function checkExistingDocuments(
  store: Store,
  component: string,
  schema: SchemaJson,
  ctx: ValidationContext,
  live?: SchemaJson | null,
): void {
  if (!schema.schemaValidation) return;
  const enforced = new Map(
    live?.schemaValidation
      ? live.tables.map((t) => [t.tableName, JSON.stringify(t.documentType)])
      : [],
  );
  for (const t of schema.tables) {
    const table = store.catalog.table(component, t.tableName);
    if (!table) continue;
    if (enforced.get(t.tableName) === JSON.stringify(t.documentType)) continue;
    for (const json of documentJson(store.db, table.number)) {
      const doc = JSON.parse(json) as DocJson;
      const error = validateDocument(
        t.documentType as ValidatorJSON,
        jsonToConvex(doc) as Record<string, Value>,
        ctx,
      );
      if (error) {
        throw new SchemaValidationError(
          `Document with ID "${doc._id}" in table "${t.tableName}" does not match the schema: ${error}`,
          t.tableName,
          component,
        );
      }
    }
  }
}

/** Creates the schema's tables, builds new or changed indexes, and drops indexes it no longer declares. */
export function applySchema(store: Store, component: string, tables: SchemaTable[]): void {
  store.changeSchema(() => applyTables(store, component, tables));
}

function applyTables(store: Store, component: string, tables: SchemaTable[]): void {
  const catalog = store.catalog;
  for (const t of tables) {
    const table = catalog.ensureTable(component, t.tableName);
    const wanted = new Map(t.indexes.map((i) => [i.indexDescriptor, i.fields]));
    for (const index of catalog.indexes(table.number)) {
      if (index.name === "by_id" || index.name === "by_creation_time") continue;
      const fields = wanted.get(index.name);
      if (!fields || JSON.stringify(fields) !== JSON.stringify(index.fields))
        catalog.dropIndex(index);
    }
    for (const [name, fields] of wanted) {
      if (!catalog.index(table.number, name))
        store.backfill(catalog.createIndex(table.number, name, fields));
    }
    store.syncSearchIndexes(table.number, t.searchIndexes ?? []);
  }
}
