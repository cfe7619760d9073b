import { describe, expect, it } from "vitest";
import {
  assertSameQuery,
  decodeCursor,
  encodeCursor,
  InvalidCursorError,
  queryFingerprint,
} from "./cursor.ts";

const key = "0123456789abcdef0123456789abcdef";

const rejection = (action: () => unknown): InvalidCursorError => {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidCursorError);
    return error as InvalidCursorError;
  }
  throw new Error("expected InvalidCursor");
};

describe("cursors", () => {
  it("round-trips Convex values, bytes and bigints included", () => {
    const state = {
      index: "by_author",
      key: new Uint8Array([0, 1, 255]).buffer,
      ts: 12n,
      done: false,
    };
    const cursor = encodeCursor(state, key);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, key)).toEqual(state);
  });

  it("rejects tampered, foreign and malformed cursors with the backend's InvalidCursor error", () => {
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
      const error = rejection(() => decodeCursor(bad, key));
      expect(error.message).toBe("InvalidCursor: Failed to parse cursor");
      expect(error.code).toBe("InvalidCursor");
      expect(error.data).toEqual({ isConvexSystemError: true, paginationError: "InvalidCursor" });
    }
  });

  it("accepts binary keys", () => {
    const binaryKey = new Uint8Array(32).fill(7);
    expect(decodeCursor(encodeCursor(null, binaryKey), binaryKey)).toBeNull();
  });
});

describe("query fingerprints", () => {
  const query = {
    source: { type: "IndexRange", indexName: "messages.by_channel", range: [], order: "asc" },
    operators: [],
  };

  it("ignore key order but not content", () => {
    const reordered = {
      operators: [],
      source: { order: "asc", range: [], indexName: "messages.by_channel", type: "IndexRange" },
    };
    expect(queryFingerprint(reordered, ["channel"])).toBe(queryFingerprint(query, ["channel"]));
    expect(queryFingerprint({ ...query, operators: [{ limit: 1 }] }, ["channel"])).not.toBe(
      queryFingerprint(query, ["channel"]),
    );
    expect(queryFingerprint(query, ["author"])).not.toBe(queryFingerprint(query, ["channel"]));
  });

  it("report a cursor from another query with the backend's wording", () => {
    expect(() => assertSameQuery(queryFingerprint(query), queryFingerprint(query))).not.toThrow();
    const error = rejection(() =>
      assertSameQuery(
        queryFingerprint(query),
        queryFingerprint({ ...query, operators: [{ limit: 2 }] }),
      ),
    );
    expect(error.message).toBe(
      "InvalidCursor: Tried to run a query starting from a cursor, but it looks like this cursor is from a different query.",
    );
  });
});
