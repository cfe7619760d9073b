import { describe, expect, it } from "vitest";
import { convexTest } from "convex-test";
import { makeFunctionReference, queryGeneric } from "convex/server";
import { v, type Value, type ValidatorJSON } from "convex/values";
import { randomValue, seededRandom } from "../values/random-values.ts";
import { validateValue } from "./validate.ts";

// convex-test's own validator check has no `record` case and compares literals by
// their JSON encoding, so records, ids and int64 literals are left out of this comparison.
const validators = {
  nullV: v.null(),
  numberV: v.number(),
  int64V: v.int64(),
  booleanV: v.boolean(),
  stringV: v.string(),
  bytesV: v.bytes(),
  anyV: v.any(),
  literalString: v.literal("a"),
  literalNumber: v.literal(0),
  literalBoolean: v.literal(true),
  arrayOfNumbers: v.array(v.number()),
  arrayOfUnion: v.array(v.union(v.string(), v.null())),
  unionScalars: v.union(v.int64(), v.boolean(), v.literal("ab")),
  objectSimple: v.object({ a: v.any(), b: v.optional(v.string()) }),
  objectNested: v.object({ a: v.optional(v.object({ c: v.number() })) }),
  emptyObject: v.object({}),
};

const modules = {
  "./convex/_generated/api.js": async () => ({}),
  "./convex/checks.ts": async () =>
    Object.fromEntries(
      Object.entries(validators).map(([name, validator]) => [
        name,
        queryGeneric({ args: { x: validator }, handler: () => null }),
      ]),
    ),
};

const noIds = { isIdForTable: () => false };

describe("validateValue agrees with convex-test on accept/reject", () => {
  it("over seeded random values for every validator kind convex-test implements", async () => {
    const t = convexTest(undefined, modules);
    const random = seededRandom(77);
    const samples: Value[] = Array.from({ length: 120 }, () => randomValue(random));
    samples.push(
      "a",
      0,
      true,
      "ab",
      [1, 2],
      [null, "x"],
      { a: 1 },
      { a: null, b: "s" },
      { a: { c: 1 } },
      {},
    );
    const outcomes = { accepted: 0, rejected: 0 };
    for (const [name, validator] of Object.entries(validators)) {
      const json = (validator as unknown as { json: ValidatorJSON }).json;
      for (const sample of samples) {
        const ours = validateValue(json, sample, "", noIds) === null;
        let theirs = true;
        try {
          await t.query(makeFunctionReference<"query">(`checks:${name}`), { x: sample });
        } catch {
          theirs = false;
        }
        outcomes[theirs ? "accepted" : "rejected"]++;
        expect(
          ours,
          `${name} on ${JSON.stringify(sample, (_k, x: unknown) => (typeof x === "bigint" ? `${x}n` : x))}`,
        ).toBe(theirs);
      }
    }
    // Both outcomes must be well represented for the comparison to mean anything.
    expect(outcomes.accepted).toBeGreaterThan(200);
    expect(outcomes.rejected).toBeGreaterThan(200);
  });
});
