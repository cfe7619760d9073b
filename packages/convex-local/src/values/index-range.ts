import type { JSONValue, Value } from "convex/values";
import { jsonToConvexOrUndefined } from "./codec.ts";
import { encodeIndexKey } from "./index-key.ts";

/** One bound of an index range (section 7.6 of the protocol notes), value decoded. */
export type IndexRangeExpression = {
  type: "Eq" | "Gt" | "Gte" | "Lt" | "Lte";
  fieldPath: string;
  value: Value | undefined;
};

/** A half-open byte interval `[lower, upper)`; `upper` null means unbounded. */
export type IndexKeyInterval = { lower: Uint8Array; upper: Uint8Array | null };

/** Decodes a wire range (`value` convex-encoded, `$undefined` allowed). */
export function parseIndexRange(
  range: readonly { type: string; fieldPath: string; value: JSONValue }[],
): IndexRangeExpression[] {
  return range.map(({ type, fieldPath, value }) => {
    if (type !== "Eq" && type !== "Gt" && type !== "Gte" && type !== "Lt" && type !== "Lte") {
      throw new Error(`Invalid index range operator ${JSON.stringify(type)}`);
    }
    return { type, fieldPath, value: jsonToConvexOrUndefined(value) };
  });
}

/**
 * The smallest byte string greater than every string starting with `prefix`,
 * or null when none exists (empty or all 0xFF).
 */
export function prefixSuccessor(prefix: Uint8Array): Uint8Array | null {
  let end = prefix.length;
  while (end > 0 && prefix[end - 1] === 0xff) end--;
  if (end === 0) return null;
  const out = prefix.slice(0, end);
  out[end - 1]! += 1;
  return out;
}

/**
 * Turns an index range into the byte interval of index keys it selects. The range
 * must be equalities on a prefix of `indexFields`, then at most one lower
 * (Gt/Gte) and one upper (Lt/Lte) bound on the next field, as `withIndex` builds.
 * Keys are `encodeIndexKey` of the document's index field values (trailing fields
 * such as `_creationTime` and `_id` may follow).
 */
export function indexRangeToKeyInterval(
  indexFields: readonly string[],
  range: readonly IndexRangeExpression[],
): IndexKeyInterval {
  const equalities: (Value | undefined)[] = [];
  let i = 0;
  for (; i < range.length && range[i]!.type === "Eq"; i++) {
    expectField(indexFields, equalities.length, range[i]!);
    equalities.push(range[i]!.value);
  }
  let lowerBound: IndexRangeExpression | undefined;
  let upperBound: IndexRangeExpression | undefined;
  for (; i < range.length; i++) {
    const bound = range[i]!;
    expectField(indexFields, equalities.length, bound);
    if (bound.type === "Eq") throw new Error(`Incorrect operator used in \`withIndex\`: \`.eq\` must come before range bounds`);
    const isLower = bound.type === "Gt" || bound.type === "Gte";
    if (isLower ? lowerBound : upperBound) {
      throw new Error(`Incorrect operator used in \`withIndex\`: field "${bound.fieldPath}" has two ${isLower ? "lower" : "upper"} bounds`);
    }
    if (isLower) lowerBound = bound;
    else upperBound = bound;
  }
  const prefix = encodeIndexKey(equalities);
  const lower = !lowerBound
    ? prefix
    : lowerBound.type === "Gte"
      ? encodeIndexKey([...equalities, lowerBound.value])
      : prefixSuccessor(encodeIndexKey([...equalities, lowerBound.value]));
  const upper = !upperBound
    ? prefixSuccessor(prefix)
    : upperBound.type === "Lt"
      ? encodeIndexKey([...equalities, upperBound.value])
      : prefixSuccessor(encodeIndexKey([...equalities, upperBound.value]));
  // Type tags are never 0xFF, so a successor of a non-empty key always exists.
  return { lower: lower ?? prefix, upper };
}

function expectField(indexFields: readonly string[], position: number, bound: IndexRangeExpression): void {
  const expected = indexFields[position];
  if (expected === undefined) {
    throw new Error(`Index range has more fields than the index: unexpected field "${bound.fieldPath}"`);
  }
  if (expected !== bound.fieldPath) {
    throw new Error(
      `Incorrect field used in \`withIndex\`: expected "${expected}", got "${bound.fieldPath}". ` +
        `Fields must be compared in the order of the index.`,
    );
  }
}
