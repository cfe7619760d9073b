import type { Id } from "@echo/backend/convex/_generated/dataModel";
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import { afterEach, describe, expect, it, vi } from "vitest";

import en from "../../../../../messages/en.json";
import ptBR from "../../../../../messages/pt-BR.json";
import { ReplyComposer } from "./reply-composer";

vi.mock("convex/react", () => ({
  useMutation: () => vi.fn(),
  useAction: () => vi.fn(),
  useQuery: () => undefined,
}));
afterEach(cleanup);

function renderComposer(handsOver: boolean, locale: "en" | "pt-BR" = "en") {
  render(
    <NextIntlClientProvider locale={locale} messages={locale === "en" ? en : ptBR}>
      <ReplyComposer
        conversationId={"c1" as Id<"conversations">}
        disabled={false}
        handsOver={handsOver}
      />
    </NextIntlClientProvider>,
  );
}

describe("ReplyComposer", () => {
  it("says a reply hands the conversation to a person while the AI is handling it", () => {
    renderComposer(true);
    expect(screen.getByText("Replying hands the conversation to a person.")).toBeTruthy();
  });

  it("does not say so once a person already has it", () => {
    renderComposer(false, "pt-BR");
    expect(screen.queryByText(/passa a conversa para uma pessoa/)).toBeNull();
    expect(screen.getByText("Ctrl+Enter para enviar")).toBeTruthy();
  });

  it("keeps the keyboard shortcut out of the placeholder, where no media query can hide it", () => {
    renderComposer(true);
    expect(screen.getByLabelText("Reply").getAttribute("placeholder")).toBe("Write a reply…");
  });

  it("offers files and emoji; a picked emoji goes in at the caret", async () => {
    renderComposer(false, "pt-BR");
    expect(screen.getByRole("button", { name: "Anexar arquivos" })).toBeTruthy();
    const box = screen.getByLabelText("Resposta") as HTMLTextAreaElement;
    fireEvent.change(box, { target: { value: "Obrigado!" } });
    box.setSelectionRange(9, 9);
    fireEvent.click(screen.getByRole("button", { name: "Inserir emoji" }));
    fireEvent.click(await screen.findByRole("button", { name: "👍" }));
    expect(box.value).toBe("Obrigado!👍");
  });
});
