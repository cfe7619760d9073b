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
