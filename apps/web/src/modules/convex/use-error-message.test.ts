import { ConvexError } from "convex/values";
import { describe, expect, it } from "vitest";

import en from "../../../messages/en.json";
import { errorCode } from "./use-error-message";

describe("errorCode", () => {
  it("reads the code of a backend ConvexError", () => {
    expect(errorCode(new ConvexError({ code: "RATE_LIMITED", message: "slow down" }))).toBe(
      "RATE_LIMITED",
    );
  });

  it("ignores unknown codes and plain errors", () => {
    expect(errorCode(new ConvexError({ code: "SOMETHING_ELSE" }))).toBeNull();
    expect(errorCode(new Error("boom"))).toBeNull();
  });

  it("has a message for every code the backend uses", () => {
    for (const code of [
      "SESSION_EXPIRED",
      "NOT_FOUND",
      "UNAUTHORIZED",
      "RATE_LIMITED",
      "CONVERSATION_RESOLVED",
      "PLAN_REQUIRED",
      "INVALID_FILE",
      "INVALID_INPUT",
      "generic",
    ]) {
      expect(Object.keys(en.errors)).toContain(code);
    }
  });
});
