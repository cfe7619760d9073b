import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";

import { api } from "../_generated/api";
import {
  createOrganization,
  newTest,
  operator,
  seedKnowledge,
  sendAndSettle,
  startConversation,
  type TestConvex,
} from "../test.harness";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

async function answeredConversation(t: TestConvex) {
  await createOrganization(t, "org_a");
  await seedKnowledge(t, "org_a");
  const ids = await startConversation(t, "org_a");
  await sendAndSettle(t, ids, "How do I reset my password?");
  const admin = operator(t, "org_a", "admin");
  const conversation = await admin.query(api.private.conversations.get, {
    conversationId: ids.conversationId,
  });
  const { page } = await admin.query(api.private.messages.list, {
    threadId: conversation!.threadId,
    paginationOpts: { numItems: 20, cursor: null },
  });
  const answer = page.find((m) => m.author === "agent" && m.text.includes("Forgot password"))!;
  return { ids, admin, answer };
}

describe("flagged answers", () => {
  test("an operator flags a wrong answer; admins see it listed with the visitor's question", async () => {
    const t = newTest();
    const { ids, answer } = await answeredConversation(t);
    const member = operator(t, "org_a", "member");
    const args = { conversationId: ids.conversationId, order: answer.order };
    await member.mutation(api.private.answerFlags.flag, args);
    await member.mutation(api.private.answerFlags.flag, args);
    expect(
      await member.query(api.private.answerFlags.forConversation, {
        conversationId: ids.conversationId,
      }),
    ).toEqual([answer.order]);
    const listed = await operator(t, "org_a", "admin").query(api.private.answerFlags.list, {});
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({
      conversationId: ids.conversationId,
      question: "How do I reset my password?",
    });
    expect(listed[0]!.answer).toContain("Forgot password");
    await expect(member.query(api.private.answerFlags.list, {})).rejects.toThrow(/Admins only/);

    await member.mutation(api.private.answerFlags.unflag, args);
    expect(await operator(t, "org_a", "admin").query(api.private.answerFlags.list, {})).toEqual([]);
  });

  test("only an agent answer can be flagged, and only in the operator's organization", async () => {
    const t = newTest();
    const { ids, answer } = await answeredConversation(t);
    const member = operator(t, "org_a", "member");
    const nowhere = await member
      .mutation(api.private.answerFlags.flag, { conversationId: ids.conversationId, order: 999 })
      .catch((error) => error);
    expect(nowhere.data.code).toBe("INVALID_INPUT");
    await createOrganization(t, "org_b");
    const other = await operator(t, "org_b", "admin")
      .mutation(api.private.answerFlags.flag, {
        conversationId: ids.conversationId,
        order: answer.order,
      })
      .catch((error) => error);
    expect(other.data.code).toBe("NOT_FOUND");
  });
});
