// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

// Clerk is replaced at its SDK boundary; the self-hosted path has its own tests.
const clerk = vi.hoisted(() => ({
  auth: vi.fn(),
  currentUser: vi.fn(),
}));
vi.mock("@clerk/nextjs/server", () => clerk);
vi.mock("server-only", () => ({}));

import { identityProvider } from "./identity-provider";
import { getOperatorSession } from "./operator-session";

describe("identityProvider", () => {
  it("needs both Clerk keys to use Clerk", () => {
    expect(
      identityProvider({
        NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: "pk_test_x",
        CLERK_SECRET_KEY: "sk_test_x",
      }),
    ).toBe("clerk");
    expect(identityProvider({ NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: "pk_test_x" })).toBe(
      "self-hosted",
    );
    expect(identityProvider({})).toBe("self-hosted");
  });
});

describe("getOperatorSession with Clerk", () => {
  beforeEach(() => {
    vi.stubEnv("NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY", "pk_test_x");
    vi.stubEnv("CLERK_SECRET_KEY", "sk_test_x");
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.clearAllMocks();
  });

  it("maps Clerk's user and active organization", async () => {
    clerk.auth.mockResolvedValue({ userId: "user_1", orgId: "org_9" });
    clerk.currentUser.mockResolvedValue({
      firstName: "Olga",
      lastName: "Operator",
      primaryEmailAddress: { emailAddress: "olga@example.com" },
      emailAddresses: [],
    });
    await expect(getOperatorSession()).resolves.toEqual({
      userId: "user_1",
      name: "Olga Operator",
      email: "olga@example.com",
      organizationId: "org_9",
    });
  });

  it("is null when nobody is signed in, and has no organization until one is chosen", async () => {
    clerk.auth.mockResolvedValueOnce({ userId: null, orgId: null });
    await expect(getOperatorSession()).resolves.toBeNull();

    clerk.auth.mockResolvedValueOnce({ userId: "user_2", orgId: undefined });
    clerk.currentUser.mockResolvedValueOnce({
      username: "solo",
      emailAddresses: [{ emailAddress: "solo@example.com" }],
    });
    await expect(getOperatorSession()).resolves.toEqual({
      userId: "user_2",
      name: "solo",
      email: "solo@example.com",
      organizationId: null,
    });
  });
});
