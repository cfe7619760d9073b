import type { LanguageModelV4StreamPart } from "@ai-sdk/provider";
import { convertArrayToReadableStream, MockLanguageModelV4 } from "ai/test";
import { afterEach, beforeEach, expect, test, vi } from "vitest";

import { api } from "../_generated/api";
import {
  createOrganization,
  newTest,
  operator,
  sendAndSettle,
  startConversation,
} from "../test.harness";

// The model is replaced at the AI SDK boundary, so the test reads every prompt the agent sends.
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

test("a private note is never in the context the agent answers the next message from", async () => {
  const t = newTest();
  await createOrganization(t, "org_a");
  const admin = operator(t, "org_a", "admin");
  const ids = await startConversation(t, "org_a");
  await sendAndSettle(t, ids, "Do you ship to Lisbon?");
  await admin.mutation(api.private.notes.add, {
    conversationId: ids.conversationId,
    text: "Internal: this customer asked for a discount code ZX-91",
    mentions: [],
  });
  await sendAndSettle(t, ids, "And how long does it take?");

  const prompts = model.doStreamCalls.map((call) => JSON.stringify(call.prompt));
  const answering = prompts.filter((prompt) => prompt.includes("how long does it take"));
  expect(answering.length).toBeGreaterThan(0);
  for (const prompt of answering) {
    expect(prompt).toContain("Do you ship to Lisbon?");
    expect(prompt).not.toContain("ZX-91");
  }
  expect(prompts.join("\n")).not.toContain("discount code");
  expect(
    await admin.query(api.private.conversations.get, {
      conversationId: ids.conversationId,
    }),
  ).toMatchObject({
    status: "unresolved",
  });
});
