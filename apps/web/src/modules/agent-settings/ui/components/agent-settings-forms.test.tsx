import { Toaster } from "@echo/ui/components/toaster";
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import type { ReactNode } from "react";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";

import { stubMatchMedia } from "@/test/stub-match-media";

import en from "../../../../../messages/en.json";
import ptBR from "../../../../../messages/pt-BR.json";
import { AgentInstructionsForm } from "./agent-instructions-form";
import { AllowedDomainsForm } from "./allowed-domains-form";

beforeAll(stubMatchMedia);
afterEach(cleanup);

function withIntl(ui: ReactNode, locale: "en" | "pt-BR" = "en") {
  return render(
    <NextIntlClientProvider locale={locale} messages={locale === "en" ? en : ptBR}>
      {ui}
      <Toaster label="Notifications" />
    </NextIntlClientProvider>,
  );
}

describe("Settings → AI agent", () => {
  it("saves the instructions an admin writes, trimmed, and says so", async () => {
    const onSave = vi.fn(async () => ({ kind: "saved" as const, message: "Saved." }));
    withIntl(<AgentInstructionsForm initial="" canEdit onSave={onSave} />);
    fireEvent.change(screen.getByLabelText("Agent instructions"), {
      target: { value: "  Never promise refunds.  " },
    });
    fireEvent.click(screen.getByRole("button", { name: "Save changes" }));
    await waitFor(() => expect(screen.getByRole("status").textContent).toBe("Saved."));
    expect(onSave).toHaveBeenCalledWith("Never promise refunds.");
    const toasts = within(screen.getByRole("region", { name: /Notifications/ }));
    await toasts.findByText("AI agent: changes saved.");
  });

  it("confirms a save in a toast in Portuguese, and shows none when the save fails", async () => {
    const results = [
      { kind: "error" as const, message: "Falhou." },
      { kind: "saved" as const, message: "Salvo." },
    ];
    const onSave = vi.fn(async () => results.shift()!);
    withIntl(<AgentInstructionsForm initial="Seja breve." canEdit onSave={onSave} />, "pt-BR");
    const save = screen.getByRole("button", { name: "Salvar alterações" });
    fireEvent.click(save);
    await waitFor(() => expect(screen.getByRole("status").textContent).toBe("Falhou."));
    const toasts = within(screen.getByRole("region", { name: /Notifications/ }));
    expect(toasts.queryByText(/alterações salvas/)).toBeNull();
    fireEvent.click(save);
    await toasts.findByText("Agente de IA: alterações salvas.");
  });

  it("refuses instructions past the limit, and shows members the text without a save", () => {
    const { unmount } = withIntl(
      <AgentInstructionsForm initial={"x".repeat(2001)} canEdit onSave={vi.fn()} />,
    );
    expect(screen.getByRole("button", { name: "Save changes" })).toHaveProperty("disabled", true);
    unmount();
    withIntl(
      <AgentInstructionsForm initial="Be brief." canEdit={false} onSave={vi.fn()} />,
      "pt-BR",
    );
    expect(screen.getByText("Só administradores podem alterar estas configurações.")).toBeTruthy();
    expect(screen.queryByRole("button")).toBeNull();
    expect(screen.getByLabelText("Instruções do agente")).toHaveProperty("readOnly", true);
  });
});

describe("Settings → Widget security", () => {
  it("saves the domains typed one per line, as hosts", async () => {
    const onSave = vi.fn(async () => ({ kind: "saved" as const, message: "Saved." }));
    withIntl(<AllowedDomainsForm initial={[]} canEdit onSave={onSave} />);
    expect(screen.getByText("No domains listed: any site may embed the widget.")).toBeTruthy();
    fireEvent.change(screen.getByLabelText("Allowed domains"), {
      target: { value: "https://Shop.Example.com/\n*.example.org" },
    });
    expect(screen.getByText("Only these 2 sites may embed the widget.")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Save changes" }));
    await waitFor(() => expect(onSave).toHaveBeenCalledWith(["shop.example.com", "*.example.org"]));
    await within(screen.getByRole("region", { name: /Notifications/ })).findByText(
      "Widget security: changes saved.",
    );
  });

  it("names an entry that is not a domain and keeps it from being saved", () => {
    withIntl(<AllowedDomainsForm initial={["example.com"]} canEdit onSave={vi.fn()} />);
    fireEvent.change(screen.getByLabelText("Allowed domains"), {
      target: { value: "example.com\nexa_mple!.com" },
    });
    expect(screen.getByText("Not a domain: exa_mple!.com")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Save changes" })).toHaveProperty("disabled", true);
  });
});
