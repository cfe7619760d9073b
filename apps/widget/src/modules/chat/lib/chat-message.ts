import { asksIfAnswered } from "@echo/backend/convex/lib/answers/replyTemplates";
import type { AttachmentView } from "@echo/backend/convex/lib/attachments/attachments";

/** What the chat screen needs of a thread message (the backend adds author; streamed ones lack it). */
export type ChatMessage = {
  key: string;
  role: "user" | "assistant" | "system";
  text: string;
  status: "streaming" | "pending" | "success" | "failed";
  author?: "contact" | "agent" | "operator";
  authorName?: string;
  attachments?: readonly AttachmentView[];
};

export function authorOf(message: ChatMessage): "contact" | "agent" | "operator" {
  if (message.author) return message.author;
  return message.role === "user" ? "contact" : "agent";
}

/** The visitor's most recent message, which an operator's "Seen" mark sits under. */
export function lastContactMessage(messages: readonly ChatMessage[]): ChatMessage | undefined {
  return messages.findLast((message) => authorOf(message) === "contact");
}

/**
 * Whether to show "typing": the conversation is still the agent's and the last thing said is the
 * visitor's, or a reply has started without any text yet.
 */
export function isAwaitingReply(
  messages: readonly ChatMessage[],
  status: string | undefined,
): boolean {
  if (status !== "unresolved") return false;
  const last = messages.at(-1);
  if (!last) return false;
  if (authorOf(last) === "contact") return true;
  return (last.status === "streaming" || last.status === "pending") && last.text.trim() === "";
}

/** Suggestions belong to the opening of a conversation, before the visitor has said anything. */
export function showsSuggestions(messages: readonly ChatMessage[]): boolean {
  return !messages.some((message) => authorOf(message) === "contact");
}

/** "Did that answer your question?" ends the agent's last, complete answer: offer Yes and No. */
export function offersAnswerCheck(messages: readonly ChatMessage[]): boolean {
  const last = messages.at(-1);
  return (
    last !== undefined &&
    authorOf(last) === "agent" &&
    last.status === "success" &&
    asksIfAnswered(last.text)
  );
}
