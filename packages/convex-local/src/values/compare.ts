import { CommitTsPlaceholder, type Value } from "convex/values";
import { convexTypeOf, TYPE_RANK } from "./type-order.ts";

const MAX_INT64 = 2n ** 63n - 1n;
const utf8 = new TextEncoder();

/**
 * Convex's total order over values: undefined < null < int64 < float64 < boolean <
 * string < bytes < array < object. Floats use IEEE total order (-NaN < -Inf < -0 < 0 <
 * Inf < NaN), strings compare by UTF-8 bytes, arrays and objects (as sorted
 * key/value pairs) lexicographically. Returns a negative, zero or positive number.
 */
export function compareValues(a: Value | undefined, b: Value | undefined): number {
  const typeA = convexTypeOf(a);
  const typeB = convexTypeOf(b);
  if (typeA !== typeB) return TYPE_RANK[typeA] - TYPE_RANK[typeB];
  switch (typeA) {
    case "undefined":
    case "null":
      return 0;
    case "int64":
      return compareBigInts(asBigInt(a), asBigInt(b));
    case "float64":
      return compareFloats(a as number, b as number);
    case "boolean":
      return Number(a) - Number(b);
    case "string":
      return compareStrings(a as string, b as string);
    case "bytes":
      return compareBytes(new Uint8Array(a as ArrayBuffer), new Uint8Array(b as ArrayBuffer));
    case "array":
      return compareArrays(a as Value[], b as Value[]);
    case "object":
      return compareObjects(
        a as Record<string, Value | undefined>,
        b as Record<string, Value | undefined>,
      );
  }
}

function asBigInt(value: Value | undefined): bigint {
  return value instanceof CommitTsPlaceholder ? MAX_INT64 : (value as bigint);
}

function compareBigInts(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Maps a float's bits to a signed integer whose order is IEEE 754 totalOrder. */
function floatTotalOrderKey(value: number): bigint {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value);
  const bits = view.getBigInt64(0);
  return bits < 0n ? bits ^ MAX_INT64 : bits;
}

/** IEEE 754 totalOrder, which is how the backend orders float64 values. */
function compareFloats(a: number, b: number): number {
  if (a < b) return -1;
  if (a > b) return 1;
  if (a === b && !Object.is(a, -0) && !Object.is(b, -0)) return 0;
  return compareBigInts(floatTotalOrderKey(a), floatTotalOrderKey(b));
}

/** Compares strings by their UTF-8 encodings (code point order). */
export function compareStrings(a: string, b: string): number {
  if (a === b) return 0;
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const ca = a.charCodeAt(i);
    const cb = b.charCodeAt(i);
    if (ca !== cb) {
      // Surrogates (UTF-16 only) must sort above the BMP range they interrupt.
      if (ca < 0xd800 && cb < 0xd800) return ca - cb;
      return compareBytes(utf8.encode(a.slice(i)), utf8.encode(b.slice(i)));
    }
  }
  return a.length - b.length;
}

/** memcmp order over byte arrays; a proper prefix sorts first. */
export function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const diff = a[i]! - b[i]!;
    if (diff !== 0) return diff;
  }
  return a.length - b.length;
}

function compareArrays(a: Value[], b: Value[]): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const diff = compareValues(a[i], b[i]);
    if (diff !== 0) return diff;
  }
  return a.length - b.length;
}

/** The object's defined fields in the backend's field order (sorted by bytes). */
export function sortedEntries(object: Record<string, Value | undefined>): [string, Value][] {
  const entries: [string, Value][] = [];
  for (const key of Object.keys(object)) {
    const value = object[key];
    if (value !== undefined) entries.push([key, value]);
  }
  return entries.sort(([x], [y]) => compareStrings(x, y));
}

function compareObjects(
  a: Record<string, Value | undefined>,
  b: Record<string, Value | undefined>,
): number {
  const entriesA = sortedEntries(a);
  const entriesB = sortedEntries(b);
  const length = Math.min(entriesA.length, entriesB.length);
  for (let i = 0; i < length; i++) {
    const [keyA, valueA] = entriesA[i]!;
    const [keyB, valueB] = entriesB[i]!;
    const keyDiff = compareStrings(keyA, keyB);
    if (keyDiff !== 0) return keyDiff;
    const valueDiff = compareValues(valueA, valueB);
    if (valueDiff !== 0) return valueDiff;
  }
  return entriesA.length - entriesB.length;
}
