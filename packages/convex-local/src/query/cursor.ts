import { createHmac, timingSafeEqual } from "node:crypto";
import { convexToJson, jsonToConvex, type Value } from "convex/values";

const MAC_LENGTH = 16;

/** A cursor that was not issued by this deployment, was altered, or is malformed. */
export class InvalidCursorError extends Error {
  readonly code = "InvalidCursor";
  constructor(message = "Invalid cursor: this cursor was not created by this deployment's paginated query") {
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
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new InvalidCursorError();
  try {
    return jsonToConvex(JSON.parse(Buffer.from(payload, "base64url").toString("utf8")));
  } catch {
    throw new InvalidCursorError();
  }
}

function mac(payload: string, key: string | Uint8Array): Buffer {
  return createHmac("sha256", key).update("cursor:").update(payload).digest().subarray(0, MAC_LENGTH);
}
