import { DatabaseSync } from "node:sqlite";

import { convexToJson, jsonToConvex, type JSONValue, type Value } from "convex/values";

import { vectorSearch } from "../../../convex-local/src/query/vector.ts";
import { VectorIndex } from "../../../convex-local/src/storage/vector-index.ts";
import { percentile } from "./percentile";

type Doc = { _id: string; _creationTime: number } & Record<string, JSONValue>;
const QUERIES = 20;

/**
 * Search time per query over the knowledge base's stored chunk vectors, read from the bench
 * deployment's SQLite file: the exact scan convex-local ran before (every document parsed and
 * scored) against its vector index, with the organization's namespace filter, k = 10.
 */
export function vectorSearchTimes(databaseFile: string): string[] {
  const db = new DatabaseSync(databaseFile, { readOnly: true });
  try {
    const table = db
      .prepare("SELECT number FROM tables WHERE name LIKE 'vectors_%' ORDER BY number")
      .all()
      .map((row) => Number(row.number))
      .find((number) => db.prepare("SELECT 1 FROM documents WHERE table_number = ?").get(number));
    if (table === undefined) return ["vector search: no stored vectors"];
    const rows = db.prepare("SELECT id, json FROM documents WHERE table_number = ?").all(table);
    const docs = rows.map((row) => JSON.parse(String(row.json)) as Doc);
    const dimensions = (docs[0]!.vector as number[]).length;
    const filterFields = Object.keys(docs[0]!).filter((k) => k !== "vector" && !k.startsWith("_"));
    const definition = {
      tableNumber: table,
      name: "vector",
      vectorField: "vector",
      dimensions,
      filterFields,
    };
    let started = performance.now();
    const index = new VectorIndex(definition);
    for (const doc of docs) index.update(doc._id, doc);
    const buildMs = performance.now() - started;
    const exactMs: number[] = [];
    const indexMs: number[] = [];
    let found = 0;
    for (let q = 0; q < QUERIES; q++) {
      const probe = docs[Math.floor((q * docs.length) / QUERIES)]!;
      const vector = probe.vector as number[];
      const namespace = convexToJson(jsonToConvex(probe.namespaceId!) as Value);
      const filter = { $eq: [{ $field: "namespaceId" }, { $literal: namespace }] };
      started = performance.now();
      const parsed = rows.map(
        (row) =>
          jsonToConvex(JSON.parse(String(row.json)) as JSONValue) as Record<string, Value> & {
            _id: string;
          },
      );
      const exact = vectorSearch(parsed, {
        vectorField: "vector",
        vector,
        limit: 10,
        expressions: filter,
        dimensions,
        filterFields,
      });
      exactMs.push(performance.now() - started);
      started = performance.now();
      const hits = index.search(vector, 10, [["namespaceId", namespace]]);
      indexMs.push(performance.now() - started);
      const ids = new Set(hits.map((h) => h._id));
      found += exact.filter((r) => ids.has(r._id)).length / Math.max(1, exact.length);
    }
    return [
      `vector search over ${docs.length} stored chunks (${dimensions} dimensions), k = 10, namespace filter, ${QUERIES} queries:`,
      `  exact scan (every document parsed and scored): p50 ${percentile(exactMs, 50).toFixed(1)} ms, p95 ${percentile(exactMs, 95).toFixed(1)} ms`,
      `  vector index (HNSW): p50 ${percentile(indexMs, 50).toFixed(2)} ms, p95 ${percentile(indexMs, 95).toFixed(2)} ms; built in ${(buildMs / 1000).toFixed(1)} s; recall@10 ${(found / QUERIES).toFixed(3)}`,
    ];
  } finally {
    db.close();
  }
}
