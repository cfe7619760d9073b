import type { Id } from "@echo/backend/convex/_generated/dataModel";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import { afterEach, describe, expect, it, vi } from "vitest";

import en from "../../../../../messages/en.json";
import ptBR from "../../../../../messages/pt-BR.json";
import { convex } from "@/test/convex-double";

import { WhatsAppWindowClosed } from "./whatsapp-window-closed";

vi.mock("convex/react", async () => (await import("@/test/convex-double")).convexReact);
afterEach(() => {
  cleanup();
  convex.calls.length = 0;
});

const TEMPLATES = [
  {
    name: "order_update",
    language: "en_US",
    body: "Hello {{1}}, your order {{2}} has an update.",
    parameterCount: 2,
  },
];

function renderPanel(window: unknown, locale: "en" | "pt-BR" = "en") {
  convex.answers["private/whatsappTemplates:window"] = window;
  convex.answers["private/whatsappTemplates:list"] = TEMPLATES;
  render(
    <NextIntlClientProvider locale={locale} messages={locale === "en" ? en : ptBR}>
      <WhatsAppWindowClosed conversationId={"c1" as Id<"conversations">} disabled={false} />
    </NextIntlClientProvider>,
  );
}

describe("WhatsAppWindowClosed", () => {
  it("shows nothing while the window is open, or where none applies", () => {
    renderPanel({ open: true, closesAt: Date.now() + 1000 });
    expect(screen.queryByTestId("whatsapp-window-closed")).toBeNull();
    cleanup();
    renderPanel(null);
    expect(screen.queryByTestId("whatsapp-window-closed")).toBeNull();
  });

  it("past the window, sends the chosen template with its filled values", async () => {
    renderPanel({ open: false, closesAt: Date.now() - 1000 });
    expect(screen.getByText("The 24-hour window is closed")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Choose a template" }));
    const send = await screen.findByRole("button", { name: "Send template" });
    expect((send as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(screen.getByLabelText("Value {{1}}"), { target: { value: "Olga" } });
    fireEvent.change(screen.getByLabelText("Value {{2}}"), { target: { value: " A-77 " } });
    expect(screen.getByTestId("template-preview").textContent).toBe(
      "Hello Olga, your order A-77 has an update.",
    );
    fireEvent.click(send);
    await waitFor(() =>
      expect(convex.calls.find((c) => c.name === "private/messages:reply")?.args).toEqual({
        conversationId: "c1",
        text: "Hello Olga, your order A-77 has an update.",
        template: { name: "order_update", language: "en_US", parameters: ["Olga", "A-77"] },
      }),
    );
  });

  it("speaks Portuguese", () => {
    renderPanel({ open: false, closesAt: 0 }, "pt-BR");
    expect(screen.getByText("A janela de 24 horas está fechada")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Escolher um modelo" })).toBeTruthy();
  });
});
