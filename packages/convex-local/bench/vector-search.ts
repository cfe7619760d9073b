// Vector search cost and recall as an index grows: 10,000 to 200,000 sparse, near-duplicate vectors
// (as hashed bag-of-words embeddings of templated help chunks are) with one tenant's few articles
// among them and a namespace filter, searched by questions close to an article or to nothing.
// For each size: the native exact scan, the index as it serves (postings of nonzero components
// while vectors are sparse) and the HNSW graph alone (up to --graph-max), each with CPU per search
// and recall@10 against the exact scan, by id and by score (a hit scoring at least the exact 10th
// counts, so ties among near-duplicates do not).
// Usage: node bench/vector-search.ts [--sizes 10000,50000,100000,200000] [--graph-max 50000]
import { cpus, loadavg } from "node:os";
import { parseArgs } from "node:util";
import { type VectorHit, VectorIndex } from "../src/storage/vector-index.ts";

const { values } = parseArgs({
  options: {
    sizes: { type: "string", default: "10000,50000,100000,200000" },
    "graph-max": { type: "string", default: "50000" },
  },
});
const sizes = values.sizes.split(",").map(Number);
const graphMax = Number(values["graph-max"]);

const DIMENSIONS = 1025;
/** Each question is searched this many times, after a first time that is not measured. */
const ROUNDS = 5;
const SLOTS_PER_TOKEN = 4;
const VOCABULARY = 50_000;
const definition = {
  tableNumber: 1,
  name: "by_vector",
  vectorField: "vector",
  dimensions: DIMENSIONS,
  filterFields: ["namespace"],
};

let seed = 42;
function next(n: number): number {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed % n;
}

/** Each token sets a few fixed slots to ±1, as feature hashing does to a word's features. */
const tokenSlots = Array.from({ length: VOCABULARY }, () =>
  Array.from({ length: SLOTS_PER_TOKEN }, () => (next(2) ? 1 : -1) * (1 + next(DIMENSIONS - 1))),
);
function vectorOf(tokens: number[]): number[] {
  const vector = new Array<number>(DIMENSIONS).fill(0);
  for (const token of tokens)
    for (const slot of tokenSlots[token]!)
      vector[Math.abs(slot)] = vector[Math.abs(slot)]! + Math.sign(slot);
  return vector;
}
const randomTokens = (count: number) => Array.from({ length: count }, () => next(VOCABULARY));

/**
 * One template of shared wording, 18 topics, 8 verbs, 5 places, and a numbered note (a word and its
 * character n-grams, shared with other numbers'): the near-duplicates differ by a few tokens.
 */
const template = randomTokens(14);
const topics = Array.from({ length: 18 }, () => randomTokens(4));
const verbs = Array.from({ length: 8 }, () => randomTokens(1));
const places = Array.from({ length: 5 }, () => randomTokens(2));
const nGrams = randomTokens(1000);
const distractor = () => {
  const topic = topics[next(topics.length)]!;
  const number = [next(VOCABULARY), nGrams[next(1000)]!, nGrams[next(1000)]!, nGrams[next(1000)]!];
  return [...template, ...topic, ...topic, ...verbs[next(8)]!, ...places[next(5)]!, ...number];
};
const articles = Array.from({ length: 20 }, () => randomTokens(28));
const questions = [
  ...articles.map((article) => [...article.filter(() => next(5) === 0), ...randomTokens(3)]),
  ...Array.from({ length: 10 }, () => randomTokens(6)),
].map(vectorOf);
const filter: Array<[string, string]> = [["namespace", "tenant"]];

const exact = new VectorIndex(definition, { exactScanMax: Infinity, sparsePostings: false });
const served = new VectorIndex(definition);
const graph = new VectorIndex(definition, {
  exactScanMax: 0,
  scoredCandidatesMax: 0,
  sparsePostings: false,
});
let stored = 0;
function put(tokens: number[], namespace: string): void {
  const id = `d${stored++}`;
  const doc = { _id: id, _creationTime: stored, vector: vectorOf(tokens), namespace };
  for (const index of [exact, served]) index.update(id, doc);
  if (stored <= graphMax + 1000) graph.update(id, doc);
}
for (let i = 0; i < 1000; i++) put(distractor(), "other tenant");
for (const article of articles) put(article, "tenant");

function measure(index: VectorIndex): { hits: VectorHit[][]; cpuMs: number } {
  const hits = questions.map((question) => index.search(question, 10, filter));
  const before = process.cpuUsage();
  for (let round = 0; round < ROUNDS; round++)
    for (const question of questions) index.search(question, 10, filter);
  const { user, system } = process.cpuUsage(before);
  return { hits, cpuMs: (user + system) / 1000 / ROUNDS / questions.length };
}

function recall(wanted: VectorHit[][], got: VectorHit[][]): string {
  let byId = 0;
  let byScore = 0;
  wanted.forEach((want, q) => {
    const ids = new Set(got[q]!.map((hit) => hit._id));
    const cut = want.at(-1)!._score;
    byId += want.filter((hit) => ids.has(hit._id)).length / want.length;
    byScore += got[q]!.filter((hit) => hit._score >= cut - 1e-9).length / want.length;
  });
  return `recall@10 by id ${(byId / wanted.length).toFixed(3)}, by score ${(byScore / wanted.length).toFixed(3)}`;
}

console.info(
  `vector search, ${DIMENSIONS} dimensions, k = 10, namespace filter, ${questions.length} questions; ${cpus().length} cores, load ${loadavg()
    .map((x) => x.toFixed(2))
    .join(" ")}`,
);
for (const size of sizes) {
  while (stored < size) put(distractor(), "tenant");
  const reference = measure(exact);
  const lines = [`  exact scan (native): ${reference.cpuMs.toFixed(2)} ms CPU per search`];
  const index = measure(served);
  lines.push(
    `  served index: ${index.cpuMs.toFixed(2)} ms CPU per search, ${recall(reference.hits, index.hits)}`,
  );
  if (size <= graphMax) {
    const walk = measure(graph);
    lines.push(
      `  HNSW graph alone: ${walk.cpuMs.toFixed(2)} ms CPU per search, ${recall(reference.hits, walk.hits)}`,
    );
  }
  console.info(`${size} vectors (load ${loadavg()[0]!.toFixed(2)}):\n${lines.join("\n")}`);
}
