import type { Doc } from "../_generated/dataModel";

/** Time from when a person was needed (escalation, else the start) to `at`. */
export function waitedUntil(conversation: Doc<"conversations">, at: number): number {
  return Math.max(0, at - (conversation.escalatedAt ?? conversation._creationTime));
}

/** How long the customer waited for a person's first reply, or undefined before one. */
export function firstHumanResponseMs(conversation: Doc<"conversations">): number | undefined {
  return conversation.firstHumanReplyAt === undefined
    ? undefined
    : waitedUntil(conversation, conversation.firstHumanReplyAt);
}

/** From the customer's first message to resolution, whoever resolved it; undefined while open. */
export function resolutionMs(conversation: Doc<"conversations">): number | undefined {
  return conversation.status === "resolved" && conversation.resolvedAt !== undefined
    ? Math.max(0, conversation.resolvedAt - conversation._creationTime)
    : undefined;
}
