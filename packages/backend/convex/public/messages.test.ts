import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";

import { api } from "../_generated/api";
import { rateLimiter } from "../lib/rateLimits";
import {
  createOrganization,
  createSession,
  messagesOf,
  newTest,
  startConversation,
  threadOf,
} from "../test.harness";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("public.messages", () => {
  test("send stores the visitor's message and updates the conversation for operators", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    const ids = await startConversation(t, "org_a");
    await t.mutation(api.public.messages.send, { ...ids, text: "  Where is my order?  " });
    const messages = await messagesOf(t, ids);
    expect(messages.at(-1)).toMatchObject({
      author: "contact",
      role: "user",
      text: "Where is my order?",
    });
    const conversation = await t.run(async (ctx) => await ctx.db.get(ids.conversationId));
    expect(conversation).toMatchObject({
      unreadByOperator: 1,
      lastMessage: { author: "contact", text: "Where is my order?" },
    });
    expect(conversation!.searchText).toContain("Where is my order?");
  });

  test("send refuses empty and oversized messages", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    const ids = await startConversation(t, "org_a");
    await expect(t.mutation(api.public.messages.send, { ...ids, text: "   " })).rejects.toThrow(
      /INVALID_INPUT|empty/,
    );
    await expect(
      t.mutation(api.public.messages.send, { ...ids, text: "x".repeat(4001) }),
    ).rejects.toThrow(/too long/);
  });

  test("send is rate limited per contact session", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    const ids = await startConversation(t, "org_a");
    for (let i = 0; i < 5; i++)
      await t.mutation(api.public.messages.send, { ...ids, text: `message ${i}` });
    const error = await t
      .mutation(api.public.messages.send, { ...ids, text: "one too many" })
      .catch((e) => e);
    expect(error.data).toMatchObject({ code: "RATE_LIMITED" });
    expect(error.data.retryAfter).toBeGreaterThan(0);
    // Another visitor of the same organization is unaffected.
    const other = await startConversation(t, "org_a");
    await t.mutation(api.public.messages.send, { ...other, text: "hello" });
    // Tokens come back with time.
    vi.advanceTimersByTime(error.data.retryAfter);
    await t.mutation(api.public.messages.send, { ...ids, text: "later" });
  });

  test("send is rate limited per organization", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    await createOrganization(t, "org_b");
    // The organization's bucket holds 600; all but the last 10 are spent through the same limiter
    // the mutation uses, so two visitors' sends (5 each, their own cap) reach the bottom of it.
    await t.run(async (ctx) => {
      await rateLimiter.limit(ctx, "messagesPerOrganization", { key: "org_a", count: 590 });
    });
    let sent = 0;
    let limited: { data: { code: string } } | undefined;
    for (let visitor = 0; visitor < 4 && !limited; visitor++) {
      const ids = await startConversation(t, "org_a");
      for (let i = 0; i < 5 && !limited; i++) {
        try {
          await t.mutation(api.public.messages.send, { ...ids, text: `m${i}` });
          sent++;
        } catch (error) {
          limited = error as { data: { code: string } };
        }
      }
    }
    expect(sent).toBe(10);
    expect(limited?.data.code).toBe("RATE_LIMITED");
    const elsewhere = await startConversation(t, "org_b");
    await t.mutation(api.public.messages.send, { ...elsewhere, text: "unaffected" });
  });

  test("list pages through messages oldest first with their authors", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    const ids = await startConversation(t, "org_a");
    await t.mutation(api.public.messages.send, { ...ids, text: "first" });
    await t.mutation(api.public.messages.send, { ...ids, text: "second" });
    const listArgs = {
      contactSessionId: ids.contactSessionId,
      threadId: await threadOf(t, ids.conversationId),
    };
    const latest = await t.query(api.public.messages.list, {
      ...listArgs,
      paginationOpts: { numItems: 2, cursor: null },
      streamArgs: { kind: "list", startOrder: 0 },
    });
    expect(latest.page.map((m) => m.text)).toEqual(["first", "second"]);
    // No reply is streaming (the agent's action has not run), so the stream list is empty.
    expect(latest.streams).toEqual({ kind: "list", messages: [] });
    const older = await t.query(api.public.messages.list, {
      ...listArgs,
      paginationOpts: { numItems: 2, cursor: latest.continueCursor },
    });
    expect(older.page.map((m) => m.author)).toEqual(["agent"]);
  });

  test("a session of the same organization cannot send to or read another visitor's conversation", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    const ids = await startConversation(t, "org_a");
    const intruder = await createSession(t, "org_a", "Ivan Intruder");
    const forged = { contactSessionId: intruder, conversationId: ids.conversationId };
    await expect(t.mutation(api.public.messages.send, { ...forged, text: "hi" })).rejects.toThrow(
      /not found/,
    );
    await expect(
      t.query(api.public.messages.list, {
        contactSessionId: intruder,
        threadId: await threadOf(t, ids.conversationId),
        paginationOpts: { numItems: 10, cursor: null },
      }),
    ).rejects.toThrow(/not found/);
  });
});
