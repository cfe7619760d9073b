import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";

import { api, internal } from "../_generated/api";
import { PURGE_GRACE_MS, SESSION_DURATION_MS } from "../lib/contactSessions";
import { createOrganization, newTest, operator, startConversation } from "../test.harness";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("system.contactSessions.purgeExpired", () => {
  test("removes sessions a week past expiry; operators still see who wrote", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    const old = await startConversation(t, "org_a");
    vi.advanceTimersByTime(SESSION_DURATION_MS + PURGE_GRACE_MS - 1000);
    const recent = await startConversation(t, "org_a");
    expect(await t.mutation(internal.system.contactSessions.purgeExpired, {})).toBe(0);
    vi.advanceTimersByTime(2000);
    expect(await t.mutation(internal.system.contactSessions.purgeExpired, {})).toBe(1);

    await expect(t.query(api.public.conversations.get, old)).rejects.toThrow(
      /Unknown contact session/,
    );
    expect((await t.query(api.public.conversations.get, recent)).status).toBe("unresolved");
    const seen = await operator(t, "org_a", "member").query(api.private.conversations.get, {
      conversationId: old.conversationId,
    });
    expect(seen.contact).toMatchObject({ name: "Vera Visitor", email: "vera@example.com" });
  });
});
