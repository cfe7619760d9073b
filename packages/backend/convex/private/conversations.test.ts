import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";

import { api } from "../_generated/api";
import {
  addMember,
  createOrganization,
  newTest,
  operator,
  startConversation,
  type TestConvex,
} from "../test.harness";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

const page = { numItems: 20, cursor: null };

async function inbox(t: TestConvex) {
  await createOrganization(t, "org_a");
  await addMember(t, "org_a", "user_m");
  const a = await startConversation(t, "org_a");
  vi.advanceTimersByTime(1000);
  const b = await startConversation(t, "org_a");
  await t.mutation(api.public.messages.send, {
    ...b,
    text: "My invoice shows the wrong VAT number",
  });
  return {
    a,
    b,
    admin: operator(t, "org_a", "admin"),
    member: operator(t, "org_a", "org:member", "user_m"),
  };
}

describe("private.conversations", () => {
  test("list shows the organization's conversations, newest first, with contact and last message", async () => {
    const t = newTest();
    const { a, b, member } = await inbox(t);
    const result = await member.query(api.private.conversations.list, { paginationOpts: page });
    expect(result.page.map((c) => c._id)).toEqual([b.conversationId, a.conversationId]);
    expect(result.page[0]).toMatchObject({
      contact: { name: "Vera Visitor", email: "vera@example.com", timezone: "UTC" },
      lastMessage: { author: "contact", text: "My invoice shows the wrong VAT number" },
      unreadByOperator: 1,
    });
  });

  test("list filters by status, assignee (or unassigned) and text", async () => {
    const t = newTest();
    const { a, b, admin } = await inbox(t);
    await admin.mutation(api.private.conversations.updateStatus, {
      conversationId: b.conversationId,
      status: "escalated",
    });
    await admin.mutation(api.private.conversations.assign, {
      conversationId: b.conversationId,
      assigneeId: "user_m",
    });
    const ids = async (args: object) =>
      (
        await admin.query(api.private.conversations.list, { paginationOpts: page, ...args })
      ).page.map((c) => c._id);
    expect(await ids({ status: "escalated" })).toEqual([b.conversationId]);
    expect(await ids({ status: "unresolved" })).toEqual([a.conversationId]);
    expect(await ids({ assigneeId: "user_m" })).toEqual([b.conversationId]);
    expect(await ids({ assigneeId: null })).toEqual([a.conversationId]);
    expect(await ids({ status: "escalated", assigneeId: "user_m" })).toEqual([b.conversationId]);
    expect(await ids({ status: "unresolved", assigneeId: "user_m" })).toEqual([]);
    expect(await ids({ search: "VAT" })).toEqual([b.conversationId]);
    expect(await ids({ search: "VAT", status: "resolved" })).toEqual([]);
  });

  test("get returns one conversation with its contact", async () => {
    const t = newTest();
    const { a, member } = await inbox(t);
    const conversation = await member.query(api.private.conversations.get, {
      conversationId: a.conversationId,
    });
    expect(conversation).toMatchObject({
      _id: a.conversationId,
      status: "unresolved",
      contact: { name: "Vera Visitor" },
    });
  });

  test("updateStatus moves a conversation through escalated, resolved, reopened and back to the AI", async () => {
    const t = newTest();
    const { a, member } = await inbox(t);
    const status = async (next: "unresolved" | "escalated" | "resolved") => {
      await member.mutation(api.private.conversations.updateStatus, {
        conversationId: a.conversationId,
        status: next,
      });
      return await t.run(async (ctx) => await ctx.db.get(a.conversationId));
    };
    expect(await status("escalated")).toMatchObject({
      status: "escalated",
      escalatedAt: expect.any(Number),
    });
    expect(await status("resolved")).toMatchObject({ status: "resolved", resolvedBy: "operator" });
    const reopened = await status("escalated");
    expect(reopened).toMatchObject({ status: "escalated" });
    expect(reopened).not.toHaveProperty("resolvedAt");
    expect(await status("unresolved")).toMatchObject({ status: "unresolved", knowledgeMisses: 0 });
    const audit = await t.run(async (ctx) => await ctx.db.query("auditLog").collect());
    expect(audit.map((e) => [e.action, e.details?.status])).toEqual([
      ["conversation.status", "escalated"],
      ["conversation.status", "resolved"],
      ["conversation.status", "escalated"],
      ["conversation.status", "unresolved"],
    ]);
  });

  test("assign sets and clears the assignee", async () => {
    const t = newTest();
    const { a, member } = await inbox(t);
    await member.mutation(api.private.conversations.assign, {
      conversationId: a.conversationId,
      assigneeId: "user_m",
    });
    expect(
      (await member.query(api.private.conversations.get, { conversationId: a.conversationId }))
        .assigneeId,
    ).toBe("user_m");
    await member.mutation(api.private.conversations.assign, {
      conversationId: a.conversationId,
      assigneeId: null,
    });
    expect(
      (await member.query(api.private.conversations.get, { conversationId: a.conversationId }))
        .assigneeId,
    ).toBeUndefined();
  });

  test("markRead clears the operators' unread count", async () => {
    const t = newTest();
    const { b, member } = await inbox(t);
    await member.mutation(api.private.conversations.markRead, { conversationId: b.conversationId });
    expect(
      (await member.query(api.private.conversations.get, { conversationId: b.conversationId }))
        .unreadByOperator,
    ).toBe(0);
  });

  test("the contact session behind a conversation is visible to operators", async () => {
    const t = newTest();
    const { a, member } = await inbox(t);
    const contact = await member.query(api.private.contactSessions.getForConversation, {
      conversationId: a.conversationId,
    });
    expect(contact).toMatchObject({
      name: "Vera Visitor",
      email: "vera@example.com",
      metadata: { userAgent: "vitest", languages: ["en"], timezone: "UTC", timezoneOffset: 0 },
    });
  });

  test("without a verified identity and organization every call is refused", async () => {
    const t = newTest();
    const { a } = await inbox(t);
    await expect(t.query(api.private.conversations.list, { paginationOpts: page })).rejects.toThrow(
      /Not signed in/,
    );
    const noOrg = t.withIdentity({ subject: "user_x" });
    await expect(
      noOrg.query(api.private.conversations.get, { conversationId: a.conversationId }),
    ).rejects.toThrow(/No active organization/);
    // The token's organization alone admits no one: only a recorded membership does.
    const stranger = t.withIdentity({ subject: "user_x", org_id: "org_a", org_role: "org:admin" });
    await expect(
      stranger.query(api.private.conversations.get, { conversationId: a.conversationId }),
    ).rejects.toThrow(/Not a member/);
  });
});
