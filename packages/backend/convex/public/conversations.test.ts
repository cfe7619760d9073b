import { makeFunctionReference } from "convex/server";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";

import { api } from "../_generated/api";
import { SESSION_DURATION_MS } from "../lib/contactSessions";
import {
  createOrganization,
  createSession,
  messagesOf,
  newTest,
  startConversation,
} from "../test.harness";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("public.conversations", () => {
  test("create opens an unresolved chat on a new agent thread, greeted with the widget greeting", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    const ids = await startConversation(t, "org_a");
    const conversation = await t.query(api.public.conversations.get, ids);
    expect(conversation).toMatchObject({
      _id: ids.conversationId,
      status: "unresolved",
      channel: "chat",
      lastMessage: { author: "agent", text: "Hi! How can we help you today?" },
    });
    expect(conversation).not.toHaveProperty("assigneeId");
    const messages = await messagesOf(t, ids);
    expect(messages.map((m) => [m.author, m.text])).toEqual([
      ["agent", "Hi! How can we help you today?"],
    ]);
  });

  test("a visitor cannot open a voice conversation: only Vapi's webhook records calls", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    const contactSessionId = await createSession(t, "org_a");
    const createVoice = makeFunctionReference<"mutation">("public/conversations:create");
    await expect(t.mutation(createVoice, { contactSessionId, channel: "voice" })).rejects.toThrow();
    const channels = await t.run(async (ctx) =>
      (await ctx.db.query("conversations").collect()).map((c) => c.channel),
    );
    expect(channels).toEqual([]);
  });

  test("listOwn pages through the session's conversations, newest activity first", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    const contactSessionId = await createSession(t, "org_a");
    const first = await t.mutation(api.public.conversations.create, { contactSessionId });
    vi.advanceTimersByTime(1000);
    const second = await t.mutation(api.public.conversations.create, { contactSessionId });
    const page1 = await t.query(api.public.conversations.listOwn, {
      contactSessionId,
      paginationOpts: { numItems: 1, cursor: null },
    });
    expect(page1.page.map((c) => c._id)).toEqual([second]);
    const page2 = await t.query(api.public.conversations.listOwn, {
      contactSessionId,
      paginationOpts: { numItems: 1, cursor: page1.continueCursor },
    });
    expect(page2.page.map((c) => c._id)).toEqual([first]);
  });

  test("an expired session keeps reading its history but cannot start or write", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    const ids = await startConversation(t, "org_a");
    vi.advanceTimersByTime(SESSION_DURATION_MS + 1);
    expect((await t.query(api.public.conversations.get, ids)).status).toBe("unresolved");
    expect(await messagesOf(t, ids)).toHaveLength(1);
    await expect(
      t.mutation(api.public.conversations.create, { contactSessionId: ids.contactSessionId }),
    ).rejects.toThrow(/expired/);
    await expect(t.mutation(api.public.messages.send, { ...ids, text: "hello?" })).rejects.toThrow(
      /expired/,
    );
  });

  test("a session may open only a few conversations a minute", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    const contactSessionId = await createSession(t, "org_a");
    for (let i = 0; i < 5; i++)
      await t.mutation(api.public.conversations.create, { contactSessionId });
    const error = await t
      .mutation(api.public.conversations.create, { contactSessionId })
      .catch((e) => e);
    expect(error.data.code).toBe("RATE_LIMITED");
  });

  test("markRead clears the visitor's unread count", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    const ids = await startConversation(t, "org_a");
    await t.run(async (ctx) => await ctx.db.patch(ids.conversationId, { unreadByContact: 3 }));
    await t.mutation(api.public.conversations.markRead, ids);
    expect((await t.query(api.public.conversations.get, ids)).unread).toBe(0);
  });
});
