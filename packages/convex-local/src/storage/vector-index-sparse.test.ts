import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { type JSONValue } from "convex/values";
import { tempDir } from "../../test/helpers.ts";
import { vectorSearch } from "../query/vector.ts";
import { seededRandom } from "../values/random-values.ts";
import { type DocJson } from "./index-keys.ts";
import { openDatabase } from "./sqlite.ts";
import { Store } from "./store.ts";
import { VectorIndex } from "./vector-index.ts";
import { decodeSnapshot, encodeSnapshot } from "./vector-snapshot.ts";

const DIMENSIONS = 256;
const definition = {
  tableNumber: 1,
  name: "by_embedding",
  vectorField: "embedding",
  dimensions: DIMENSIONS,
  filterFields: ["tenant"],
};

/** Vectors with `nonzeros` random components set, as hashed bag-of-words embeddings are. */
function sparseVectors(count: number, nonzeros: number, seed: number): number[][] {
  const next = seededRandom(seed);
  return Array.from({ length: count }, () => {
    const vector = new Array<number>(DIMENSIONS).fill(0);
    for (let i = 0; i < nonzeros; i++) vector[Math.floor(next() * DIMENSIONS)] = next() * 2 - 1;
    return vector;
  });
}

const doc = (id: string, embedding: number[], tenant: string): DocJson => ({
  _id: id,
  _creationTime: 0,
  embedding,
  tenant,
});

/** Tenants a search admits: one, either of several, or (empty) every document. */
type Tenants = string[];

function exactSearch(all: Map<string, DocJson>, query: number[], tenants: Tenants) {
  const eq = (tenant: string): JSONValue => ({
    $eq: [{ $field: "tenant" }, { $literal: tenant }],
  });
  return vectorSearch([...all.values()] as never, {
    vectorField: "embedding",
    vector: query,
    limit: 10,
    expressions:
      tenants.length === 0
        ? null
        : tenants.length === 1
          ? eq(tenants[0]!)
          : { $or: tenants.map(eq) },
  });
}

function expectExact(
  index: VectorIndex,
  all: Map<string, DocJson>,
  queries: number[][],
  searches: Tenants[] = [["acme"], ["globex"], []],
): void {
  for (const query of queries)
    for (const tenants of searches) {
      const exact = exactSearch(all, query, tenants);
      const filter: Array<[string, JSONValue]> | null =
        tenants.length === 0 ? null : tenants.map((tenant) => ["tenant", tenant]);
      const hits = index.search(query, 10, filter);
      expect(hits.map((hit) => hit._id)).toEqual(exact.map((r) => r._id));
      hits.forEach((hit, i) => expect(hit._score).toBeCloseTo(exact[i]!._score, 6));
    }
}

describe("vector index over sparse vectors", () => {
  test("past 20,000 vectors, filtered and unfiltered searches are the exact scan's, through postings", () => {
    const index = new VectorIndex(definition);
    const all = new Map<string, DocJson>();
    sparseVectors(21_000, 24, 3).forEach((embedding, i) => {
      const stored = doc(`v${i}`, embedding, i % 7 === 0 ? "globex" : "acme");
      all.set(stored._id, stored);
      index.update(stored._id, stored);
    });
    const queries = sparseVectors(5, 10, 77);
    expectExact(index, all, queries);
    expect(index.keepsPostings).toBe(true);

    // Patched vectors, moved tenants and deletes (enough to compact the postings) are followed.
    const next = seededRandom(9);
    for (let i = 0; i < 14_000; i++) {
      const id = `v${Math.floor(next() * 21_000)}`;
      if (i % 3 === 0) {
        all.delete(id);
        index.update(id, null);
      } else {
        const [embedding] = sparseVectors(1, 24, i);
        const stored = doc(id, embedding!, next() < 0.5 ? "globex" : "acme");
        all.set(id, stored);
        index.update(id, stored);
      }
    }
    expect(index.size).toBe(all.size);
    expectExact(index, all, queries);
  }, 60_000);

  test("dense vectors keep no postings, and a sparse index that turns dense drops them", () => {
    const dense = new VectorIndex(definition);
    sparseVectors(300, DIMENSIONS * 4, 5).forEach((embedding, i) =>
      dense.update(`d${i}`, doc(`d${i}`, embedding, "acme")),
    );
    dense.search(sparseVectors(1, 10, 6)[0]!, 10, null);
    expect(dense.keepsPostings).toBe(false);

    const index = new VectorIndex(definition);
    const all = new Map<string, DocJson>();
    const put = (id: string, embedding: number[]) => {
      all.set(id, doc(id, embedding, "acme"));
      index.update(id, all.get(id)!);
    };
    sparseVectors(300, 8, 7).forEach((embedding, i) => put(`s${i}`, embedding));
    const queries = sparseVectors(4, 6, 8);
    expectExact(index, all, queries);
    expect(index.keepsPostings).toBe(true);
    sparseVectors(300, DIMENSIONS * 4, 9).forEach((embedding, i) => put(`s${i}`, embedding));
    expect(index.keepsPostings).toBe(false);
    expectExact(index, all, queries);
  });

  test("is saved at shutdown and searched exactly, through postings, after a restart", async () => {
    const { dir, cleanup } = tempDir();
    try {
      const all = new Map<string, DocJson>();
      const store = new Store(openDatabase(dir));
      const table = store.catalog.ensureTable("", "chunks");
      const tableDefinition = { ...definition, tableNumber: table.number };
      const tx = store.begin();
      sparseVectors(2000, 20, 11).forEach((embedding, i) => {
        const stored = doc(`v${i}`, embedding, i % 2 ? "acme" : "globex");
        all.set(stored._id, stored);
        tx.write(table.number, stored._id, stored);
      });
      await store.commit(tx).durable;
      const queries = sparseVectors(4, 8, 12);
      expectExact(store.vectorIndexes.get(tableDefinition), all, queries);
      store.close();

      const reopened = new Store(openDatabase(dir));
      const index = reopened.vectorIndexes.get(tableDefinition);
      expect(reopened.vectorIndexes.loads).toEqual({ fromFile: 1, fromDocuments: 0 });
      expectExact(index, all, queries);
      expect(index.keepsPostings).toBe(true);
      reopened.close();
    } finally {
      cleanup();
    }
  });

  test("past 20,000 vectors of many tenants, each tenant's search is the exact scan's through updates, deletes and a reopen", () => {
    // 60 tenants of 200 documents and 3 of 3,000: a tenant's search scores its own documents over
    // the query's nonzero components, however many other tenants' documents are stored.
    const tenantOf = (i: number) => (i < 12_000 ? `t${i % 60}` : `t${60 + (i % 3)}`);
    const index = new VectorIndex(definition);
    const all = new Map<string, DocJson>();
    const put = (id: string, stored: DocJson | null) => {
      if (stored) all.set(id, stored);
      else all.delete(id);
      index.update(id, stored);
    };
    sparseVectors(21_000, 24, 13).forEach((embedding, i) =>
      put(`v${i}`, doc(`v${i}`, embedding, tenantOf(i))),
    );
    const queries = sparseVectors(2, 10, 14);
    const searches: Tenants[] = [["t0"], ["t61"], ["t2", "t30"], []];
    expectExact(index, all, queries, searches);

    // Patched vectors, documents moved to another tenant, deletes.
    const next = seededRandom(21);
    sparseVectors(3000, 24, 15).forEach((embedding, i) => {
      const id = `v${Math.floor(next() * 21_000)}`;
      put(id, i % 3 === 0 ? null : doc(id, embedding, tenantOf(Math.floor(next() * 21_000))));
    });
    expect(index.size).toBe(all.size);
    expectExact(index, all, queries, searches);

    // Reopened from its saved files, as the store does after a clean shutdown, then written again.
    const { dir, cleanup } = tempDir();
    try {
      const exactStore = join(dir, "exact");
      index.writeExactStore(exactStore);
      const saved = decodeSnapshot(
        encodeSnapshot({
          definition,
          lastWrite: null,
          labelsIssued: index.labelsIssued,
          exactStoreSha256: "",
          entries: [...index.entries()],
        }),
      )!;
      const reopened = VectorIndex.restored(definition, saved, exactStore);
      expectExact(reopened, all, queries, searches);
      reopened.update("v7", null);
      all.delete("v7");
      const added = doc("w1", queries[0]!, "t7");
      reopened.update("w1", added);
      all.set("w1", added);
      expect(reopened.search(queries[0]!, 1, [["tenant", "t7"]])[0]!._id).toBe("w1");
      expectExact(reopened, all, queries, searches);
    } finally {
      cleanup();
    }
  }, 60_000);
});
