import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import { afterEach, describe, expect, it, vi } from "vitest";

import en from "../../../../../../messages/en.json";
import ptBR from "../../../../../../messages/pt-BR.json";
import { convex } from "@/test/convex-double";

import { ContactImportView } from "./contact-import-view";

vi.mock("convex/react", async () => (await import("@/test/convex-double")).convexReact);
vi.mock("@/i18n/navigation", () => ({
  Link: ({ href, children }: { href: string; children: React.ReactNode }) => (
    <a href={href}>{children}</a>
  ),
}));
afterEach(() => {
  cleanup();
  convex.calls.length = 0;
});

const stopped = {
  status: "failed",
  error: "BATCH_FAILED",
  failedBatch: 3,
  fileName: "contacts.csv",
  headers: ["Name"],
  totalRows: 500,
  processedRows: 120,
  imported: 120,
  updated: 0,
  skipped: 0,
  rejected: 0,
  batches: 13,
};

function renderView(locale: "en" | "pt-BR" = "en") {
  convex.answers["private/organization:current"] = { role: "admin" };
  convex.answers["private/contactImport:unfinished"] = "job_1";
  convex.answers["private/contactImport:get"] = stopped;
  render(
    <NextIntlClientProvider locale={locale} messages={locale === "en" ? en : ptBR}>
      <ContactImportView />
    </NextIntlClientProvider>,
  );
}

describe("ContactImportView after a failed batch", () => {
  it("comes back to the stopped import, says why, and lets the admin retry or discard", async () => {
    renderView();
    expect(screen.getByRole("alert").textContent).toBe(
      "The import stopped: a batch of rows could not be written. 120 of 500 rows were handled; the rest were not written.",
    );
    fireEvent.click(screen.getByRole("button", { name: "Retry" }));
    await waitFor(() =>
      expect(convex.calls).toEqual([
        { name: "private/contactImport:retry", args: { jobId: "job_1" } },
      ]),
    );
    fireEvent.click(screen.getByRole("button", { name: "Discard the rest" }));
    await waitFor(() =>
      expect(convex.calls.at(-1)).toEqual({
        name: "private/contactImport:discard",
        args: { jobId: "job_1" },
      }),
    );
  });

  it("says it in pt-BR", () => {
    renderView("pt-BR");
    expect(screen.getByRole("alert").textContent).toContain(
      "A importação parou: um lote de linhas não pôde ser gravado.",
    );
    expect(screen.getByRole("button", { name: "Tentar de novo" })).toBeTruthy();
  });
});
