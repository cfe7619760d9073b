import type {
  LanguageModelV4,
  LanguageModelV4CallOptions,
  LanguageModelV4Text,
  LanguageModelV4ToolCall,
  LanguageModelV4Prompt,
  LanguageModelV4StreamPart,
  LanguageModelV4ToolResultPart,
} from "@ai-sdk/provider";

import { groundedAnswer } from "../answers/groundedAnswer";
import { detectMessageLanguage, type ReplyLanguage } from "../answers/language";
import { phraseAnswer } from "../answers/phraseAnswer";
import {
  asksIfAnswered,
  offersPerson,
  offersToResolve,
  replyTemplates,
} from "../answers/replyTemplates";
import { withAvailability } from "../answers/teamAvailability";
import { visitorIntent } from "../answers/visitorIntent";
import { REPLY_LANGUAGE_LINE } from "./supportInstructions";
import {
  MISSES_BEFORE_ESCALATION,
  TOOL_NAMES,
  type EscalateOutput,
  type KnowledgeSearchOutput,
} from "./toolOutputs";

export const RETRIEVAL_MODEL_ID = "echo-retrieval-v2";

type Step = { type: "text"; text: string } | { type: "tool"; toolName: string; input: object };

const textOf = (content: LanguageModelV4Prompt[number]["content"]) =>
  typeof content === "string"
    ? content
    : content.flatMap((part) => (part.type === "text" ? [part.text] : [])).join("\n");

function lastUserText(prompt: LanguageModelV4Prompt): string {
  const message = prompt.findLast((m) => m.role === "user");
  return message ? textOf(message.content) : "";
}

/** The agent's words just before the visitor's latest message, if any. */
function previousAgentText(prompt: LanguageModelV4Prompt): string {
  let seenUser = false;
  for (const message of [...prompt].reverse()) {
    if (message.role === "user") seenUser = true;
    else if (seenUser && message.role === "assistant") return textOf(message.content);
  }
  return "";
}

/** respond.ts decides the reply language (message, conversation, widget) and states it in the instructions. */
function replyLanguageOf(prompt: LanguageModelV4Prompt, query: string): ReplyLanguage {
  for (const message of prompt) {
    if (message.role !== "system") continue;
    const stated = REPLY_LANGUAGE_LINE.exec(message.content)?.[1];
    if (stated === "en" || stated === "pt-BR") return stated;
  }
  return detectMessageLanguage(query) ?? "en";
}

function outputValue(part: LanguageModelV4ToolResultPart): unknown {
  return part.output.type === "json" || part.output.type === "text" ? part.output.value : undefined;
}

function afterTool(
  part: LanguageModelV4ToolResultPart,
  query: string,
  language: ReplyLanguage,
): Step {
  const t = replyTemplates[language];
  const value = outputValue(part);
  switch (part.toolName) {
    case TOOL_NAMES.search: {
      const search = value as KnowledgeSearchOutput;
      const answer = search.found ? groundedAnswer(query, search.passages, language) : null;
      if (answer) return { type: "text", text: phraseAnswer(query, answer, language) };
      if (search.consecutiveMisses >= MISSES_BEFORE_ESCALATION) {
        return { type: "tool", toolName: TOOL_NAMES.escalate, input: { reason: "knowledge_gap" } };
      }
      return { type: "text", text: t.notFound };
    }
    case TOOL_NAMES.escalate: {
      const { reason, team } = value as EscalateOutput;
      const text = reason === "knowledge_gap" ? t.escalatedOnGap : t.escalatedOnRequest;
      return { type: "text", text: withAvailability(text, language, team) };
    }
    case TOOL_NAMES.resolve:
      return { type: "text", text: t.resolved };
    default:
      return { type: "text", text: t.unavailable };
  }
}

/** Decides the next step the way the instructions ask a real model to, without a model. */
export function decideStep(options: Pick<LanguageModelV4CallOptions, "prompt" | "tools">): Step {
  const { prompt } = options;
  const query = lastUserText(prompt);
  const language = replyLanguageOf(prompt, query);
  const t = replyTemplates[language];
  const last = prompt.at(-1);
  if (last?.role === "tool") {
    const result = last.content.find((part) => part.type === "tool-result");
    return result ? afterTool(result, query, language) : { type: "text", text: t.unavailable };
  }
  const available = new Set((options.tools ?? []).map((tool) => tool.name));
  const intent = visitorIntent(query);
  const previous = previousAgentText(prompt);
  // "Yes" to "would you like to talk to a person?" is a request for a person.
  const acceptsOffer = intent === "affirmative" && offersPerson(previous);
  if ((intent === "human" || acceptsOffer) && available.has(TOOL_NAMES.escalate)) {
    return { type: "tool", toolName: TOOL_NAMES.escalate, input: { reason: "visitor_request" } };
  }
  const acceptsResolve = intent === "affirmative" && offersToResolve(previous);
  if ((intent === "closure" || acceptsResolve) && available.has(TOOL_NAMES.resolve)) {
    return { type: "tool", toolName: TOOL_NAMES.resolve, input: {} };
  }
  if (intent === "affirmative" && asksIfAnswered(previous))
    return { type: "text", text: t.resolveOffer };
  if (intent === "negative" && offersToResolve(previous)) return { type: "text", text: t.keepOpen };
  const fixed: Partial<Record<typeof intent, string>> = {
    affirmative: t.anythingElse,
    negative: t.rephrase,
    thanks: t.welcome,
    complaint: t.complaint,
    greeting: t.greeting,
  };
  const reply = fixed[intent];
  if (reply) return { type: "text", text: reply };
  if (!available.has(TOOL_NAMES.search)) return { type: "text", text: t.greeting };
  return { type: "tool", toolName: TOOL_NAMES.search, input: { query } };
}

const usage = {
  inputTokens: { total: 0, noCache: 0, cacheRead: 0, cacheWrite: 0 },
  outputTokens: { total: 0, text: 0, reasoning: 0 },
};

/**
 * The offline "retrieval mode": an AI SDK language model that searches the knowledge base through
 * the agent's own tools and answers from the passages it got back, so the agent code is unchanged.
 */
export function retrievalResponder(): LanguageModelV4 {
  let calls = 0;
  const toContent = (step: Step): LanguageModelV4Text | LanguageModelV4ToolCall =>
    step.type === "text"
      ? { type: "text", text: step.text }
      : {
          type: "tool-call",
          toolCallId: `retrieval-${Date.now()}-${calls++}`,
          toolName: step.toolName,
          input: JSON.stringify(step.input),
        };
  const finishReason = (step: Step) => ({
    unified: step.type === "text" ? ("stop" as const) : ("tool-calls" as const),
    raw: undefined,
  });
  return {
    specificationVersion: "v4",
    provider: "echo-local",
    modelId: RETRIEVAL_MODEL_ID,
    supportedUrls: {},
    async doGenerate(options) {
      const step = decideStep(options);
      return { content: [toContent(step)], finishReason: finishReason(step), usage, warnings: [] };
    },
    async doStream(options) {
      const step = decideStep(options);
      const content = toContent(step);
      const parts: LanguageModelV4StreamPart[] = [{ type: "stream-start", warnings: [] }];
      if (content.type === "text") {
        parts.push({ type: "text-start", id: "text-0" });
        for (const word of content.text.split(/(?<= )/))
          parts.push({ type: "text-delta", id: "text-0", delta: word });
        parts.push({ type: "text-end", id: "text-0" });
      } else {
        parts.push(content);
      }
      parts.push({ type: "finish", finishReason: finishReason(step), usage });
      const stream = new ReadableStream<LanguageModelV4StreamPart>({
        start(controller) {
          for (const part of parts) controller.enqueue(part);
          controller.close();
        },
      });
      return { stream };
    },
  };
}
