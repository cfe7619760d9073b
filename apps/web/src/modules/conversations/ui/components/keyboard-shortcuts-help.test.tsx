import { act, cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import { afterEach, describe, expect, it, vi } from "vitest";

import en from "../../../../../messages/en.json";
import ptBR from "../../../../../messages/pt-BR.json";
import { useInboxShortcuts } from "../../hooks/use-inbox-shortcuts";
import { KeyboardShortcutsHelp } from "./keyboard-shortcuts-help";

afterEach(cleanup);

function Inbox({ onNext, onReply }: { onNext: () => void; onReply: () => void }) {
  useInboxShortcuts({ next: onNext, reply: onReply });
  return (
    <>
      <KeyboardShortcutsHelp />
      <textarea aria-label="Reply" />
    </>
  );
}

function renderIn(locale: "en" | "pt-BR", ui: React.ReactNode) {
  return render(
    <NextIntlClientProvider locale={locale} messages={locale === "en" ? en : ptBR}>
      {ui}
    </NextIntlClientProvider>,
  );
}

describe("inbox keyboard shortcuts", () => {
  it("? opens the translated list of every shortcut, and the button beside the title does too", () => {
    renderIn("en", <KeyboardShortcutsHelp />);
    expect(screen.queryByRole("dialog")).toBeNull();
    fireEvent.keyDown(document.body, { key: "?", shiftKey: true });
    const dialog = screen.getByRole("dialog", { name: "Keyboard shortcuts" });
    const rows = within(dialog).getAllByTestId("shortcut");
    expect(rows.map((row) => row.textContent)).toEqual([
      "Next conversationj↓",
      "Previous conversationk↑",
      "Search conversations/",
      "Write a replyr",
      "Escalate, or reopen a resolved conversatione",
      "ResolveShift+R",
      "Show these shortcuts?",
    ]);
    fireEvent.keyDown(dialog, { key: "Escape" });
    expect(screen.queryByRole("dialog")).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Keyboard shortcuts" }));
    expect(screen.getByRole("dialog")).toBeTruthy();
  });

  it("speaks Portuguese in pt-BR", () => {
    renderIn("pt-BR", <KeyboardShortcutsHelp />);
    fireEvent.keyDown(document.body, { key: "?" });
    const dialog = screen.getByRole("dialog", { name: "Atalhos de teclado" });
    expect(within(dialog).getByText("Próxima conversa")).toBeTruthy();
  });

  it("runs the page's actions from the keyboard, but not while the operator types", () => {
    const onNext = vi.fn();
    const onReply = vi.fn();
    renderIn("en", <Inbox onNext={onNext} onReply={onReply} />);
    fireEvent.keyDown(document.body, { key: "j" });
    expect(onNext).toHaveBeenCalledTimes(1);
    const reply = screen.getByLabelText("Reply");
    const typed = fireEvent.keyDown(reply, { key: "j" });
    expect(typed).toBe(true);
    fireEvent.keyDown(reply, { key: "r" });
    expect(onNext).toHaveBeenCalledTimes(1);
    expect(onReply).not.toHaveBeenCalled();
    // A handled key is not typed anywhere else.
    const handled = fireEvent.keyDown(document.body, { key: "r" });
    expect(handled).toBe(false);
    expect(onReply).toHaveBeenCalledTimes(1);
    // With the list of shortcuts open, keys belong to the dialog.
    act(() => {
      fireEvent.keyDown(document.body, { key: "?" });
    });
    fireEvent.keyDown(screen.getByRole("dialog"), { key: "j" });
    expect(onNext).toHaveBeenCalledTimes(1);
  });
});
