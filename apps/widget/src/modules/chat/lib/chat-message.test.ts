import { describe, expect, it } from "vitest";

import { authorOf, type ChatMessage, isAwaitingReply, showsSuggestions } from "./chat-message";

const greeting: ChatMessage = {
  key: "g",
  role: "assistant",
  text: "Hi!",
  status: "success",
  author: "agent",
};
const question: ChatMessage = {
  key: "q",
  role: "user",
  text: "Help",
  status: "success",
  author: "contact",
};

describe("chat messages", () => {
  it("treats streamed messages without an author by their role", () => {
    expect(authorOf({ ...greeting, author: undefined })).toBe("agent");
    expect(authorOf({ ...question, author: undefined })).toBe("contact");
  });

  it("shows typing after the visitor speaks while the agent handles the conversation", () => {
    expect(isAwaitingReply([greeting, question], "unresolved")).toBe(true);
    expect(isAwaitingReply([greeting], "unresolved")).toBe(false);
  });

  it("shows typing while a reply has started streaming without text, not once text flows", () => {
    const empty: ChatMessage = { key: "r", role: "assistant", text: "", status: "streaming" };
    expect(isAwaitingReply([greeting, question, empty], "unresolved")).toBe(true);
    expect(isAwaitingReply([greeting, question, { ...empty, text: "Sure" }], "unresolved")).toBe(
      false,
    );
  });

  it("does not show typing once people handle the conversation or it is resolved", () => {
    expect(isAwaitingReply([greeting, question], "escalated")).toBe(false);
    expect(isAwaitingReply([greeting, question], "resolved")).toBe(false);
    expect(isAwaitingReply([greeting, question], undefined)).toBe(false);
  });

  it("offers suggestions only before the visitor has said anything", () => {
    expect(showsSuggestions([greeting])).toBe(true);
    expect(showsSuggestions([greeting, question])).toBe(false);
  });
});
