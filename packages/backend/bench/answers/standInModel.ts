import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

import type {
  LanguageModelV4FunctionTool,
  LanguageModelV4Message,
  LanguageModelV4Prompt,
} from "@ai-sdk/provider";

import { decideStep } from "../../convex/lib/ai/retrievalResponder";

/**
 * `BENCH_MODEL=stand-in`: an OpenAI-compatible Chat Completions server for running the bench's
 * model mode where no model is reachable. It decides each step the way retrieval mode does (search,
 * answer from the passages, escalate, resolve), so its figures are retrieval mode's answers carried
 * through model mode's whole path: the OpenAI provider, HTTP, streamed tool calls, the agent's tool
 * loop. It says nothing about any real model's quality; point OPENAI_BASE_URL at one for that.
 */

type ChatMessage = {
  role: "system" | "developer" | "user" | "assistant" | "tool";
  content?: string | Array<{ type: string; text?: string }> | null;
  tool_calls?: Array<{ id: string; function: { name: string; arguments: string } }>;
  tool_call_id?: string;
};

type ChatRequest = {
  model: string;
  stream?: boolean;
  messages: ChatMessage[];
  tools?: Array<{ type: string; function: { name: string; parameters?: object } }>;
};

const textOf = (content: ChatMessage["content"]) =>
  typeof content === "string"
    ? content
    : (content ?? []).flatMap((part) => (part.type === "text" ? [part.text ?? ""] : [])).join("\n");

const parsed = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

/** The Chat Completions messages as the AI SDK's prompt, which the retrieval responder reads. */
function promptOf(messages: ChatMessage[]): LanguageModelV4Prompt {
  const toolNames = new Map<string, string>();
  return messages.map((message): LanguageModelV4Message => {
    switch (message.role) {
      case "system":
      case "developer":
        return { role: "system", content: textOf(message.content) };
      case "user":
        return { role: "user", content: [{ type: "text", text: textOf(message.content) }] };
      case "assistant": {
        const text = textOf(message.content);
        const calls = (message.tool_calls ?? []).map((call) => {
          toolNames.set(call.id, call.function.name);
          return {
            type: "tool-call" as const,
            toolCallId: call.id,
            toolName: call.function.name,
            input: parsed(call.function.arguments),
          };
        });
        return {
          role: "assistant",
          content: [...(text ? [{ type: "text" as const, text }] : []), ...calls],
        };
      }
      case "tool": {
        const id = message.tool_call_id ?? "";
        return {
          role: "tool",
          content: [
            {
              type: "tool-result",
              toolCallId: id,
              toolName: toolNames.get(id) ?? "",
              output: { type: "json", value: parsed(textOf(message.content)) as never },
            },
          ],
        };
      }
    }
  });
}

/** One completion: the step as an assistant message, either text or one tool call. */
function completion(request: ChatRequest, callNumber: number) {
  const tools: LanguageModelV4FunctionTool[] = (request.tools ?? []).map((tool) => ({
    type: "function",
    name: tool.function.name,
    inputSchema: tool.function.parameters ?? {},
  }));
  const step = decideStep({ prompt: promptOf(request.messages), tools });
  return step.type === "text"
    ? { message: { role: "assistant", content: step.text }, finishReason: "stop" }
    : {
        message: {
          role: "assistant",
          content: null,
          tool_calls: [
            {
              id: `call_${callNumber}`,
              type: "function",
              function: { name: step.toolName, arguments: JSON.stringify(step.input) },
            },
          ],
        },
        finishReason: "tool_calls",
      };
}

export type StandInModel = { url: string; requests: () => number; close(): Promise<void> };

export function startStandInModel(): Promise<StandInModel> {
  let calls = 0;
  const server: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      if (req.method !== "POST" || req.url !== "/v1/chat/completions") {
        res.writeHead(404, { "content-type": "application/json" });
        res.end(JSON.stringify({ error: { message: "Not found", type: "invalid_request_error" } }));
        return;
      }
      const request = JSON.parse(body) as ChatRequest;
      const { message, finishReason } = completion(request, ++calls);
      const meta = { id: `chatcmpl-${calls}`, created: Math.floor(Date.now() / 1000) };
      const usage = { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 };
      if (!request.stream) {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(
          JSON.stringify({
            ...meta,
            object: "chat.completion",
            model: request.model,
            choices: [{ index: 0, message, finish_reason: finishReason }],
            usage,
          }),
        );
        return;
      }
      const delta = message.tool_calls
        ? {
            role: "assistant",
            tool_calls: message.tool_calls.map((call, index) => ({ index, ...call })),
          }
        : message;
      const chunk = (choices: object[], extra: object = {}) =>
        `data: ${JSON.stringify({ ...meta, object: "chat.completion.chunk", model: request.model, choices, ...extra })}\n\n`;
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.write(chunk([{ index: 0, delta, finish_reason: null }]));
      res.write(chunk([{ index: 0, delta: {}, finish_reason: finishReason }]));
      res.write(chunk([], { usage }));
      res.end("data: [DONE]\n\n");
    });
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
        requests: () => calls,
        close: () => new Promise((done) => server.close(() => done())),
      }),
    ),
  );
}
