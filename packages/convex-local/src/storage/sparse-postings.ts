/**
 * An exact index of sparse vectors (hashed bag-of-words embeddings set about a tenth of their
 * dimensions): per dimension, the labels of the vectors that are not zero there and their values.
 * A query's scores are summed over its own nonzero dimensions' postings only, so a search reads a
 * few percent of what a scan of every dimension of every vector reads, and scores exactly the same.
 */
export class SparsePostings {
  private readonly labels: Int32Array[];
  private readonly values: Float32Array[];
  private readonly lengths: Int32Array;
  /** Postings of removed vectors, still in the lists until the next compaction. */
  private stale = 0;
  private total = 0;

  constructor(dimensions: number) {
    this.labels = Array.from({ length: dimensions }, () => new Int32Array(0));
    this.values = Array.from({ length: dimensions }, () => new Float32Array(0));
    this.lengths = new Int32Array(dimensions);
  }

  /** Postings held, removed vectors' included: the work a search over every dimension does. */
  get size(): number {
    return this.total;
  }

  add(label: number, vector: Float32Array): void {
    for (let d = 0; d < vector.length; d++) {
      const x = vector[d]!;
      if (x === 0) continue;
      const length = this.lengths[d]!;
      if (length === this.labels[d]!.length) this.grow(d, Math.max(16, length * 2));
      this.labels[d]![length] = label;
      this.values[d]![length] = x;
      this.lengths[d] = length + 1;
      this.total++;
    }
  }

  /**
   * Counts the vector's postings as stale; `isLive` drops them (and every other removed label's)
   * once they are as many as the live ones.
   */
  remove(vector: Float32Array, isLive: (label: number) => boolean): void {
    for (const x of vector) if (x !== 0) this.stale++;
    if (this.stale * 2 > this.total) this.compact(isLive);
  }

  /** How many postings a search for `query` reads. */
  cost(query: Float64Array): number {
    let cost = 0;
    for (let d = 0; d < query.length; d++) if (query[d] !== 0) cost += this.lengths[d]!;
    return cost;
  }

  /**
   * The `count` labels below `labelsIssued` that `admits` lets in with the largest dot products
   * with `query`, best first; `admits` is asked only of a label that would be taken.
   */
  nearest(
    query: Float64Array,
    count: number,
    labelsIssued: number,
    admits: (label: number) => boolean,
  ): number[] {
    const scores = new Float64Array(labelsIssued);
    this.accumulate(query, scores);
    const best: number[] = [];
    for (let label = 0; label < labelsIssued; label++) {
      const score = scores[label]!;
      if (best.length === count && score <= scores[best[count - 1]!]!) continue;
      if (!admits(label)) continue;
      if (best.length === count) best.pop();
      let i = best.length;
      best.push(label);
      for (; i > 0 && scores[best[i - 1]!]! < score; i--) best[i] = best[i - 1]!;
      best[i] = label;
    }
    return best;
  }

  /** Adds each vector's dot product with `query` to `scores[label]` (removed labels' too). */
  private accumulate(query: Float64Array, scores: Float64Array): void {
    for (let d = 0; d < query.length; d++) {
      const q = query[d]!;
      if (q === 0) continue;
      const labels = this.labels[d]!;
      const values = this.values[d]!;
      const length = this.lengths[d]!;
      for (let i = 0; i < length; i++) scores[labels[i]!]! += q * values[i]!;
    }
  }

  private compact(isLive: (label: number) => boolean): void {
    for (let d = 0; d < this.labels.length; d++) {
      const labels = this.labels[d]!;
      const values = this.values[d]!;
      let kept = 0;
      for (let i = 0; i < this.lengths[d]!; i++) {
        if (!isLive(labels[i]!)) continue;
        labels[kept] = labels[i]!;
        values[kept++] = values[i]!;
      }
      this.lengths[d] = kept;
    }
    this.total = this.lengths.reduce((sum, length) => sum + length, 0);
    this.stale = 0;
  }

  private grow(d: number, capacity: number): void {
    const labels = new Int32Array(capacity);
    labels.set(this.labels[d]!);
    this.labels[d] = labels;
    const values = new Float32Array(capacity);
    values.set(this.values[d]!);
    this.values[d] = values;
  }
}
