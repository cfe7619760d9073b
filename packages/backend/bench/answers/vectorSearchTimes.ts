import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { DatabaseSync } from "node:sqlite";

import { convexToJson, jsonToConvex, type JSONValue, type Value } from "convex/values";

import { type VectorHit, VectorIndex } from "../../../convex-local/src/storage/vector-index.ts";
import {
  decodeSnapshot,
  encodeSnapshot,
  sha256,
} from "../../../convex-local/src/storage/vector-snapshot.ts";
import { hashedEmbedding } from "../../convex/lib/ai/hashedEmbedding";
import { percentile } from "./percentile";

type Doc = { _id: string; _creationTime: number } & Record<string, JSONValue>;

/**
 * Search time per question over the knowledge base's stored chunk vectors, read from the bench
 * deployment's SQLite file: convex-local's index as it serves them (postings of the nonzero
 * components of these sparse vectors), its native exact scan and its HNSW graph, with the
 * organization's namespace filter, k = 10.
 * The queries are the visitors' questions embedded as the retrieval mode embeds them, so the
 * graph's recall is the one a visitor gets, not that of queries copied from stored points.
 */
export function vectorSearchTimes(databaseFile: string, questions: string[]): string[] {
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
    const exact = new VectorIndex(definition, { exactScanMax: Infinity, sparsePostings: false });
    for (const doc of docs) exact.update(doc._id, doc);
    const exactBuildMs = performance.now() - started;
    // What a restart after a clean shutdown does instead: the saved files, read back.
    const exactStore = join(mkdtempSync(join(tmpdir(), "echo-bench-vectors-")), "exact");
    exact.writeExactStore(exactStore);
    const saved = encodeSnapshot({
      definition,
      lastWrite: null,
      labelsIssued: exact.labelsIssued,
      exactStoreSha256: "",
      entries: [...exact.entries()],
    });
    started = performance.now();
    sha256(readFileSync(exactStore));
    VectorIndex.restored(definition, decodeSnapshot(saved)!, exactStore);
    const restoreMs = performance.now() - started;
    const savedBytes = saved.length + statSync(exactStore).size;
    rmSync(dirname(exactStore), { recursive: true, force: true });
    const graph = new VectorIndex(definition, {
      exactScanMax: 0,
      scoredCandidatesMax: 0,
      sparsePostings: false,
    });
    const served = new VectorIndex(definition);
    for (const doc of docs) {
      graph.update(doc._id, doc);
      served.update(doc._id, doc);
    }
    const namespace = convexToJson(jsonToConvex(docs[0]!.namespaceId!) as Value);
    const filter: Array<[string, JSONValue]> = [["namespaceId", namespace]];
    started = performance.now();
    graph.search(new Array<number>(dimensions).fill(1), 1, filter);
    const graphBuildMs = performance.now() - started;
    started = performance.now();
    served.search(new Array<number>(dimensions).fill(1), 1, filter);
    const postingsBuildMs = performance.now() - started;
    const exactMs: number[] = [];
    const graphMs: number[] = [];
    const servedMs: number[] = [];
    let found = 0;
    let servedFound = 0;
    for (const question of questions) {
      // The rag component appends an importance slot (0 in a query) to each embedding.
      const vector = [...hashedEmbedding(question, dimensions - 1), 0];
      started = performance.now();
      const wanted = exact.search(vector, 10, filter);
      exactMs.push(performance.now() - started);
      started = performance.now();
      const hits = graph.search(vector, 10, filter);
      graphMs.push(performance.now() - started);
      started = performance.now();
      const servedHits = served.search(vector, 10, filter);
      servedMs.push(performance.now() - started);
      found += recallByScore(wanted, hits);
      servedFound += recallByScore(wanted, servedHits);
    }
    const ms = (list: number[]) =>
      `p50 ${percentile(list, 50).toFixed(1)} ms, p95 ${percentile(list, 95).toFixed(1)} ms`;
    return [
      `vector search over ${docs.length} stored chunks (${dimensions} dimensions), k = 10, namespace filter, ${questions.length} visitor questions:`,
      `  served index (${served.keepsPostings ? "postings of nonzero components" : "exact scan"}): ${ms(servedMs)}; postings built in ${(postingsBuildMs / 1000).toFixed(1)} s; recall@10 by score against the exact scan ${(servedFound / questions.length).toFixed(3)}`,
      `  exact scan (hnswlib native): ${ms(exactMs)}; built from the documents in ${(exactBuildMs / 1000).toFixed(1)} s, from its saved files (${(savedBytes / 1e6).toFixed(0)} MB) in ${(restoreMs / 1000).toFixed(1)} s`,
      `  HNSW graph (served past 100,000 stored vectors that are not sparse): ${ms(graphMs)}; built in ${(graphBuildMs / 1000).toFixed(1)} s; recall@10 by score against the exact scan ${(found / questions.length).toFixed(3)}`,
    ];
  } finally {
    db.close();
  }
}

/** How much of the exact top k the hits hold; ties (near-duplicate chunks score alike) count when the score matches. */
function recallByScore(wanted: VectorHit[], hits: VectorHit[]): number {
  const cut = wanted.at(-1)?._score ?? 0;
  const ids = new Set(wanted.map((h) => h._id));
  return (
    hits.filter((h) => ids.has(h._id) || h._score >= cut - 1e-9).length / Math.max(1, wanted.length)
  );
}
