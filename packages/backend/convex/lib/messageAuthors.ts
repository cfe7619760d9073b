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
