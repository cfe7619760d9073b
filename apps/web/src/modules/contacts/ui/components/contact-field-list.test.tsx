import type { ContactView } from "@echo/backend/convex/lib/contacts/view";
import { cleanup, render, screen } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { convex } from "@/test/convex-double";

import en from "../../../../../messages/en.json";
import ptBR from "../../../../../messages/pt-BR.json";
import { ContactFieldList } from "./contact-field-list";

vi.mock("convex/react", async () => (await import("@/test/convex-double")).convexReact);
beforeEach(() => {
  convex.answers = {
    "private/contactFields:list": {
      fields: [
        { key: "plan", label: "Plan", type: "select", options: ["pro"] },
        { key: "vip", label: "VIP", type: "boolean", options: [] },
      ],
      stages: [],
      stageLabels: {},
    },
  };
});
afterEach(cleanup);

const contact = {
  _id: "k1",
  _creationTime: 0,
  organizationId: "org_a",
  name: "Ana",
  emails: ["ana@shop.example", "ana@home.example"],
  phones: [],
  firstSeenAt: 0,
  lastSeenAt: 0,
  channel: "widget",
  tags: [],
  customFields: { plan: "pro", vip: true, seats: 12 },
} as unknown as ContactView;

function renderList(locale: "en" | "pt-BR") {
  render(
    <NextIntlClientProvider locale={locale} messages={locale === "en" ? en : ptBR}>
      <ContactFieldList contact={contact} />
    </NextIntlClientProvider>,
  );
}

const valueOf = (label: string) => screen.getByText(label).nextElementSibling?.textContent;

describe("ContactFieldList", () => {
  it("shows filled fields and custom fields under their labels, leaving empty ones out", () => {
    renderList("en");
    expect(valueOf("Emails")).toBe("ana@shop.example, ana@home.example");
    expect(valueOf("Plan")).toBe("pro");
    expect(valueOf("VIP")).toBe("Yes");
    // A field whose definition was removed still shows, under its key.
    expect(valueOf("seats")).toBe("12");
    expect(screen.queryByText("Phones")).toBeNull();
  });

  it("reads in pt-BR", () => {
    renderList("pt-BR");
    expect(valueOf("VIP")).toBe("Sim");
  });
});
