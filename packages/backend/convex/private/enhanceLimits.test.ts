import { describe, expect, test } from "vitest";

import { api } from "../_generated/api";
import { errorCodeOf } from "../lib/errors";
import { createOrganization, newTest, operator, type TestConvex } from "../test.harness";

async function enhanceUntilRefused(t: TestConvex, orgId: string, userId: string, tries: number) {
  const as = operator(t, orgId, "member", userId);
  for (let i = 0; i < tries; i++) {
    const refused = await as.action(api.private.messages.enhance, { text: "thx, fixed it" }).then(
      () => null,
      (error: unknown) => errorCodeOf(error),
    );
    // Without a model the call passes the limiter and is then refused as NOT_CONFIGURED.
    if (refused && refused !== "NOT_CONFIGURED") return { accepted: i, refused };
  }
  return { accepted: tries, refused: null };
}

describe("Enhance with AI limits", () => {
  test("one operator's burst is capped without refusing a teammate or another organization", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    await createOrganization(t, "org_b");
    expect(await enhanceUntilRefused(t, "org_a", "user_1", 20)).toEqual({
      accepted: 10,
      refused: "RATE_LIMITED",
    });
    expect(await enhanceUntilRefused(t, "org_a", "user_2", 1)).toEqual({
      accepted: 1,
      refused: null,
    });
    expect(await enhanceUntilRefused(t, "org_b", "user_1", 1)).toEqual({
      accepted: 1,
      refused: null,
    });
  });

  test("an organization's operators together are capped", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    let accepted = 0;
    let refused: string | null = null;
    for (let user = 0; user < 12 && !refused; user++) {
      const result = await enhanceUntilRefused(t, "org_a", `user_${user}`, 10);
      accepted += result.accepted;
      refused = result.refused;
    }
    expect({ accepted, refused }).toEqual({ accepted: 100, refused: "RATE_LIMITED" });
  });
});
