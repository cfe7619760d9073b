import { describe, expect, test } from "vitest";
import { canonicalizeUdfPath } from "./modules.ts";

describe("canonicalizeUdfPath", () => {
  test.each([
    ["messages:list", "messages:list"],
    ["messages.js:list", "messages:list"],
    ["messages", "messages:default"],
    ["dir/sub/file:fn", "dir/sub/file:fn"],
  ])("%s → %s", (input, expected) => {
    expect(canonicalizeUdfPath(input)).toBe(expected);
  });
});
