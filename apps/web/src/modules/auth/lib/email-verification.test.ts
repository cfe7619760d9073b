import { describe, expect, it } from "vitest";

import { emailVerificationRequired } from "./email-verification";

describe("emailVerificationRequired", () => {
  it("is optional in local mode, where the dashboard is only served on this machine", () => {
    expect(emailVerificationRequired({})).toBe(false);
    expect(emailVerificationRequired({ ECHO_WEB_URL: "http://localhost:4100" })).toBe(false);
    expect(emailVerificationRequired({ ECHO_WEB_URL: "http://127.0.0.1:3000" })).toBe(false);
    expect(emailVerificationRequired({ ECHO_WEB_URL: "http://echo.localhost" })).toBe(false);
  });

  it("is required when the dashboard is served to other machines", () => {
    expect(emailVerificationRequired({ ECHO_WEB_URL: "https://support.example.com" })).toBe(true);
    expect(emailVerificationRequired({ ECHO_WEB_URL: "http://192.168.1.20:3000" })).toBe(true);
    expect(emailVerificationRequired({ ECHO_WEB_URL: "not a url" })).toBe(true);
  });

  it("follows ECHO_REQUIRE_EMAIL_VERIFICATION when it is set", () => {
    expect(emailVerificationRequired({ ECHO_REQUIRE_EMAIL_VERIFICATION: "true" })).toBe(true);
    expect(
      emailVerificationRequired({
        ECHO_REQUIRE_EMAIL_VERIFICATION: "FALSE",
        ECHO_WEB_URL: "https://support.example.com",
      }),
    ).toBe(false);
  });
});
