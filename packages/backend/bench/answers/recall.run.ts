// @vitest-environment node
/**
 * Vector search recall on near-duplicates: Nimbus Notes' own chunks among generated distractor
 * chunks (embedded as retrieval mode embeds them), each visitor question searched with
 * convex-local's index as it serves that size and with its HNSW graph alone, against an exact
 * scan. Prints figures; asserts nothing about time. `BENCH_RECALL_SIZES` (default 10000,25000)
 * sets the distractor counts.
 */
import { test } from "vitest";

import { type VectorHit, VectorIndex } from "../../../convex-local/src/storage/vector-index.ts";
import { hashedEmbedding, HASHED_EMBEDDING_DIMENSION } from "../../convex/lib/ai/hashedEmbedding";
import { models } from "../../convex/lib/ai/models";
import { chunkBlocks } from "../../convex/lib/knowledge/chunkBlocks";
import { extractBlocks } from "../../convex/lib/knowledge/extractText";
import { markdownBlocks } from "../../convex/lib/knowledge/markdownBlocks";
import { CASES } from "./cases";
import { distractorMarkdown } from "./distractors";
import { ORGANIZATIONS } from "./knowledge";
import { percentile } from "./percentile";

const ORG = "org_nimbus";
const SIZES = (process.env.BENCH_RECALL_SIZES ?? "10000,25000").split(",").map(Number);
const OWN = "own:";
/** The rag component appends an importance slot (0 in a query, 0 at full importance) to each embedding. */
const embed = (text: string) => [...hashedEmbedding(text), 0];
const definition = {
  tableNumber: 1,
  name: "vector",
  vectorField: "vector",
  dimensions: HASHED_EMBEDDING_DIMENSION + 1,
  filterFields: ["namespaceId"],
};
/** The score the knowledge search accepts a passage from in retrieval mode: hits below it are dropped. */
const RELEVANCE_THRESHOLD = models({}).relevanceThreshold;
/** Another tenant's chunks share the table, so the organization's namespace filter admits a part. */
const OTHER_TENANT_CHUNKS = 500;

/** Chunks as indexDocument embeds them: "file › section" in front of the text. */
async function ownChunks(): Promise<number[][]> {
  const organization = ORGANIZATIONS.find((o) => o.id === ORG)!;
  const vectors: number[][] = [];
  for (const file of organization.files) {
    const chunks = chunkBlocks(file.name, await extractBlocks(file.name, await file.body()));
    for (const chunk of chunks) vectors.push(embed(`${chunk.section}\n${chunk.text}`));
  }
  return vectors;
}

function distractorChunks(count: number): number[][] {
  return chunkBlocks("extra.md", markdownBlocks(distractorMarkdown(count))).map((chunk) =>
    embed(`${chunk.section}\n${chunk.text}`),
  );
}

type Tally = {
  byId: number;
  byScore: number;
  relevantWanted: number;
  relevantFound: number;
  ownWanted: number;
  ownFound: number;
  best: number;
};

/**
 * How much of the exact top 10 the hits hold: by id, by score (ties at the cut count), the hits
 * scoring at least the relevance threshold (those the answer path keeps), own chunks, the best one.
 */
function tally(total: Tally, wanted: VectorHit[], hits: VectorHit[]): void {
  const ids = new Set(hits.map((hit) => hit._id));
  const cut = wanted.at(-1)!._score;
  total.byId += wanted.filter((w) => ids.has(w._id)).length / wanted.length;
  total.byScore += hits.filter((h) => h._score >= cut - 1e-9).length / wanted.length;
  const relevant = wanted.filter((w) => w._score >= RELEVANCE_THRESHOLD);
  total.relevantWanted += relevant.length;
  total.relevantFound += relevant.filter((w) => ids.has(w._id)).length;
  const own = wanted.filter((w) => w._id.startsWith(OWN));
  total.ownWanted += own.length;
  total.ownFound += own.filter((w) => ids.has(w._id)).length;
  if (ids.has(wanted[0]!._id)) total.best++;
}

test("vector search recall on near-duplicate chunks", async () => {
  const own = await ownChunks();
  const questions = CASES.filter((c) => c.org === ORG && c.category === "answerable").map((c) =>
    embed(c.question),
  );
  const filter: Array<[string, string]> = [["namespaceId", ORG]];
  console.info(
    `== vector search recall: ${own.length} of Nimbus Notes' chunks among distractors, ${questions.length} questions, k = 10, namespace filter ==`,
  );
  for (const size of SIZES) {
    const served = new VectorIndex(definition);
    const graph = new VectorIndex(definition, {
      exactScanMax: 0,
      scoredCandidatesMax: 0,
      sparsePostings: false,
    });
    // Every candidate scored one by one in JavaScript: exact, and no path of the index under test.
    const reference = new VectorIndex(definition, {
      exactScanMax: 0,
      scoredCandidatesMax: Infinity,
      sparsePostings: false,
    });
    const put = (id: string, vector: number[], namespaceId: string) => {
      const doc = { _id: id, _creationTime: 0, vector, namespaceId };
      for (const index of [served, graph, reference]) index.update(id, doc);
    };
    distractorChunks(OTHER_TENANT_CHUNKS).forEach((v, i) => put(`tenant:${i}`, v, "org_other"));
    own.forEach((v, i) => put(`${OWN}${i}`, v, ORG));
    distractorChunks(size).forEach((v, i) => put(`extra:${i}`, v, ORG));
    graph.search(questions[0]!, 1, filter);
    served.search(questions[0]!, 1, filter);
    for (const [name, index] of [
      [
        `served index (${served.keepsPostings ? "postings of nonzero components" : "exact scan"})`,
        served,
      ],
      ["HNSW graph alone", graph],
    ] as const) {
      const total: Tally = {
        byId: 0,
        byScore: 0,
        relevantWanted: 0,
        relevantFound: 0,
        ownWanted: 0,
        ownFound: 0,
        best: 0,
      };
      const ms: number[] = [];
      for (const question of questions) {
        const wanted = reference.search(question, 10, filter);
        const started = performance.now();
        const hits = index.search(question, 10, filter);
        ms.push(performance.now() - started);
        tally(total, wanted, hits);
      }
      const n = questions.length;
      console.info(
        `${own.length + size} chunks of the organization (${served.size} stored), ${name}: recall@10 by id ${(total.byId / n).toFixed(3)}, by score ${(total.byScore / n).toFixed(3)}; exact hits scoring ≥ ${RELEVANCE_THRESHOLD} found ${total.relevantFound}/${total.relevantWanted}; own chunks of the exact top 10 found ${total.ownFound}/${total.ownWanted}, exact best hit found ${total.best}/${n}; p50 ${percentile(ms, 50).toFixed(1)} ms, p95 ${percentile(ms, 95).toFixed(1)} ms`,
      );
    }
  }
}, 1_800_000);
