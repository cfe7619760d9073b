import { cleanup, render, screen } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import { afterEach, describe, expect, it, vi } from "vitest";

import { convex } from "@/test/convex-double";

import en from "../../../../../../messages/en.json";
import { ImportButton } from "./import-button";

const organization = { role: "member" };
vi.mock("convex/react", async () => (await import("@/test/convex-double")).convexReact);
convex.answers["private/organization:current"] = organization;
vi.mock("@/i18n/navigation", () => ({
  Link: ({ href, children }: { href: string; children: React.ReactNode }) => (
    <a href={href}>{children}</a>
  ),
}));
afterEach(cleanup);

function renderButton() {
  render(
    <NextIntlClientProvider locale="en" messages={en}>
      <ImportButton />
    </NextIntlClientProvider>,
  );
}

describe("ImportButton", () => {
  it("is not there for a member", () => {
    organization.role = "member";
    renderButton();
    expect(screen.queryByRole("link", { name: "Import" })).toBeNull();
  });

  it("leads an admin or owner to the import page", () => {
    for (const role of ["admin", "owner"]) {
      organization.role = role;
      renderButton();
      expect(screen.getByRole("link", { name: "Import" }).getAttribute("href")).toBe(
        "/contacts/import",
      );
      cleanup();
    }
  });
});
