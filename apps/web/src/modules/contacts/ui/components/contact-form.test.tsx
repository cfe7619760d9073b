import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { ConvexError } from "convex/values";
import { NextIntlClientProvider } from "next-intl";
import { afterEach, describe, expect, it, vi } from "vitest";

import en from "../../../../../messages/en.json";
import ptBR from "../../../../../messages/pt-BR.json";
import { toFormValues } from "../../lib/contact-form-values";
import { ContactForm } from "./contact-form";

// The organization's stage labels come from Convex; this organization renamed "lead".
vi.mock("convex/react", () => ({ useQuery: () => ({ stageLabels: { lead: "Trial" } }) }));
afterEach(cleanup);

function renderForm(onSubmit: (input: unknown) => Promise<unknown>, locale: "en" | "pt-BR") {
  render(
    <NextIntlClientProvider locale={locale} messages={locale === "en" ? en : ptBR}>
      <ContactForm initial={toFormValues()} submitLabel="Go" onSubmit={onSubmit} />
    </NextIntlClientProvider>,
  );
}

describe("ContactForm", () => {
  it("sends the typed lists split into values", async () => {
    const onSubmit = vi.fn(async () => null);
    renderForm(onSubmit, "en");
    fireEvent.change(screen.getByLabelText("Name"), { target: { value: "Ana" } });
    fireEvent.change(screen.getByLabelText("Phone numbers"), {
      target: { value: "+55 11 91234 5678, +1 415 555 0123" },
    });
    fireEvent.click(screen.getByRole("button", { name: "Go" }));
    await vi.waitFor(() => expect(onSubmit).toHaveBeenCalledOnce());
    expect(onSubmit.mock.calls[0]).toEqual([
      expect.objectContaining({ name: "Ana", phones: ["+55 11 91234 5678", "+1 415 555 0123"] }),
    ]);
  });

  it("shows the backend's refusal of a phone number in the operator's language", async () => {
    renderForm(async () => {
      throw new ConvexError({ code: "INVALID_PHONE", message: '"12345" is not a phone number' });
    }, "pt-BR");
    fireEvent.change(screen.getByLabelText("Nome"), { target: { value: "Ana" } });
    fireEvent.click(screen.getByRole("button", { name: "Go" }));
    expect((await screen.findByRole("alert")).textContent).toBe(ptBR.errors.INVALID_PHONE);
  });
});
