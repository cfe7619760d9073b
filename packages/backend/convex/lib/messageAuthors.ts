import type { MessageAuthor } from "./validators";

const OPERATOR_PREFIX = "operator:";

/** Operator replies live on the agent's thread; this agentName keeps them apart from the agent's. */
export function operatorAgentName(name: string): string {
  return `${OPERATOR_PREFIX}${name}`;
}

export function authorOf(message: { role: string; agentName?: string }): {
  author: MessageAuthor;
  authorName?: string;
} {
  if (message.role === "user") return { author: "contact" };
  if (message.agentName?.startsWith(OPERATOR_PREFIX)) {
    return { author: "operator", authorName: message.agentName.slice(OPERATOR_PREFIX.length) };
  }
  return { author: "agent", authorName: message.agentName };
}

/**
 * An operator reply as stored on the thread: the agent's message format, marked so the model's
 * context can tell it was a person speaking (ModelMessages carry no agentName).
 */
export function operatorMessage(name: string, text: string) {
  return {
    role: "assistant" as const,
    content: text,
    providerOptions: { echo: { operatorName: name } },
  };
}

export function operatorNameOf(message: {
  role: string;
  providerOptions?: unknown;
}): string | undefined {
  if (message.role !== "assistant") return undefined;
  const echo = (message.providerOptions as { echo?: { operatorName?: unknown } } | undefined)?.echo;
  return typeof echo?.operatorName === "string" ? echo.operatorName : undefined;
}
