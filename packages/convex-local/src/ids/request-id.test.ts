import { describe, expect, it } from "vitest";
import { randomId } from "./request-id.ts";

describe("randomId", () => {
  it("is 16 lowercase hex digits, and ids drawn across several refills of its pool differ", () => {
    const ids = Array.from({ length: 2000 }, randomId);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{16}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
