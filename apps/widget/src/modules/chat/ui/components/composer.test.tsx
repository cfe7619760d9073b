import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { describe, expect, it, vi } from "vitest";

import { renderWithIntl } from "@/test/render-with-intl";

import { MAX_MESSAGE_CHARS, validateMessage } from "../../lib/composer-validation";
import { Composer } from "./composer";

function Harness({
  onSend,
  initial = "",
  error = null,
}: {
  onSend: (text: string) => void;
  initial?: string;
  error?: string | null;
}) {
  const [draft, setDraft] = useState(initial);
  return (
    <Composer
      draft={draft}
      onDraftChange={setDraft}
      onSend={onSend}
      sending={false}
      error={error}
    />
  );
}

describe("validateMessage", () => {
  it("refuses empty and whitespace-only text", () => {
    expect(validateMessage("")).toEqual({ ok: false, problem: "EMPTY" });
    expect(validateMessage(" \n\t ")).toEqual({ ok: false, problem: "EMPTY" });
  });

  it("refuses text over the backend's limit, counting after trimming", () => {
    expect(validateMessage("a".repeat(MAX_MESSAGE_CHARS + 1))).toEqual({
      ok: false,
      problem: "TOO_LONG",
    });
    expect(validateMessage(`  ${"a".repeat(MAX_MESSAGE_CHARS)}  `)).toEqual({
      ok: true,
      text: "a".repeat(MAX_MESSAGE_CHARS),
    });
  });
});

describe("Composer", () => {
  it("has a labelled message box and send button, focused on load", () => {
    renderWithIntl(<Harness onSend={vi.fn()} />);
    const box = screen.getByRole("textbox", { name: "Message" });
    expect(document.activeElement).toBe(box);
    expect(screen.getByRole("button", { name: "Send message" })).toBeTruthy();
  });

  it("says so when sending an empty message, and sends nothing", async () => {
    const onSend = vi.fn();
    renderWithIntl(<Harness onSend={onSend} initial="   " />);
    await userEvent.click(screen.getByRole("button", { name: "Send message" }));
    expect(screen.getByRole("alert").textContent).toBe("Please type a message before sending.");
    expect(onSend).not.toHaveBeenCalled();
  });

  it("says how long an oversize message is, and sends nothing", async () => {
    const onSend = vi.fn();
    renderWithIntl(<Harness onSend={onSend} initial={"x".repeat(MAX_MESSAGE_CHARS + 5)} />);
    expect(screen.getByRole("alert").textContent).toBe(
      "Your message is 4,005 characters long; the limit is 4,000.",
    );
    await userEvent.click(screen.getByRole("button", { name: "Send message" }));
    expect(onSend).not.toHaveBeenCalled();
    expect(screen.getByRole("textbox", { name: "Message" }).getAttribute("aria-invalid")).toBe(
      "true",
    );
  });

  it("sends trimmed text on Enter and keeps Shift+Enter for new lines", async () => {
    const onSend = vi.fn();
    renderWithIntl(<Harness onSend={onSend} />);
    const box = screen.getByRole("textbox", { name: "Message" });
    await userEvent.type(box, "  first line{Shift>}{Enter}{/Shift}second  ");
    expect(onSend).not.toHaveBeenCalled();
    await userEvent.type(box, "{Enter}");
    expect(onSend).toHaveBeenCalledWith("first line\nsecond");
  });

  it("shows a translated send error from the caller", () => {
    renderWithIntl(
      <Harness onSend={vi.fn()} initial="hi" error="You're sending messages too fast." />,
    );
    expect(screen.getByRole("alert").textContent).toBe("You're sending messages too fast.");
  });
});
