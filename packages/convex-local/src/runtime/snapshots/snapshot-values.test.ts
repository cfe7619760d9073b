import { convexToJson, type JSONValue } from "convex/values";
import { describe, expect, test } from "vitest";
import { parseShape, SnapshotFormatError } from "./snapshot-shape.ts";
import { fromCleanJson, stringifyClean, toCleanJson } from "./snapshot-values.ts";

const int64 = (n: bigint) => convexToJson(n);

describe("snapshot clean JSON", () => {
  test("every value round-trips through clean JSON and its export context", () => {
    const doc = convexToJson({
      n: 12345678901234n,
      negative: -5n,
      b: new Uint8Array([0, 1, 250]).buffer,
      f: 1.5,
      inf: Infinity,
      minusInf: -Infinity,
      nan: NaN,
      negativeZero: -0,
      s: "12",
      nested: { list: [1n, "1", null, true, [2n]], empty: {} },
    });
    const { json, context } = toCleanJson(doc);
    expect(json).toMatchObject({ n: "12345678901234", b: "AAH6", s: "12", inf: "Infinity" });
    // Written out and read back as a snapshot line is, -0 included (as Convex writes it, -0.0).
    const line = stringifyClean(json);
    expect(line).toContain('"negativeZero":-0.0');
    expect(fromCleanJson(JSON.parse(line), context)).toEqual(doc);
    // Without the context the strings stay strings.
    expect((fromCleanJson(JSON.parse(line)) as Record<string, JSONValue>).n).toBe("12345678901234");
  });

  test("a table shape written by Convex types strings that no per-document context mentions", () => {
    const shape = parseShape(
      '{"_creationTime": normalfloat64, "_id": id<10001>, "count": int64, "data": bytes, "tags": array<string>, "name"?: string, "meta": record<field_name, int64>, "edge": -inf | inf}',
    );
    const doc = fromCleanJson(
      { count: "5", data: "AAE=", tags: ["1"], name: "5", meta: { a: "7" }, edge: "-Infinity" },
      "infer",
      "doc",
      [shape],
    );
    expect(doc).toEqual({
      count: int64(5n),
      data: { $bytes: "AAE=" },
      tags: ["1"],
      name: "5",
      meta: { a: int64(7n) },
      edge: convexToJson(-Infinity),
    });
  });

  test("an ambiguous shape needs the document's context, as in Convex", () => {
    const shape = parseShape('{"v": int64 | string} | {"w": "lit", "x": unknown}');
    expect(fromCleanJson({ v: "1" }, "infer", "doc", [shape])).toEqual({ v: "1" });
    expect(fromCleanJson({ v: "1" }, { v: "int64" }, "doc", [shape])).toEqual({ v: int64(1n) });
    expect(fromCleanJson({ x: ["2"] }, { x: ["int64"] }, "doc", [shape])).toEqual({
      x: [int64(2n)],
    });
  });

  test("malformed shapes, contexts and values are refused with where and why", () => {
    expect(() => parseShape('{"a": int64')).toThrow(SnapshotFormatError);
    expect(() => parseShape("floaty")).toThrow(/unexpected text in a table shape at 'floaty'/);
    expect(() => fromCleanJson({ n: "x1" }, { n: "int64" }, "row 3")).toThrow(
      'row 3.n: "x1" is not an int64',
    );
    expect(() => fromCleanJson({ n: "99999999999999999999" }, { n: "int64" })).toThrow(
      /out of the int64 range/,
    );
    expect(() => fromCleanJson({ s: [1] }, { s: "set" })).toThrow(/sets are not supported/);
    expect(() => fromCleanJson({ $bad: 1 })).toThrow(/cannot start with "\$"/);
  });
});
