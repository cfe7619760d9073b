import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { renderWithIntl } from "@/test/render-with-intl";

import type { ChatMessage } from "../../lib/chat-message";
import { MessageBubble } from "./message-bubble";

function message(partial: Partial<ChatMessage>): ChatMessage {
  return { key: "m", role: "assistant", text: "", status: "success", ...partial };
}

function renderBubble(value: ChatMessage) {
  return renderWithIntl(
    <ol>
      <MessageBubble message={value} />
    </ol>,
  ).container;
}

describe("MessageBubble", () => {
  it("shows the visitor's own HTML literally, not as markdown or markup", () => {
    const container = renderBubble(
      message({
        role: "user",
        author: "contact",
        text: "<b>bold?</b> **not bold** <script>x()</script>",
      }),
    );
    expect(container.querySelector("b, strong, script")).toBeNull();
    expect(container.textContent).toContain("<b>bold?</b> **not bold** <script>x()</script>");
    expect(screen.getByText("You")).toBeTruthy();
  });

  it("shows a replaced text as it now is, shorter or different, not the old one", () => {
    const { container, rerender } = renderWithIntl(
      <ol>
        <MessageBubble
          message={message({ key: "greeting", text: "Hello there, how can we help?" })}
        />
      </ol>,
    );
    expect(container.textContent).toContain("Hello there, how can we help?");
    rerender(
      <ol>
        <MessageBubble message={message({ key: "greeting", text: "Hi!" })} />
      </ol>,
    );
    expect(container.textContent).toContain("Hi!");
    expect(container.textContent).not.toContain("Hello there");
    rerender(
      <ol>
        <MessageBubble message={message({ key: "greeting", text: "Welcome to Acme" })} />
      </ol>,
    );
    expect(container.textContent).toContain("Welcome to Acme");
  });

  it("renders the agent's markdown safely", () => {
    const container = renderBubble(message({ text: "**Sure** <img src=x onerror=alert(1)>" }));
    expect(container.querySelector("strong")?.textContent).toBe("Sure");
    expect(container.querySelector("img")).toBeNull();
    expect(screen.getByText("Assistant")).toBeTruthy();
  });

  it("names operators so their replies are not taken for the agent's", () => {
    renderBubble(message({ author: "operator", authorName: "Maria", text: "I'm here" }));
    expect(screen.getAllByText("Maria (support team)").length).toBeGreaterThan(0);
  });
});
