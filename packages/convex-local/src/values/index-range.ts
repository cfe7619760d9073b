import type { JSONValue, Value } from "convex/values";
import { jsonToConvexOrUndefined } from "./codec.ts";
import { encodeIndexKey } from "./index-key.ts";
import { displayValue } from "../validation/display.ts";

/** One bound of an index range (section 7.6 of the protocol notes), value decoded. */
export type IndexRangeExpression = {
  type: "Eq" | "Gt" | "Gte" | "Lt" | "Lte";
  fieldPath: string;
  value: Value | undefined;
};

/** A half-open byte interval `[lower, upper)`; `upper` null means unbounded. */
type IndexKeyInterval = { lower: Uint8Array; upper: Uint8Array | null };

/** An index range the backend would reject; `code` is its short error code. */
export class IndexRangeError extends Error {
  readonly code:
    | "AlreadyDefinedBound"
    | "BoundsOnMultipleFields"
    | "InvalidIndexRange"
    | "FieldNotInIndex"
    | "InvalidRange";
  constructor(code: IndexRangeError["code"], message: string) {
    super(message);
    this.name = "IndexRangeError";
    this.code = code;
  }
}

/** Decodes a wire range (`value` convex-encoded, `$undefined` allowed). */
export function parseIndexRange(
  range: readonly { type: string; fieldPath: string; value: JSONValue }[],
): IndexRangeExpression[] {
  return range.map(({ type, fieldPath, value }) => {
    if (type !== "Eq" && type !== "Gt" && type !== "Gte" && type !== "Lt" && type !== "Lte") {
      throw new IndexRangeError(
        "InvalidRange",
        `Invalid index range operator ${JSON.stringify(type)}`,
      );
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

type Bound = { value: Value | undefined; inclusive: boolean; comparator: string };

/**
 * Turns an index range into the byte interval of index keys it selects, as the
 * backend compiles it: equalities (in any order) on some index fields plus at most
 * one lower and one upper bound on a single further field, which together must be
 * a prefix of `indexFields`. Keys are `encodeIndexKey` of the document's values at
 * `indexFields` (trailing fields such as `_creationTime` and `_id` included).
 */
export function indexRangeToKeyInterval(
  indexFields: readonly string[],
  range: readonly IndexRangeExpression[],
  indexName = "index",
): IndexKeyInterval {
  const equalities = new Map<string, Value | undefined>();
  let boundField: string | undefined;
  let lowerBound: Bound | undefined;
  let upperBound: Bound | undefined;
  for (const { type, fieldPath, value } of range) {
    if (type === "Eq") {
      if (equalities.has(fieldPath))
        throw alreadyDefined("equality", fieldPath, "==", equalities.get(fieldPath));
      equalities.set(fieldPath, value);
      continue;
    }
    const isUpper = type === "Lt" || type === "Lte";
    const inclusive = type === "Gte" || type === "Lte";
    const comparator = `${isUpper ? "<" : ">"}${inclusive ? "=" : ""}`;
    if (isUpper ? upperBound : lowerBound)
      throw alreadyDefined(isUpper ? "upper" : "lower", fieldPath, comparator, value);
    if (boundField !== undefined && boundField !== fieldPath) {
      throw new IndexRangeError(
        "BoundsOnMultipleFields",
        "Upper and lower bounds in `range` can only be applied to a single index field. " +
          `This query against index ${indexName} attempted to set a range bound on both ${JSON.stringify(boundField)} ` +
          `and ${JSON.stringify(fieldPath)}. Consider using \`filter\` instead. See https://docs.convex.dev/using/indexes for more info.`,
      );
    }
    boundField = fieldPath;
    const bound = { value, inclusive, comparator };
    if (isUpper) upperBound = bound;
    else lowerBound = bound;
  }
  if (boundField !== undefined && equalities.has(boundField)) {
    throw alreadyDefined("inequality", boundField, "==", equalities.get(boundField));
  }

  for (const fieldPath of [
    ...equalities.keys(),
    ...(boundField === undefined ? [] : [boundField]),
  ]) {
    if (!indexFields.includes(fieldPath)) {
      throw new IndexRangeError(
        "FieldNotInIndex",
        `The index range included a comparison with ${JSON.stringify(fieldPath)}, but ${indexName} with fields ` +
          `${displayFields(indexFields)} doesn't index this field. For more information see https://docs.convex.dev/using/indexes.`,
      );
    }
  }
  const orderedEqualities = [...equalities.keys()].sort(
    (a, b) => indexFields.indexOf(a) - indexFields.indexOf(b),
  );
  const usedFields =
    boundField === undefined ? orderedEqualities : [...orderedEqualities, boundField];
  usedFields.forEach((fieldPath, position) => {
    if (indexFields[position] !== fieldPath) {
      throw new IndexRangeError(
        "InvalidIndexRange",
        `Tried to query index ${indexName} but the query didn't use the index fields in order.\n` +
          `Index fields: ${displayFields(indexFields)}\nQuery fields: ${displayFields(usedFields)}\n` +
          `First incorrect field: ${fieldPath}\nFor more information see https://docs.convex.dev/using/indexes.`,
      );
    }
  });

  const prefixValues = orderedEqualities.map((fieldPath) => equalities.get(fieldPath));
  const prefix = encodeIndexKey(prefixValues);
  const withBound = (bound: Bound) => encodeIndexKey([...prefixValues, bound.value]);
  // Type tags are never 0xFF, so a successor of a non-empty key always exists.
  const lower = !lowerBound
    ? prefix
    : lowerBound.inclusive
      ? withBound(lowerBound)
      : prefixSuccessor(withBound(lowerBound))!;
  const upper = !upperBound
    ? prefixSuccessor(prefix)
    : upperBound.inclusive
      ? prefixSuccessor(withBound(upperBound))
      : withBound(upperBound);
  return { lower, upper };
}

function alreadyDefined(
  kind: string,
  fieldPath: string,
  comparator: string,
  value: Value | undefined,
): IndexRangeError {
  return new IndexRangeError(
    "AlreadyDefinedBound",
    `Already defined ${kind} bound in index range. Can't add ${JSON.stringify(fieldPath)} ${comparator} ${displayValue(value)}.`,
  );
}

function displayFields(fields: readonly string[]): string {
  return `[${fields.join(", ")}]`;
}
