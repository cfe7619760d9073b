import { describe, expect, it } from "vitest";
import { v, type Value, type ValidatorJSON } from "convex/values";
import { decodeDocumentId, encodeDocumentId, newInternalId } from "../ids/document-id.ts";
import { displayValue } from "./display.ts";
import {
  schemaValidationMessage,
  validateDocument,
  validateValue,
  type ValidationContext,
} from "./validate.ts";

const tables = new Map([
  [1, "users"],
  [2, "messages"],
  [3, "_storage"],
]);
const ctx: ValidationContext = {
  isIdForTable: (id, tableName) => ctx.tableNameForId!(id) === tableName,
  tableNameForId: (id) => {
    const decoded = decodeDocumentId(id);
    return decoded ? (tables.get(decoded.tableNumber) ?? null) : null;
  },
};
const userId = encodeDocumentId(1, newInternalId());
const messageId = encodeDocumentId(2, newInternalId());
const storageId = encodeDocumentId(3, newInternalId());

// `.json` is marked internal in convex's types, but it is what the CLI sends.
const json = (validator: object) => (validator as { json: ValidatorJSON }).json;
const check = (validator: object, value: Value | undefined, path = "") =>
  validateValue(json(validator), value, path, ctx);

describe("validateValue", () => {
  it.each<[string, object, Value, Value]>([
    ["null", v.null(), null, 0],
    ["number", v.number(), 1.5, 1n],
    ["float64 NaN", v.float64(), NaN, "NaN"],
    ["int64", v.int64(), 5n, 5],
    ["boolean", v.boolean(), false, 0],
    ["string", v.string(), "", null],
    ["bytes", v.bytes(), new ArrayBuffer(2), "AA=="],
    ["literal string", v.literal("a"), "a", "b"],
    ["literal bigint", v.literal(3n), 3n, 3],
    ["literal number", v.literal(3), 3, 3n],
    ["literal boolean", v.literal(true), true, false],
    ["array", v.array(v.number()), [1, 2], [1, "2"]],
    ["record", v.record(v.string(), v.number()), { a: 1, b: 2 }, { a: "1" }],
    [
      "record with id keys",
      v.record(v.id("users"), v.boolean()),
      { [userId]: true },
      { notAnId: true },
    ],
    ["union", v.union(v.string(), v.null()), null, 1],
    [
      "object",
      v.object({ a: v.string(), b: v.optional(v.number()) }),
      { a: "x" },
      { a: "x", b: "y" },
    ],
    ["id", v.id("users"), userId, "notanid"],
    ["commitTs", v.commitTs(), 10n, 10],
    ["function handle", v.function(), "function://abc#mod:fn", "mod:fn"],
  ])("%s accepts a matching value and rejects another", (_name, validator, good, bad) => {
    expect(check(validator, good)).toBeNull();
    expect(check(validator, bad)).not.toBeNull();
  });

  it("any accepts every value", () => {
    for (const value of [null, 1n, 1, "s", new ArrayBuffer(0), [1], { deep: [1n] }])
      expect(check(v.any(), value)).toBeNull();
  });

  it("reports a mismatch with the backend's layout", () => {
    expect(check(v.string(), 1)).toBe(
      "Value does not match validator.\n\nValue: 1.0\nValidator: v.string()",
    );
    expect(check(v.object({ a: v.array(v.int64()) }), { a: [1n, 2] })).toBe(
      "Value does not match validator.\nPath: .a[1]\nValue: 2.0\nValidator: v.int64()",
    );
    expect(check(v.union(v.string(), v.number()), true, ".arg")).toBe(
      "Value does not match validator.\nPath: .arg\nValue: true\nValidator: v.union(v.string(), v.float64())",
    );
  });

  it("reports missing required fields", () => {
    expect(check(v.object({ x: v.string(), y: v.optional(v.number()) }), { y: 2 })).toBe(
      "Object is missing the required field `x`. Consider wrapping the field validator in `v.optional(...)` if this is expected.\n\n" +
        "Object: {y: 2.0}\nValidator: v.object({x: v.string(), y: v.optional(v.float64())})",
    );
  });

  it("reports extra fields and treats undefined fields as absent", () => {
    const validator = v.object({ a: v.optional(v.string()) });
    expect(check(validator, { a: undefined })).toBeNull();
    expect(check(validator, { b: 1 }, ".args")).toBe(
      "Object contains extra field `b` that is not in the validator.\nPath: .args\nObject: {b: 1.0}\nValidator: v.object({a: v.optional(v.string())})",
    );
  });

  it("names the first extra field in sorted order, whatever order the object has them in", () => {
    const validator = json(v.object({ m: v.string(), a: v.optional(v.number()) }));
    const checkOnce = (value: Value) => validateValue(validator, value, "", ctx);
    expect(checkOnce({ z: 1, m: "x", c: 2, b: undefined, d: 3 })).toMatch(
      /^Object contains extra field `c` /,
    );
    // The same validator object again: its fields, sorted at the first check, are checked in order.
    expect(checkOnce({ m: 1, a: "x" })).toMatch(/^Value does not match validator.\nPath: .a\n/);
    expect(checkOnce({})).toMatch(/missing the required field `m`/);
    expect(checkOnce({ m: "x" })).toBeNull();
  });

  it("reports ids from the wrong table", () => {
    expect(check(v.id("users"), messageId)).toBe(
      `Found ID "${messageId}" from table \`messages\`, which does not match the table name in validator \`v.id("users")\`.`,
    );
    expect(check(v.id("users"), storageId, ".file")).toBe(
      `Found ID "${storageId}" from a system table, which does not match the table name in validator \`v.id("users")\`.Path: .file`,
    );
    expect(check(v.id("_storage"), storageId)).toBeNull();
  });

  it("reports literal mismatches", () => {
    expect(check(v.literal("a"), "b")).toBe(
      '`"b"` does not match literal validator `v.literal("a")`.',
    );
    expect(check(v.literal(1n), 2n, ".n")).toBe(
      "`2` does not match literal validator `v.literal(<bigint>)`.Path: .n",
    );
  });

  it("walks record keys and values with their paths", () => {
    expect(check(v.record(v.string(), v.number()), { a: 1, b: "x" })).toMatch(
      /^Value does not match validator.\nPath: .values\(\)\nValue: "x"/,
    );
    expect(check(v.record(v.id("users"), v.number()), { k: 1 })).toMatch(/Path: .keys\(\)/);
  });

  it("does not let non-plain objects pass as objects", () => {
    expect(check(v.object({}), [] as Value)).not.toBeNull();
    expect(check(v.record(v.string(), v.any()), new ArrayBuffer(1))).not.toBeNull();
  });
});

describe("validateDocument", () => {
  const schema = json(v.object({ name: v.string(), owner: v.optional(v.id("users")) }));

  it("allows system fields the validator does not name", () => {
    expect(
      validateDocument(schema, { _id: messageId, _creationTime: 1, name: "a" }, ctx),
    ).toBeNull();
    expect(
      validateDocument(schema, { _id: messageId, _creationTime: 1, name: "a", owner: userId }, ctx),
    ).toBeNull();
  });

  it("still rejects user fields that break the schema", () => {
    expect(validateDocument(schema, { _id: messageId, _creationTime: 1 }, ctx)).toMatch(
      /missing the required field `name`/,
    );
    expect(validateDocument(schema, { name: "a", extra: 1 }, ctx)).toMatch(/extra field `extra`/);
  });

  it("accepts a document matching any branch of a union schema, and anything without a schema", () => {
    const union = json(
      v.union(
        v.object({ kind: v.literal("a") }),
        v.object({ kind: v.literal("b"), n: v.number() }),
      ),
    );
    expect(validateDocument(union, { _id: messageId, kind: "b", n: 1 }, ctx)).toBeNull();
    expect(validateDocument(union, { kind: "c" }, ctx)).toMatch(/^Value does not match validator/);
    expect(validateDocument(null, { anything: 1 }, ctx)).toBeNull();
  });

  it("words schema failures for a table", () => {
    expect(schemaValidationMessage("users", "boom")).toBe(
      'Failed to insert or update a document in table "users" because it does not match the schema: boom',
    );
  });
});

describe("displayValue", () => {
  it("prints values like the backend", () => {
    expect(displayValue({ b: [1, 2.5, 3n], a: 'q"', c: null, d: -Infinity, e: true })).toBe(
      '{a: "q\\"", b: [1.0, 2.5, 3], c: null, d: -inf, e: true}',
    );
  });
});
