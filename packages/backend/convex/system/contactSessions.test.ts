import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";

import { api, internal } from "../_generated/api";
import { PURGE_GRACE_MS, SESSION_DURATION_MS } from "../lib/contactSessions";
import { PURGE_BATCH, WEBHOOK_REPLAY_WINDOW_MS } from "../lib/retention";
import { createOrganization, newTest, operator, settle, startConversation } from "../test.harness";

const DAY = 24 * 60 * 60 * 1000;

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllEnvs();
});

describe("system.contactSessions.purgeExpired", () => {
  test("removes sessions a week past expiry; operators still see who wrote", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    const old = await startConversation(t, "org_a");
    vi.advanceTimersByTime(SESSION_DURATION_MS + PURGE_GRACE_MS - 1000);
    const recent = await startConversation(t, "org_a");
    const purge = () => t.mutation(internal.system.contactSessions.purgeExpired, {});
    expect((await purge()).sessions).toBe(0);
    vi.advanceTimersByTime(2000);
    expect((await purge()).sessions).toBe(1);

    await expect(t.query(api.public.conversations.get, old)).rejects.toThrow(
      /Unknown contact session/,
    );
    expect((await t.query(api.public.conversations.get, recent)).status).toBe("unresolved");
    const seen = await operator(t, "org_a", "member").query(api.private.conversations.get, {
      conversationId: old.conversationId,
    });
    expect(seen.contact).toMatchObject({ name: "Vera Visitor", email: "vera@example.com" });
  });

  test("a backlog larger than a batch is purged in one go: sessions, old conversations, old webhook ids", async () => {
    vi.stubEnv("ECHO_CONVERSATION_RETENTION_DAYS", "30");
    const t = newTest();
    await createOrganization(t, "org_a");
    const old = await startConversation(t, "org_a");
    const event = (eventId: string) =>
      t.run(async (ctx) => {
        await ctx.db.insert("webhookEvents", {
          provider: "identity",
          eventId,
          type: "user.updated",
        });
      });
    await event("evt_old");
    vi.advanceTimersByTime(31 * DAY);

    // A scripted flood left more expired sessions than one run removes.
    const backlog = PURGE_BATCH * 2 + 50;
    await t.run(async (ctx) => {
      for (let i = 0; i < backlog; i++)
        await ctx.db.insert("contactSessions", {
          organizationId: "org_a",
          name: `Bot ${i}`,
          email: `bot${i}@example.com`,
          expiresAt: Date.now() - PURGE_GRACE_MS - 1,
        });
    });
    const recent = await startConversation(t, "org_a");
    await event("evt_recent");
    expect(WEBHOOK_REPLAY_WINDOW_MS).toBeLessThan(31 * DAY);

    await t.mutation(internal.system.contactSessions.purgeExpired, {});
    await settle(t);

    const left = await t.run(async (ctx) => ({
      sessions: (await ctx.db.query("contactSessions").collect()).map((s) => s._id),
      conversations: (await ctx.db.query("conversations").collect()).map((c) => c._id),
      events: (await ctx.db.query("webhookEvents").collect()).map((e) => e.eventId),
    }));
    expect(left).toEqual({
      sessions: [recent.contactSessionId],
      conversations: [recent.conversationId],
      events: ["evt_recent"],
    });
    const code = await operator(t, "org_a", "admin")
      .query(api.private.conversations.get, { conversationId: old.conversationId })
      .catch((error: { data?: { code?: string } }) => error.data?.code);
    expect(code).toBe("NOT_FOUND");
  });
});
