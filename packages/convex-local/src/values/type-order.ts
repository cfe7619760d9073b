import { CommitTsPlaceholder, type Value } from "convex/values";

/** Rank of each Convex type in the cross-type sort order. */
export const TYPE_RANK = {
  undefined: 0,
  null: 1,
  int64: 2,
  float64: 3,
  boolean: 4,
  string: 5,
  bytes: 6,
  array: 7,
  object: 8,
} as const;

type ConvexTypeName = keyof typeof TYPE_RANK;

/** Names the Convex type of a value (`undefined` for a missing field). */
export function convexTypeOf(value: Value | undefined): ConvexTypeName {
  if (value === undefined) return "undefined";
  if (value === null) return "null";
  switch (typeof value) {
    case "bigint":
      return "int64";
    case "number":
      return "float64";
    case "boolean":
      return "boolean";
    case "string":
      return "string";
  }
  if (value instanceof ArrayBuffer) return "bytes";
  // An unresolved commit timestamp becomes an int64 at commit.
  if (value instanceof CommitTsPlaceholder) return "int64";
  if (Array.isArray(value)) return "array";
  return "object";
}
