import { type KeyRange, rangeContains } from "./key-range.ts";

/** Index ranges a transaction or query read, keyed by index id. */
export class ReadSet {
  readonly ranges = new Map<number, KeyRange[]>();

  add(indexId: number, range: KeyRange): void {
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
