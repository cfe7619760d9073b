import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";

import { api } from "../_generated/api";
import { createOrganization, createSession, newTest, operator } from "../test.harness";

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date("2026-03-10T12:00:00Z"));
});
afterEach(() => {
  vi.useRealTimers();
});

describe("private.contactSessions", () => {
  test("the contact behind a conversation carries when the session began", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    const contactSessionId = await createSession(t, "org_a");
    const began = Date.now();
    vi.advanceTimersByTime(5 * 60_000);
    const conversationId = await t.mutation(api.public.conversations.create, {
      contactSessionId,
    });
    const contact = await operator(t, "org_a", "member").query(
      api.private.contactSessions.getForConversation,
      { conversationId },
    );
    expect(contact).toMatchObject({ name: "Vera Visitor" });
    expect(JSON.stringify(contact)).not.toContain(contactSessionId);
    expect(contact!.createdAt).toBeGreaterThanOrEqual(began);
    expect(contact!.createdAt).toBeLessThan(began + 5 * 60_000);
  });

  test("lists a contact's conversations, newest activity first, and no one else's", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    const contactSessionId = await createSession(t, "org_a");
    const first = await t.mutation(api.public.conversations.create, { contactSessionId });
    vi.advanceTimersByTime(60_000);
    const second = await t.mutation(api.public.conversations.create, { contactSessionId });
    vi.advanceTimersByTime(60_000);
    await t.mutation(api.public.messages.send, {
      contactSessionId,
      conversationId: first,
      text: "Back again about my order",
    });
    const someoneElse = await createSession(t, "org_a", "Olga Other");
    await t.mutation(api.public.conversations.create, { contactSessionId: someoneElse });
    const member = operator(t, "org_a", "member");
    await member.mutation(api.private.conversations.updateStatus, {
      conversationId: second,
      status: "resolved",
    });

    // Asked through either of the visitor's conversations, the answer is the same.
    const listed = await member.query(api.private.contactSessions.listConversations, {
      conversationId: second,
    });
    expect(
      await member.query(api.private.contactSessions.listConversations, { conversationId: first }),
    ).toEqual(listed);
    expect(listed.map((c) => c._id)).toEqual([first, second]);
    expect(listed[0]).toMatchObject({
      status: "unresolved",
      channel: "chat",
      lastMessage: "Back again about my order",
    });
    expect(listed[1]).toMatchObject({ status: "resolved" });
  });

  test("another organization's conversation is not found", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    await createOrganization(t, "org_b");
    const contactSessionId = await createSession(t, "org_a");
    const conversationId = await t.mutation(api.public.conversations.create, { contactSessionId });
    const error = await operator(t, "org_b", "member")
      .query(api.private.contactSessions.listConversations, { conversationId })
      .catch((e) => e);
    expect(error.data).toMatchObject({ code: "NOT_FOUND" });
  });
});
