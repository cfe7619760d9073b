import { describe, expect, test } from "vitest";
import { pushedAuthInfo } from "./pushed-auth-info.ts";

describe("pushedAuthInfo", () => {
  test("a custom JWT provider without an applicationID answers it as null", () => {
    const custom = {
      type: "customJwt",
      issuer: "https://i",
      jwks: "https://i/jwks",
      algorithm: "RS256",
    };
    const oidc = { domain: "https://d", applicationID: "convex" };
    const withId = { ...custom, applicationID: "app" };
    expect(pushedAuthInfo([custom, oidc, withId])).toEqual([
      { ...custom, applicationID: null },
      oidc,
      withId,
    ]);
  });
});
