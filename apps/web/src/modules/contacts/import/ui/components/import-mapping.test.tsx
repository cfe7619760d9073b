import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import { afterEach, describe, expect, it, vi } from "vitest";

import en from "../../../../../../messages/en.json";
import ptBR from "../../../../../../messages/pt-BR.json";
import { ImportMapping, type MappingJob } from "./import-mapping";

afterEach(cleanup);

const JOB: MappingJob = {
  headers: ["Full name", "E-mail", "Seats"],
  preview: [["Ana Lima", "ana@example.com", "12"]],
  mapping: { "Full name": "name", "E-mail": "emails", Seats: "ignore" },
  mode: "skip",
};

function renderMapping(
  job: MappingJob,
  onStart: (mapping: Record<string, string>, mode: string) => Promise<void>,
  locale: "en" | "pt-BR" = "en",
) {
  render(
    <NextIntlClientProvider locale={locale} messages={locale === "en" ? en : ptBR}>
      <ImportMapping job={job} fields={[{ key: "seats", label: "Seats" }]} onStart={onStart} />
    </NextIntlClientProvider>,
  );
}

describe("ImportMapping", () => {
  it("shows the first rows and starts with the suggested mapping and the chosen mode", async () => {
    const onStart = vi.fn(async () => {});
    renderMapping(JOB, onStart);
    expect(screen.getByRole("cell", { name: "ana@example.com" })).toBeTruthy();
    expect(screen.getByRole("combobox", { name: "Column “Full name”" }).textContent).toBe("Name");
    fireEvent.click(screen.getByLabelText("Update them with the file's values"));
    fireEvent.click(screen.getByRole("button", { name: "Import" }));
    await vi.waitFor(() => expect(onStart).toHaveBeenCalledOnce());
    expect(onStart).toHaveBeenCalledWith(JOB.mapping, "update");
  });

  it("cannot start without an email or phone column, in the admin's language", () => {
    renderMapping({ ...JOB, mapping: { "Full name": "name" } }, vi.fn(), "pt-BR");
    expect(screen.getByRole("alert").textContent).toContain("E-mails ou Telefones");
    expect(screen.getByRole("button", { name: "Importar" })).toHaveProperty("disabled", true);
  });
});
