import { act, fireEvent, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { NextIntlClientProvider } from "next-intl";
import { afterEach, describe, expect, it, vi } from "vitest";

import { renderWithIntl } from "@/test/render-with-intl";

import ptBR from "../../../../../messages/pt-BR.json";

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

  it("marks Seen under the message it is given, in pt-BR too, whatever follows it", () => {
    const withAck: ChatMessage[] = [
      ...messages,
      {
        key: "3",
        role: "assistant",
        text: "A person will reply.",
        status: "success",
        author: "agent",
      },
    ];
    render(
      <NextIntlClientProvider locale="pt-BR" messages={ptBR} timeZone="UTC">
        <MessageList
          messages={withAck}
          seenKey="2"
          canLoadOlder={false}
          loadingOlder={false}
          onLoadOlder={vi.fn()}
        />
      </NextIntlClientProvider>,
    );
    const items = screen.getAllByRole("listitem");
    expect(screen.getByTestId("seen-by-operator").textContent).toBe("Visto");
    expect(items.map((item) => item.contains(screen.getByTestId("seen-by-operator")))).toEqual([
      false,
      true,
      false,
    ]);
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

  describe("following the conversation", () => {
    /** A scroller with the given geometry; jsdom lays nothing out. */
    function geometry(list: HTMLElement, size: { scrollHeight: number; clientHeight: number }) {
      const scroller = list.parentElement!.parentElement!;
      Object.defineProperty(scroller, "scrollHeight", {
        value: size.scrollHeight,
        configurable: true,
      });
      Object.defineProperty(scroller, "clientHeight", { value: size.clientHeight });
      Object.defineProperty(scroller, "scrollTop", { value: 0, writable: true });
      return scroller;
    }

    function observeResizes() {
      const resized: Array<() => void> = [];
      vi.stubGlobal(
        "ResizeObserver",
        class {
          constructor(callback: () => void) {
            resized.push(callback);
          }
          observe() {}
          disconnect() {}
        },
      );
      return () => resized.forEach((callback) => callback());
    }

    function list(items: ChatMessage[]) {
      return (
        <MessageList
          messages={items}
          canLoadOlder={false}
          loadingOlder={false}
          onLoadOlder={vi.fn()}
        />
      );
    }

    const reply = (text: string): ChatMessage => ({
      key: "3",
      role: "assistant",
      text,
      status: "streaming",
      author: "agent",
    });

    it("stays at the bottom while a reply grows inside its bubble", () => {
      const resize = observeResizes();
      renderWithIntl(list([...messages, reply("Let me")]));
      const scroller = geometry(screen.getByRole("list", { name: "Messages" }), {
        scrollHeight: 1000,
        clientHeight: 300,
      });
      // The smoothed text grows in the bubble; only the content's size says so.
      Object.defineProperty(scroller, "scrollHeight", { value: 1400 });
      act(resize);
      expect(scroller.scrollTop).toBe(1400);
      expect(screen.queryByRole("button", { name: "New messages" })).toBeNull();
    });

    it("leaves a reader who scrolled up where they are and offers the new messages", async () => {
      const resize = observeResizes();
      const { rerender } = renderWithIntl(list(messages));
      const scroller = geometry(screen.getByRole("list", { name: "Messages" }), {
        scrollHeight: 1000,
        clientHeight: 300,
      });
      scroller.scrollTop = 200;
      fireEvent.scroll(scroller);
      rerender(list([...messages, reply("Here is how")]));
      Object.defineProperty(scroller, "scrollHeight", { value: 1400 });
      act(resize);
      expect(scroller.scrollTop).toBe(200);
      await userEvent.click(screen.getByRole("button", { name: "New messages" }));
      expect(scroller.scrollTop).toBe(1400);
      expect(screen.queryByRole("button", { name: "New messages" })).toBeNull();
    });

    it("brings the visitor down to their own message even when scrolled up", () => {
      const { rerender } = renderWithIntl(list(messages));
      const scroller = geometry(screen.getByRole("list", { name: "Messages" }), {
        scrollHeight: 1000,
        clientHeight: 300,
      });
      scroller.scrollTop = 100;
      fireEvent.scroll(scroller);
      rerender(
        list([
          ...messages,
          { key: "4", role: "user", text: "Thanks", status: "success", author: "contact" },
        ]),
      );
      expect(scroller.scrollTop).toBe(1000);
    });
  });
});
