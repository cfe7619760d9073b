import { describe, expect, test } from "vitest";
import { decodePageCursor, encodePageCursor, END_CURSOR } from "./page-cursor.ts";

describe("page cursors", () => {
  test("round-trip index positions and the end marker", () => {
    const key = new Uint8Array([0, 1, 2, 250, 255]);
    expect(decodePageCursor(encodePageCursor(key))).toEqual(key);
    expect(decodePageCursor(encodePageCursor(END_CURSOR))).toBe(END_CURSOR);
  });

  test("reject malformed and search cursors", () => {
    expect(() => decodePageCursor("not a cursor!")).toThrow("InvalidCursor");
    expect(() => decodePageCursor("search:3")).toThrow("InvalidCursor");
  });
});
