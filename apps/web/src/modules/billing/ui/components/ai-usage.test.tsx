import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import { afterEach, describe, expect, it, vi } from "vitest";

import en from "../../../../../messages/en.json";
import ptBR from "../../../../../messages/pt-BR.json";
import { type AiBudget, AiUsage, type AiUsageToday } from "./ai-usage";

afterEach(cleanup);

const today: AiUsageToday = {
  day: "2026-12-06",
  agentTurns: 120,
  modelTokens: 45_000,
  spent: null,
  budget: { agentTurnsPerDay: 500, modelTokensPerDay: 2_000_000 },
  custom: false,
  defaults: { agentTurnsPerDay: 500, modelTokensPerDay: 2_000_000 },
  max: { agentTurnsPerDay: 100_000, modelTokensPerDay: 500_000_000 },
};

function renderUsage(
  props: {
    usage?: Partial<AiUsageToday>;
    canEdit?: boolean;
    onSave?: (b: AiBudget) => Promise<string | null>;
  } = {},
  locale: "en" | "pt-BR" = "en",
) {
  const onSave = props.onSave ?? vi.fn(async () => null);
  render(
    <NextIntlClientProvider locale={locale} messages={locale === "en" ? en : ptBR} timeZone="UTC">
      <AiUsage
        usage={{ ...today, ...props.usage }}
        canEdit={props.canEdit ?? true}
        onSave={onSave}
      />
    </NextIntlClientProvider>,
  );
  return { onSave };
}

describe("AiUsage", () => {
  it("shows today's replies and tokens against the budget", () => {
    renderUsage();
    expect(screen.getByTestId("ai-usage-agentTurns").textContent).toContain("120 of 500");
    expect(screen.getByTestId("ai-usage-modelTokens").textContent).toContain("45,000 of 2,000,000");
    expect(screen.queryByTestId("ai-usage-spent")).toBeNull();
  });

  it("says plainly when today's budget is spent and what visitors get instead", () => {
    renderUsage({ usage: { agentTurns: 500, spent: "agentTurns" } });
    expect(screen.getByTestId("ai-usage-spent").textContent).toContain(
      "Today's budget is spent (Assistant replies)",
    );
  });

  it("lets an admin save a new budget and refuses numbers out of bounds", async () => {
    const { onSave } = renderUsage();
    const turns = screen.getByLabelText("Assistant replies per day");
    fireEvent.change(turns, { target: { value: "-3" } });
    expect(screen.getByText("Enter a whole number from 0 to 100,000.")).toBeTruthy();
    expect(
      (screen.getByRole("button", { name: "Save budget" }) as HTMLButtonElement).disabled,
    ).toBe(true);
    fireEvent.change(turns, { target: { value: "50" } });
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Save budget" }));
    });
    expect(onSave).toHaveBeenCalledWith({ agentTurnsPerDay: 50, modelTokensPerDay: 2_000_000 });
    expect(screen.getByRole("status").textContent).toBe("Budget saved.");
  });

  it("keeps saying the budget was saved once the live usage brings the new budget", async () => {
    const onSave = vi.fn(async () => null);
    const view = (usage: AiUsageToday) => (
      <NextIntlClientProvider locale="en" messages={en} timeZone="UTC">
        <AiUsage usage={usage} canEdit onSave={onSave} />
      </NextIntlClientProvider>
    );
    const { rerender } = render(view(today));
    fireEvent.change(screen.getByLabelText("Assistant replies per day"), {
      target: { value: "750" },
    });
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Save budget" }));
    });
    rerender(view({ ...today, budget: { ...today.budget, agentTurnsPerDay: 750 }, custom: true }));
    expect(screen.getByRole("status").textContent).toBe("Budget saved.");
    expect(screen.getByTestId("ai-usage-agentTurns").textContent).toContain("120 of 750");
    expect((screen.getByLabelText("Assistant replies per day") as HTMLInputElement).value).toBe(
      "750",
    );
  });

  it("shows the backend's refusal", async () => {
    renderUsage({ onSave: async () => "Only admins can do this." });
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Save budget" }));
    });
    expect(screen.getByRole("alert").textContent).toBe("Only admins can do this.");
  });

  it("shows members the usage without the form, in Portuguese too", () => {
    renderUsage({ canEdit: false }, "pt-BR");
    expect(screen.queryByRole("button")).toBeNull();
    expect(
      screen.getByText("Só proprietários e administradores podem mudar o orçamento."),
    ).toBeTruthy();
    expect(screen.getByTestId("ai-usage-agentTurns").textContent).toContain("120 de 500");
  });
});
