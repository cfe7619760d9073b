/** Vector arithmetic of the vector index: stored vectors are normalized float32, queries float64. */

export function normalize(values: number[]): Float64Array {
  let sum = 0;
  for (const x of values) sum += x * x;
  const length = Math.sqrt(sum);
  const out = new Float64Array(values.length);
  if (length > 0) for (let i = 0; i < values.length; i++) out[i] = values[i]! / length;
  return out;
}

export function dot(a: Float64Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}

/** The dimensions where the query is not zero, or null when they are most of them (a dense query). */
export function sparseDimensions(query: Float64Array): Int32Array | null {
  const dimensions: number[] = [];
  for (let d = 0; d < query.length; d++) if (query[d] !== 0) dimensions.push(d);
  return dimensions.length * 2 < query.length ? Int32Array.from(dimensions) : null;
}

/** `dot(query, vector)` over the query's nonzero `dimensions` only: the same sum, as the other terms are zero. */
export function sparseDot(
  query: Float64Array,
  dimensions: Int32Array,
  vector: Float32Array,
): number {
  let sum = 0;
  for (let i = 0; i < dimensions.length; i++) {
    const d = dimensions[i]!;
    sum += query[d]! * vector[d]!;
  }
  return sum;
}

export function nonzerosOf(vector: Float32Array): number {
  let count = 0;
  for (const x of vector) if (x !== 0) count++;
  return count;
}

export function sameVector(a: Float32Array, b: Float32Array): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
