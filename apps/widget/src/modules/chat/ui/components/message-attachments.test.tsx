import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import type { Id } from "@echo/backend/convex/_generated/dataModel";
import type { AttachmentView } from "@echo/backend/convex/lib/attachments/attachments";

import { renderWithIntl } from "@/test/render-with-intl";

import type { ChatMessage } from "../../lib/chat-message";
import { MessageBubble } from "./message-bubble";

const image: AttachmentView = {
  id: "a1" as Id<"attachments">,
  fileName: "receipt.png",
  contentType: "image/png",
  kind: "image",
  size: 2048,
  url: "http://site/attachments/a1/key1",
};
const pdf: AttachmentView = {
  id: "a2" as Id<"attachments">,
  fileName: "invoice.pdf",
  contentType: "application/pdf",
  kind: "file",
  size: 3 * 1024 * 1024,
  url: "http://site/attachments/a2/key2",
};

function renderMessage(partial: Partial<ChatMessage>) {
  const message: ChatMessage = {
    key: "m",
    role: "user",
    author: "contact",
    text: "",
    status: "success",
    ...partial,
  };
  return renderWithIntl(
    <ol>
      <MessageBubble message={message} />
    </ol>,
  ).container;
}

describe("a message's attachments", () => {
  it("shows an image as a thumbnail linking to the full size, and a file as a download", () => {
    renderMessage({ text: "📎 receipt.png\n📎 invoice.pdf", attachments: [image, pdf] });
    const thumbnail = screen.getByRole("img", { name: "receipt.png" });
    expect(thumbnail.getAttribute("src")).toBe(image.url);
    const open = screen.getByRole("link", { name: "Open receipt.png full size" });
    expect(open.getAttribute("href")).toBe(image.url);
    expect(open.getAttribute("target")).toBe("_blank");
    const download = screen.getByRole("link", { name: /invoice\.pdf/ });
    expect(download.getAttribute("href")).toBe(pdf.url);
    expect(download.getAttribute("download")).toBe("invoice.pdf");
    expect(download.textContent).toContain("3 MB");
  });

  it("hides the caption stored for a message of files only, and keeps words the visitor typed", () => {
    const captionOnly = renderMessage({ text: "📎 receipt.png", attachments: [image] });
    expect(captionOnly.textContent).not.toContain("📎");
    const withWords = renderMessage({ text: "Here is my receipt", attachments: [image] });
    expect(withWords.textContent).toContain("Here is my receipt");
  });
});
