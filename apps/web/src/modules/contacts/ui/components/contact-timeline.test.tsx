import type { Id } from "@echo/backend/convex/_generated/dataModel";
import { cleanup, render, screen } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { convex } from "@/test/convex-double";

import en from "../../../../../messages/en.json";
import { ContactTimeline } from "./contact-timeline";

vi.mock("convex/react", async () => (await import("@/test/convex-double")).convexReact);
beforeEach(() => {
  convex.answers = {
    "private/contactHistory:conversations": [
      {
        _id: "c1",
        channel: "chat",
        status: "resolved",
        lastMessageAt: Date.UTC(2026, 2, 10, 12),
        lastMessage: "Use the **Kindle export** as in the [guide](https://example.com/guide).",
      },
    ],
  };
});
vi.mock("@/i18n/navigation", () => ({
  Link: ({ href, children, ...rest }: { href: string; children: React.ReactNode }) => (
    <a href={href} {...rest}>
      {children}
    </a>
  ),
}));
afterEach(cleanup);

describe("ContactTimeline", () => {
  it("previews each conversation's last message as plain text, as the inbox does", () => {
    render(
      <NextIntlClientProvider locale="en" messages={en} now={new Date(Date.UTC(2026, 2, 10, 13))}>
        <ContactTimeline contactId={"k1" as Id<"contacts">} />
      </NextIntlClientProvider>,
    );
    const card = screen.getByRole("link");
    expect(card.textContent).toContain("Use the Kindle export as in the guide.");
    expect(card.textContent).not.toMatch(/\*\*|\]\(/);
  });
});
