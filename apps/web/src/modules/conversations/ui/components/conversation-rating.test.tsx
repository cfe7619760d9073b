import type { Id } from "@echo/backend/convex/_generated/dataModel";
import { cleanup, render, screen } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import { afterEach, expect, it, vi } from "vitest";

import { convex } from "@/test/convex-double";

import en from "../../../../../messages/en.json";
import ptBR from "../../../../../messages/pt-BR.json";
import { ConversationRating } from "./conversation-rating";

const RATING = "private/csat:forConversation";

vi.mock("convex/react", async () => (await import("@/test/convex-double")).convexReact);
afterEach(cleanup);

function renderIn(locale: "en" | "pt-BR") {
  render(
    <NextIntlClientProvider locale={locale} messages={locale === "en" ? en : ptBR}>
      <ConversationRating conversationId={"c1" as Id<"conversations">} />
    </NextIntlClientProvider>,
  );
}

it("shows the visitor's rating and comment on the conversation", () => {
  convex.answers[RATING] = { rating: 4, comment: "Quick and kind", ratedAt: 0 };
  renderIn("en");
  expect(screen.getByTestId("conversation-rating").textContent).toBe(
    "★ Rated 4 of 5Quick and kind",
  );
  cleanup();
  renderIn("pt-BR");
  expect(screen.getByTestId("conversation-rating").textContent).toContain("Nota 4 de 5");
});

it("shows nothing before the visitor rates", () => {
  convex.answers[RATING] = null;
  renderIn("en");
  expect(screen.queryByTestId("conversation-rating")).toBeNull();
});
