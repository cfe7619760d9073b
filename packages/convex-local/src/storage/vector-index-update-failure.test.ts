import { type JSONValue } from "convex/values";
import type hnswlib from "hnswlib-node";
import { describe, expect, test, vi } from "vitest";
import { openDatabase } from "./sqlite.ts";
import { Store } from "./store.ts";

const failing = vi.hoisted(() => ({ next: false }));

// hnswlib (native) failing to add a point, e.g. out of memory: the one boundary mocked here.
vi.mock("hnswlib-node", async (importOriginal) => {
  const real = ((await importOriginal()) as { default: typeof hnswlib }).default;
  class BruteforceSearch extends real.BruteforceSearch {
    override addPoint(point: number[], label: number): void {
      if (failing.next) {
        failing.next = false;
        throw new Error("std::bad_alloc");
      }
      super.addPoint(point, label);
    }
  }
  return { default: { ...real, BruteforceSearch } };
});

const definition = (tableNumber: number) => ({
  tableNumber,
  name: "by_embedding",
  vectorField: "embedding",
  dimensions: 2,
  filterFields: ["kind"],
});

function search(store: Store, tableNumber: number, kind?: string): string[] {
  const filter: Array<[string, JSONValue]> | null = kind ? [["kind", kind]] : null;
  return store.vectorIndexes
    .get(definition(tableNumber))
    .search([1, 0], 10, filter)
    .map((hit) => hit._id);
}

describe("a vector index whose update fails", () => {
  test("is dropped and rebuilt from the committed documents, never serving what it missed", () => {
    const store = new Store(openDatabase(":memory:"));
    const table = store.catalog.ensureTable("", "chunks");
    const write = (writes: Record<string, [number, number] | null>) => {
      const tx = store.begin();
      for (const [id, embedding] of Object.entries(writes))
        tx.write(
          table.number,
          id,
          embedding && { _id: id, _creationTime: 1, embedding, kind: "faq" },
        );
      store.commit(tx);
    };
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    write({ a: [0, 1], b: [1, 0.5] });
    expect(search(store, table.number)).toEqual(["b", "a"]);
    expect(store.vectorIndexes.loads.fromDocuments).toBe(1);

    // b moves away (removed from the index), then its new vector fails to go in: the commit stands.
    failing.next = true;
    write({ b: [0.2, 1], c: [1, 0] });
    expect(warn).toHaveBeenCalledWith(
      "vector index by_embedding dropped after a failed update:",
      expect.any(Error),
    );
    expect(search(store, table.number)).toEqual(["c", "b", "a"]);
    expect(search(store, table.number, "faq")).toEqual(["c", "b", "a"]);
    expect(store.vectorIndexes.loads.fromDocuments).toBe(2);
    warn.mockRestore();
    store.close();
  });
});
