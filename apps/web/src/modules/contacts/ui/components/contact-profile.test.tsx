import type { ContactView } from "@echo/backend/convex/lib/contacts/view";
import { cleanup, render, screen } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { convex } from "@/test/convex-double";

import en from "../../../../../messages/en.json";
import ptBR from "../../../../../messages/pt-BR.json";
import { ContactProfile } from "./contact-profile";

vi.mock("convex/react", async () => (await import("@/test/convex-double")).convexReact);
beforeEach(() => {
  convex.answers = {
    "private/contactFields:list": {
      fields: [
        { key: "renews_on", label: "Renews on", type: "date", options: [] },
        { key: "trial", label: "On trial", type: "boolean", options: [] },
      ],
      stageLabels: {},
    },
  };
});
afterEach(cleanup);

const contact = {
  _id: "k1",
  name: "Ana",
  emails: [],
  phones: [],
  tags: [],
  channel: "manual",
  firstSeenAt: 0,
  lastSeenAt: 0,
  customFields: { renews_on: "2026-04-01", trial: false, legacy: "x" },
} as unknown as ContactView;

describe("ContactProfile", () => {
  it("shows custom fields by their label (a removed field by its key) and yes/no for booleans", () => {
    render(
      <NextIntlClientProvider locale="en" messages={en} timeZone="UTC">
        <ContactProfile contact={contact} />
      </NextIntlClientProvider>,
    );
    const row = (label: string) => screen.getByText(label).nextElementSibling?.textContent;
    expect(row("Renews on")).toBe("2026-04-01");
    expect(row("On trial")).toBe("No");
    expect(row("legacy")).toBe("x");
    expect(screen.queryByText("renews_on")).toBeNull();
    cleanup();
    render(
      <NextIntlClientProvider locale="pt-BR" messages={ptBR} timeZone="UTC">
        <ContactProfile contact={contact} />
      </NextIntlClientProvider>,
    );
    expect(screen.getByText("On trial").nextElementSibling?.textContent).toBe("Não");
  });
});
