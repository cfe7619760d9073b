import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";

import { api } from "../_generated/api";
import { createOrganization, newTest, operator, settle, startConversation } from "../test.harness";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("public.unreadTokens", () => {
  test("a token counts the visitor's unread replies and reveals nothing else", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    await createOrganization(t, "org_b");
    const ids = await startConversation(t, "org_a");
    const token = await t.mutation(api.public.unreadTokens.issue, {
      contactSessionId: ids.contactSessionId,
    });
    expect(token).toMatch(/^[\w-]{24}$/);
    expect(token).not.toContain(ids.contactSessionId);
    // Issuing again hands back the same token, so the host page's copy stays valid.
    expect(
      await t.mutation(api.public.unreadTokens.issue, { contactSessionId: ids.contactSessionId }),
    ).toBe(token);
    expect(await t.query(api.public.unreadTokens.count, { organizationId: "org_a", token })).toBe(
      0,
    );

    const ana = operator(t, "org_a", "member");
    await ana.mutation(api.private.messages.reply, {
      conversationId: ids.conversationId,
      text: "Still there?",
    });
    await ana.mutation(api.private.messages.reply, {
      conversationId: ids.conversationId,
      text: "We fixed it.",
    });
    await settle(t);
    expect(await t.query(api.public.unreadTokens.count, { organizationId: "org_a", token })).toBe(
      2,
    );
    expect(await t.query(api.public.unreadTokens.count, { organizationId: "org_b", token })).toBe(
      0,
    );
    expect(
      await t.query(api.public.unreadTokens.count, { organizationId: "org_a", token: "guess" }),
    ).toBe(0);

    await t.mutation(api.public.conversations.markRead, ids);
    expect(await t.query(api.public.unreadTokens.count, { organizationId: "org_a", token })).toBe(
      0,
    );
  });

  test("a purged contact session's token counts nothing", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    const ids = await startConversation(t, "org_a");
    const token = await t.mutation(api.public.unreadTokens.issue, {
      contactSessionId: ids.contactSessionId,
    });
    await operator(t, "org_a", "member").mutation(api.private.messages.reply, {
      conversationId: ids.conversationId,
      text: "Hello?",
    });
    await t.run(async (ctx) => await ctx.db.delete(ids.contactSessionId));
    expect(await t.query(api.public.unreadTokens.count, { organizationId: "org_a", token })).toBe(
      0,
    );
  });
});
