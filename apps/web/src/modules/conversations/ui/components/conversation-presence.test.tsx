import type { Id } from "@echo/backend/convex/_generated/dataModel";
import { cleanup, render, screen } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import { afterEach, expect, it, vi } from "vitest";

import { convex } from "@/test/convex-double";

import en from "../../../../../messages/en.json";
import ptBR from "../../../../../messages/pt-BR.json";
import { ConversationPresence } from "./conversation-presence";

const TYPING = "private/typing:visitor";

vi.mock("convex/react", async () => (await import("@/test/convex-double")).convexReact);
afterEach(() => {
  cleanup();
  convex.answers[TYPING] = null;
});

function renderIn(
  props: Partial<React.ComponentProps<typeof ConversationPresence>>,
  locale: "en" | "pt-BR" = "en",
) {
  render(
    <NextIntlClientProvider locale={locale} messages={locale === "en" ? en : ptBR}>
      <ConversationPresence
        conversationId={"c1" as Id<"conversations">}
        contactName="Vera"
        lastMessage={{ text: "Hello", author: "contact" }}
        unreadByContact={0}
        {...props}
      />
    </NextIntlClientProvider>,
  );
}

it("shows the visitor typing, with the draft only when the backend sends one", () => {
  convex.answers[TYPING] = { preview: null };
  renderIn({});
  expect(screen.getByRole("status").textContent).toBe("Vera is typing…");
  cleanup();
  convex.answers[TYPING] = { preview: "Where is my order" };
  renderIn({}, "pt-BR");
  expect(screen.getByRole("status").textContent).toBe("Vera está digitando… Where is my order");
});

it("marks the operator's latest reply seen once the visitor has read it", () => {
  renderIn({ lastMessage: { text: "On it", author: "operator" }, unreadByContact: 1 });
  expect(screen.queryByTestId("seen-by-visitor")).toBeNull();
  cleanup();
  renderIn({ lastMessage: { text: "On it", author: "operator" }, unreadByContact: 0 });
  expect(screen.getByTestId("seen-by-visitor").textContent).toBe("Seen by the visitor");
  cleanup();
  renderIn({ lastMessage: { text: "Thanks", author: "contact" }, unreadByContact: 0 });
  expect(
    screen.queryByTestId("seen-by-visitor"),
    "the visitor's own message is not 'seen'",
  ).toBeNull();
});
