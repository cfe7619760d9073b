import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";

import { api, components } from "../../_generated/api";
import {
  createOrganization,
  messagesOf,
  newTest,
  operator,
  seedKnowledge,
  sendAndSettle,
  startConversation,
  type TestConvex,
} from "../../test.harness";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

async function seededConversation(t: TestConvex) {
  await createOrganization(t, "org_a");
  await seedKnowledge(t, "org_a");
  return await startConversation(t, "org_a");
}

describe("support agent in retrieval mode", () => {
  test("answers from the knowledge base and names the source file", async () => {
    const t = newTest();
    const ids = await seededConversation(t);
    await sendAndSettle(t, ids, "How do I reset my password?");
    const reply = (await messagesOf(t, ids)).at(-1)!;
    expect(reply.author).toBe("agent");
    expect(reply.text).toContain('click "Forgot password"');
    expect(reply.text).toContain("Source: account-security.md");
    expect(reply.text).not.toContain("Refunds");
    const conversation = await t.query(api.public.conversations.get, ids);
    expect(conversation).toMatchObject({
      status: "unresolved",
      lastMessage: { author: "agent" },
      unread: 1,
    });
  });

  test("answers a Portuguese question in Portuguese from the Portuguese document", async () => {
    const t = newTest();
    const ids = await seededConversation(t);
    await sendAndSettle(t, ids, "Como faço para pedir reembolso?");
    const reply = (await messagesOf(t, ids)).at(-1)!;
    expect(reply.text).toContain("30 dias");
    expect(reply.text).toContain("Fonte: primeiros-passos.md ›");
    expect(reply.text).not.toMatch(/knowledge base|Source:/);
  });

  test.each([
    ["How do I reset my password?", "Forgot password"],
    ["What does the Pro plan cost?", "$12 per user per month"],
    ["Como peço reembolso?", "30 dias"],
    ["How do I get started?", "nimbus.example"],
    ["What plans do you offer?", "three plans"],
  ])("the demo's suggested question %s is answered", async (question, fact) => {
    const t = newTest();
    const ids = await seededConversation(t);
    await sendAndSettle(t, ids, question);
    expect((await messagesOf(t, ids)).at(-1)!.text).toContain(fact);
  });

  test("says so when nothing relevant exists, and escalates after the second miss", async () => {
    const t = newTest();
    const ids = await seededConversation(t);
    await sendAndSettle(t, ids, "Do you sell refrigerators for submarines?");
    let reply = (await messagesOf(t, ids)).at(-1)!;
    expect(reply.text).toContain("couldn't find anything about that");
    expect((await t.query(api.public.conversations.get, ids)).status).toBe("unresolved");

    await sendAndSettle(t, ids, "What about volcano insurance quotes?");
    reply = (await messagesOf(t, ids)).at(-1)!;
    expect(reply.text).toContain("passed the conversation to our team");
    expect((await t.query(api.public.conversations.get, ids)).status).toBe("escalated");
  });

  test("accepting the offer of a person escalates", async () => {
    const t = newTest();
    const ids = await seededConversation(t);
    await sendAndSettle(t, ids, "Do you sell refrigerators for submarines?");
    await sendAndSettle(t, ids, "yes please");
    expect((await t.query(api.public.conversations.get, ids)).status).toBe("escalated");
    expect((await messagesOf(t, ids)).at(-1)!.text).toContain("a person will reply here soon");
  });

  test("a found answer resets the miss count", async () => {
    const t = newTest();
    const ids = await seededConversation(t);
    await sendAndSettle(t, ids, "Do you sell refrigerators for submarines?");
    await sendAndSettle(t, ids, "How much does the Pro plan cost?");
    expect((await messagesOf(t, ids)).at(-1)!.text).toContain("$12 per user per month");
    await sendAndSettle(t, ids, "What about volcano insurance quotes?");
    expect((await t.query(api.public.conversations.get, ids)).status).toBe("unresolved");
  });

  test("escalates when the visitor asks for a person, then acknowledges once while waiting", async () => {
    const t = newTest();
    const ids = await seededConversation(t);
    await sendAndSettle(t, ids, "I want to talk to a human please");
    const conversation = await t.query(api.public.conversations.get, ids);
    expect(conversation.status).toBe("escalated");
    expect((await messagesOf(t, ids)).at(-1)!.text).toContain("a person will reply here soon");

    const before = (await messagesOf(t, ids)).length;
    await sendAndSettle(t, ids, "How do I reset my password?");
    let after = await messagesOf(t, ids);
    expect(after).toHaveLength(before + 2);
    expect(after.at(-1)).toMatchObject({ author: "agent" });
    expect(after.at(-1)!.text).toContain("A person from our team will answer here soon");
    expect(after.at(-1)!.text).not.toContain("Forgot password");
    await sendAndSettle(t, ids, "Also, my invoice is wrong.");
    after = await messagesOf(t, ids);
    expect(after).toHaveLength(before + 3);
    expect(after.at(-1)!.author).toBe("contact");
  });

  test("resolves on clear closure, after which the visitor cannot write", async () => {
    const t = newTest();
    const ids = await seededConversation(t);
    await sendAndSettle(t, ids, "How do I reset my password?");
    await sendAndSettle(t, ids, "Thanks, that's all!");
    expect((await t.query(api.public.conversations.get, ids)).status).toBe("resolved");
    expect((await messagesOf(t, ids)).at(-1)!.text).toContain(
      "marked this conversation as resolved",
    );
    await expect(
      t.mutation(api.public.messages.send, { ...ids, text: "one more thing" }),
    ).rejects.toThrow(/CONVERSATION_RESOLVED|resolved/);
  });

  test("greets without searching and saves each tool call exactly once", async () => {
    const t = newTest();
    const ids = await seededConversation(t);
    await sendAndSettle(t, ids, "hello!");
    expect((await messagesOf(t, ids)).at(-1)!.text).toContain("Ask me anything");
    await sendAndSettle(t, ids, "ok");
    expect((await messagesOf(t, ids)).at(-1)!.text).toContain("anything else I can help you with");
    await sendAndSettle(t, ids, "How do I enable two-factor authentication?");
    const conversation = await t.run(async (ctx) => await ctx.db.get(ids.conversationId));
    const { page } = await t.query(components.agent.messages.listMessagesByThreadId, {
      threadId: conversation!.threadId,
      order: "asc",
      paginationOpts: { numItems: 100, cursor: null },
    });
    const toolCalls = page.filter((m) => m.message?.role === "assistant" && m.tool);
    const toolResults = page.filter((m) => m.message?.role === "tool");
    expect(toolCalls).toHaveLength(1);
    expect(toolResults).toHaveLength(1);
    expect(page.at(-1)!.text).toContain(
      "Enable two-factor authentication under Settings > Security.",
    );

    // The visitor sees the answer; operators also see the search behind it.
    const forContact = (await messagesOf(t, ids)).at(-1)!;
    expect(forContact.parts.map((p) => p.type)).not.toContain("tool-searchKnowledge");
    const forOperator = await operator(t, "org_a", "member").query(api.private.messages.list, {
      threadId: conversation!.threadId,
      paginationOpts: { numItems: 20, cursor: null },
    });
    expect(forOperator.page.at(-1)!.parts.map((p) => p.type)).toContain("tool-searchKnowledge");
  });

  test("writes its reply once, with no streamed copy the widget would re-read", async () => {
    const t = newTest();
    const ids = await seededConversation(t);
    await sendAndSettle(t, ids, "How do I reset my password?");
    const conversation = await t.run(async (ctx) => await ctx.db.get(ids.conversationId));
    const streams = await t.query(components.agent.streams.list, {
      threadId: conversation!.threadId as never,
      statuses: ["streaming", "finished", "aborted"],
    });
    expect(streams).toEqual([]);
    expect((await messagesOf(t, ids)).at(-1)!.text).toContain('click "Forgot password"');
  });
});
