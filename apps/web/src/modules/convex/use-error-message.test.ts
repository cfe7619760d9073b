import { ERROR_CODES, errorCodeOf } from "@echo/backend/convex/lib/errors";
import { ConvexError } from "convex/values";
import { describe, expect, it } from "vitest";

import en from "../../../messages/en.json";

describe("errorCodeOf", () => {
  it("reads the code of a backend ConvexError", () => {
    expect(errorCodeOf(new ConvexError({ code: "RATE_LIMITED", message: "slow down" }))).toBe(
      "RATE_LIMITED",
    );
  });

  it("ignores unknown codes and plain errors", () => {
    expect(errorCodeOf(new ConvexError({ code: "SOMETHING_ELSE" }))).toBeNull();
    expect(errorCodeOf(new Error("boom"))).toBeNull();
  });

  it("has a message for every code the backend uses", () => {
    for (const code of [...ERROR_CODES, "generic"]) {
      expect(Object.keys(en.errors)).toContain(code);
    }
  });
});
