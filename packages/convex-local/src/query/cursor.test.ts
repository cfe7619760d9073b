import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor, InvalidCursorError } from "./cursor.ts";

const key = "0123456789abcdef0123456789abcdef";

describe("cursors", () => {
  it("round-trips Convex values, bytes and bigints included", () => {
    const state = { index: "by_author", key: new Uint8Array([0, 1, 255]).buffer, ts: 12n, done: false };
    const cursor = encodeCursor(state, key);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, key)).toEqual(state);
  });

  it("rejects tampered, foreign and malformed cursors with InvalidCursor", () => {
    const cursor = encodeCursor({ position: 5 }, key);
    const [payload, tag] = cursor.split(".") as [string, string];
    const forgedPayload = Buffer.from(JSON.stringify({ position: 6 })).toString("base64url");
    for (const bad of [
      `${forgedPayload}.${tag}`,
      `${payload}.${tag.slice(0, -2)}AA`,
      `${payload}.`,
      payload,
      "",
      "not a cursor",
      encodeCursor({ position: 5 }, "another deployment key!!!!!!!!!!"),
    ]) {
      expect(() => decodeCursor(bad, key), bad).toThrow(InvalidCursorError);
    }
    try {
      decodeCursor("x.y", key);
    } catch (error) {
      expect((error as InvalidCursorError).code).toBe("InvalidCursor");
    }
  });

  it("accepts binary keys", () => {
    const binaryKey = new Uint8Array(32).fill(7);
    expect(decodeCursor(encodeCursor(null, binaryKey), binaryKey)).toBeNull();
  });
});
