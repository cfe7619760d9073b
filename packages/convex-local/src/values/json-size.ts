import type { JSONValue } from "convex/values";

const utf8Length = (text: string) => Buffer.byteLength(text, "utf8");

/**
 * A value's size in Convex's accounting (`getConvexSize`), read straight from its Convex JSON
 * encoding, so counting what a transaction reads costs no conversion.
 */
export function convexJsonSize(value: JSONValue): number {
  if (value === null || typeof value === "boolean") return 1;
  if (typeof value === "number") return 9;
  if (typeof value === "string") return 2 + utf8Length(value);
  if (Array.isArray(value)) {
    let size = 2;
    for (const item of value) size += convexJsonSize(item);
    return size;
  }
  const keys = Object.keys(value);
  if (keys.length === 1) {
    const key = keys[0]!;
    if (key === "$integer" || key === "$float") return 9;
    if (key === "$bytes") return 2 + Buffer.byteLength(value[key] as string, "base64");
  }
  let size = 2;
  for (const key of keys) size += utf8Length(key) + 1 + convexJsonSize(value[key]!);
  return size;
}
