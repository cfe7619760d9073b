import { describe, expect, it } from "vitest";
import type { Value } from "convex/values";
import { compareBytes, compareValues } from "./compare.ts";
import { decodeIndexKey, encodeIndexKey, indexKeyForDocument } from "./index-key.ts";
import {
  indexRangeToKeyInterval,
  type IndexRangeError,
  parseIndexRange,
  prefixSuccessor,
  type IndexRangeExpression,
} from "./index-range.ts";
import { randomValue, seededRandom } from "./random-values.ts";

const sign = (n: number) => (n < 0 ? -1 : n > 0 ? 1 : 0);

function randomTuple(random: () => number): (Value | undefined)[] {
  const length = Math.floor(random() * 4);
  return Array.from({ length }, () => (random() < 0.1 ? undefined : randomValue(random)));
}

function compareTuples(a: (Value | undefined)[], b: (Value | undefined)[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const diff = compareValues(a[i], b[i]);
    if (diff !== 0) return diff;
  }
  return a.length - b.length;
}

function inInterval(
  key: Uint8Array,
  interval: { lower: Uint8Array; upper: Uint8Array | null },
): boolean {
  return (
    compareBytes(key, interval.lower) >= 0 &&
    (interval.upper === null || compareBytes(key, interval.upper) < 0)
  );
}

describe("encodeIndexKey", () => {
  it("round-trips through decodeIndexKey", () => {
    const random = seededRandom(1);
    for (let i = 0; i < 2000; i++) {
      const tuple = randomTuple(random);
      const decoded = decodeIndexKey(encodeIndexKey(tuple));
      expect(compareTuples(decoded, tuple)).toBe(0);
      expect(decoded.length).toBe(tuple.length);
    }
  });

  it("preserves -0, NaN and int64 extremes exactly", () => {
    const [negZero, nan, min, max] = decodeIndexKey(
      encodeIndexKey([-0, NaN, -(2n ** 63n), 2n ** 63n - 1n]),
    );
    expect(Object.is(negZero, -0)).toBe(true);
    expect(Number.isNaN(nan)).toBe(true);
    expect(min).toBe(-(2n ** 63n));
    expect(max).toBe(2n ** 63n - 1n);
  });

  it("memcmp order of keys equals compareValues order of tuples (random property)", () => {
    const random = seededRandom(2024);
    for (let i = 0; i < 20000; i++) {
      const a = randomTuple(random);
      const b = random() < 0.2 ? [...a, randomValue(random)] : randomTuple(random);
      expect(sign(compareBytes(encodeIndexKey(a), encodeIndexKey(b)))).toBe(
        sign(compareTuples(a, b)),
      );
    }
  });

  it("sorts a prefix tuple before its extensions", () => {
    const prefix = encodeIndexKey(["a"]);
    expect(compareBytes(prefix, encodeIndexKey(["a", null]))).toBeLessThan(0);
    expect(compareBytes(prefix, encodeIndexKey(["a", undefined]))).toBeLessThan(0);
    expect(compareBytes(encodeIndexKey(["a"]), encodeIndexKey(["a\u0000"]))).toBeLessThan(0);
  });

  it("writes a string's UTF-8 with 0x00 escaped, whether it is ASCII or not, and a key stays as made", () => {
    const ascii = encodeIndexKey(["ab", 1]);
    expect([...encodeIndexKey(["ab\u0000\u00e9\u{1f600}"])]).toEqual([
      0x60, 0x61, 0x62, 0x00, 0xff, 0xc3, 0xa9, 0xf0, 0x9f, 0x98, 0x80, 0x00, 0x00,
    ]);
    expect([...encodeIndexKey([-1.5])]).toEqual([
      0x40, 0x40, 0x07, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
    ]);
    expect([...ascii]).toEqual([0x60, 0x61, 0x62, 0x00, 0x00, 0x40, 0xbf, 0xf0, 0, 0, 0, 0, 0, 0]);
  });

  it("rejects corrupt keys", () => {
    expect(() => decodeIndexKey(Uint8Array.from([0xee]))).toThrow(/unknown type tag/);
    expect(() => decodeIndexKey(Uint8Array.from([0x30, 1, 2]))).toThrow(/Truncated/);
    expect(() => decodeIndexKey(Uint8Array.from([0x60, 0x61, 0x00, 0x05]))).toThrow(/bad escape/);
  });

  it("reads document fields by dotted path, missing as undefined", () => {
    const doc = { a: { b: 5 }, c: "x" };
    expect(decodeIndexKey(indexKeyForDocument(doc, ["a.b", "c", "missing", "c.d"]))).toEqual([
      5,
      "x",
      undefined,
      undefined,
    ]);
  });
});

describe("indexRangeToKeyInterval", () => {
  const fields = ["team", "score", "_creationTime"];
  const random = seededRandom(99);
  const teams = ["red", "blue", undefined];
  const docs = Array.from({ length: 400 }, (_, i) => {
    const doc: Record<string, Value | undefined> = { _creationTime: i };
    const team = teams[Math.floor(random() * teams.length)];
    if (team !== undefined) doc.team = team;
    if (random() < 0.9)
      doc.score = random() < 0.5 ? Math.floor(random() * 10) : BigInt(Math.floor(random() * 10));
    return doc;
  });

  function matches(doc: Record<string, Value | undefined>, range: IndexRangeExpression[]): boolean {
    return range.every(({ type, fieldPath, value }) => {
      const diff = compareValues(doc[fieldPath], value);
      return { Eq: diff === 0, Gt: diff > 0, Gte: diff >= 0, Lt: diff < 0, Lte: diff <= 0 }[type];
    });
  }

  const ranges: IndexRangeExpression[][] = [
    [],
    [{ type: "Eq", fieldPath: "team", value: "red" }],
    [{ type: "Eq", fieldPath: "team", value: undefined }],
    [{ type: "Gt", fieldPath: "team", value: "blue" }],
    [
      { type: "Eq", fieldPath: "team", value: "red" },
      { type: "Gte", fieldPath: "score", value: 3 },
      { type: "Lt", fieldPath: "score", value: 7 },
    ],
    [
      { type: "Eq", fieldPath: "team", value: "blue" },
      { type: "Gt", fieldPath: "score", value: 5n },
    ],
    [
      { type: "Eq", fieldPath: "team", value: "blue" },
      { type: "Lte", fieldPath: "score", value: 4 },
    ],
    [
      { type: "Eq", fieldPath: "team", value: "red" },
      { type: "Eq", fieldPath: "score", value: undefined },
    ],
    [
      { type: "Eq", fieldPath: "team", value: "red" },
      { type: "Eq", fieldPath: "score", value: 2 },
      { type: "Gt", fieldPath: "_creationTime", value: 100 },
    ],
  ];

  it.each(
    ranges.map(
      (range) =>
        [
          JSON.stringify(range, (_k, v: unknown) => (typeof v === "bigint" ? `${v}n` : v)),
          range,
        ] as const,
    ),
  )("selects exactly the matching documents for %s", (_name, range) => {
    const interval = indexRangeToKeyInterval(fields, range);
    for (const doc of docs) {
      expect(inInterval(indexKeyForDocument(doc, fields), interval)).toBe(matches(doc, range));
    }
  });

  it("selects exactly the matching documents for seeded random ranges", () => {
    const random = seededRandom(314);
    const pool = () =>
      random() < 0.15
        ? undefined
        : random() < 0.5
          ? Math.floor(random() * 4)
          : randomValue(random, 1);
    const randomDocs = Array.from({ length: 150 }, (_, i) => {
      const doc: Record<string, Value | undefined> = { _creationTime: i };
      const team = pool();
      const score = pool();
      if (team !== undefined) doc.team = team;
      if (score !== undefined) doc.score = score;
      return doc;
    });
    // Reuse document values as bounds so ranges often hit exact matches.
    const valueFrom = (field: string) =>
      random() < 0.7 ? randomDocs[Math.floor(random() * randomDocs.length)]![field] : pool();
    for (let round = 0; round < 300; round++) {
      const range: IndexRangeExpression[] = [];
      const equalities = Math.floor(random() * 3);
      for (let i = 0; i < equalities; i++)
        range.push({ type: "Eq", fieldPath: fields[i]!, value: valueFrom(fields[i]!) });
      const boundField = fields[equalities]!;
      if (random() < 0.6)
        range.push({
          type: random() < 0.5 ? "Gt" : "Gte",
          fieldPath: boundField,
          value: valueFrom(boundField),
        });
      if (random() < 0.6)
        range.push({
          type: random() < 0.5 ? "Lt" : "Lte",
          fieldPath: boundField,
          value: valueFrom(boundField),
        });
      const interval = indexRangeToKeyInterval(fields, range);
      for (const doc of randomDocs) {
        expect(inInterval(indexKeyForDocument(doc, fields), interval)).toBe(matches(doc, range));
      }
    }
  });

  it("decodes $undefined in wire ranges", () => {
    expect(parseIndexRange([{ type: "Eq", fieldPath: "a", value: { $undefined: null } }])).toEqual([
      { type: "Eq", fieldPath: "a", value: undefined },
    ]);
    expect(
      parseIndexRange([{ type: "Lt", fieldPath: "a", value: { $integer: "AQAAAAAAAAA=" } }])[0]!
        .value,
    ).toBe(1n);
    expect(() => parseIndexRange([{ type: "Neq", fieldPath: "a", value: 1 }])).toThrow(
      /Invalid index range operator/,
    );
  });

  it("accepts equalities in any order, as the backend sorts them by index position", () => {
    const inOrder = indexRangeToKeyInterval(fields, [
      { type: "Eq", fieldPath: "team", value: "red" },
      { type: "Eq", fieldPath: "score", value: 2 },
    ]);
    const reversed = indexRangeToKeyInterval(fields, [
      { type: "Eq", fieldPath: "score", value: 2 },
      { type: "Eq", fieldPath: "team", value: "red" },
    ]);
    expect(reversed).toEqual(inOrder);
  });

  it.each<[string, IndexRangeExpression[], string, RegExp]>([
    [
      "skipping a field",
      [{ type: "Eq", fieldPath: "score", value: 1 }],
      "InvalidIndexRange",
      /didn't use the index fields in order.\nIndex fields: \[team, score, _creationTime\]\nQuery fields: \[score\]\nFirst incorrect field: score/,
    ],
    [
      "an unindexed field",
      [{ type: "Eq", fieldPath: "other", value: 1 }],
      "FieldNotInIndex",
      /comparison with "other", but messages.by_team with fields \[team, score, _creationTime\] doesn't index this field/,
    ],
    [
      "two lower bounds",
      [
        { type: "Gt", fieldPath: "team", value: "a" },
        { type: "Gte", fieldPath: "team", value: "b" },
      ],
      "AlreadyDefinedBound",
      /^Already defined lower bound in index range. Can't add "team" >= "b".$/,
    ],
    [
      "bounds on two fields",
      [
        { type: "Gt", fieldPath: "team", value: "a" },
        { type: "Lt", fieldPath: "score", value: 3 },
      ],
      "BoundsOnMultipleFields",
      /attempted to set a range bound on both "team" and "score"/,
    ],
    [
      "an equality and a bound on one field",
      [
        { type: "Eq", fieldPath: "team", value: "a" },
        { type: "Lt", fieldPath: "team", value: "b" },
      ],
      "AlreadyDefinedBound",
      /Already defined inequality bound/,
    ],
    [
      "a repeated equality",
      [
        { type: "Eq", fieldPath: "team", value: "a" },
        { type: "Eq", fieldPath: "team", value: "b" },
      ],
      "AlreadyDefinedBound",
      /Already defined equality bound in index range. Can't add "team" == "a"./,
    ],
  ])("rejects %s with the backend's error", (_name, range, code, message) => {
    expect(() => indexRangeToKeyInterval(fields, range, "messages.by_team")).toThrow(message);
    try {
      indexRangeToKeyInterval(fields, range, "messages.by_team");
    } catch (error) {
      expect((error as IndexRangeError).code).toBe(code);
    }
  });

  it("computes prefix successors", () => {
    expect(prefixSuccessor(Uint8Array.from([1, 2]))).toEqual(Uint8Array.from([1, 3]));
    expect(prefixSuccessor(Uint8Array.from([1, 0xff, 0xff]))).toEqual(Uint8Array.from([2]));
    expect(prefixSuccessor(Uint8Array.from([0xff]))).toBeNull();
    expect(prefixSuccessor(new Uint8Array())).toBeNull();
  });
});
