import { describe, expect, it } from "vitest";
import { convexToJson, type JSONValue, type Value } from "convex/values";
import { evaluateExpression, evaluateFilterExpression } from "./filter.ts";

const lit = (value: Value | undefined): JSONValue => ({
  $literal: value === undefined ? { $undefined: null } : convexToJson(value),
});
const field = (path: string): JSONValue => ({ $field: path });
const doc = {
  _id: "x",
  _creationTime: 1,
  name: "Ada",
  age: 36,
  count: 7n,
  nested: { deep: { flag: true } },
  tags: ["a"],
};

describe("evaluateFilterExpression", () => {
  it.each<[string, JSONValue, boolean]>([
    ["eq on a field", { $eq: [field("name"), lit("Ada")] }, true],
    ["neq", { $neq: [field("name"), lit("Bob")] }, true],
    ["lt across types uses the total order", { $lt: [field("age"), lit("0")] }, true],
    ["a missing field sorts below null", { $lt: [field("missing"), lit(null)] }, true],
    ["neq of a missing field and a value is true", { $neq: [field("missing"), lit(2)] }, true],
    ["int64 is not equal to the same float", { $eq: [field("count"), lit(7)] }, false],
    ["dotted path", { $eq: [field("nested.deep.flag"), lit(true)] }, true],
    ["missing field equals undefined", { $eq: [field("missing"), lit(undefined)] }, true],
    ["missing field is not null", { $eq: [field("missing"), lit(null)] }, false],
    [
      "path through a non-object is undefined",
      { $eq: [field("name.length"), lit(undefined)] },
      true,
    ],
    [
      "gte / lte",
      { $and: [{ $gte: [field("age"), lit(36)] }, { $lte: [field("age"), lit(36)] }] },
      true,
    ],
    ["gt", { $gt: [field("age"), lit(36)] }, false],
    ["or", { $or: [{ $eq: [field("age"), lit(1)] }, { $eq: [field("age"), lit(36)] }] }, true],
    ["empty and is true, empty or is false", { $and: [{ $and: [] }, { $not: { $or: [] } }] }, true],
    ["not", { $not: { $eq: [field("name"), lit("Ada")] } }, false],
    ["arrays compare by value", { $eq: [field("tags"), lit(["a"])] }, true],
    ["arithmetic on floats", { $eq: [{ $add: [field("age"), lit(4)] }, lit(40)] }, true],
    ["arithmetic on int64", { $eq: [{ $mul: [field("count"), lit(3n)] }, lit(21n)] }, true],
    ["int64 division truncates", { $eq: [{ $div: [field("count"), lit(2n)] }, lit(3n)] }, true],
    ["mod", { $eq: [{ $mod: [field("age"), lit(5)] }, lit(1)] }, true],
    ["neg", { $eq: [{ $neg: field("age") }, lit(-36)] }, true],
    ["sub", { $lt: [{ $sub: [field("age"), lit(40)] }, lit(0)] }, true],
  ])("%s", (_name, expr, expected) => {
    expect(evaluateFilterExpression(expr, doc)).toBe(expected);
  });

  it("wraps int64 overflow", () => {
    expect(evaluateExpression({ $add: [lit(2n ** 63n - 1n), lit(1n)] }, doc)).toBe(-(2n ** 63n));
  });

  it("requires booleans where the backend does", () => {
    expect(() => evaluateFilterExpression(field("age"), doc)).toThrow(
      "Expected boolean, got 36.0 (type float64)",
    );
    expect(() => evaluateFilterExpression({ $and: [lit(true), field("name")] }, doc)).toThrow(
      /Expected boolean/,
    );
    expect(() => evaluateFilterExpression({ $not: field("missing") }, doc)).toThrow(
      /got undefined/,
    );
    // Short-circuiting stops before a non-boolean operand, as in the backend.
    expect(evaluateFilterExpression({ $or: [lit(true), field("name")] }, doc)).toBe(true);
  });

  it("rejects malformed expressions and mixed-type arithmetic", () => {
    expect(() =>
      evaluateFilterExpression({ $eq: [{ $add: [field("age"), field("count")] }, lit(1)] }, doc),
    ).toThrow("Cannot add 36.0 (type float64) and 7 (type int64)");
    expect(() =>
      evaluateFilterExpression({ $eq: [{ $div: [field("count"), lit(0n)] }, lit(1n)] }, doc),
    ).toThrow(/Cannot divide 7 by zero/);
    expect(() => evaluateFilterExpression({ $bogus: [] }, doc)).toThrow(/Unknown filter operator/);
    expect(() => evaluateFilterExpression({ $eq: [lit(1)] }, doc)).toThrow(/two arguments/);
    expect(() => evaluateFilterExpression({ $field: "a", $literal: 1 }, doc)).toThrow(
      /Invalid filter expression/,
    );
    expect(() => evaluateFilterExpression({ $eq: [{ $neg: lit("x") }, lit(1)] }, doc)).toThrow(
      'Cannot negate "x" (type string)',
    );
  });
});
