import type { ContactView } from "@echo/backend/convex/lib/contacts/view";
import { avatarColor } from "@echo/ui/lib/avatar-color";
import { cleanup, render, screen } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { convex } from "@/test/convex-double";

import en from "../../../../../messages/en.json";
import ptBR from "../../../../../messages/pt-BR.json";
import { ContactTable } from "./contact-table";

vi.mock("convex/react", async () => (await import("@/test/convex-double")).convexReact);
beforeEach(() => {
  convex.answers = { "private/contactFields:list": { stageLabels: {} } };
});
afterEach(cleanup);

const contact = {
  _id: "contact_1",
  name: "Rita Returning",
  emails: ["rita@example.com"],
  phones: [],
  tags: [],
  channel: "widget",
  lastSeenAt: Date.now(),
} as unknown as ContactView;

function renderTable(contacts: ContactView[], locale: "en" | "pt-BR" = "en") {
  return render(
    <NextIntlClientProvider locale={locale} messages={locale === "en" ? en : ptBR}>
      <ContactTable contacts={contacts} />
    </NextIntlClientProvider>,
  );
}

describe("ContactTable", () => {
  it("says why the list is empty instead of an empty table, in either language", () => {
    const { container } = renderTable([]);
    expect(screen.getByText(en.contacts.empty).tagName).toBe("P");
    expect(container.querySelector("table")).toBeNull();
    cleanup();
    renderTable([], "pt-BR");
    expect(screen.getByText(ptBR.contacts.empty)).toBeTruthy();
  });

  it("shows each contact's generated avatar beside the linked name, colored by the contact's id", () => {
    const { container } = renderTable([contact]);
    expect(screen.getByRole("link", { name: "Rita Returning" })).toBeTruthy();
    const avatar = container.querySelector("[data-slot=avatar]") as HTMLElement;
    expect(avatar.textContent).toBe("RR");
    const expected = document.createElement("span");
    expected.style.backgroundColor = avatarColor("contact_1");
    expect(avatar.style.backgroundColor).toBe(expected.style.backgroundColor);
  });
});
