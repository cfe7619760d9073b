import { describe, expect, it } from "vitest";

import { frameAncestorsPolicy } from "./frame-ancestors";

describe("frameAncestorsPolicy", () => {
  it("lists the organization's domains as frame ancestors", () => {
    expect(frameAncestorsPolicy(["shop.example", "*.example.com", "localhost:3002"])).toBe(
      "frame-ancestors 'self' shop.example *.example.com localhost:3002",
    );
  });

  it("leaves embedding open when no domain is set or there is no such organization", () => {
    expect(frameAncestorsPolicy([])).toBeNull();
    expect(frameAncestorsPolicy(null)).toBeNull();
  });

  it("drops anything that could inject another directive", () => {
    expect(frameAncestorsPolicy(["shop.example; script-src *", "ok.example"])).toBe(
      "frame-ancestors 'self' ok.example",
    );
    expect(frameAncestorsPolicy(["'none'"])).toBeNull();
  });
});
