import { describe, expect, it } from "vitest";
import { compareValues as convexCompareValues, type Value } from "convex/values";
import { compareStrings, compareValues } from "./compare.ts";
import { randomValue, seededRandom } from "./random-values.ts";

const sign = (n: number) => Math.sign(n);

describe("compareValues", () => {
  it("orders types as Convex documents", () => {
    const ascending: (Value | undefined)[] = [
      undefined,
      null,
      -5n,
      10n,
      -Infinity,
      -1,
      0,
      3.5,
      Infinity,
      false,
      true,
      "",
      "a",
      new Uint8Array([0]).buffer,
      [],
      [1],
      {},
      { a: 1 },
    ];
    for (let i = 0; i < ascending.length; i++) {
      for (let j = 0; j < ascending.length; j++) {
        expect(sign(compareValues(ascending[i], ascending[j]))).toBe(sign(i - j));
      }
    }
  });

  it("puts -0 below 0 and NaN (positive) above Infinity, negative NaN below -Infinity", () => {
    expect(compareValues(-0, 0)).toBeLessThan(0);
    expect(compareValues(0, -0)).toBeGreaterThan(0);
    expect(compareValues(-0, -0)).toBe(0);
    expect(compareValues(NaN, Infinity)).toBeGreaterThan(0);
    expect(compareValues(NaN, NaN)).toBe(0);
    expect(compareValues(-NaN, -Infinity)).toBeLessThan(0);
  });

  it("compares strings by UTF-8 bytes, not UTF-16 code units", () => {
    // U+FF61 is one UTF-16 unit above the surrogate pair of U+1F600, but lower in UTF-8.
    expect(compareStrings("\uff61", "😀")).toBeLessThan(0);
    expect("\uff61" < "😀").toBe(false);
    expect(compareStrings("a", "ab")).toBeLessThan(0);
    expect(compareStrings("b", "ab")).toBeGreaterThan(0);
  });

  it("compares arrays and objects lexicographically", () => {
    expect(compareValues([1, 2], [1, 3])).toBeLessThan(0);
    expect(compareValues([1], [1, 0])).toBeLessThan(0);
    expect(compareValues({ a: 1 }, { b: 0 })).toBeLessThan(0);
    expect(compareValues({ a: 2 }, { a: 1, b: 0 })).toBeGreaterThan(0);
    expect(compareValues({ a: 1 }, { a: 1, b: 0 })).toBeLessThan(0);
    expect(compareValues({ a: 1, b: undefined }, { a: 1 })).toBe(0);
  });

  it("agrees with convex/values compareValues on random values", () => {
    const random = seededRandom(42);
    for (let i = 0; i < 5000; i++) {
      const a = randomValue(random);
      const b = randomValue(random);
      expect(sign(compareValues(a, b)), `${String(a)} vs ${String(b)}`).toBe(
        sign(convexCompareValues(a, b)),
      );
    }
  });

  it("is antisymmetric and transitive on random samples", () => {
    const random = seededRandom(7);
    const values = Array.from({ length: 300 }, () => randomValue(random));
    const sorted = [...values].sort(compareValues);
    for (let i = 1; i < sorted.length; i++) {
      expect(compareValues(sorted[i - 1], sorted[i])).toBeLessThanOrEqual(0);
      expect(
        sign(compareValues(sorted[i], sorted[i - 1])) +
          sign(compareValues(sorted[i - 1], sorted[i])),
      ).toBe(0);
    }
  });
});
