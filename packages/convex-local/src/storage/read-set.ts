import { OVER_LIMIT_HELP } from "../values/limits.ts";
import { type KeyRange, rangeContains } from "./key-range.ts";

const rangeKey = (indexId: number, range: KeyRange) =>
  `${indexId}:${Buffer.from(range.lo).toString("latin1")}:${range.hi === null ? "" : Buffer.from(range.hi).toString("latin1")}`;

/** Index ranges a transaction or query read, keyed by index id. */
export class ReadSet {
  readonly ranges = new Map<number, KeyRange[]>();
  /** The most distinct ranges one function may read (Convex's `TooManyReads`), if limited. */
  private readonly limit: number | null;
  private readonly distinct: Set<string> | null;

  constructor(limit: number | null = null) {
    this.limit = limit;
    this.distinct = limit === null ? null : new Set();
  }

  add(indexId: number, range: KeyRange): void {
    if (this.distinct) {
      this.distinct.add(rangeKey(indexId, range));
      if (this.distinct.size > this.limit!)
        throw new Error(
          `Too many reads in a single function execution (limit: ${this.limit}). ${OVER_LIMIT_HELP}`,
        );
    }
    const list = this.ranges.get(indexId);
    if (list) list.push(range);
    else this.ranges.set(indexId, [range]);
  }

  merge(other: ReadSet): void {
    for (const [indexId, list] of other.ranges) for (const r of list) this.add(indexId, r);
  }

  /** True when any written key falls inside a range this set read. */
  intersects(writes: WrittenKeys): boolean {
    for (const [indexId, keys] of writes) {
      const ranges = this.ranges.get(indexId);
      if (!ranges) continue;
      for (const key of keys) for (const r of ranges) if (rangeContains(r, key)) return true;
    }
    return false;
  }
}

/** Index keys (before and after images) touched by one commit. */
export type WrittenKeys = Map<number, Uint8Array[]>;
