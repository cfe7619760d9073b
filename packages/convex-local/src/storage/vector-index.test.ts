import { describe, expect, test } from "vitest";
import { convexToJson, type JSONValue, type Value } from "convex/values";
import { vectorSearch } from "../query/vector.ts";
import { type DocJson } from "./index-keys.ts";
import { VectorIndex } from "./vector-index.ts";

const DIMENSIONS = 48;
const definition = {
  tableNumber: 1,
  name: "by_embedding",
  vectorField: "embedding",
  dimensions: DIMENSIONS,
  filterFields: ["genre", "year"],
};

function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

/** Gaussian-ish clusters, as embeddings of texts on a few dozen topics are. */
function clusteredVectors(count: number, seed: number): number[][] {
  const next = random(seed);
  const noise = () => next() + next() + next() - 1.5;
  const centers = Array.from({ length: 40 }, () => Array.from({ length: DIMENSIONS }, noise));
  return Array.from({ length: count }, () => {
    const center = centers[Math.floor(next() * centers.length)]!;
    return center.map((x) => x + 0.6 * noise());
  });
}

const GENRES = ["comedy", "drama", "horror", "news"];
function docs(vectors: number[][]): DocJson[] {
  return vectors.map((embedding, i) => ({
    _id: `d${i}`,
    _creationTime: i,
    embedding,
    genre: GENRES[i % GENRES.length]!,
    ...(i % 3 === 0 ? { year: convexToJson(BigInt(2020 + (i % 5))) } : {}),
  }));
}

const eq = (field: string, value: Value | undefined): JSONValue => ({
  $eq: [
    { $field: field },
    { $literal: value === undefined ? { $undefined: null } : convexToJson(value) },
  ],
});
const or = (...exprs: JSONValue[]): JSONValue => ({ $or: exprs });
const alternatives = (expr: JSONValue): Array<[string, JSONValue]> => {
  const list = "$or" in (expr as object) ? (expr as { $or: JSONValue[] }).$or : [expr];
  return list.map((e) => {
    const [field, literal] = (e as { $eq: [{ $field: string }, { $literal: JSONValue }] }).$eq;
    return [field.$field, literal.$literal];
  });
};

function exactIds(all: DocJson[], query: number[], limit: number, filter: JSONValue | null) {
  const values = all.map((d) => ({
    ...d,
    year: d.year === undefined ? undefined : BigInt(2020 + (Number(d._creationTime) % 5)),
  }));
  return vectorSearch(values as never, {
    vectorField: "embedding",
    vector: query,
    limit,
    expressions: filter,
  }).map((r) => r._id);
}

function recall(
  index: VectorIndex,
  all: DocJson[],
  queries: number[][],
  filter: JSONValue | null,
): number {
  let found = 0;
  let wanted = 0;
  for (const query of queries) {
    const exact = exactIds(all, query, 10, filter);
    const got = new Set(
      index.search(query, 10, filter ? alternatives(filter) : null).map((hit) => hit._id),
    );
    found += exact.filter((id) => got.has(id)).length;
    wanted += exact.length;
  }
  return found / wanted;
}

/** Past this many stored vectors the graph answers instead of the exact scan, in the tests of the graph. */
const GRAPH_ABOVE = 2048;

describe("vector index", () => {
  const all = docs(clusteredVectors(6000, 7));
  const index = new VectorIndex(definition, { exactScanMax: GRAPH_ABOVE, scoredCandidatesMax: 0 });
  for (const doc of all) index.update(doc._id, doc);
  const queries = clusteredVectors(40, 99);

  test("finds the exact scan's 10 nearest on random clustered data (recall at k=10 ≥ 0.95)", () => {
    expect(all.length).toBeGreaterThan(GRAPH_ABOVE);
    const unfiltered = recall(index, all, queries, null);
    const broad = recall(index, all, queries, or(eq("genre", "comedy"), eq("genre", "drama")));
    const narrow = recall(index, all, queries, eq("year", 2021n));
    console.info(
      `vector index recall@10 over ${all.length} vectors of ${DIMENSIONS} dimensions: ` +
        `no filter ${unfiltered.toFixed(3)}, filter admitting half ${broad.toFixed(3)}, ` +
        `filter admitting a fifteenth ${narrow.toFixed(3)}`,
    );
    expect(unfiltered).toBeGreaterThanOrEqual(0.95);
    expect(broad).toBeGreaterThanOrEqual(0.95);
    expect(narrow).toBe(1);
  }, 60_000);

  test("scores as the exact scan does, and honours q.eq, q.or, a missing field and limit", () => {
    const query = queries[0]!;
    const filter = or(eq("genre", "horror"), eq("year", undefined));
    const hits = index.search(query, 256, alternatives(filter));
    const exact = vectorSearch(all as never, {
      vectorField: "embedding",
      vector: query,
      limit: 256,
      expressions: filter,
    });
    expect(hits).toHaveLength(256);
    for (const hit of hits) {
      const doc = all[Number(hit._id.slice(1))]!;
      expect(doc.genre === "horror" || doc.year === undefined).toBe(true);
    }
    const exactScores = new Map(exact.map((r) => [r._id, r._score]));
    const shared = hits.filter((hit) => exactScores.has(hit._id));
    expect(shared.length).toBeGreaterThan(240);
    for (const hit of shared) expect(hit._score).toBeCloseTo(exactScores.get(hit._id)!, 5);
    expect(index.search(query, 3, null)).toHaveLength(3);
    expect(index.search(query, 10, alternatives(eq("genre", "western")))).toEqual([]);
  }, 20_000);

  test("a filtered exact scan finds every admitted document, whatever the order they were stored in", () => {
    // The nearest document is stored first and filtered out: the admitted ones must all be found.
    for (const order of [
      ["c", "a", "b"],
      ["a", "c", "b"],
      ["c", "b", "a"],
      ["a", "b", "c"],
    ]) {
      const small = new VectorIndex({ ...definition, dimensions: 3 });
      const fields: Record<string, Record<string, JSONValue>> = {
        a: { embedding: [1, 0, 0], genre: "news" },
        b: { embedding: [0.9, 0.1, 0], genre: "news" },
        c: { embedding: [1, 0, 0.01], genre: "drama" },
      };
      for (const id of order) small.update(id, { _id: id, _creationTime: 0, ...fields[id]! });
      const ids = small.search([1, 0, 0], 2, alternatives(eq("genre", "news"))).map((h) => h._id);
      expect(ids, `stored in the order ${order.join(", ")}`).toEqual(["a", "b"]);
    }
  });

  test("follows inserts, vector and filter patches and deletes; skips documents without a vector", () => {
    const small = new VectorIndex({ ...definition, dimensions: 3 });
    const put = (id: string, fields: Record<string, JSONValue>) =>
      small.update(id, { _id: id, _creationTime: 0, ...fields });
    put("a", { embedding: [1, 0, 0], genre: "comedy" });
    put("b", { embedding: [0, 1, 0], genre: "drama" });
    put("c", { embedding: [1, 0], genre: "comedy" });
    put("d", { embedding: "no", genre: "comedy" });
    put("e", { embedding: [0, 0, 0], genre: "comedy" });
    const ids = (filter: JSONValue | null) =>
      small.search([1, 0.1, 0], 10, filter ? alternatives(filter) : null).map((h) => h._id);
    expect(ids(null)).toEqual(["a", "b", "e"]);
    expect(small.search([1, 0, 0], 10, null).find((h) => h._id === "e")!._score).toBe(0);
    put("b", { embedding: [1, 0.2, 0], genre: "drama" });
    expect(ids(null)).toEqual(["b", "a", "e"]);
    put("a", { embedding: [1, 0, 0], genre: "drama" });
    expect(ids(eq("genre", "comedy"))).toEqual(["e"]);
    expect(ids(eq("genre", "drama"))).toEqual(["b", "a"]);
    small.update("b", null);
    put("e", { genre: "comedy" });
    expect(ids(null)).toEqual(["a"]);
    expect(small.size).toBe(1);
  });

  test("a question unlike every document still finds the few that match it among thousands of near-duplicates", () => {
    // A knowledge base's own articles next to thousands of generated, nearly identical chunks, and
    // a question close to no document: the graph's greedy walk stays among the near-duplicates.
    const dimensions = 256;
    const next = random(11);
    const noise = () => next() + next() + next() - 1.5;
    const base = Array.from({ length: dimensions }, noise);
    const articles = Array.from({ length: 20 }, () => Array.from({ length: dimensions }, noise));
    const kb = new VectorIndex({ ...definition, dimensions, filterFields: ["genre"] });
    const all: DocJson[] = [];
    const put = (id: string, embedding: number[]) => {
      const doc = { _id: id, _creationTime: 0, embedding, genre: "news" };
      all.push(doc);
      kb.update(id, doc);
    };
    articles.forEach((embedding, i) => put(`article${i}`, embedding));
    for (let i = 0; i < 4000; i++)
      put(
        `extra${i}`,
        base.map((x) => x + 0.2 * noise()),
      );
    for (let q = 0; q < 10; q++) {
      const question = articles[q]!.map((x) => 0.35 * x + noise());
      const exact = vectorSearch(all as never, {
        vectorField: "embedding",
        vector: question,
        limit: 10,
        expressions: eq("genre", "news"),
      }).map((r) => r._id);
      expect(exact[0]).toBe(`article${q}`);
      expect(kb.search(question, 10, [["genre", "news"]]).map((hit) => hit._id)).toEqual(exact);
      expect(kb.search(question, 10, null).map((hit) => hit._id)).toEqual(exact);
    }
  }, 60_000);

  test("past 20,000 vectors, tenants' searches and an unfiltered one are the exact scan's", () => {
    // One tenant stored first, then another's articles among 21,000 near-duplicate chunks, then a
    // third tenant: the native scan's filtered search starts on points its filter rejects.
    const dimensions = 32;
    const next = random(5);
    const noise = () => next() + next() + next() - 1.5;
    const bases = Array.from({ length: 30 }, () => Array.from({ length: dimensions }, noise));
    const articles = Array.from({ length: 20 }, () => Array.from({ length: dimensions }, noise));
    const big = new VectorIndex({ ...definition, dimensions, filterFields: ["genre"] });
    const all: DocJson[] = [];
    const put = (id: string, embedding: number[], genre: string) => {
      const doc = { _id: id, _creationTime: 0, embedding, genre };
      all.push(doc);
      big.update(id, doc);
    };
    for (let i = 0; i < 3000; i++)
      put(`other${i}`, Array.from({ length: dimensions }, noise), "drama");
    articles.forEach((embedding, i) => put(`article${i}`, embedding, "news"));
    for (let i = 0; i < 21_000; i++)
      put(
        `extra${i}`,
        bases[i % bases.length]!.map((x) => x + 0.05 * noise()),
        "news",
      );
    for (let i = 0; i < 1000; i++)
      put(`late${i}`, Array.from({ length: dimensions }, noise), "horror");
    expect(big.size).toBeGreaterThan(20_000);
    for (let q = 0; q < 10; q++) {
      const question = articles[q]!.map((x) => 0.35 * x + noise());
      // Each path: few rejected (an unfiltered scan, widened), many (placeholders), few admitted.
      const filters = [
        or(eq("genre", "news"), eq("genre", "drama")),
        eq("genre", "news"),
        eq("genre", "drama"),
        null,
      ];
      for (const filter of filters) {
        const exact = vectorSearch(all as never, {
          vectorField: "embedding",
          vector: question,
          limit: 10,
          expressions: filter,
        });
        const hits = big.search(question, 10, filter ? alternatives(filter) : null);
        expect(hits.map((hit) => hit._id)).toEqual(exact.map((r) => r._id));
        hits.forEach((hit, i) => expect(hit._score).toBeCloseTo(exact[i]!._score, 5));
      }
    }
  }, 60_000);

  test("reuses deleted slots and grows past its first capacity, exact and in the graph", () => {
    for (const grown of [
      new VectorIndex(definition),
      new VectorIndex(definition, { exactScanMax: GRAPH_ABOVE, scoredCandidatesMax: 0 }),
    ]) {
      const vectors = clusteredVectors(3000, 3);
      vectors.forEach((embedding, i) =>
        grown.update(`v${i}`, { _id: `v${i}`, _creationTime: 0, embedding }),
      );
      // The first search past the exact scan's size builds the graph; later writes keep it current.
      expect(grown.search(vectors[0]!, 1, null)[0]!._id).toBe("v0");
      for (let i = 0; i < 1000; i++) grown.update(`v${i}`, null);
      for (let i = 0; i < 1000; i++)
        grown.update(`w${i}`, { _id: `w${i}`, _creationTime: 0, embedding: vectors[i]! });
      expect(grown.size).toBe(3000);
      const hit = grown.search(vectors[5]!, 1, null)[0]!;
      expect(hit._id).toBe("w5");
      expect(hit._score).toBeCloseTo(1, 5);
    }
  }, 30_000);
});
