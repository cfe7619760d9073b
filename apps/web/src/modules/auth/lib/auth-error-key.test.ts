import { describe, expect, it } from "vitest";

import en from "../../../../messages/en.json";
import { authErrorKey } from "./auth-error-key";

describe("authErrorKey", () => {
  it("maps rate limiting before any code", () => {
    expect(authErrorKey({ status: 429, code: "INVALID_EMAIL_OR_PASSWORD" })).toBe(
      "tooManyAttempts",
    );
  });

  it("maps known codes and falls back to generic", () => {
    expect(authErrorKey({ status: 401, code: "INVALID_EMAIL_OR_PASSWORD" })).toBe(
      "invalidCredentials",
    );
    expect(authErrorKey({ status: 422, code: "USER_ALREADY_EXISTS" })).toBe("emailTaken");
    expect(authErrorKey({ status: 429, code: "ACCOUNT_THROTTLED" })).toBe("accountThrottled");
    expect(authErrorKey({ status: 403, code: "EMAIL_NOT_VERIFIED" })).toBe("emailNotVerified");
    expect(
      authErrorKey({
        status: 403,
        code: "EMAIL_VERIFICATION_REQUIRED_BEFORE_ACCEPTING_OR_REJECTING_INVITATION",
      }),
    ).toBe("emailNotVerified");
    expect(authErrorKey({ status: 403, code: "YOU_ARE_NOT_THE_RECIPIENT_OF_THE_INVITATION" })).toBe(
      "notInvitee",
    );
    expect(authErrorKey({ status: 500, code: "SOMETHING_NEW" })).toBe("generic");
    expect(authErrorKey(null)).toBe("generic");
  });

  it("only returns keys that have messages", () => {
    const codes = [
      "INVALID_EMAIL_OR_PASSWORD",
      "USER_ALREADY_EXISTS",
      "PASSWORD_TOO_SHORT",
      "INVALID_TOKEN",
      "ORGANIZATION_ALREADY_EXISTS",
      "ACCOUNT_THROTTLED",
      "EMAIL_NOT_VERIFIED",
      "YOU_ARE_NOT_THE_RECIPIENT_OF_THE_INVITATION",
      "INVALID_CODE",
      "INVALID_BACKUP_CODE",
      "INVALID_TWO_FACTOR_COOKIE",
      "INVALID_PASSWORD",
      "X",
    ];
    for (const code of codes) {
      expect(Object.keys(en.auth.errors)).toContain(authErrorKey({ code }));
    }
    expect(Object.keys(en.auth.errors)).toContain(authErrorKey({ status: 429 }));
  });
});
