import { convexToJson, jsonToConvex, type JSONValue, type Value } from "convex/values";
import hnswlib from "hnswlib-node";
import { type DocJson, fieldValue } from "./index-keys.ts";
import { SparsePostings } from "./sparse-postings.ts";
import {
  dot,
  nonzerosOf,
  normalize,
  sameVector,
  sparseDimensions,
  sparseDot,
} from "./vector-math.ts";

const { BruteforceSearch, HierarchicalNSW } = hnswlib;

export type VectorIndexDefinition = {
  tableNumber: number;
  name: string;
  vectorField: string;
  dimensions: number;
  filterFields: readonly string[];
};

export type VectorHit = { _id: string; _score: number };

/** HNSW graph parameters: links per node, and candidate list sizes while building and searching. */
const M = 16;
const EF_CONSTRUCTION = 64;
const EF_SEARCH = 200;
/**
 * Up to this many stored vectors, every search scores all its candidates exactly with hnswlib's
 * native scan (about 20 ms for 100,000 vectors of 1,025 dimensions on a loaded machine). The graph
 * cannot stand in for it below that: among many near-duplicate chunks it misses questions unlike
 * every document, the organization's own best passage included (on the answers bench's 10,000
 * distractors, the exact best hit in 9 questions of 24 and recall@10 0.37; `pnpm bench:answers`,
 * part `recall`).
 */
export const EXACT_SCAN_MAX = 100_000;
/**
 * Past `EXACT_SCAN_MAX`, a filter admitting up to this many documents still has them all scored,
 * one by one in JavaScript (about 1.3 µs each, six times the native scan's cost per vector); as
 * many more as a sparse query's scoring is cheaper.
 */
export const SCORED_CANDIDATES_MAX = 20_000;
/** Extra exact candidates taken from the native scan, re-scored in double precision, so ties at the cut stay exact. */
const RESCORE_SLACK = 16;
const INITIAL_CAPACITY = 1024;
/** Up to this many rejected documents, a filtered exact scan asks the native scan for that many more, unfiltered. */
const UNFILTERED_SCAN_SLACK_MAX = 2048;
/** Native scan cost per stored vector against JavaScript scoring per candidate, about 1 to 6. */
const NATIVE_SPEEDUP = 6;
/**
 * Postings are kept while the stored vectors' nonzero components are at most this share of all:
 * past it they cost more memory than they save scans.
 */
const SPARSE_DENSITY_MAX = 0.25;
/** A posting read costs about two multiply-adds of JavaScript scoring; each label, one to select. */
const POSTING_COST = 2;
/**
 * Finding a candidate's stored vector costs about this many multiply-adds besides its scoring, and
 * each component a sparse query reads in it about two (a cache miss in a 4 KB vector): measured
 * against postings on near-duplicates in one namespace and on many tenants (bench/vector-search.ts).
 */
const CANDIDATE_COST = 64;
const SPARSE_READ_COST = 2;

export type VectorIndexOptions = {
  exactScanMax?: number;
  scoredCandidatesMax?: number;
  /** False: never keep postings, so searches take the native scan or the graph (to compare them). */
  sparsePostings?: boolean;
};

type Entry = { id: string; label: number; vector: Float32Array; keys: string[] };
export type SavedEntry = Entry;

/**
 * One vector index: the documents' vectors in hnswlib's exact (brute-force) store, an HNSW graph
 * (cosine) over them once the index outgrows the exact scan, postings of each filter field's
 * values, so a filter's candidates are known without reading documents, and, while the vectors
 * are sparse, postings of their nonzero components: each search takes the cheapest exact way.
 */
export class VectorIndex {
  readonly definition: VectorIndexDefinition;
  private readonly exactScanMax: number;
  private readonly scoredCandidatesMax: number;
  private readonly sparsePostingsAllowed: boolean;
  private flat: InstanceType<typeof BruteforceSearch>;
  /** Built the first time a search admits more than `exactScanMax` candidates, then kept current. */
  private graph: InstanceType<typeof HierarchicalNSW> | null = null;
  private readonly byId = new Map<string, Entry>();
  private readonly byLabel = new Map<number, Entry>();
  /** Per filter field (in `filterFields` order): value key → labels of documents with that value. */
  private readonly postings: Array<Map<string, Set<number>>>;
  private nextLabel = 0;
  /** Slots of deleted points the graph reuses before it grows. */
  private deleted = 0;
  /** Built the first time a search finds the stored vectors sparse, then kept current while they stay so. */
  private sparse: SparsePostings | null = null;
  /** Nonzero components of the stored vectors. */
  private nonzeros = 0;

  constructor(definition: VectorIndexDefinition, options: VectorIndexOptions = {}) {
    this.definition = definition;
    this.exactScanMax = options.exactScanMax ?? EXACT_SCAN_MAX;
    this.scoredCandidatesMax = options.scoredCandidatesMax ?? SCORED_CANDIDATES_MAX;
    this.sparsePostingsAllowed = options.sparsePostings ?? true;
    this.flat = new BruteforceSearch("cosine", definition.dimensions);
    this.flat.initIndex(INITIAL_CAPACITY);
    this.postings = definition.filterFields.map(() => new Map());
  }

  get size(): number {
    return this.byId.size;
  }

  /** Each document's id, label, filter keys and normalized vector, to save the index. */
  *entries(): IterableIterator<SavedEntry> {
    for (const { id, label, keys, vector } of this.byId.values()) yield { id, label, keys, vector };
  }

  /** Whether postings of the vectors' nonzero components are kept: a search builds them while the vectors are sparse. */
  get keepsPostings(): boolean {
    return this.sparse !== null;
  }

  /** The next label a document gets; saved so labels stay unique after a restart. */
  get labelsIssued(): number {
    return this.nextLabel;
  }

  /** Writes hnswlib's exact store (vectors by label) to `file`, in its own format. */
  writeExactStore(file: string): void {
    this.flat.writeIndexSync(file);
  }

  /**
   * The index as saved: `entries` and `labelsIssued` from `entries()`, and the exact store read
   * back from the file `writeExactStore` wrote (checked by the caller), so no vector is re-added.
   */
  static restored(
    definition: VectorIndexDefinition,
    saved: { entries: SavedEntry[]; labelsIssued: number },
    exactStoreFile: string,
  ): VectorIndex {
    const index = new VectorIndex(definition);
    index.flat = new BruteforceSearch("cosine", definition.dimensions);
    index.flat.readIndexSync(exactStoreFile);
    if (index.flat.getCurrentCount() !== saved.entries.length)
      throw new Error(`saved vector index ${definition.name} does not match its exact store`);
    for (const entry of saved.entries) {
      if (
        entry.vector.length !== definition.dimensions ||
        entry.keys.length !== index.postings.length
      )
        throw new Error(`saved vector index entry ${entry.id} does not fit ${definition.name}`);
      const restored = { ...entry };
      index.byId.set(entry.id, restored);
      index.byLabel.set(entry.label, restored);
      index.post(restored);
      index.nonzeros += nonzerosOf(restored.vector);
    }
    index.nextLabel = saved.labelsIssued;
    return index;
  }

  /** Makes the index hold `after` for this document (null: the document is gone). */
  update(id: string, after: DocJson | null): void {
    const current = this.byId.get(id);
    const next = after ? this.indexable(after) : null;
    if (current && next && sameVector(current.vector, next.vector)) {
      if (current.keys.some((key, i) => key !== next.keys[i])) {
        this.unpost(current);
        current.keys = next.keys;
        this.post(current);
      }
      return;
    }
    if (current) this.remove(current);
    if (next) this.add(id, next.values, next.vector, next.keys);
  }

  /**
   * The `limit` documents nearest the query (cosine similarity, best first) among those whose
   * filter fields equal one of `alternatives` (`[field, literal JSON]`), or among all when null.
   */
  search(
    query: number[],
    limit: number,
    alternatives: Array<[string, JSONValue]> | null,
  ): VectorHit[] {
    const normalized = normalize(query);
    // A sparse query (a hashed bag-of-words embedding's) is scored over its own nonzero dimensions.
    const nonzero = sparseDimensions(normalized);
    const score = nonzero
      ? (vector: Float32Array) => sparseDot(normalized, nonzero, vector)
      : (vector: Float32Array) => dot(normalized, vector);
    const candidates = alternatives ? this.admitted(alternatives) : null;
    const admitted = candidates?.size ?? this.byId.size;
    if (admitted === 0 || limit <= 0) return [];
    // A filter that admits every document (one organization's knowledge base) is no filter.
    const filter =
      candidates && admitted < this.byId.size
        ? (label: number) => candidates.has(label)
        : undefined;
    const stored = this.byId.size;
    const dimensions = this.definition.dimensions;
    const scanCost = (stored * dimensions) / NATIVE_SPEEDUP;
    // Scoring only the filter's candidates, one by one in JavaScript: a sparse query reads a few
    // components of each, so many more candidates cost what `scoredCandidatesMax` dense ones do.
    const perCandidate =
      (nonzero ? nonzero.length * SPARSE_READ_COST : dimensions) + CANDIDATE_COST;
    const fewCandidates =
      filter !== undefined &&
      admitted * perCandidate <= this.scoredCandidatesMax * (dimensions + CANDIDATE_COST);
    const candidatesCost = fewCandidates ? admitted * perCandidate : Infinity;
    const sparse = this.sparsePostings();
    if (sparse) {
      const cost = sparse.cost(normalized) * POSTING_COST + this.nextLabel;
      if (cost < Math.min(candidatesCost, scanCost)) {
        const labels = sparse.nearest(
          normalized,
          Math.min(limit + RESCORE_SLACK, admitted),
          this.nextLabel,
          (label) => this.byLabel.has(label) && (!filter || filter(label)),
        );
        return this.scored(score, labels, limit);
      }
    }
    if (fewCandidates && (candidatesCost <= scanCost || stored > this.exactScanMax))
      return this.scored(score, candidates!, limit);
    if (stored <= this.exactScanMax) {
      const k = Math.min(limit + RESCORE_SLACK, admitted);
      const labels = filter
        ? this.nativeFiltered(query, k, filter, admitted)
        : this.flat.searchKnn(query, k).neighbors;
      return this.scored(score, labels, limit);
    }
    const graph = this.builtGraph();
    const k = Math.min(limit, admitted);
    // A filter that admits a fraction of the graph needs a proportionally wider search to find k.
    const widen = stored / admitted;
    graph.setEf(Math.min(stored, Math.ceil(Math.max(EF_SEARCH, limit) * widen)));
    return this.scored(score, graph.searchKnn(query, k, filter).neighbors, limit);
  }

  /**
   * The `k` admitted labels nearest the query, by hnswlib's native scan of every stored vector.
   * Its filtered scan fills its heap from the first `wide` stored points, rejected ones included,
   * then skips any point farther than that heap's worst, so it can return fewer than k. Here those
   * first points are all let in: the heap is full, its cut honest, and with at most `wide - k` of
   * them rejected, the k nearest admitted points are among the `wide` it returns.
   */
  private nativeFiltered(
    query: number[],
    k: number,
    admits: (label: number) => boolean,
    admitted: number,
  ): number[] {
    const stored = this.flat.getCurrentCount();
    // Few rejected documents: an unfiltered scan for k more than they are holds the k nearest
    // admitted ones, and calls no filter.
    const rejectedDocuments = stored - admitted;
    if (rejectedDocuments <= UNFILTERED_SCAN_SLACK_MAX)
      return this.flat
        .searchKnn(query, Math.min(stored, k + rejectedDocuments))
        .neighbors.filter(admits);
    let wide = Math.min(stored, Math.ceil((1.5 * k * stored) / admitted) + RESCORE_SLACK);
    for (;;) {
      let seen = 0;
      let rejected = 0;
      const { neighbors } = this.flat.searchKnn(query, wide, (label) => {
        const ok = admits(label);
        if (seen++ >= wide) return ok;
        if (!ok) rejected++;
        return true;
      });
      if (wide - rejected >= k || wide === stored) return neighbors.filter(admits);
      wide = Math.min(stored, wide * 2 + rejected);
    }
  }

  /** Labels of the documents one of the alternatives admits (a posting list itself when there is one). */
  private admitted(alternatives: Array<[string, JSONValue]>): ReadonlySet<number> {
    const lists = alternatives.map(
      ([field, literal]) =>
        this.postings[this.definition.filterFields.indexOf(field)]?.get(literalKey(literal)) ??
        new Set<number>(),
    );
    if (lists.length === 1) return lists[0]!;
    const union = new Set<number>();
    for (const labels of lists) for (const label of labels) union.add(label);
    return union;
  }

  private scored(
    score: (vector: Float32Array) => number,
    labels: Iterable<number>,
    limit: number,
  ): VectorHit[] {
    const hits: VectorHit[] = [];
    for (const label of labels) {
      const entry = this.byLabel.get(label);
      if (entry) hits.push({ _id: entry.id, _score: score(entry.vector) });
    }
    hits.sort((a, b) => b._score - a._score);
    return hits.slice(0, limit);
  }

  /** The document's normalized vector and filter keys, or null when it has no vector of the index's size. */
  private indexable(
    doc: DocJson,
  ): { values: number[]; vector: Float32Array; keys: string[] } | null {
    const value = fieldValue(doc, this.definition.vectorField);
    if (!Array.isArray(value) || value.length !== this.definition.dimensions) return null;
    if (!value.every((x) => typeof x === "number" && Number.isFinite(x))) return null;
    const values = value as number[];
    const vector = Float32Array.from(normalize(values));
    const keys = this.definition.filterFields.map((field) => valueKey(fieldValue(doc, field)));
    return { values, vector, keys };
  }

  private add(id: string, values: number[], vector: Float32Array, keys: string[]): void {
    const label = this.nextLabel++;
    if (this.flat.getCurrentCount() >= this.flat.getMaxElements()) this.growFlat();
    this.flat.addPoint(values, label);
    if (this.graph) this.addToGraph(this.graph, values, label);
    const entry = { id, label, vector, keys };
    this.byId.set(id, entry);
    this.byLabel.set(label, entry);
    this.post(entry);
    this.nonzeros += nonzerosOf(vector);
    if (this.sparse && this.isSparse()) this.sparse.add(label, vector);
    else this.sparse = null;
  }

  private remove(entry: Entry): void {
    this.flat.removePoint(entry.label);
    if (this.graph) {
      this.graph.markDelete(entry.label);
      this.deleted++;
    }
    this.byId.delete(entry.id);
    this.byLabel.delete(entry.label);
    this.unpost(entry);
    this.nonzeros -= nonzerosOf(entry.vector);
    this.sparse?.remove(entry.vector, (label) => this.byLabel.has(label));
  }

  private isSparse(): boolean {
    const { dimensions } = this.definition;
    return (
      this.sparsePostingsAllowed &&
      this.nonzeros <= SPARSE_DENSITY_MAX * dimensions * this.byId.size
    );
  }

  private sparsePostings(): SparsePostings | null {
    if (this.sparse || !this.isSparse()) return this.sparse;
    const sparse = new SparsePostings(this.definition.dimensions);
    for (const entry of this.byLabel.values()) sparse.add(entry.label, entry.vector);
    this.sparse = sparse;
    return sparse;
  }

  /** hnswlib's exact store cannot be resized: a twice larger one takes every vector over. */
  private growFlat(): void {
    const flat = new BruteforceSearch("cosine", this.definition.dimensions);
    flat.initIndex(this.flat.getMaxElements() * 2);
    for (const entry of this.byLabel.values()) flat.addPoint(Array.from(entry.vector), entry.label);
    this.flat = flat;
  }

  private builtGraph(): InstanceType<typeof HierarchicalNSW> {
    if (this.graph) return this.graph;
    const graph = new HierarchicalNSW("cosine", this.definition.dimensions);
    graph.initIndex({
      maxElements: Math.max(INITIAL_CAPACITY, this.byLabel.size * 2),
      m: M,
      efConstruction: EF_CONSTRUCTION,
      randomSeed: 100,
      allowReplaceDeleted: true,
    });
    for (const entry of this.byLabel.values())
      this.addToGraph(graph, Array.from(entry.vector), entry.label);
    this.graph = graph;
    return graph;
  }

  /** Adds a point, into a deleted point's slot when there is one. */
  private addToGraph(
    graph: InstanceType<typeof HierarchicalNSW>,
    values: number[],
    label: number,
  ): void {
    const reuse = this.deleted > 0;
    if (!reuse && graph.getCurrentCount() >= graph.getMaxElements())
      graph.resizeIndex(graph.getMaxElements() * 2);
    graph.addPoint(values, label, reuse);
    if (reuse) this.deleted--;
  }

  private post(entry: Entry): void {
    entry.keys.forEach((key, i) => {
      const field = this.postings[i]!;
      let labels = field.get(key);
      if (!labels) field.set(key, (labels = new Set()));
      labels.add(entry.label);
    });
  }

  private unpost(entry: Entry): void {
    entry.keys.forEach((key, i) => {
      const field = this.postings[i]!;
      const labels = field.get(key);
      labels?.delete(entry.label);
      if (labels?.size === 0) field.delete(key);
    });
  }
}

/** A filter field's value as a postings key; a missing field is its own value, as `q.eq(f, undefined)` sees it. */
function valueKey(value: Value | undefined): string {
  return value === undefined ? "u" : `v${JSON.stringify(convexToJson(value))}`;
}

function literalKey(literal: JSONValue): string {
  if (typeof literal === "object" && literal !== null && "$undefined" in literal) return "u";
  return valueKey(jsonToConvex(literal));
}
