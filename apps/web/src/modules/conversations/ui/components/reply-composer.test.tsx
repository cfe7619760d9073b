import type { Id } from "@echo/backend/convex/_generated/dataModel";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import { afterEach, describe, expect, it, vi } from "vitest";

import en from "../../../../../messages/en.json";
import ptBR from "../../../../../messages/pt-BR.json";
import { convex } from "@/test/convex-double";

import { ReplyComposer } from "./reply-composer";

vi.mock("convex/react", async () => (await import("@/test/convex-double")).convexReact);
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
    // Journeys find the box by a label containing "Reply": nothing else may carry one.
    expect(screen.getAllByLabelText(/reply/i)).toHaveLength(1);
  });

  it("offers files and emoji; a picked emoji goes in at the caret", async () => {
    renderComposer(false, "pt-BR");
    expect(screen.getByRole("button", { name: "Anexar arquivos" })).toBeTruthy();
    const box = screen.getByLabelText("Resposta") as HTMLTextAreaElement;
    fireEvent.change(box, { target: { value: "Obrigado!" } });
    box.setSelectionRange(9, 9);
    fireEvent.click(screen.getByRole("button", { name: "Inserir emoji" }));
    // The grid is loaded on demand; a first import in a test worker can take a while.
    fireEvent.click(await screen.findByRole("button", { name: "👍" }, { timeout: 10_000 }));
    expect(box.value).toBe("Obrigado!👍");
  });

  it("a / opens the conversation's canned responses; Enter inserts the filled text", () => {
    convex.answers["private/cannedResponses:forConversation"] = [
      {
        _id: "r1",
        title: "Refund",
        shortcut: "refund",
        language: "en",
        text: "Hi Vera, refunded.",
      },
      { _id: "r2", title: "Greeting", shortcut: "hi", language: "en", text: "Hello Vera!" },
    ];
    renderComposer(false);
    const box = screen.getByLabelText("Reply") as HTMLTextAreaElement;
    fireEvent.change(box, { target: { value: "/ref", selectionStart: 4 } });
    const list = screen.getByRole("listbox", { name: "Canned responses" });
    expect(list.textContent).toContain("/refund · Refund");
    expect(list.textContent).not.toContain("Greeting");
    expect(box.getAttribute("aria-activedescendant")).toBe(
      screen.getByRole("option", { selected: true }).id,
    );
    fireEvent.keyDown(box, { key: "Enter" });
    expect(box.value).toBe("Hi Vera, refunded.");
    expect(screen.queryByRole("listbox")).toBeNull();
  });

  it("a note is set apart, mentions members picked after @, and is added as a note", async () => {
    convex.calls = [];
    convex.answers["private/members:list"] = [
      { userId: "u_ana", name: "Ana Lima", email: "ana@acme.example" },
      { userId: "u_bruno", name: "Bruno", email: "bruno@acme.example" },
    ];
    convex.answers["private/organization:current"] = { userId: "u_bruno" };
    renderComposer(true, "pt-BR");
    fireEvent.click(screen.getByRole("button", { name: "Nota privada" }));
    const box = screen.getByLabelText("Nota privada") as HTMLTextAreaElement;
    expect(box.closest("form")?.dataset.mode).toBe("note");
    expect(screen.queryByRole("button", { name: "Anexar arquivos" })).toBeNull();
    expect(screen.queryByText(/passa a conversa para uma pessoa/)).toBeNull();

    fireEvent.change(box, { target: { value: "Veja @", selectionStart: 6 } });
    // The author is not offered: naming oneself notifies nobody.
    expect(screen.getAllByRole("option").map((option) => option.textContent)).toEqual([
      "Ana Limaana@acme.example",
    ]);
    fireEvent.change(box, { target: { value: "Veja @an", selectionStart: 8 } });
    fireEvent.click(screen.getByRole("option", { name: /Ana Lima/ }));
    expect(box.value).toBe("Veja @Ana Lima ");
    fireEvent.change(box, { target: { value: "Veja @Ana Lima o reembolso", selectionStart: 26 } });
    fireEvent.click(screen.getByRole("button", { name: "Adicionar nota" }));
    await waitFor(() => expect(convex.calls).toHaveLength(1));
    expect(convex.calls[0]).toEqual({
      name: "private/notes:add",
      args: { conversationId: "c1", text: "Veja @Ana Lima o reembolso", mentions: ["u_ana"] },
    });
  });

  it("takes files from a paste and a drop into a reply, but not into a note", async () => {
    convex.calls = [];
    // The upload URL the double answers is null, so each upload then fails as a refused file.
    const failedUploads = vi.spyOn(console, "error").mockImplementation(() => {});
    renderComposer(false);
    const box = screen.getByLabelText("Reply");
    const pasted = new File(["png"], "pasted.png", { type: "image/png" });
    fireEvent.paste(box, { clipboardData: { files: [pasted], types: ["Files"] } });
    expect(await screen.findByText("pasted.png")).toBeTruthy();
    const dropped = new File(["%PDF"], "dropped.pdf", { type: "application/pdf" });
    fireEvent.drop(box.closest("form")!, { dataTransfer: { files: [dropped], types: ["Files"] } });
    expect(await screen.findByText("dropped.pdf")).toBeTruthy();
    await waitFor(() =>
      expect(
        convex.calls.filter((call) => call.name === "private/attachments:generateUploadUrl"),
      ).toHaveLength(2),
    );

    fireEvent.click(screen.getByRole("button", { name: "Private note" }));
    const note = screen.getByLabelText("Private note");
    const ignored = new File(["x"], "ignored.png", { type: "image/png" });
    fireEvent.paste(note, { clipboardData: { files: [ignored], types: ["Files"] } });
    fireEvent.drop(note.closest("form")!, { dataTransfer: { files: [ignored], types: ["Files"] } });
    expect(screen.queryByText("ignored.png")).toBeNull();
    failedUploads.mockRestore();
  });
});
