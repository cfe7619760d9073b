import { describe, expect, test } from "vitest";
import { tempDir } from "../../test/helpers.ts";
import type { DocJson } from "./index-keys.ts";
import { openDatabase } from "./sqlite.ts";
import { Store } from "./store.ts";

function open(dir: string) {
  // Stored only at a clean close within a test, however slow the machine.
  const store = new Store(openDatabase(dir, "normal"), { searchStatisticsSaveMs: 3_600_000 });
  const table = store.catalog.ensureTable("", "messages");
  store.syncSearchIndexes(table.number, [
    { indexDescriptor: "search_body", searchField: "body", filterFields: [] },
  ]);
  const index = store.searchIndexes.find(table.number, "search_body")!;
  const storedRow = () =>
    store.db.prepare("SELECT documents, tokens FROM search_indexes WHERE id = ?").get(index.id);
  return { store, table, stats: () => store.searchIndexes.stats(index), storedRow };
}

async function write(store: Store, tableNumber: number, docs: Array<[string, DocJson | null]>) {
  const tx = store.begin();
  for (const [id, doc] of docs) tx.write(tableNumber, id, doc);
  await store.commit(tx).durable;
}

const doc = (id: string, fields: Record<string, unknown>) =>
  ({ _id: id, _creationTime: 1, ...fields }) as DocJson;

describe("text index statistics", () => {
  test("are counted per commit without rewriting the stored row, and recounted after a crash", async () => {
    const { dir, cleanup } = tempDir();
    try {
      const { store, table, stats, storedRow } = open(dir);
      await write(store, table.number, [
        ["a", doc("a", { body: "one two three" })],
        ["b", doc("b", { body: "" })],
        ["c", doc("c", { other: "no body field" })],
        ["d", doc("d", { body: "four five" })],
      ]);
      await write(store, table.number, [
        ["d", null],
        ["a", doc("a", { body: "one two" })],
        ["e", doc("e", { body: { nested: "not a string" } })],
      ]);
      // a (2 tokens) and b (a string without tokens) count; c and e have no string body; d is gone.
      expect(stats()).toEqual({ documents: 2, tokens: 2 });
      // The row says its figures are behind: the commits did not rewrite it.
      expect(Number(storedRow()!.documents)).toBe(-1);
      // A second connection opens the file as a restart after a crash would, and recounts.
      const restarted = open(dir);
      expect(restarted.stats()).toEqual({ documents: 2, tokens: 2 });
      expect(restarted.storedRow()).toEqual({ documents: 2, tokens: 2 });
      restarted.store.close();
      store.close();
    } finally {
      cleanup();
    }
  });

  test("are stored by a clean close and read back as they were", async () => {
    const { dir, cleanup } = tempDir();
    try {
      const { store, table } = open(dir);
      await write(store, table.number, [["a", doc("a", { body: "red green blue" })]]);
      store.close();
      const reopened = open(dir);
      expect(reopened.storedRow()).toEqual({ documents: 1, tokens: 3 });
      expect(reopened.stats()).toEqual({ documents: 1, tokens: 3 });
      await write(reopened.store, reopened.table.number, [["b", doc("b", { body: "red" })]]);
      expect(reopened.stats()).toEqual({ documents: 2, tokens: 4 });
      reopened.store.close();
    } finally {
      cleanup();
    }
  });
});
