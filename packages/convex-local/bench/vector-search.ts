// Vector search cost and recall as an index grows from 10,000 to 200,000 sparse vectors (as hashed
// bag-of-words embeddings of help chunks are), k = 10, on two data sets:
// - tenants: a knowledge base that grows by organizations (a few hundred to a few thousand distinct
//   documents each, on their own topics and common words), each question searched in its own
//   organization's namespace;
// - near-duplicates: one tenant's few articles among templated chunks that differ by a few words,
//   all in one namespace, searched by questions close to an article or to nothing.
// For each size: the native exact scan, the index as it serves, its postings of nonzero components
// alone (never scoring a filter's candidates one by one) and,
// on near-duplicates up to --graph-max, the HNSW graph alone; each with CPU per search and
// recall@10 against the exact scan, by id and by score (a hit scoring at least the exact 10th
// counts, so ties among near-duplicates do not).
// Usage: node bench/vector-search.ts [--sizes 10000,50000,100000,200000] [--graph-max 50000]
//   [--data tenants,near-duplicates]
import { cpus, loadavg } from "node:os";
import { parseArgs } from "node:util";
import { type JSONValue } from "convex/values";
import { type VectorHit, VectorIndex } from "../src/storage/vector-index.ts";

const { values } = parseArgs({
  options: {
    sizes: { type: "string", default: "10000,50000,100000,200000" },
    "graph-max": { type: "string", default: "50000" },
    data: { type: "string", default: "tenants,near-duplicates" },
  },
});
const sizes = values.sizes.split(",").map(Number);
const graphMax = Number(values["graph-max"]);

const DIMENSIONS = 1025;
/** Each question is searched this many times, after a first time that is not measured. */
const ROUNDS = 2;
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
/** Common words, the frequent ones far more often (roughly Zipf's law over the first 5,000). */
const commonTokens = (count: number) =>
  Array.from({ length: count }, () => Math.floor(5000 * (next(1_000_000) / 1_000_000) ** 3));

type Question = { vector: number[]; filter: Array<[string, JSONValue]> };
/** A data set: `grow` stores documents until `size`; `questions` are searched at each size. */
type DataSet = {
  name: string;
  grow: (put: (tokens: number[], namespace: string) => void, size: number) => void;
  questions: () => Question[];
};

function tenants(): DataSet {
  const stored: Array<{ tokens: number[]; namespace: string }> = [];
  let organizations = 0;
  return {
    name: "tenants (organizations of 200 to 4,000 distinct documents, each question in its own namespace)",
    grow(put, size) {
      while (stored.length < size) {
        const namespace = `org${organizations++}`;
        const topics = randomTokens(400);
        const count = Math.min(size - stored.length, Math.round(200 * 20 ** (next(1000) / 1000)));
        for (let i = 0; i < count; i++) {
          const length = 30 + next(60);
          const tokens = [
            ...Array.from({ length: length / 2 }, () => topics[next(topics.length)]!),
            ...commonTokens(length / 2),
          ];
          stored.push({ tokens, namespace });
          put(tokens, namespace);
        }
      }
    },
    questions() {
      // Visitors of larger organizations ask more: each question is about a stored document.
      return Array.from({ length: 40 }, () => {
        const { tokens, namespace } = stored[next(stored.length)]!;
        const words = Array.from({ length: 6 }, () => tokens[next(tokens.length)]!);
        return {
          vector: vectorOf([...words, ...commonTokens(2)]),
          filter: [["namespace", namespace]],
        };
      });
    },
  };
}

/**
 * One template of shared wording, 18 topics, 8 verbs, 5 places, and a numbered note (a word and its
 * character n-grams, shared with other numbers'): the near-duplicates differ by a few tokens.
 */
function nearDuplicates(): DataSet {
  const template = randomTokens(14);
  const topics = Array.from({ length: 18 }, () => randomTokens(4));
  const verbs = Array.from({ length: 8 }, () => randomTokens(1));
  const places = Array.from({ length: 5 }, () => randomTokens(2));
  const nGrams = randomTokens(1000);
  const distractor = () => {
    const topic = topics[next(topics.length)]!;
    const number = [
      next(VOCABULARY),
      nGrams[next(1000)]!,
      nGrams[next(1000)]!,
      nGrams[next(1000)]!,
    ];
    return [...template, ...topic, ...topic, ...verbs[next(8)]!, ...places[next(5)]!, ...number];
  };
  const articles = Array.from({ length: 20 }, () => randomTokens(28));
  const questions = [
    ...articles.map((article) => [...article.filter(() => next(5) === 0), ...randomTokens(3)]),
    ...Array.from({ length: 10 }, () => randomTokens(6)),
  ].map((tokens): Question => ({ vector: vectorOf(tokens), filter: [["namespace", "tenant"]] }));
  let count = 0;
  return {
    name: "near-duplicates (one tenant's 20 articles among templated chunks, one namespace)",
    grow(put, size) {
      if (count === 0) {
        for (let i = 0; i < 1000; i++) put(distractor(), "other tenant");
        for (const article of articles) put(article, "tenant");
        count = 1000 + articles.length;
      }
      for (; count < size; count++) put(distractor(), "tenant");
    },
    questions: () => questions,
  };
}

function measure(
  index: VectorIndex,
  questions: Question[],
): { hits: VectorHit[][]; cpuMs: number } {
  const hits = questions.map((q) => index.search(q.vector, 10, q.filter));
  const before = process.cpuUsage();
  for (let round = 0; round < ROUNDS; round++)
    for (const q of questions) index.search(q.vector, 10, q.filter);
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

function run(data: DataSet, withGraph: boolean): void {
  console.info(`${data.name}:`);
  const exact = new VectorIndex(definition, {
    exactScanMax: Infinity,
    scoredCandidatesMax: 0,
    sparsePostings: false,
  });
  const served = new VectorIndex(definition);
  const postings = new VectorIndex(definition, { scoredCandidatesMax: 0 });
  const graph = new VectorIndex(definition, {
    exactScanMax: 0,
    scoredCandidatesMax: 0,
    sparsePostings: false,
  });
  let stored = 0;
  const put = (tokens: number[], namespace: string) => {
    const id = `d${stored++}`;
    const doc = { _id: id, _creationTime: stored, vector: vectorOf(tokens), namespace };
    for (const index of [exact, served, postings]) index.update(id, doc);
    if (withGraph && stored <= graphMax + 1000) graph.update(id, doc);
  };
  for (const size of sizes) {
    data.grow(put, size);
    const questions = data.questions();
    const reference = measure(exact, questions);
    const lines = [`  exact scan (native): ${reference.cpuMs.toFixed(2)} ms CPU per search`];
    for (const [name, index] of [
      ["served index", served],
      ["postings alone", postings],
      ...(withGraph && size <= graphMax ? [["HNSW graph alone", graph] as const] : []),
    ] as const) {
      const { cpuMs, hits } = measure(index, questions);
      lines.push(
        `  ${name}: ${cpuMs.toFixed(2)} ms CPU per search, ${recall(reference.hits, hits)}`,
      );
    }
    console.info(`${size} vectors (load ${loadavg()[0]!.toFixed(2)}):\n${lines.join("\n")}`);
  }
}

console.info(
  `vector search, ${DIMENSIONS} dimensions, k = 10, namespace filter; ${cpus().length} cores, load ${loadavg()
    .map((x) => x.toFixed(2))
    .join(" ")}`,
);
for (const name of values.data.split(",")) {
  if (name === "tenants") run(tenants(), false);
  else if (name === "near-duplicates") run(nearDuplicates(), true);
  else throw new Error(`unknown data set ${name}: tenants or near-duplicates`);
}
