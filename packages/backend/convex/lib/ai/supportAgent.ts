import { Agent, stepCountIs, type AgentComponent } from "@convex-dev/agent";
import type { LanguageModelV4 } from "@ai-sdk/provider";
import type { ModelMessage, StopCondition, ToolSet } from "ai";

import { components } from "../../_generated/api";
import type { Doc } from "../../_generated/dataModel";
import { operatorNameOf } from "../messageAuthors";
import { models, type Models } from "./models";
import type { TurnConversation } from "./tools/turnConversation";
import { escalateConversation } from "./tools/escalateConversation";
import { resolveConversation } from "./tools/resolveConversation";
import { searchKnowledge } from "./tools/searchKnowledge";

export const AGENT_NAME = "Echo";

/**
 * Agent's constructor type intersects its AI SDK 7 model check with every gateway model id, a
 * union TypeScript 6 refuses (TS2590); this narrower signature accepts exactly what we pass.
 */
const SupportAgent = Agent as unknown as new (
  component: AgentComponent,
  options: {
    name: string;
    languageModel: LanguageModelV4;
    tools: ToolSet;
    stopWhen: StopCondition<ToolSet>;
    contextHandler: (ctx: unknown, args: { allMessages: ModelMessage[] }) => ModelMessage[];
  },
) => Agent<object, ToolSet>;

/** Operator replies sit on the thread as assistant messages; the model is told a person wrote them. */
export function withOperatorsNamed(messages: ModelMessage[]): ModelMessage[] {
  return messages.map((message) => {
    const name = operatorNameOf(message);
    if (!name || message.role !== "assistant") return message;
    const text =
      typeof message.content === "string"
        ? message.content
        : message.content.flatMap((part) => (part.type === "text" ? [part.text] : [])).join("\n");
    return {
      role: "assistant",
      content: `[Reply written by human operator ${name}, not by you] ${text}`,
    };
  });
}

/**
 * Built per turn so the model follows the current environment (and tests can change it), with
 * tools that act on the turn's conversation.
 */
export function supportAgent(conversation: Doc<"conversations">, m: Models = models()) {
  const turn: TurnConversation = { current: conversation };
  const tools: ToolSet = {
    searchKnowledge: searchKnowledge(turn),
    escalateConversation: escalateConversation(turn),
    resolveConversation: resolveConversation(turn),
  };
  return new SupportAgent(components.agent, {
    name: AGENT_NAME,
    languageModel: m.languageModel,
    tools,
    stopWhen: stepCountIs(4),
    contextHandler: (_ctx, { allMessages }) => withOperatorsNamed(allMessages),
  });
}
