import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { type JSONValue } from "convex/values";
import { tempDir } from "../../test/helpers.ts";
import { type DocJson } from "./index-keys.ts";
import { openDatabase } from "./sqlite.ts";
import { Store } from "./store.ts";

const definition = (tableNumber: number) => ({
  tableNumber,
  name: "by_embedding",
  vectorField: "embedding",
  dimensions: 2,
  filterFields: ["kind"],
});

function doc(id: string, embedding: number[], kind = "faq"): DocJson {
  return { _id: id, _creationTime: 1, embedding, kind };
}

function search(store: Store, tableNumber: number, kind?: string): string[] {
  const filter: Array<[string, JSONValue]> | null = kind ? [["kind", kind]] : null;
  return store.vectorIndexes
    .get(definition(tableNumber))
    .search([1, 0], 10, filter)
    .map((hit) => hit._id);
}

function commit(store: Store, tableNumber: number, writes: Record<string, DocJson | null>) {
  const tx = store.begin();
  for (const [id, after] of Object.entries(writes)) tx.write(tableNumber, id, after);
  return store.commit(tx);
}

describe("vector indexes in the commit path", () => {
  test("follow committed inserts, patches and deletes, and nothing an aborted write made", () => {
    const store = new Store(openDatabase(":memory:"));
    const table = store.catalog.ensureTable("", "chunks");
    commit(store, table.number, { a: doc("a", [1, 0]), b: doc("b", [0, 1]) });
    expect(search(store, table.number)).toEqual(["a", "b"]);

    commit(store, table.number, { b: doc("b", [1, 0.1], "blog"), c: doc("c", [1, 0.5]) });
    expect(search(store, table.number)).toEqual(["a", "b", "c"]);
    expect(search(store, table.number, "blog")).toEqual(["b"]);
    commit(store, table.number, { a: null });
    expect(search(store, table.number, "faq")).toEqual(["c"]);

    const aborted = store.begin();
    aborted.write(table.number, "d", doc("d", [1, 0]));
    store.release(aborted);

    const nested = store.begin();
    const savepoint = nested.savepoint();
    nested.write(table.number, "e", doc("e", [1, 0]));
    nested.rollbackTo(savepoint);
    nested.write(table.number, "f", doc("f", [0, 1]));
    store.commit(nested);

    const failing = store.begin();
    failing.write(table.number, "g", doc("g", [1, 0]));
    expect(() =>
      store.commit(failing, () => {
        throw new Error("disk full");
      }),
    ).toThrow("disk full");

    expect(search(store, table.number)).toEqual(["b", "c", "f"]);
    store.close();
  });

  test("are loaded from the file saved at shutdown after a restart, without reading the documents", async () => {
    const { dir, cleanup } = tempDir();
    try {
      const store = new Store(openDatabase(dir));
      const table = store.catalog.ensureTable("", "chunks");
      await commit(store, table.number, { a: doc("a", [0, 1]), b: doc("b", [1, 0]) }).durable;
      expect(search(store, table.number)).toEqual(["b", "a"]);
      await commit(store, table.number, { c: doc("c", [1, 1], "blog"), a: null }).durable;
      store.close();

      const reopened = new Store(openDatabase(dir));
      expect(search(reopened, table.number)).toEqual(["b", "c"]);
      expect(search(reopened, table.number, "blog")).toEqual(["c"]);
      expect(reopened.vectorIndexes.loads).toEqual({ fromFile: 1, fromDocuments: 0 });
      // Loaded from the file, it still follows commits, and is saved again with them.
      await commit(reopened, table.number, { d: doc("d", [1, 0.2]) }).durable;
      expect(search(reopened, table.number)).toEqual(["b", "d", "c"]);
      reopened.close();
      const again = new Store(openDatabase(dir));
      expect(search(again, table.number)).toEqual(["b", "d", "c"]);
      expect(again.vectorIndexes.loads).toEqual({ fromFile: 1, fromDocuments: 0 });
      again.close();
    } finally {
      cleanup();
    }
  });

  test("a torn file, or one older than the table's last write, is rebuilt from the documents", async () => {
    const { dir, cleanup } = tempDir();
    try {
      const store = new Store(openDatabase(dir));
      const table = store.catalog.ensureTable("", "chunks");
      await commit(store, table.number, { a: doc("a", [0, 1]), b: doc("b", [1, 0]) }).durable;
      expect(search(store, table.number)).toEqual(["b", "a"]);
      store.close();
      const folder = join(dir, "convex-local.sqlite3.vectors");
      const saved = readdirSync(folder).find((name) => name.endsWith(".bin"));
      const file = join(folder, saved!);
      const whole = readFileSync(file);
      writeFileSync(file, whole.subarray(0, whole.length - 40));

      const torn = new Store(openDatabase(dir));
      expect(search(torn, table.number)).toEqual(["b", "a"]);
      expect(torn.vectorIndexes.loads).toEqual({ fromFile: 0, fromDocuments: 1 });
      torn.close();

      // hnswlib's exact store is checked against the sha256 its pair recorded before it is read.
      const exactStore = readFileSync(`${file}.exact`);
      writeFileSync(`${file}.exact`, exactStore.subarray(0, exactStore.length / 2));
      const tornStore = new Store(openDatabase(dir));
      expect(search(tornStore, table.number)).toEqual(["b", "a"]);
      expect(tornStore.vectorIndexes.loads).toEqual({ fromFile: 0, fromDocuments: 1 });
      tornStore.close();

      // The file is whole again, but a write after it was saved (never searched, so never re-saved) made it stale.
      writeFileSync(file, whole);
      const writer = new Store(openDatabase(dir));
      await commit(writer, table.number, { c: doc("c", [1, 0.1]), b: null }).durable;
      writer.close();
      const stale = new Store(openDatabase(dir));
      expect(search(stale, table.number)).toEqual(["c", "a"]);
      expect(stale.vectorIndexes.loads).toEqual({ fromFile: 0, fromDocuments: 1 });
      stale.close();
    } finally {
      cleanup();
    }
  });

  test("are rebuilt from the committed documents after a restart", async () => {
    const { dir, cleanup } = tempDir();
    try {
      const store = new Store(openDatabase(dir));
      const table = store.catalog.ensureTable("", "chunks");
      const { durable } = commit(store, table.number, {
        a: doc("a", [0, 1]),
        b: doc("b", [1, 0]),
        c: doc("c", [1, 1], "blog"),
      });
      await durable;
      store.close();
      const reopened = new Store(openDatabase(dir));
      expect(search(reopened, table.number)).toEqual(["b", "c", "a"]);
      expect(search(reopened, table.number, "blog")).toEqual(["c"]);
      reopened.close();
    } finally {
      cleanup();
    }
  });
});
