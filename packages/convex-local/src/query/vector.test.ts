import { describe, expect, it } from "vitest";
import { convexToJson, type JSONValue, type Value } from "convex/values";
import { vectorSearch, type VectorSearchRequest } from "./vector.ts";

const eq = (field: string, value: Value | undefined): JSONValue => ({
  $eq: [
    { $field: field },
    { $literal: value === undefined ? { $undefined: null } : convexToJson(value) },
  ],
});
const or = (...exprs: JSONValue[]): JSONValue => ({ $or: exprs });

const docs = [
  { _id: "a", embedding: [1, 0, 0], genre: "comedy", year: 2020n },
  { _id: "b", embedding: [0.9, 0.1, 0], genre: "drama", year: 2021n },
  { _id: "c", embedding: [0, 1, 0], genre: "comedy" },
  { _id: "d", embedding: [-1, 0, 0], genre: "drama" },
  { _id: "e", embedding: [0, 0, 0], genre: "comedy" },
  { _id: "f", embedding: [1, 0], genre: "comedy" },
  { _id: "g", embedding: "not a vector", genre: "comedy" },
];
const request = (overrides: Partial<VectorSearchRequest> = {}): VectorSearchRequest => ({
  vectorField: "embedding",
  vector: [2, 0, 0],
  dimensions: 3,
  filterFields: ["genre", "year"],
  ...overrides,
});

describe("vectorSearch", () => {
  it("ranks by cosine similarity and skips unindexable documents", () => {
    const results = vectorSearch(docs, request());
    expect(results.map((r) => r._id)).toEqual(["a", "b", "c", "e", "d"]);
    expect(results[0]!._score).toBeCloseTo(1);
    expect(results[1]!._score).toBeCloseTo(0.9 / Math.hypot(0.9, 0.1));
    expect(results.at(-1)!._score).toBeCloseTo(-1);
    expect(Object.keys(results[0]!)).toEqual(["_id", "_score"]);
  });

  it("defaults to 10 results and honours limit", () => {
    const many = Array.from({ length: 30 }, (_, i) => ({
      _id: String(i),
      embedding: [1, i / 30, 0],
    }));
    expect(vectorSearch(many, request())).toHaveLength(10);
    expect(vectorSearch(many, request({ limit: 2 })).map((r) => r._id)).toEqual(["0", "1"]);
  });

  it("filters with q.eq and q.or on filter fields", () => {
    expect(
      vectorSearch(docs, request({ expressions: eq("genre", "drama") })).map((r) => r._id),
    ).toEqual(["b", "d"]);
    expect(
      vectorSearch(docs, request({ expressions: or(eq("year", 2020n), eq("genre", "drama")) })).map(
        (r) => r._id,
      ),
    ).toEqual(["a", "b", "d"]);
    expect(
      vectorSearch(docs, request({ expressions: eq("year", undefined) })).map((r) => r._id),
    ).toEqual(["c", "e", "d"]);
  });

  it("rejects bad limits, vectors and filters", () => {
    expect(() => vectorSearch(docs, request({ limit: 0 }))).toThrow(/between 1 and 256/);
    // Convex's VectorLimitTooLargeError text.
    expect(() => vectorSearch(docs, request({ limit: 257 }))).toThrow(
      /^Vector queries can fetch at most 256 results, requested 257\.$/,
    );
    expect(() => vectorSearch(docs, request({ vector: [] }))).toThrow(/non-empty/);
    expect(() => vectorSearch(docs, request({ vector: [1, 2] }))).toThrow(
      /does not match the index's dimensions 3/,
    );
    expect(() => vectorSearch(docs, request({ expressions: eq("title", "x") }))).toThrow(
      /not a filter field/,
    );
    expect(() =>
      vectorSearch(
        docs,
        request({ expressions: { $neq: [{ $field: "genre" }, { $literal: "x" }] } }),
      ),
    ).toThrow(/only q.eq/);
  });
});
