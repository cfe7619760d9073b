import { fireEvent, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { describe, expect, it, vi } from "vitest";

import { renderWithIntl } from "@/test/render-with-intl";

import type { AttachmentDraft } from "@echo/ui/lib/attachment-drafts";
import { MAX_MESSAGE_CHARS, validateMessage } from "../../lib/composer-validation";
import { Composer } from "./composer";

function WithFiles({
  onSend,
  onAttach,
  drafts,
}: {
  onSend: (text: string) => void;
  onAttach: (files: File[]) => void;
  drafts: AttachmentDraft[];
}) {
  const [draft, setDraft] = useState("");
  return (
    <Composer
      draft={draft}
      onDraftChange={setDraft}
      onSend={onSend}
      sending={false}
      error={null}
      attachments={{ drafts, onAttach, onRemove: vi.fn(), accept: ".png,.pdf" }}
    />
  );
}

const png = () => new File([new Uint8Array([137, 80, 78, 71])], "shot.png", { type: "image/png" });

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

  it("takes files from the picker, a paste and a drop", async () => {
    const onAttach = vi.fn();
    const { container } = renderWithIntl(
      <WithFiles onSend={vi.fn()} onAttach={onAttach} drafts={[]} />,
    );
    const input = container.querySelector<HTMLInputElement>('input[type="file"]')!;
    expect(input.accept).toBe(".png,.pdf");
    expect(screen.getByRole("button", { name: "Attach files" })).toBeTruthy();
    await userEvent.upload(input, png());
    expect(onAttach).toHaveBeenLastCalledWith([expect.objectContaining({ name: "shot.png" })]);

    const box = screen.getByRole("textbox", { name: "Message" });
    const pasted = png();
    fireEvent.paste(box, { clipboardData: { files: [pasted], types: ["Files"] } });
    expect(onAttach).toHaveBeenLastCalledWith([pasted]);

    const dropped = png();
    fireEvent.drop(container.querySelector("form")!, {
      dataTransfer: { files: [dropped], types: ["Files"] },
    });
    expect(onAttach).toHaveBeenLastCalledWith([dropped]);
    expect(onAttach).toHaveBeenCalledTimes(3);
  });

  it("sends files without words, but not while one is still uploading", async () => {
    const onSend = vi.fn();
    const ready: AttachmentDraft = {
      key: "1",
      fileName: "shot.png",
      status: "ready",
      attachmentId: "a1",
    };
    const { rerender } = renderWithIntl(
      <WithFiles
        onSend={onSend}
        onAttach={vi.fn()}
        drafts={[ready, { key: "2", fileName: "big.pdf", status: "uploading" }]}
      />,
    );
    await userEvent.click(screen.getByRole("button", { name: "Send message" }));
    expect(onSend).not.toHaveBeenCalled();
    expect(screen.getByRole("alert").textContent).toBe(
      "Please wait until your files have finished uploading.",
    );
    rerender(<WithFiles onSend={onSend} onAttach={vi.fn()} drafts={[ready]} />);
    await userEvent.click(screen.getByRole("button", { name: "Send message" }));
    expect(onSend).toHaveBeenCalledWith("");
  });

  it("says why a file was refused", () => {
    renderWithIntl(
      <WithFiles
        onSend={vi.fn()}
        onAttach={vi.fn()}
        drafts={[
          {
            key: "1",
            fileName: "huge.pdf",
            status: "refused",
            problem: "FILE_TOO_LARGE",
            maxBytes: 10485760,
          },
          { key: "2", fileName: "app.exe", status: "refused", problem: "FILE_TYPE_NOT_ALLOWED" },
        ]}
      />,
    );
    const alerts = screen.getAllByRole("alert").map((alert) => alert.textContent);
    expect(alerts).toEqual([
      "Too large to send: the limit is 10 MB.",
      "This type of file can't be sent. Send an image, a PDF, or an office or text file.",
    ]);
    expect(screen.getByRole("button", { name: "Remove huge.pdf" })).toBeTruthy();
  });

  it("inserts a picked emoji at the cursor", async () => {
    renderWithIntl(<Harness onSend={vi.fn()} />);
    await userEvent.type(screen.getByRole("textbox", { name: "Message" }), "Thanks!");
    await userEvent.click(screen.getByRole("button", { name: "Insert emoji" }));
    // The grid is loaded on demand; a first import in a test worker can take a while.
    await userEvent.click(await screen.findByRole("button", { name: "🙏" }, { timeout: 10_000 }));
    expect((screen.getByRole("textbox", { name: "Message" }) as HTMLTextAreaElement).value).toBe(
      "Thanks!🙏",
    );
  });
});
