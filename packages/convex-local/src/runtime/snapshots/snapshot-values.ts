import type { JSONValue } from "convex/values";
import {
  elementShapes,
  fieldShapes,
  type Shape,
  SnapshotFormatError,
  stringContext,
  UNKNOWN,
} from "./snapshot-shape.ts";

export { SnapshotFormatError };

/**
 * Snapshot files hold documents as Convex's "clean" JSON (int64 as decimal strings, bytes as
 * base64 strings, NaN and infinities as strings). An export context beside each document says
 * which strings were not strings, so values round-trip (Convex's `ExportContext` JSON).
 */
type ExportContext =
  | "infer"
  | "int64"
  | "bytes"
  | "float64inf"
  | "set"
  | "map"
  | { $float64NaN: string }
  | ExportContext[]
  | { [field: string]: ExportContext };

function floatBytes(value: number): string {
  const bytes = Buffer.alloc(8);
  bytes.writeDoubleLE(value);
  return bytes.toString("base64");
}

function int64Of(encoded: string): bigint {
  return Buffer.from(encoded, "base64").readBigInt64LE();
}

/** A stored (convex JSON) value as clean JSON plus its export context ("infer" when none is needed). */
export function toCleanJson(value: JSONValue): { json: JSONValue; context: ExportContext } {
  if (value === null || typeof value !== "object") return { json: value, context: "infer" };
  if (Array.isArray(value)) {
    const parts = value.map(toCleanJson);
    const contexts = parts.map((p) => p.context);
    return {
      json: parts.map((p) => p.json),
      context: contexts.every((c) => c === "infer") ? "infer" : contexts,
    };
  }
  if ("$integer" in value && typeof value.$integer === "string")
    return { json: int64Of(value.$integer).toString(), context: "int64" };
  if ("$bytes" in value && typeof value.$bytes === "string")
    return { json: value.$bytes, context: "bytes" };
  if ("$float" in value && typeof value.$float === "string") {
    const f = Buffer.from(value.$float, "base64").readDoubleLE();
    if (Number.isNaN(f)) return { json: "NaN", context: { $float64NaN: value.$float } };
    if (!Number.isFinite(f))
      return { json: f > 0 ? "Infinity" : "-Infinity", context: "float64inf" };
    // -0 is the only finite float convex JSON encodes this way; `stringifyClean` writes it as -0.0.
    return { json: NEGATIVE_ZERO, context: "infer" };
  }
  const json: Record<string, JSONValue> = {};
  const context: Record<string, ExportContext> = {};
  for (const [key, field] of Object.entries(value)) {
    const part = toCleanJson(field);
    json[key] = part.json;
    if (part.context !== "infer") context[key] = part.context;
  }
  return { json, context: Object.keys(context).length ? context : "infer" };
}

/** Stands for -0 in clean JSON until `stringifyClean` writes it (JSON.stringify would write 0). */
const NEGATIVE_ZERO = "\u0000convex-local:-0\u0000";

/** One line of clean JSON, with -0 written as `-0.0` like Convex does. */
export function stringifyClean(value: JSONValue): string {
  return JSON.stringify(value).replaceAll(JSON.stringify(NEGATIVE_ZERO), "-0.0");
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/**
 * Clean JSON back to convex JSON, following an export context and, where it says nothing, the
 * table's shape; throws SnapshotFormatError.
 */
export function fromCleanJson(
  json: unknown,
  context: unknown = "infer",
  at = "value",
  shapes: Shape[] = [UNKNOWN],
): JSONValue {
  if (context === "infer") return inferred(json, at, shapes);
  if (context === "int64") {
    if (typeof json !== "string" && typeof json !== "number")
      throw new SnapshotFormatError(`${at}: expected an int64 as a string, got ${show(json)}`);
    let n: bigint;
    try {
      n = BigInt(json);
    } catch {
      throw new SnapshotFormatError(`${at}: "${String(json)}" is not an int64`);
    }
    if (n < INT64_MIN || n > INT64_MAX)
      throw new SnapshotFormatError(`${at}: ${n} is out of the int64 range`);
    const bytes = Buffer.alloc(8);
    bytes.writeBigInt64LE(n);
    return { $integer: bytes.toString("base64") };
  }
  if (context === "bytes") {
    if (typeof json !== "string" || !/^[A-Za-z0-9+/]*={0,2}$/.test(json))
      throw new SnapshotFormatError(`${at}: expected bytes as a base64 string, got ${show(json)}`);
    return { $bytes: json };
  }
  if (context === "float64inf") {
    if (json !== "Infinity" && json !== "-Infinity")
      throw new SnapshotFormatError(`${at}: expected "Infinity" or "-Infinity", got ${show(json)}`);
    return { $float: floatBytes(json === "Infinity" ? Infinity : -Infinity) };
  }
  if (context === "set" || context === "map")
    throw new SnapshotFormatError(`${at}: ${context}s are not supported`);
  if (Array.isArray(context)) {
    if (!Array.isArray(json))
      throw new SnapshotFormatError(`${at}: expected an array, got ${show(json)}`);
    const inner = elementShapes(shapes);
    return json.map((item, i) => fromCleanJson(item, context[i] ?? "infer", `${at}[${i}]`, inner));
  }
  if (typeof context === "object" && context !== null) {
    const nan = (context as Record<string, unknown>).$float64NaN;
    if (typeof nan === "string") {
      if (Buffer.from(nan, "base64").length !== 8)
        throw new SnapshotFormatError(`${at}: a NaN's bytes must be 8 bytes of base64`);
      return { $float: nan };
    }
    if (typeof json !== "object" || json === null || Array.isArray(json))
      throw new SnapshotFormatError(`${at}: expected an object, got ${show(json)}`);
    const out: Record<string, JSONValue> = {};
    for (const [key, field] of Object.entries(json))
      out[key] = fromCleanJson(
        field,
        (context as Record<string, unknown>)[key] ?? "infer",
        `${at}.${key}`,
        fieldShapes(shapes, key),
      );
    return out;
  }
  throw new SnapshotFormatError(`${at}: invalid export context ${show(context)}`);
}

function inferred(json: unknown, at: string, shapes: Shape[]): JSONValue {
  if (typeof json === "string") {
    const context = stringContext(shapes);
    return context === "infer" ? json : fromCleanJson(json, context, at);
  }
  if (typeof json === "number" && Object.is(json, -0)) return { $float: floatBytes(-0) };
  if (json === null || typeof json === "boolean" || typeof json === "number") return json;
  if (Array.isArray(json)) {
    const inner = elementShapes(shapes);
    return json.map((item, i) => inferred(item, `${at}[${i}]`, inner));
  }
  if (typeof json === "object") {
    const out: Record<string, JSONValue> = {};
    for (const [key, field] of Object.entries(json)) {
      if (key.startsWith("$"))
        throw new SnapshotFormatError(`${at}: field name "${key}" cannot start with "$"`);
      out[key] = inferred(field, `${at}.${key}`, fieldShapes(shapes, key));
    }
    return out;
  }
  throw new SnapshotFormatError(`${at}: unsupported value ${show(json)}`);
}

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
