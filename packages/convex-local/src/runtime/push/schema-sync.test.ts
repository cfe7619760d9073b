import { statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { tempDir } from "../../../test/helpers.ts";
import { openDatabase } from "../../storage/sqlite.ts";
import { Store } from "../../storage/store.ts";
import type { SchemaTable } from "../functions/function-types.ts";
import { applySchema } from "./schema-sync.ts";

/** A table of the pushed schema JSON, with an index on `label` unless told otherwise. */
const table = (
  tableName: string,
  indexes: SchemaTable["indexes"] = [{ indexDescriptor: "by_label", fields: ["label"] }],
): SchemaTable => ({ tableName, indexes, documentType: { type: "any" } });

const names = (rows: Array<Record<string, unknown>>) => rows.map((r) => String(r.name));

describe("applying a pushed schema", () => {
  test("many tables and indexes are one transaction: each page they change is written once", () => {
    const data = tempDir();
    const store = new Store(openDatabase(data.dir));
    try {
      const wal = join(data.dir, "convex-local.sqlite3-wal");
      const pageSize = Number(store.db.prepare("PRAGMA page_size").get()!.page_size);
      // A WAL frame is a 24-byte header and a page, after the WAL's 32-byte header.
      const frames = () => Math.max(0, (statSync(wal).size - 32) / (pageSize + 24));
      const before = frames();
      applySchema(
        store,
        "",
        Array.from({ length: 40 }, (_, i) => table(`table${i}`)),
      );
      expect(store.catalog.tables("").length).toBe(40);
      const pages = Number(store.db.prepare("PRAGMA page_count").get()!.page_count);
      expect(frames() - before).toBeLessThanOrEqual(pages);
    } finally {
      store.close();
      data.cleanup();
    }
  });

  test("a schema that fails part way leaves none of its tables and indexes", () => {
    const store = new Store(openDatabase(":memory:"));
    const messages = store.catalog.ensureTable("", "messages");
    // A stored row the new index cannot read: its backfill fails after "fresh" was created.
    store.db
      .prepare("INSERT INTO documents (table_number, id, json) VALUES (?, ?, ?)")
      .run(messages.number, "m1", "{not json");
    expect(() =>
      applySchema(store, "", [
        table("fresh"),
        table("messages", [{ indexDescriptor: "by_body", fields: ["body"] }]),
      ]),
    ).toThrow();
    expect(store.catalog.table("", "fresh")).toBeUndefined();
    expect(store.catalog.index(messages.number, "by_body")).toBeUndefined();
    expect(names(store.db.prepare("SELECT name FROM tables").all())).toEqual(["messages"]);
    expect(
      names(
        store.db
          .prepare("SELECT name FROM indexes WHERE table_number = ? ORDER BY id")
          .all(messages.number),
      ),
    ).toEqual(["by_id", "by_creation_time"]);
    // The store goes on: the table can still be created and written.
    applySchema(store, "", [table("fresh", [])]);
    expect(store.catalog.table("", "fresh")).toBeDefined();
    store.close();
  });
});
