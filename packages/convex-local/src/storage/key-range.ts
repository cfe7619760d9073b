/** Half-open byte range [lo, hi) over encoded index keys; hi null means unbounded. */
export type KeyRange = { lo: Uint8Array; hi: Uint8Array | null };

export function compareBytes(a: Uint8Array, b: Uint8Array): number {
  return Buffer.compare(a, b);
}

/** The smallest key strictly greater than `key`. */
export function keySuccessor(key: Uint8Array): Uint8Array {
  const out = new Uint8Array(key.length + 1);
  out.set(key);
  return out;
}

export function rangeContains(range: KeyRange, key: Uint8Array): boolean {
  return compareBytes(key, range.lo) >= 0 && (range.hi === null || compareBytes(key, range.hi) < 0);
}
