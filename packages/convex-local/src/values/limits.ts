import { getDocumentSize, type Value } from "convex/values";
import { isPlainObject } from "./field-path.ts";

/** Maximum size of one document, in bytes (Convex's size accounting). */
const MAX_DOCUMENT_SIZE_BYTES = 1024 * 1024;
/** Maximum nesting depth of objects and arrays inside a document. */
const MAX_NESTING_DEPTH = 16;
/** Maximum number of elements in one array. */
export const MAX_ARRAY_LENGTH = 8192;
/** Maximum length of a field name, in characters. */
export const MAX_FIELD_NAME_LENGTH = 1024;
/** Maximum number of fields in one object. */
const MAX_OBJECT_FIELDS = 1024;
/** Per-transaction limits from Convex's documented limits page. */
export const TRANSACTION_LIMITS = {
  documentsRead: 32_000,
  bytesRead: 16 * 1024 * 1024,
  documentsWritten: 16_000,
  bytesWritten: 16 * 1024 * 1024,
  databaseQueries: 4096,
  functionsScheduled: 1000,
  scheduledFunctionArgsBytes: 16 * 1024 * 1024,
} as const;
export const OVER_LIMIT_HELP =
  "Consider using smaller limits in your queries, paginating your queries, or using indexed queries with a selective index range expressions.";

/** A byte count as Convex's limit messages print it: the unit that divides it, else bytes. */
export function formatBytes(n: number): string {
  const units: Array<[number, string]> = [
    [2 ** 30, "GiB"],
    [1e9, "GB"],
    [2 ** 20, "MiB"],
    [1e6, "MB"],
    [2 ** 10, "KiB"],
    [1e3, "KB"],
  ];
  for (const [size, name] of units) {
    if (n < size) continue;
    if (n % size === 0) return `${n / size} ${name}`;
    if ((n * 10) % size === 0)
      return `${Math.floor(n / size)}.${Math.floor((n * 10) / size) % 10} ${name}`;
  }
  return `${n} bytes`;
}

/** Maximum size of a function's arguments and of its return value, in bytes. */
export const MAX_FUNCTION_ARGS_BYTES = 16 * 1024 * 1024;
export const MAX_FUNCTION_RESULT_BYTES = 16 * 1024 * 1024;
/** Maximum nesting of any value a function takes or returns (documents have their own 16). */
export const MAX_VALUE_NESTING = 64;

/**
 * How nested a value in Convex's JSON encoding is, as Convex counts it: a primitive is 0, an array
 * or object one more than its deepest element (`{$integer: …}` and its kind are primitives).
 */
export function valueNesting(value: unknown): number {
  if (Array.isArray(value))
    return 1 + value.reduce((m: number, v) => Math.max(m, valueNesting(v)), 0);
  if (typeof value !== "object" || value === null) return 0;
  const keys = Object.keys(value);
  if (keys.length === 1 && keys[0]!.startsWith("$")) return 0;
  let deepest = 0;
  for (const key of keys)
    deepest = Math.max(deepest, valueNesting((value as Record<string, unknown>)[key]));
  return 1 + deepest;
}

const SYSTEM_FIELDS = new Set(["_id", "_creationTime"]);

/** A document or value that breaks one of Convex's structural limits. */
export class DocumentLimitError extends Error {
  /** The backend's short error code (`ValueTooLargeError`, `TooNestedError`, ...). */
  readonly code: string;
  constructor(message: string, code = "InvalidValue") {
    super(message);
    this.name = "DocumentLimitError";
    this.code = code;
  }
}

/**
 * Checks a document against Convex's limits: size ≤ 1 MiB, nesting ≤ 16, arrays
 * ≤ 8192 elements, valid field names, and no top-level `_` fields other than
 * `_id` and `_creationTime`. Throws {@link DocumentLimitError}; returns the size.
 */
export function checkDocumentLimits(doc: Record<string, Value | undefined>): number {
  for (const field of Object.keys(doc)) {
    if (doc[field] === undefined) continue;
    if (field.startsWith("_") && !SYSTEM_FIELDS.has(field)) {
      throw new DocumentLimitError(
        `Field '${field}' starts with an underscore, which is only allowed for system fields like _id and _creationTime.`,
      );
    }
  }
  checkValueShape(doc, 0, []);
  const size = getDocumentSize(doc as Record<string, Value>);
  if (size > MAX_DOCUMENT_SIZE_BYTES) {
    throw new DocumentLimitError(
      `Value is too large (${formatMiB(size)} MiB > maximum size ${formatMiB(MAX_DOCUMENT_SIZE_BYTES)} MiB)`,
      "ValueTooLargeError",
    );
  }
  return size;
}

/**
 * Checks field names, nesting and array lengths of any value (function args too). `path` holds the
 * field names and array indexes down to `value`; it is made text only for an error's message.
 */
function checkValueShape(
  value: Value | undefined,
  depth: number,
  path: Array<string | number>,
): void {
  if (Array.isArray(value)) {
    enterLevel(depth, path);
    if (value.length > MAX_ARRAY_LENGTH) {
      throw new DocumentLimitError(
        `Array length is too long (${value.length} > maximum length ${MAX_ARRAY_LENGTH})${at(path)}`,
        "ArrayTooLongError",
      );
    }
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      checkValueShape(value[i], depth + 1, path);
      path.pop();
    }
    return;
  }
  if (!isPlainObject(value)) return;
  enterLevel(depth, path);
  const keys = Object.keys(value);
  let fields = 0;
  for (const field of keys) if (value[field] !== undefined) fields++;
  if (fields > MAX_OBJECT_FIELDS) {
    throw new DocumentLimitError(
      `Object has too many fields (${fields} > maximum number ${MAX_OBJECT_FIELDS})${at(path)}`,
    );
  }
  for (const field of keys) {
    if (value[field] === undefined) continue;
    checkFieldName(field);
    path.push(field);
    checkValueShape(value[field], depth + 1, path);
    path.pop();
  }
}

function enterLevel(depth: number, path: Array<string | number>): void {
  if (depth >= MAX_NESTING_DEPTH) {
    throw new DocumentLimitError(
      `Value is too nested (nested ${depth + 1} levels deep > maximum nesting ${MAX_NESTING_DEPTH})${at(path)}`,
      "TooNestedError",
    );
  }
}

/**
 * Where a field name first leaves non-control ASCII, or -1. By UTF-16 unit: the first unit of
 * anything outside ASCII is already out of range.
 */
export function invalidFieldNameUnit(field: string): number {
  for (let i = 0; i < field.length; i++) {
    const unit = field.charCodeAt(i);
    if (unit < 32 || unit >= 127) return i;
  }
  return -1;
}

/**
 * Validates one field name as the backend does (`check_valid_field_name`): nonempty,
 * not starting with `$`, non-control ASCII only, at most 1024 characters.
 */
export function checkFieldName(field: string): void {
  if (field.length === 0) throw new DocumentLimitError("Field name cannot be empty");
  if (field.startsWith("$"))
    throw new DocumentLimitError(`Field name ${field} starts with '$', which is reserved.`);
  const invalid = invalidFieldNameUnit(field);
  if (invalid >= 0) {
    const char = String.fromCodePoint(field.codePointAt(invalid)!);
    throw new DocumentLimitError(
      `Field name ${field} has invalid character '${char}': Field names can only contain non-control ASCII characters`,
    );
  }
  if (field.length > MAX_FIELD_NAME_LENGTH) {
    throw new DocumentLimitError(
      `Field name is too long (${field.length} > maximum ${MAX_FIELD_NAME_LENGTH})`,
    );
  }
}

/** ` at path .a.b[2]`, or nothing at the top. */
function at(path: Array<string | number>): string {
  if (path.length === 0) return "";
  return ` at path ${path.map((p) => (typeof p === "number" ? `[${p}]` : `.${p}`)).join("")}`;
}

function formatMiB(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(bytes % (1024 * 1024) === 0 ? 0 : 2);
}
