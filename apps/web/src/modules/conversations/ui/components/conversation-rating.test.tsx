import type { Id } from "@echo/backend/convex/_generated/dataModel";
import { cleanup, render, screen } from "@testing-library/react";
import { getFunctionName } from "convex/server";
import { NextIntlClientProvider } from "next-intl";
import { afterEach, expect, it, vi } from "vitest";

import en from "../../../../../messages/en.json";
import ptBR from "../../../../../messages/pt-BR.json";
import { ConversationRating } from "./conversation-rating";

const backend = vi.hoisted(() => ({ rating: null as unknown }));
vi.mock("convex/react", () => ({
  useQuery: (ref: never) =>
    getFunctionName(ref) === "private/csat:forConversation" ? backend.rating : undefined,
}));
afterEach(cleanup);

function renderIn(locale: "en" | "pt-BR") {
  render(
    <NextIntlClientProvider locale={locale} messages={locale === "en" ? en : ptBR}>
      <ConversationRating conversationId={"c1" as Id<"conversations">} />
    </NextIntlClientProvider>,
  );
}

it("shows the visitor's rating and comment on the conversation", () => {
  backend.rating = { rating: 4, comment: "Quick and kind", ratedAt: 0 };
  renderIn("en");
  expect(screen.getByTestId("conversation-rating").textContent).toBe(
    "★ Rated 4 of 5Quick and kind",
  );
  cleanup();
  renderIn("pt-BR");
  expect(screen.getByTestId("conversation-rating").textContent).toContain("Nota 4 de 5");
});

it("shows nothing before the visitor rates", () => {
  backend.rating = null;
  renderIn("en");
  expect(screen.queryByTestId("conversation-rating")).toBeNull();
});
