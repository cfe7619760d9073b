import type { LanguageModelV4StreamPart } from "@ai-sdk/provider";
import { convertArrayToReadableStream, MockLanguageModelV4 } from "ai/test";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";

import { api } from "../../_generated/api";
import {
  addMember,
  createOrganization,
  messagesOf,
  newTest,
  operator,
  seedKnowledge,
  sendAndSettle,
  settle,
  startConversation,
  threadOf,
} from "../../test.harness";

const realSetTimeout = globalThis.setTimeout;
const realPause = () => new Promise((resolve) => realSetTimeout(resolve, 5));

// The model is replaced at the AI SDK boundary: the OpenAI provider hands out a scripted model.
const chat = vi.hoisted(() => ({
  steps: [] as Array<() => LanguageModelV4StreamPart[]>,
  model: undefined as unknown,
}));
vi.mock("@ai-sdk/openai", () => ({
  createOpenAI: () => ({ chat: () => chat.model, embedding: () => undefined }),
}));

const usage = {
  inputTokens: { total: 1, noCache: 1, cacheRead: 0, cacheWrite: 0 },
  outputTokens: { total: 1, text: 1, reasoning: 0 },
};
const toolCall = (toolName: string, input: object): LanguageModelV4StreamPart[] => [
  { type: "stream-start", warnings: [] },
  { type: "tool-call", toolCallId: `call-${toolName}`, toolName, input: JSON.stringify(input) },
  { type: "finish", finishReason: { unified: "tool-calls", raw: undefined }, usage },
];
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
    doStream: async () => ({ stream: convertArrayToReadableStream(chat.steps.shift()!()) }),
    doGenerate: async () => ({
      content: [{ type: "text", text: "Thank you for waiting! Your refund is on its way." }],
      finishReason: { unified: "stop", raw: undefined },
      usage,
      warnings: [],
    }),
  });
  chat.model = model;
});
afterEach(() => {
  vi.unstubAllEnvs();
  vi.useRealTimers();
});

describe("support agent with a language model", () => {
  test("the model's search tool call returns the organization's passages and sources", async () => {
    chat.steps = [
      () => toolCall("searchKnowledge", { query: "reset password" }),
      () => say("Use Forgot password."),
    ];
    const t = newTest();
    await createOrganization(t, "org_a");
    await seedKnowledge(t, "org_a");
    await operator(t, "org_a", "admin").mutation(api.private.organization.updateSettings, {
      allowedDomains: [],
      agentInstructions: "Mention the status page.",
    });
    const ids = await startConversation(t, "org_a");
    await sendAndSettle(t, ids, "I forgot my password");

    expect(model.doStreamCalls).toHaveLength(2);
    const system = model.doStreamCalls[0].prompt.find((m) => m.role === "system");
    expect(JSON.stringify(system)).toContain("Org org_a");
    expect(JSON.stringify(system)).toContain("Mention the status page.");
    const toolMessage = model.doStreamCalls[1].prompt.at(-1)!;
    expect(toolMessage.role).toBe("tool");
    const output = JSON.stringify(toolMessage.content);
    expect(output).toContain("account-security.md");
    expect(output).toContain('"found":true');
    const reply = (await messagesOf(t, ids)).at(-1)!;
    expect(reply).toMatchObject({ author: "agent", text: "Use Forgot password." });
    // The answer is recorded by its own message id, found among the turn's saved messages.
    const conversation = await t.run(async (ctx) => await ctx.db.get(ids.conversationId));
    expect(conversation!.lastMessage).toEqual({ text: "Use Forgot password.", author: "agent" });
  });

  test("the model gets the same threshold: a near miss is found=false, and the prompt grounds and names the language", async () => {
    chat.steps = [
      () => toolCall("searchKnowledge", { query: "export notebooks to a Kindle e-reader" }),
      () => say("Não encontrei isso."),
    ];
    const t = newTest();
    await createOrganization(t, "org_a");
    await seedKnowledge(t, "org_a");
    const ids = await startConversation(t, "org_a");
    await sendAndSettle(t, ids, "Posso exportar meus cadernos para um Kindle?");

    const system = JSON.stringify(model.doStreamCalls[0].prompt.find((m) => m.role === "system"));
    expect(system).toContain("answer only from the passages");
    expect(system).toContain("Never state a price, date");
    expect(system).toContain("Reply language: pt-BR");
    const output = JSON.stringify(model.doStreamCalls[1].prompt.at(-1)!.content);
    expect(output).toContain('"found":false');
    expect(output).toContain('"passages":[]');
  });

  test("while a reply streams, the widget's message list carries its text so far", async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    chat.steps = [];
    model.doStream = async () => ({
      stream: new ReadableStream<LanguageModelV4StreamPart>({
        async start(controller) {
          controller.enqueue({ type: "stream-start", warnings: [] });
          controller.enqueue({ type: "text-start", id: "t" });
          controller.enqueue({ type: "text-delta", id: "t", delta: "Let me check that. " });
          controller.enqueue({ type: "text-delta", id: "t", delta: "One moment. " });
          await gate;
          controller.enqueue({ type: "text-delta", id: "t", delta: "Done." });
          controller.enqueue({ type: "text-end", id: "t" });
          controller.enqueue({
            type: "finish",
            finishReason: { unified: "stop", raw: undefined },
            usage,
          });
          controller.close();
        },
      }),
    });
    const t = newTest();
    await createOrganization(t, "org_a");
    const ids = await startConversation(t, "org_a");
    await t.mutation(api.public.messages.send, { ...ids, text: "Where is my parcel?" });
    const settling = settle(t);

    const page = { numItems: 10, cursor: null };
    const listArgs = {
      contactSessionId: ids.contactSessionId,
      threadId: await threadOf(t, ids.conversationId),
    };
    let streams;
    for (let i = 0; i < 400; i++) {
      streams = (
        await t.query(api.public.messages.list, {
          ...listArgs,
          paginationOpts: page,
          streamArgs: { kind: "list" },
        })
      ).streams;
      if (streams?.kind === "list" && streams.messages.length > 0) break;
      await realPause();
    }
    expect(streams?.kind).toBe("list");
    const [streaming] = streams!.kind === "list" ? streams!.messages : [];
    expect(streaming.status).toBe("streaming");
    let text = "";
    for (let i = 0; i < 400 && !text.includes("One moment."); i++) {
      const deltas = (
        await t.query(api.public.messages.list, {
          ...listArgs,
          paginationOpts: page,
          streamArgs: { kind: "deltas", cursors: [{ streamId: streaming.streamId, cursor: 0 }] },
        })
      ).streams;
      text = JSON.stringify(deltas);
      await realPause();
    }
    expect(text).toContain("Let me check that.");
    expect(text).not.toContain("Done.");

    release();
    await settling;
    expect((await messagesOf(t, ids)).at(-1)).toMatchObject({
      author: "agent",
      text: "Let me check that. One moment. Done.",
    });
  });

  test("the model can escalate and resolve through its tools", async () => {
    chat.steps = [
      () => toolCall("escalateConversation", { reason: "visitor_request" }),
      () => say("Handing over."),
    ];
    const t = newTest();
    await createOrganization(t, "org_a");
    const ids = await startConversation(t, "org_a");
    await sendAndSettle(t, ids, "person please");
    expect((await t.query(api.public.conversations.get, ids)).status).toBe("escalated");

    chat.steps = [() => toolCall("resolveConversation", {}), () => say("Bye!")];
    model.doStreamCalls.length = 0;
    const other = await startConversation(t, "org_a");
    await sendAndSettle(t, other, "all good now");
    expect((await t.query(api.public.conversations.get, other)).status).toBe("resolved");
  });

  test("after a hand-back, the model is told which earlier replies a person wrote", async () => {
    chat.steps = [() => say("Glad Ana could help.")];
    const t = newTest();
    await createOrganization(t, "org_a");
    const ids = await startConversation(t, "org_a");
    await addMember(t, "org_a", "user_ana", "member");
    const ana = t.withIdentity({
      subject: "user_ana",
      name: "Ana",
      org_id: "org_a",
      org_role: "member",
    });
    await ana.mutation(api.private.messages.reply, {
      conversationId: ids.conversationId,
      text: "Your refund is done.",
    });
    await ana.mutation(api.private.conversations.updateStatus, {
      conversationId: ids.conversationId,
      status: "unresolved",
    });
    await sendAndSettle(t, ids, "thanks! one more question");
    const prompt = JSON.stringify(model.doStreamCalls[0]!.prompt);
    expect(prompt).toContain(
      "[Reply written by human operator Ana, not by you] Your refund is done.",
    );
    expect((await messagesOf(t, ids)).find((m) => m.author === "operator")).toMatchObject({
      author: "operator",
      text: "Your refund is done.",
    });
  });

  test("a failing model leaves the visitor a notice and hands the conversation to a person", async () => {
    chat.steps = [
      () => {
        throw new Error("model unavailable");
      },
    ];
    const t = newTest();
    await createOrganization(t, "org_a");
    const ids = await startConversation(t, "org_a");
    await sendAndSettle(t, ids, "Hello, is anyone there?");
    const reply = (await messagesOf(t, ids)).at(-1)!;
    expect(reply.text).toContain("Sorry, I can't answer right now");
    expect((await t.query(api.public.conversations.get, ids)).status).toBe("escalated");
  });

  test("enhance rewrites an operator's draft with the model", async () => {
    const t = newTest();
    const result = await operator(t, "org_a", "member").action(api.private.messages.enhance, {
      text: "refund coming",
    });
    expect(result).toEqual({
      text: "Thank you for waiting! Your refund is on its way.",
      mode: "model",
    });
    expect(JSON.stringify(model.doGenerateCalls[0].prompt)).toContain("refund coming");
  });
});
