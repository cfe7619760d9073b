import { compareBytes, type KeyRange } from "../storage/key-range.ts";
import type { ReadSet, WrittenKeys } from "../storage/read-set.ts";

/** Something whose result depends on index ranges and must be told when a commit touches them. */
export type Subscriber = { invalidate(): void };

type Entry = { range: KeyRange; owner: Subscriber };

const sameBytes = (a: Uint8Array | null, b: Uint8Array | null) =>
  a === b || (a !== null && b !== null && compareBytes(a, b) === 0);

/** One index's read ranges sorted by lower bound, with the running maximum of upper bounds. */
class RangeList {
  private readonly entries: Entry[] = [];
  /** maxHi[i]: the largest upper bound among entries[0..i]; null is unbounded. */
  private maxHi: Array<Uint8Array | null> = [];
  private stale = false;

  get size(): number {
    return this.entries.length;
  }

  /** Index of the first entry whose lower bound is greater than `key`. */
  private upperBound(key: Uint8Array): number {
    let lo = 0;
    let hi = this.entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareBytes(this.entries[mid]!.range.lo, key) <= 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  add(entry: Entry): void {
    this.entries.splice(this.upperBound(entry.range.lo), 0, entry);
    this.stale = true;
  }

  remove(entry: Entry): void {
    for (let i = this.upperBound(entry.range.lo) - 1; i >= 0; i--) {
      if (this.entries[i] === entry) {
        this.entries.splice(i, 1);
        this.stale = true;
        return;
      }
    }
  }

  private rebuild(): void {
    this.maxHi = new Array<Uint8Array | null>(this.entries.length);
    let max: Uint8Array | null = new Uint8Array(0);
    this.entries.forEach((e, i) => {
      if (max !== null && (e.range.hi === null || compareBytes(e.range.hi, max) > 0))
        max = e.range.hi;
      this.maxHi[i] = max;
    });
    this.stale = false;
  }

  /** Adds to `out` the owner of every range holding `key`. */
  collect(key: Uint8Array, out: Set<Subscriber>): void {
    if (this.stale) this.rebuild();
    for (let i = this.upperBound(key) - 1; i >= 0; i--) {
      const max = this.maxHi[i]!;
      // Every range at or before i ends at or before `key`.
      if (max !== null && compareBytes(key, max) >= 0) return;
      const { range, owner } = this.entries[i]!;
      if (range.hi === null || compareBytes(key, range.hi) < 0) out.add(owner);
    }
  }
}

/**
 * The read ranges of every subscribed query of every session, by index: a commit finds the
 * queries it touched by looking its written keys up, not by checking each query's read set.
 */
export class SubscriptionIndex {
  private readonly byIndex = new Map<number, RangeList>();
  private readonly byOwner = new Map<Subscriber, Array<{ indexId: number; entry: Entry }>>();

  /** Makes `owner`'s ranges those of `readSet` (none when null). */
  set(owner: Subscriber, readSet: ReadSet | null): void {
    const old = this.byOwner.get(owner);
    if (old && readSet && this.unchanged(old, readSet)) return;
    this.delete(owner);
    if (!readSet) return;
    const added: Array<{ indexId: number; entry: Entry }> = [];
    for (const [indexId, ranges] of readSet.ranges) {
      let list = this.byIndex.get(indexId);
      if (!list) this.byIndex.set(indexId, (list = new RangeList()));
      for (const range of ranges) {
        const entry = { range, owner };
        list.add(entry);
        added.push({ indexId, entry });
      }
    }
    this.byOwner.set(owner, added);
  }

  delete(owner: Subscriber): void {
    const old = this.byOwner.get(owner);
    if (!old) return;
    this.byOwner.delete(owner);
    for (const { indexId, entry } of old) {
      const list = this.byIndex.get(indexId)!;
      list.remove(entry);
      if (list.size === 0) this.byIndex.delete(indexId);
    }
  }

  /** The subscribers whose ranges hold any of the written keys. */
  affected(writes: WrittenKeys): Set<Subscriber> {
    const out = new Set<Subscriber>();
    for (const [indexId, keys] of writes) {
      const list = this.byIndex.get(indexId);
      if (list) for (const key of keys) list.collect(key, out);
    }
    return out;
  }

  /** A re-run that read the same ranges (the usual case) leaves the index as it is. */
  private unchanged(old: Array<{ indexId: number; entry: Entry }>, readSet: ReadSet): boolean {
    let i = 0;
    for (const [indexId, ranges] of readSet.ranges) {
      for (const range of ranges) {
        const prior = old[i++];
        if (
          !prior ||
          prior.indexId !== indexId ||
          !sameBytes(prior.entry.range.lo, range.lo) ||
          !sameBytes(prior.entry.range.hi, range.hi)
        )
          return false;
      }
    }
    return i === old.length;
  }
}
