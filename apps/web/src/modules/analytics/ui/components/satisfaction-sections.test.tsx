import { cleanup, render, screen, within } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import { afterEach, describe, expect, it, vi } from "vitest";

import { convex } from "@/test/convex-double";

import en from "../../../../../messages/en.json";
import ptBR from "../../../../../messages/pt-BR.json";
import { CsatSection } from "./csat-section";
import { OperatorPerformance } from "./operator-performance";

// private/csat:summary and private/operatorAnalytics:performance answer from convex.answers.
vi.mock("convex/react", async () => (await import("@/test/convex-double")).convexReact);
afterEach(() => {
  cleanup();
  convex.queries = [];
  convex.answers = {};
});

const MINUTE = 60_000;
const none = { count: 0, average: null, satisfiedRate: null };

function renderIn(ui: React.ReactNode, locale: "en" | "pt-BR" = "en") {
  render(
    <NextIntlClientProvider locale={locale} messages={locale === "en" ? en : ptBR} timeZone="UTC">
      {ui}
    </NextIntlClientProvider>,
  );
}

describe("CsatSection", () => {
  it("shows CSAT overall and for AI-resolved and human-resolved conversations, for the period", () => {
    convex.answers["private/csat:summary"] = {
      from: 0,
      to: 1,
      overall: { count: 3, average: 11 / 3, satisfiedRate: 2 / 3 },
      ai: { count: 1, average: 5, satisfiedRate: 1 },
      human: { count: 2, average: 3, satisfiedRate: 0.5 },
      recentComments: [{ conversationId: "c1", rating: 2, comment: "Too slow", ratedAt: 0 }],
    };
    renderIn(<CsatSection days={7} />);
    expect(convex.queries).toContainEqual({ name: "private/csat:summary", args: { days: 7 } });
    expect(screen.getByTestId("csat-overall").textContent).toBe(
      "All rated conversations67%3 ratings, average 3.7 of 5",
    );
    expect(screen.getByTestId("csat-ai").textContent).toBe(
      "Resolved by AI100%1 rating, average 5 of 5",
    );
    expect(screen.getByTestId("csat-human").textContent).toContain("50%");
    expect(screen.getByText("Too slow")).toBeTruthy();
  });

  it("says when nobody rated yet, in Portuguese too", () => {
    convex.answers["private/csat:summary"] = {
      from: 0,
      to: 1,
      overall: none,
      ai: none,
      human: none,
      recentComments: [],
    };
    renderIn(<CsatSection days={30} />, "pt-BR");
    expect(screen.getByTestId("csat-overall").textContent).toBe(
      "Todas as conversas avaliadasSem avaliações",
    );
  });
});

describe("OperatorPerformance", () => {
  it("lists each operator's handled and resolved counts, median times and CSAT", () => {
    convex.answers["private/operatorAnalytics:performance"] = {
      from: 0,
      to: 1,
      operators: [
        {
          userId: "user_ana",
          name: "Ana",
          handled: 2,
          resolved: 2,
          medianFirstResponseMs: 4 * MINUTE,
          medianResolutionMs: 80 * MINUTE,
          csat: { count: 2, average: 3, satisfiedRate: 0.5 },
        },
        {
          userId: "user_bo",
          name: null,
          handled: 1,
          resolved: 0,
          medianFirstResponseMs: null,
          medianResolutionMs: null,
          csat: none,
        },
      ],
    };
    renderIn(<OperatorPerformance days={90} />);
    expect(convex.queries).toContainEqual({
      name: "private/operatorAnalytics:performance",
      args: { days: 90 },
    });
    const cells = (userId: string) =>
      within(screen.getByTestId(`operator-performance-${userId}`))
        .getAllByRole("cell")
        .map((cell) => cell.textContent);
    expect(cells("user_ana")).toEqual(["Ana", "2", "2", "4 min", "1 h 20 min", "50% (2 ratings)"]);
    expect(cells("user_bo")).toEqual(["user_bo", "1", "0", "—", "—", "—"]);
  });

  it("says so when no person handled a conversation in the period", () => {
    convex.answers["private/operatorAnalytics:performance"] = { from: 0, to: 1, operators: [] };
    renderIn(<OperatorPerformance days={30} />, "pt-BR");
    expect(
      screen.getByText("Nenhuma conversa atendida por uma pessoa neste período."),
    ).toBeTruthy();
  });
});
