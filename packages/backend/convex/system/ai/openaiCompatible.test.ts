// @vitest-environment node
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from "vitest";

import { api } from "../../_generated/api";
import {
  createOrganization,
  messagesOf,
  newTest,
  seedKnowledge,
  sendAndSettle,
  startConversation,
} from "../../test.harness";

// The model mode against an OpenAI-compatible server at its HTTP boundary: a local fake that
// speaks the documented Chat Completions (streamed as server-sent events) and Embeddings shapes.
// Nothing of the AI SDK or of Echo is replaced.

type ChatRequest = {
  model: string;
  stream?: boolean;
  messages: { role: string; content?: unknown; tool_call_id?: string }[];
  tools?: { type: string; function: { name: string } }[];
};

const DIMENSION = 128;

/** A deterministic embedding: letter counts folded into a few dimensions, normalised. */
function embed(text: string): number[] {
  const vector = new Array<number>(DIMENSION).fill(0);
  for (const char of text.toLowerCase()) {
    const code = char.charCodeAt(0);
    if (code >= 97 && code <= 122) vector[code % DIMENSION]! += 1;
  }
  const norm = Math.hypot(...vector) || 1;
  return vector.map((value) => value / norm);
}

function startFakeOpenAI() {
  const chats: { request: ChatRequest; authorization?: string }[] = [];
  const embeddings: { model: string; input: string[] }[] = [];
  const server: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      const json = JSON.parse(body || "{}") as Record<string, unknown>;
      if (req.url === "/v1/embeddings") {
        const input = ([] as string[]).concat(json.input as string | string[]);
        embeddings.push({ model: String(json.model), input });
        res.writeHead(200, { "content-type": "application/json" });
        return res.end(
          JSON.stringify({
            object: "list",
            model: json.model,
            data: input.map((text, index) => ({
              object: "embedding",
              index,
              embedding: embed(text),
            })),
            usage: { prompt_tokens: 1, total_tokens: 1 },
          }),
        );
      }
      if (req.url !== "/v1/chat/completions") {
        res.writeHead(404, { "content-type": "application/json" });
        return res.end(
          JSON.stringify({ error: { message: "Not found", type: "invalid_request_error" } }),
        );
      }
      const request = json as unknown as ChatRequest;
      chats.push({ request, authorization: req.headers.authorization });
      const toolResult = request.messages.find((message) => message.role === "tool");
      // First turn: search the knowledge base. Second turn: answer from what the tool returned.
      const delta = toolResult
        ? { role: "assistant", content: `From the knowledge base: ${sourceOf(toolResult.content)}` }
        : {
            role: "assistant",
            tool_calls: [
              {
                index: 0,
                id: "call_search",
                type: "function",
                function: {
                  name: "searchKnowledge",
                  arguments: JSON.stringify({ query: "reset password" }),
                },
              },
            ],
          };
      const chunk = (choice: object) =>
        `data: ${JSON.stringify({
          id: "chatcmpl-1",
          object: "chat.completion.chunk",
          created: 1_790_000_000,
          model: request.model,
          choices: [{ index: 0, ...choice }],
        })}\n\n`;
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.write(chunk({ delta, finish_reason: null }));
      res.write(chunk({ delta: {}, finish_reason: toolResult ? "stop" : "tool_calls" }));
      res.end("data: [DONE]\n\n");
    });
  });
  return new Promise<{
    url: string;
    chats: typeof chats;
    embeddings: typeof embeddings;
    close(): Promise<void>;
  }>((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
        chats,
        embeddings,
        close: () => new Promise((done) => server.close(() => done())),
      }),
    ),
  );
}

/** The first source file name a tool result names. */
function sourceOf(content: unknown): string {
  return /[\w-]+\.md/.exec(JSON.stringify(content))?.[0] ?? "nothing";
}

let fake: Awaited<ReturnType<typeof startFakeOpenAI>>;
beforeAll(async () => {
  fake = await startFakeOpenAI();
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
  vi.stubEnv("OPENAI_API_KEY", "sk-compatible-test");
  vi.stubEnv("OPENAI_BASE_URL", fake.url);
  vi.stubEnv("ECHO_CHAT_MODEL", "support-model-7b");
  vi.stubEnv("ECHO_EMBEDDING_MODEL", "tiny-embed");
  vi.stubEnv("ECHO_EMBEDDING_DIMENSION", String(DIMENSION));
  vi.stubEnv("ECHO_RELEVANCE_THRESHOLD", "0");
});
afterEach(() => {
  vi.unstubAllEnvs();
  vi.useRealTimers();
});

describe("model mode on an OpenAI-compatible server", () => {
  test("embeds the knowledge base and answers through the model's search tool, over HTTP", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    await seedKnowledge(t, "org_a");
    expect(fake.embeddings.length).toBeGreaterThan(0);
    expect(new Set(fake.embeddings.map((call) => call.model))).toEqual(new Set(["tiny-embed"]));

    const ids = await startConversation(t, "org_a");
    await sendAndSettle(t, ids, "I forgot my password, how do I reset it?");

    expect(fake.chats).toHaveLength(2);
    const [first, second] = fake.chats;
    expect(first!.authorization).toBe("Bearer sk-compatible-test");
    expect(first!.request).toMatchObject({ model: "support-model-7b", stream: true });
    expect(first!.request.tools?.map((tool) => tool.function.name)).toEqual(
      expect.arrayContaining(["searchKnowledge", "escalateConversation", "resolveConversation"]),
    );
    expect(JSON.stringify(first!.request.messages)).toContain("I forgot my password");
    // The tool ran against the organization's own passages, embedded by the same server.
    const toolResult = second!.request.messages.find((message) => message.role === "tool");
    expect(toolResult?.tool_call_id).toBe("call_search");
    expect(JSON.stringify(toolResult?.content)).toContain(".md");

    const reply = (await messagesOf(t, ids)).at(-1)!;
    expect(reply.author).toBe("agent");
    expect(reply.text).toMatch(/^From the knowledge base: [\w-]+\.md$/);
    expect(await t.query(api.public.conversations.get, ids)).toMatchObject({
      status: "unresolved",
    });
  });
});
