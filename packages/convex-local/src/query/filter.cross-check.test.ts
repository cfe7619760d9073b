import { describe, expect, it } from "vitest";
import { convexTest } from "convex-test";
import {
  makeFunctionReference,
  mutationGeneric,
  queryGeneric,
  type Expression,
  type FilterBuilder,
  type GenericTableInfo,
} from "convex/server";
import { convexToJson, v, type JSONValue, type Value } from "convex/values";
import { randomValue, seededRandom } from "../values/random-values.ts";
import { evaluateFilterExpression } from "./filter.ts";

// A filter described as data, so the same filter can be built with convex's `q`
// builder inside convex-test and serialized to the wire JSON our evaluator reads.
type Comparison = "eq" | "neq" | "lt" | "lte" | "gt" | "gte";
type FilterSpec =
  | { op: Comparison; field: string; literal: Value; isUndefined: boolean }
  | { op: "and" | "or"; items: FilterSpec[] }
  | { op: "not"; item: FilterSpec };

type Q = FilterBuilder<GenericTableInfo>;

function build(q: Q, spec: FilterSpec): Expression<boolean> {
  switch (spec.op) {
    case "and":
      return q.and(...spec.items.map((item) => build(q, item)));
    case "or":
      return q.or(...spec.items.map((item) => build(q, item)));
    case "not":
      return q.not(build(q, spec.item));
    default: {
      const field = q.field(spec.field);
      const literal = (spec.isUndefined ? undefined : spec.literal) as Value;
      const comparisons = {
        eq: q.eq,
        neq: q.neq,
        lt: q.lt,
        lte: q.lte,
        gt: q.gt,
        gte: q.gte,
      } as Record<Comparison, (left: Expression<Value>, right: Value) => Expression<boolean>>;
      return comparisons[spec.op].call(q, field, literal);
    }
  }
}

function toWire(spec: FilterSpec): JSONValue {
  switch (spec.op) {
    case "and":
    case "or":
      return { [`$${spec.op}`]: spec.items.map(toWire) };
    case "not":
      return { $not: toWire(spec.item) };
    default:
      return {
        [`$${spec.op}`]: [
          { $field: spec.field },
          { $literal: spec.isUndefined ? { $undefined: null } : convexToJson(spec.literal) },
        ],
      };
  }
}

const modules = {
  "./convex/_generated/api.js": async () => ({}),
  "./convex/filters.ts": async () => ({
    insert: mutationGeneric({
      args: { doc: v.any() },
      handler: (ctx, { doc }) => ctx.db.insert("items", doc),
    }),
    all: queryGeneric({ args: {}, handler: (ctx) => ctx.db.query("items").collect() }),
    run: queryGeneric({
      args: { spec: v.any() },
      handler: async (ctx, { spec }) => {
        const docs = await ctx.db
          .query("items")
          .filter((q) => build(q, spec as FilterSpec))
          .collect();
        return docs.map((doc) => doc._id);
      },
    }),
  }),
};

describe("evaluateFilterExpression agrees with convex-test's filters (equality and logic)", () => {
  it("on seeded random documents and filters", async () => {
    const t = convexTest(undefined, modules);
    const random = seededRandom(5);
    const fields = ["a", "b", "n.x", "missing"];
    for (let i = 0; i < 40; i++) {
      const doc: Record<string, Value> = {};
      if (random() < 0.8) doc.a = randomValue(random, 1);
      if (random() < 0.8)
        doc.b = random() < 0.5 ? Math.floor(random() * 5) : randomValue(random, 0);
      if (random() < 0.5)
        doc.n = { x: random() < 0.5 ? Math.floor(random() * 5) : randomValue(random, 0) };
      await t.mutation(makeFunctionReference<"mutation">("filters:insert"), { doc });
    }
    const docs = (await t.query(makeFunctionReference<"query">("filters:all"), {})) as (Record<
      string,
      Value
    > & { _id: string })[];

    const comparison = (): FilterSpec => {
      const isUndefined = random() < 0.15;
      const literal = isUndefined
        ? null
        : random() < 0.5
          ? Math.floor(random() * 5)
          : randomValue(random, 1);
      // convex-test orders with JS `<` rather than Convex's cross-type order, so only
      // equality is compared here; ordering comparisons are covered in filter.test.ts.
      const ops: Comparison[] = ["eq", "neq"];
      return {
        op: ops[Math.floor(random() * ops.length)]!,
        field: fields[Math.floor(random() * fields.length)]!,
        literal,
        isUndefined,
      };
    };
    const spec = (depth: number): FilterSpec => {
      const roll = random();
      if (depth === 0 || roll < 0.5) return comparison();
      if (roll < 0.65) return { op: "not", item: spec(depth - 1) };
      return { op: roll < 0.83 ? "and" : "or", items: [spec(depth - 1), spec(depth - 1)] };
    };

    let matchedSomething = 0;
    for (let i = 0; i < 60; i++) {
      const filter = spec(2);
      const expected = (await t.query(makeFunctionReference<"query">("filters:run"), {
        spec: filter,
      })) as string[];
      const wire = toWire(filter);
      const ours = docs.filter((doc) => evaluateFilterExpression(wire, doc)).map((doc) => doc._id);
      expect(ours, JSON.stringify(wire)).toEqual(expected);
      if (expected.length > 0 && expected.length < docs.length) matchedSomething++;
    }
    expect(matchedSomething).toBeGreaterThan(10);
  });
});
