import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";

import { renderWithIntl } from "@/test/render-with-intl";

import type { ChatMessage } from "../../lib/chat-message";
import { MessageList } from "./message-list";

const messages: ChatMessage[] = [
  { key: "1", role: "assistant", text: "Hi!", status: "success", author: "agent" },
  { key: "2", role: "user", text: "Help", status: "success", author: "contact" },
];

afterEach(() => vi.unstubAllGlobals());

describe("MessageList", () => {
  it("loads older messages when the top comes into view", () => {
    const observer: { notify?: (entries: Array<{ isIntersecting: boolean }>) => void } = {};
    vi.stubGlobal(
      "IntersectionObserver",
      class {
        constructor(callback: (entries: Array<{ isIntersecting: boolean }>) => void) {
          observer.notify = callback;
        }
        observe() {}
        disconnect() {}
      },
    );
    const onLoadOlder = vi.fn();
    renderWithIntl(
      <MessageList
        messages={messages}
        canLoadOlder
        loadingOlder={false}
        onLoadOlder={onLoadOlder}
      />,
    );
    observer.notify?.([{ isIntersecting: true }]);
    expect(onLoadOlder).toHaveBeenCalledTimes(1);
  });

  it("offers a button for keyboards, disabled while a page loads", async () => {
    const onLoadOlder = vi.fn();
    const { rerender } = renderWithIntl(
      <MessageList
        messages={messages}
        canLoadOlder
        loadingOlder={false}
        onLoadOlder={onLoadOlder}
      />,
    );
    await userEvent.click(screen.getByRole("button", { name: "Load earlier messages" }));
    expect(onLoadOlder).toHaveBeenCalledTimes(1);
    rerender(
      <MessageList
        messages={messages}
        canLoadOlder={false}
        loadingOlder
        onLoadOlder={onLoadOlder}
      />,
    );
    expect(screen.getByRole("button", { name: "Loading earlier messages…" })).toHaveProperty(
      "disabled",
      true,
    );
  });

  it("lists messages oldest first with their authors, and no loader once history is complete", () => {
    renderWithIntl(
      <MessageList
        messages={messages}
        canLoadOlder={false}
        loadingOlder={false}
        onLoadOlder={vi.fn()}
      />,
    );
    const list = screen.getByRole("list", { name: "Messages" });
    expect(list.textContent).toBe("AssistantHi!YouHelp");
    expect(screen.queryByRole("button", { name: "Load earlier messages" })).toBeNull();
  });
});
