import { convexToJson, getConvexSize, type Value } from "convex/values";
import { describe, expect, test } from "vitest";
import { convexJsonSize } from "./json-size.ts";

describe("convexJsonSize", () => {
  test.each<[string, Value]>([
    ["null", null],
    ["booleans", [true, false]],
    ["numbers", [0, -1.5, NaN, Infinity, -0]],
    ["an int64", 12345678901234n],
    ["unicode text", "olá, 世界 🎉"],
    ["bytes", new Uint8Array([1, 2, 3, 4, 5]).buffer],
    ["a nested document", { a: [{ b: "c" }, 1n], "chave com espaco": { d: null } }],
  ])("matches Convex's getConvexSize for %s", (_name, value) => {
    expect(convexJsonSize(convexToJson(value))).toBe(getConvexSize(value));
  });
});
