import { describe, expect, it } from "vitest";
import { ReadSet, type WrittenKeys } from "../storage/read-set.ts";
import { type Subscriber, SubscriptionIndex } from "./subscription-index.ts";

const bytes = (...b: number[]) => Uint8Array.from(b);
const subscriber = (): Subscriber => ({ invalidate: () => {} });

function readSet(...ranges: Array<[number, Uint8Array, Uint8Array | null]>): ReadSet {
  const set = new ReadSet();
  for (const [indexId, lo, hi] of ranges) set.add(indexId, { lo, hi });
  return set;
}

const writes = (...keys: Array<[number, Uint8Array]>): WrittenKeys => {
  const out: WrittenKeys = new Map();
  for (const [indexId, key] of keys) out.set(indexId, [...(out.get(indexId) ?? []), key]);
  return out;
};

describe("SubscriptionIndex", () => {
  it("finds exactly the subscribers whose half-open ranges hold a written key", () => {
    const index = new SubscriptionIndex();
    const a = subscriber();
    const b = subscriber();
    const c = subscriber();
    index.set(a, readSet([1, bytes(10), bytes(20)]));
    index.set(b, readSet([1, bytes(15), bytes(30)], [2, bytes(0), null]));
    index.set(c, readSet([1, bytes(40), bytes(50)]));
    expect(index.affected(writes([1, bytes(12)]))).toEqual(new Set([a]));
    expect(index.affected(writes([1, bytes(17)]))).toEqual(new Set([a, b]));
    expect(index.affected(writes([1, bytes(20)]))).toEqual(new Set([b]));
    expect(index.affected(writes([1, bytes(30)]))).toEqual(new Set());
    expect(index.affected(writes([1, bytes(5)], [1, bytes(45)]))).toEqual(new Set([c]));
    expect(index.affected(writes([2, bytes(200, 1)]))).toEqual(new Set([b]));
    expect(index.affected(writes([3, bytes(12)]))).toEqual(new Set());
  });

  it("looks past a short range to a wide one that starts before it", () => {
    const index = new SubscriptionIndex();
    const wide = subscriber();
    const short = subscriber();
    index.set(wide, readSet([1, bytes(0), bytes(100)]));
    index.set(short, readSet([1, bytes(10), bytes(11)]));
    expect(index.affected(writes([1, bytes(50)]))).toEqual(new Set([wide]));
    index.set(wide, readSet([1, bytes(0), null]));
    expect(index.affected(writes([1, bytes(255, 255)]))).toEqual(new Set([wide]));
  });

  it("replaces a subscriber's ranges on each run and forgets it when deleted", () => {
    const index = new SubscriptionIndex();
    const s = subscriber();
    index.set(s, readSet([1, bytes(10), bytes(20)]));
    index.set(s, readSet([1, bytes(10), bytes(20)]));
    index.set(s, readSet([1, bytes(30), bytes(40)]));
    expect(index.affected(writes([1, bytes(15)]))).toEqual(new Set());
    expect(index.affected(writes([1, bytes(35)]))).toEqual(new Set([s]));
    index.set(s, null);
    expect(index.affected(writes([1, bytes(35)]))).toEqual(new Set());
    index.set(s, readSet([1, bytes(30), bytes(40)]));
    index.delete(s);
    expect(index.affected(writes([1, bytes(35)]))).toEqual(new Set());
  });
});
