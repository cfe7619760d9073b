import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { convexToJson, jsonToConvex, type JSONValue, type Value } from "convex/values";

const MAC_LENGTH = 16;
const PARSE_FAILURE = "InvalidCursor: Failed to parse cursor";
const DIFFERENT_QUERY =
  "InvalidCursor: Tried to run a query starting from a cursor, but it looks like this cursor is from a different query.";

/**
 * A cursor that was altered, not issued by this deployment, or issued for another
 * query. `data` is the ConvexError payload the backend attaches so that
 * `usePaginatedQuery` resets its pages instead of failing.
 */
export class InvalidCursorError extends Error {
  readonly code = "InvalidCursor";
  readonly data = { isConvexSystemError: true, paginationError: "InvalidCursor" } as const;
  constructor(message = PARSE_FAILURE) {
    super(message);
    this.name = "InvalidCursor";
  }
}

/**
 * Serializes pagination state into an opaque, tamper-evident string:
 * base64url(convex JSON) "." base64url(truncated HMAC-SHA256 under `key`).
 */
export function encodeCursor(state: Value, key: string | Uint8Array): string {
  const payload = Buffer.from(JSON.stringify(convexToJson(state))).toString("base64url");
  return `${payload}.${mac(payload, key).toString("base64url")}`;
}

/** Verifies and decodes a cursor from {@link encodeCursor}; throws {@link InvalidCursorError}. */
export function decodeCursor(cursor: string, key: string | Uint8Array): Value {
  if (typeof cursor !== "string") throw new InvalidCursorError();
  const dot = cursor.indexOf(".");
  if (dot <= 0) throw new InvalidCursorError();
  const payload = cursor.slice(0, dot);
  const given = Buffer.from(cursor.slice(dot + 1), "base64url");
  const expected = mac(payload, key);
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    throw new InvalidCursorError();
  try {
    return jsonToConvex(JSON.parse(Buffer.from(payload, "base64url").toString("utf8")));
  } catch {
    throw new InvalidCursorError();
  }
}

/**
 * A stable fingerprint of a serialized query (and the fields of the index it
 * reads), to store in its cursors: object keys are sorted, so equal queries
 * written in different key orders match.
 */
export function queryFingerprint(query: JSONValue, indexFields: readonly string[] = []): string {
  return createHash("sha256")
    .update(canonicalJson({ query, indexFields: [...indexFields] }))
    .digest("base64url");
}

/** Throws the backend's "cursor is from a different query" error unless fingerprints match. */
export function assertSameQuery(cursorFingerprint: string, queryFingerprintNow: string): void {
  if (cursorFingerprint !== queryFingerprintNow) throw new InvalidCursorError(DIFFERENT_QUERY);
}

function canonicalJson(value: JSONValue): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key]!)}`)
      .join(",")}}`;
  }
  return JSON.stringify(value);
}

function mac(payload: string, key: string | Uint8Array): Buffer {
  return createHmac("sha256", key)
    .update("cursor:")
    .update(payload)
    .digest()
    .subarray(0, MAC_LENGTH);
}
