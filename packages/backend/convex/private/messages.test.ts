import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";

import { api } from "../_generated/api";
import {
  addMember,
  createOrganization,
  messagesOf,
  newTest,
  operator,
  sendAndSettle,
  settle,
  startConversation,
  threadOf,
} from "../test.harness";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("private.messages", () => {
  test("an operator reply joins the thread under the operator's name and escalates the conversation", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    const ids = await startConversation(t, "org_a");
    await t.mutation(api.public.messages.send, { ...ids, text: "My card was charged twice" });
    await addMember(t, "org_a", "user_ana", "member");
    const ana = t.withIdentity({
      subject: "user_ana",
      name: "Ana",
      org_id: "org_a",
      org_role: "member",
    });
    await ana.mutation(api.private.messages.reply, {
      conversationId: ids.conversationId,
      text: "I'm checking it now.",
    });
    await settle(t);

    const messages = await ana.query(api.private.messages.list, {
      threadId: await threadOf(t, ids.conversationId),
      paginationOpts: { numItems: 20, cursor: null },
    });
    expect(messages.page.map((m) => [m.author, m.authorName ?? null, m.text])).toEqual([
      ["agent", "Echo", "Hi! How can we help you today?"],
      ["contact", null, "My card was charged twice"],
      ["operator", "Ana", "I'm checking it now."],
    ]);
    const conversation = await t.run(async (ctx) => await ctx.db.get(ids.conversationId));
    expect(conversation).toMatchObject({
      status: "escalated",
      firstHumanReplyBy: "user_ana",
      assigneeId: "user_ana",
      firstHumanReplyAt: conversation!.escalatedAt,
      unreadByOperator: 0,
      unreadByContact: 1,
      lastMessage: { author: "operator", text: "I'm checking it now." },
    });

    // Once a person has taken over, the agent no longer answers the visitor.
    await sendAndSettle(t, ids, "Thanks, waiting");
    expect((await messagesOf(t, ids)).at(-1)).toMatchObject({
      author: "contact",
      text: "Thanks, waiting",
    });
  });

  test("an operator reply after the agent's answer is a separate message, not another step of it", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    const ids = await startConversation(t, "org_a");
    await sendAndSettle(t, ids, "I want to talk to a person");
    await addMember(t, "org_a", "user_ana", "member");
    const ana = t.withIdentity({
      subject: "user_ana",
      name: "Ana",
      org_id: "org_a",
      org_role: "member",
    });
    await ana.mutation(api.private.messages.reply, {
      conversationId: ids.conversationId,
      text: "Ana here.",
    });
    await settle(t);

    const { page } = await ana.query(api.private.messages.list, {
      threadId: await threadOf(t, ids.conversationId),
      paginationOpts: { numItems: 20, cursor: null },
    });
    const agentAnswer = page.filter((m) => m.author === "agent").at(-1)!;
    const reply = page.find((m) => m.author === "operator")!;
    // The agent's React hooks merge assistant messages that share an order into one bubble.
    expect(reply.order).toBeGreaterThan(agentAnswer.order);
  });

  test("replying to a resolved conversation is refused", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    const ids = await startConversation(t, "org_a");
    const member = operator(t, "org_a", "member");
    await member.mutation(api.private.conversations.updateStatus, {
      conversationId: ids.conversationId,
      status: "resolved",
    });
    const error = await member
      .mutation(api.private.messages.reply, { conversationId: ids.conversationId, text: "hello" })
      .catch((e) => e);
    expect(error.data.code).toBe("CONVERSATION_RESOLVED");
  });

  test("enhance without a model says a model is needed instead of pretending", async () => {
    const t = newTest();
    const error = await operator(t, "org_a", "member")
      .action(api.private.messages.enhance, { text: "hi there , i checked your order" })
      .catch((e) => e);
    expect(error.data).toMatchObject({
      code: "NOT_CONFIGURED",
      message: expect.stringContaining("OPENAI_BASE_URL"),
    });
  });
});
