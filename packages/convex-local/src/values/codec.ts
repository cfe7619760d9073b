import {
  CommitTsPlaceholder,
  convexToJson,
  jsonToConvex,
  type JSONValue,
  type Value,
} from "convex/values";

import { invalidFieldNameUnit, MAX_FIELD_NAME_LENGTH } from "./limits.ts";

export { convexToJson, jsonToConvex };

/** Output formats a request may ask for in its `format` field. */
type ValueFormat = "convex_encoded_json" | "json" | "export_json";

/** Thrown for an unknown `format`; the server maps it to HTTP 400 `BadFormat`. */
export class BadFormatError extends Error {
  readonly code = "BadFormat";
  constructor(format: string) {
    super(`format param must be one of [\`json\`]. Got ${format}`);
    this.name = "BadFormat";
  }
}

/**
 * Normalizes a requested format name, accepting the backend's aliases
 * (`convex_json`, `convex_clean_json`). Throws {@link BadFormatError} for anything else.
 */
export function parseValueFormat(format: string): ValueFormat {
  switch (format) {
    case "convex_encoded_json":
    case "convex_json":
      return "convex_encoded_json";
    case "json":
    case "convex_clean_json":
      return "json";
    case "export_json":
      return "export_json";
    default:
      throw new BadFormatError(format);
  }
}

/**
 * Encodes a Convex value as JSON in the requested output format:
 * `convex_encoded_json` ($-tagged), `json` (clean: int64 as decimal string, bytes as
 * base64, non-finite floats as strings) or `export_json` (int64 as a JSON number).
 */
export function encodeValueForFormat(value: Value, format: string): JSONValue {
  const parsed = parseValueFormat(format);
  if (parsed === "convex_encoded_json") return convexToJson(value);
  return encodePlain(value, parsed);
}

function encodePlain(value: Value, format: "json" | "export_json"): JSONValue {
  if (value === null || typeof value === "boolean" || typeof value === "string") return value;
  if (typeof value === "number") {
    if (Number.isFinite(value))
      return Object.is(value, -0) && format === "export_json" ? convexToJson(value) : value;
    if (format === "export_json") return convexToJson(value);
    return Number.isNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity";
  }
  if (typeof value === "bigint") {
    // A JSON number is unbounded text, so export keeps every digit of the int64.
    if (format === "json") return value.toString();
    return (JSON as unknown as { rawJSON(text: string): JSONValue }).rawJSON(value.toString());
  }
  if (value instanceof ArrayBuffer) {
    const base64 = Buffer.from(value).toString("base64");
    return format === "json" ? base64 : { $bytes: base64 };
  }
  if (Array.isArray(value)) return value.map((item) => encodePlain(item, format));
  if (value instanceof CommitTsPlaceholder) return convexToJson(value);
  const out: Record<string, JSONValue> = {};
  for (const key of Object.keys(value).sort()) {
    const field = (value as Record<string, Value | undefined>)[key];
    if (field !== undefined) out[key] = encodePlain(field, format);
  }
  return out;
}

/**
 * `jsonToConvex(json)` without its copy: JSON with no `$`-tagged object and only valid field names
 * (nearly every argument and document) already is that value, so it is returned as it is; anything
 * else is decoded (and refused) by `jsonToConvex`. The result may share `json`: read it only.
 */
export function jsonAsConvex(json: JSONValue): Value {
  return isPlainConvexJson(json) ? (json as Value) : jsonToConvex(json);
}

function isPlainConvexJson(json: JSONValue): boolean {
  if (json === null) return true;
  if (typeof json !== "object")
    return typeof json === "string" || typeof json === "number" || typeof json === "boolean";
  if (Array.isArray(json)) {
    for (const item of json) if (!isPlainConvexJson(item)) return false;
    return true;
  }
  if (Object.getPrototypeOf(json) !== Object.prototype) return false;
  for (const key of Object.keys(json)) {
    if (key.length > MAX_FIELD_NAME_LENGTH || key.startsWith("$") || invalidFieldNameUnit(key) >= 0)
      return false;
    if (!isPlainConvexJson(json[key]!)) return false;
  }
  return true;
}

/**
 * Decodes convex-encoded JSON that may also carry `{"$undefined": null}` (filter
 * literals, index ranges, patches) into a value or `undefined`.
 */
export function jsonToConvexOrUndefined(json: JSONValue): Value | undefined {
  if (isUndefinedMarker(json)) return undefined;
  return jsonToConvex(json);
}

/** Whether `json` is the `{"$undefined": null}` marker. */
export function isUndefinedMarker(json: unknown): boolean {
  return (
    typeof json === "object" &&
    json !== null &&
    !Array.isArray(json) &&
    Object.keys(json).length === 1 &&
    (json as Record<string, unknown>).$undefined === null
  );
}
