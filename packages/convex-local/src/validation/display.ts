import {
  CommitTsPlaceholder,
  jsonToConvex,
  type JSONValue,
  type Value,
  type ValidatorJSON,
} from "convex/values";
import { sortedEntries } from "../values/compare.ts";

/** Formats a value the way the backend prints values in validation errors. */
export function displayValue(value: Value | undefined): string {
  if (value === undefined) return "undefined";
  if (value === null) return "null";
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "number") return displayFloat(value);
  if (typeof value === "boolean") return String(value);
  if (typeof value === "string") return JSON.stringify(value);
  if (value instanceof ArrayBuffer) return `b"${Buffer.from(value).toString("base64")}"`;
  if (value instanceof CommitTsPlaceholder) return value.toString();
  if (Array.isArray(value)) return `[${value.map(displayValue).join(", ")}]`;
  return `{${sortedEntries(value)
    .map(([key, field]) => `${key}: ${displayValue(field)}`)
    .join(", ")}}`;
}

// Mirrors Rust's `{:?}` for f64: integral values keep a ".0", infinities are "inf".
function displayFloat(n: number): string {
  if (Number.isNaN(n)) return "NaN";
  if (n === Infinity) return "inf";
  if (n === -Infinity) return "-inf";
  if (Object.is(n, -0)) return "-0.0";
  const text = String(n).replace("e+", "e");
  return Number.isInteger(n) && !text.includes("e") ? `${text}.0` : text;
}

/** Formats a validator as the `v.*` expression the backend prints in errors. */
export function displayValidator(validator: ValidatorJSON): string {
  switch (validator.type) {
    case "null":
      return "v.null()";
    case "number":
      return "v.float64()";
    case "bigint":
      return "v.int64()";
    case "commitTs":
      return "v.commitTs()";
    case "function":
      return "v.function()";
    case "boolean":
      return "v.boolean()";
    case "string":
      return "v.string()";
    case "bytes":
      return "v.bytes()";
    case "any":
      return "v.any()";
    case "literal":
      return `v.literal(${displayLiteral(validator.value)})`;
    case "id":
      return `v.id("${validator.tableName}")`;
    case "array":
      return `v.array(${displayValidator(validator.value)})`;
    case "record":
      return `v.record(${displayValidator(validator.keys as ValidatorJSON)}, ${displayValidator(validator.values.fieldType)})`;
    case "union":
      return `v.union(${validator.value.map(displayValidator).join(", ")})`;
    case "object":
      return `v.object({${Object.keys(validator.value)
        .sort()
        .map((field) => {
          const { fieldType, optional } = validator.value[field]!;
          const shown = displayValidator(fieldType);
          return `${field}: ${optional ? `v.optional(${shown})` : shown}`;
        })
        .join(", ")}})`;
  }
}

function displayLiteral(json: JSONValue): string {
  const value = jsonToConvex(json);
  if (typeof value === "bigint") return "<bigint>";
  if (typeof value === "number" && !Number.isFinite(value)) return "<number>";
  return JSON.stringify(value);
}
