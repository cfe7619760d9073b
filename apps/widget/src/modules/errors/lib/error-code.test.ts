import { ConvexError } from "convex/values";
import { describe, expect, it } from "vitest";

import { errorCodeOf } from "./error-code";

describe("errorCodeOf", () => {
  it("reads the backend's stable code", () => {
    expect(errorCodeOf(new ConvexError({ code: "SESSION_EXPIRED", message: "expired" }))).toBe(
      "SESSION_EXPIRED",
    );
    expect(
      errorCodeOf(new ConvexError({ code: "RATE_LIMITED", message: "slow", retryAfter: 5 })),
    ).toBe("RATE_LIMITED");
  });

  it("treats anything else as unknown", () => {
    expect(errorCodeOf(new ConvexError({ code: "SOMETHING_NEW" }))).toBe("UNKNOWN");
    expect(errorCodeOf(new ConvexError("plain"))).toBe("UNKNOWN");
    expect(errorCodeOf(new Error("network"))).toBe("UNKNOWN");
  });
});
