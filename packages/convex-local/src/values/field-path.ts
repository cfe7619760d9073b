import type { Value } from "convex/values";

/**
 * Reads a dotted field path ("a.b.c") from a document. Any step through a missing
 * field or a non-object value yields `undefined`, as Convex indexes and filters do.
 */
export function getFieldValue(doc: Value | undefined, fieldPath: string): Value | undefined {
  let current: Value | undefined = doc;
  for (const part of fieldPath.split(".")) {
    if (!isPlainObject(current)) return undefined;
    current = current[part];
  }
  return current;
}

/** Whether a value is a Convex object (not an array, bytes or commit-ts placeholder). */
export function isPlainObject(
  value: Value | undefined,
): value is Record<string, Value | undefined> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
