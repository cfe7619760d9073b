import type { LanguageModelV4StreamPart } from "@ai-sdk/provider";
import { convertArrayToReadableStream, MockLanguageModelV4 } from "ai/test";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";

import { api } from "../../_generated/api";
import { CONTEXT_MESSAGES, DEFAULT_AI_BUDGET, MAX_OUTPUT_TOKENS } from "../../lib/abuse/aiBudget";
import { budgetSpentNotice } from "../../lib/abuse/budgetNotice";
import { errorCodeOf } from "../../lib/errors";
import {
  createOrganization,
  messagesOf,
  newTest,
  operator,
  sendAndSettle,
  startConversation,
  type TestConvex,
} from "../../test.harness";

// The model is replaced at the AI SDK boundary: the OpenAI provider hands out a scripted model
// that answers every call and reports 1 input and 1 output token.
const chat = vi.hoisted(() => ({ model: undefined as unknown }));
vi.mock("@ai-sdk/openai", () => ({
  createOpenAI: () => ({ chat: () => chat.model, embedding: () => undefined }),
}));

const usage = {
  inputTokens: { total: 1, noCache: 1, cacheRead: 0, cacheWrite: 0 },
  outputTokens: { total: 1, text: 1, reasoning: 0 },
};
const say = (text: string): LanguageModelV4StreamPart[] => [
  { type: "stream-start", warnings: [] },
  { type: "text-start", id: "t" },
  { type: "text-delta", id: "t", delta: text },
  { type: "text-end", id: "t" },
  { type: "finish", finishReason: { unified: "stop", raw: undefined }, usage },
];

let model: MockLanguageModelV4;
beforeEach(() => {
  vi.useFakeTimers();
  vi.stubEnv("OPENAI_BASE_URL", "http://llm.invalid/v1");
  vi.stubEnv("ECHO_CHAT_MODEL", "scripted");
  model = new MockLanguageModelV4({
    doStream: async () => ({ stream: convertArrayToReadableStream(say("Happy to help.")) }),
  });
  chat.model = model;
});
afterEach(() => {
  vi.unstubAllEnvs();
  vi.useRealTimers();
});

async function setBudget(
  t: TestConvex,
  organizationId: string,
  budget: { agentTurnsPerDay: number; modelTokensPerDay: number },
) {
  await operator(t, organizationId, "admin").mutation(api.private.usage.setAiBudget, budget);
}

const aiToday = (t: TestConvex, organizationId: string) =>
  operator(t, organizationId, "member").query(api.private.usage.aiToday, {});

describe("per-organization daily AI budget", () => {
  test("a spent turn budget hands the visitor to a person with a notice; another organization is untouched", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    await createOrganization(t, "org_b");
    await setBudget(t, "org_a", { agentTurnsPerDay: 2, modelTokensPerDay: 1_000 });
    const a = await startConversation(t, "org_a");
    await sendAndSettle(t, a, "Do you ship to Portugal?");
    await sendAndSettle(t, a, "And to Spain?");
    expect(model.doStreamCalls).toHaveLength(2);

    await sendAndSettle(t, a, "And to France?");
    expect(model.doStreamCalls).toHaveLength(2);
    expect((await messagesOf(t, a)).at(-1)).toMatchObject({
      author: "agent",
      text: budgetSpentNotice("en"),
    });
    const conversation = await t.query(api.public.conversations.get, a);
    expect(conversation.status).toBe("escalated");
    expect(await aiToday(t, "org_a")).toMatchObject({
      agentTurns: 2,
      modelTokens: 4,
      spent: "agentTurns",
    });

    const b = await startConversation(t, "org_b");
    await sendAndSettle(t, b, "Do you ship to Portugal?");
    expect(model.doStreamCalls).toHaveLength(3);
    expect((await messagesOf(t, b)).at(-1)).toMatchObject({ text: "Happy to help." });
    expect(await aiToday(t, "org_b")).toMatchObject({
      agentTurns: 1,
      modelTokens: 2,
      spent: null,
      budget: DEFAULT_AI_BUDGET,
    });
  });

  test("spent tokens stop the agent too, with the notice in the visitor's language", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    await setBudget(t, "org_a", { agentTurnsPerDay: 100, modelTokensPerDay: 3 });
    const a = await startConversation(t, "org_a");
    await sendAndSettle(t, a, "Olá, vocês entregam em Portugal?");
    await sendAndSettle(t, a, "E na Espanha, vocês entregam?");
    await sendAndSettle(t, a, "E na França, vocês entregam também?");
    expect(model.doStreamCalls).toHaveLength(2);
    expect((await messagesOf(t, a)).at(-1)!.text).toBe(budgetSpentNotice("pt-BR"));
    expect(await aiToday(t, "org_a")).toMatchObject({ spent: "modelTokens", modelTokens: 4 });
  });

  test("the next UTC day starts with a fresh budget", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    await setBudget(t, "org_a", { agentTurnsPerDay: 1, modelTokensPerDay: 1_000 });
    await sendAndSettle(t, await startConversation(t, "org_a"), "Do you ship to Portugal?");
    vi.advanceTimersByTime(24 * 60 * 60 * 1000);
    await sendAndSettle(t, await startConversation(t, "org_a"), "Do you ship to Spain?");
    expect(model.doStreamCalls).toHaveLength(2);
  });

  test("each call caps the reply's tokens and reads a bounded window of the thread", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    const a = await startConversation(t, "org_a");
    for (let turn = 0; turn < 14; turn++) {
      await sendAndSettle(t, a, `Question number ${turn} about shipping?`);
      vi.advanceTimersByTime(10_000);
    }
    const last = model.doStreamCalls.at(-1)!;
    expect(last.maxOutputTokens).toBe(MAX_OUTPUT_TOKENS);
    const history = last.prompt.filter((message) => message.role !== "system");
    // The window of recent messages plus the visitor's new one.
    expect(history.length).toBeLessThanOrEqual(CONTEXT_MESSAGES + 1);
    expect(JSON.stringify(history.at(-1))).toContain("Question number 13");
  });
});

describe("private.usage", () => {
  test("admins set the budget; members read it and cannot change it; bounds are checked", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    const member = operator(t, "org_a", "member");
    const refused = await member
      .mutation(api.private.usage.setAiBudget, { agentTurnsPerDay: 1, modelTokensPerDay: 1 })
      .catch((error: unknown) => error);
    expect(errorCodeOf(refused)).toBe("UNAUTHORIZED");
    const invalid = await operator(t, "org_a", "admin")
      .mutation(api.private.usage.setAiBudget, { agentTurnsPerDay: -1, modelTokensPerDay: 1.5 })
      .catch((error: unknown) => error);
    expect(errorCodeOf(invalid)).toBe("INVALID_INPUT");
    await setBudget(t, "org_a", { agentTurnsPerDay: 50, modelTokensPerDay: 90_000 });
    expect(await member.query(api.private.usage.aiToday, {})).toMatchObject({
      budget: { agentTurnsPerDay: 50, modelTokensPerDay: 90_000 },
      custom: true,
      agentTurns: 0,
    });
  });
});
