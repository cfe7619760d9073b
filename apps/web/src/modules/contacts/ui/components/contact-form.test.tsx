import { act, cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { ConvexError } from "convex/values";
import { NextIntlClientProvider } from "next-intl";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

import { convex } from "@/test/convex-double";

import en from "../../../../../messages/en.json";
import ptBR from "../../../../../messages/pt-BR.json";
import { toFormValues } from "../../lib/contact-form-values";
import { ContactForm } from "./contact-form";

// The organization's stage labels and custom fields come from Convex; this organization renamed
// "lead" and defined a field of each type.
vi.mock("convex/react", async () => (await import("@/test/convex-double")).convexReact);
beforeEach(() => {
  convex.answers = {
    "private/contactFields:list": {
      stageLabels: { lead: "Trial" },
      fields: [
        { key: "plan", label: "Plan", type: "select", options: ["Free", "Pro"] },
        { key: "seats", label: "Seats", type: "number", options: [] },
        { key: "renews", label: "Renews on", type: "date", options: [] },
        { key: "vip", label: "VIP", type: "boolean", options: [] },
        { key: "note", label: "Note", type: "text", options: [] },
      ],
    },
  };
});
// jsdom lacks the layout APIs Radix's Select calls while it opens and positions its list.
beforeAll(() => {
  Element.prototype.scrollIntoView ??= () => {};
  Element.prototype.hasPointerCapture ??= () => false;
  Element.prototype.releasePointerCapture ??= () => {};
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
});
afterEach(cleanup);

function renderForm(
  onSubmit: (input: Record<string, unknown>) => Promise<unknown>,
  locale: "en" | "pt-BR",
  initial = toFormValues(),
) {
  render(
    <NextIntlClientProvider locale={locale} messages={locale === "en" ? en : ptBR}>
      <ContactForm initial={initial} submitLabel="Go" onSubmit={onSubmit} />
    </NextIntlClientProvider>,
  );
}

async function choose(trigger: string, name: string) {
  const combobox = screen.getByRole("combobox", { name: trigger });
  act(() => {
    combobox.focus();
    fireEvent.keyDown(combobox, { key: "Enter" });
  });
  const option = within(screen.getByRole("listbox")).getByRole("option", { name });
  await act(async () => {
    fireEvent.keyDown(option, { key: "Enter" });
  });
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

  it("has an input per custom field type and sends the values typed", async () => {
    const onSubmit = vi.fn(async (_input: Record<string, unknown>) => null);
    renderForm(onSubmit, "en");
    fireEvent.change(screen.getByLabelText("Name"), { target: { value: "Ana" } });
    await choose("Plan", "Pro");
    await choose("VIP", "Yes");
    fireEvent.change(screen.getByLabelText("Seats"), { target: { value: "12" } });
    expect(screen.getByLabelText("Renews on").getAttribute("type")).toBe("date");
    fireEvent.change(screen.getByLabelText("Renews on"), { target: { value: "2027-01-31" } });
    fireEvent.click(screen.getByRole("button", { name: "Go" }));
    await vi.waitFor(() => expect(onSubmit).toHaveBeenCalledOnce());
    expect(onSubmit.mock.calls[0]).toEqual([
      expect.objectContaining({
        customFields: { plan: "Pro", seats: 12, renews: "2027-01-31", vip: true },
      }),
    ]);
    expect(onSubmit.mock.calls[0]![0]).not.toHaveProperty("clearCustomFields");
  });

  it("clears a value the operator emptied and leaves unchanged ones out", async () => {
    const onSubmit = vi.fn(async (_input: Record<string, unknown>) => null);
    renderForm(
      onSubmit,
      "en",
      toFormValues({
        name: "Ana",
        emails: [],
        phones: [],
        tags: [],
        customFields: { plan: "Free", seats: 3, vip: false },
      }),
    );
    expect(screen.getByRole("combobox", { name: "VIP" }).textContent).toBe("No");
    await choose("Plan", "Not set");
    fireEvent.click(screen.getByRole("button", { name: "Go" }));
    await vi.waitFor(() => expect(onSubmit).toHaveBeenCalledOnce());
    const input = onSubmit.mock.calls[0]![0];
    expect(input.clearCustomFields).toEqual(["plan"]);
    expect(input).not.toHaveProperty("customFields");
  });

  it("shows the backend's refusal of a custom field's value under that field, in pt-BR", async () => {
    renderForm(async () => {
      throw new ConvexError({
        code: "INVALID_FIELD_VALUE",
        message: '"seats" takes a number',
        field: "seats",
        expected: "number",
      });
    }, "pt-BR");
    fireEvent.change(screen.getByLabelText("Nome"), { target: { value: "Ana" } });
    const seats = screen.getByLabelText("Seats");
    fireEvent.change(seats, { target: { value: "muitos" } });
    fireEvent.click(screen.getByRole("button", { name: "Go" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toBe("Seats aceita um número.");
    expect(seats.getAttribute("aria-invalid")).toBe("true");
    expect(seats.getAttribute("aria-describedby")).toBe(alert.id);
    expect(screen.getAllByRole("alert")).toHaveLength(1);
  });

  it("names a choice field's options when its value is refused, in en", async () => {
    renderForm(async () => {
      throw new ConvexError({
        code: "INVALID_FIELD_VALUE",
        message: '"plan" takes one of: Free, Pro',
        field: "plan",
        expected: "option",
      });
    }, "en");
    fireEvent.change(screen.getByLabelText("Name"), { target: { value: "Ana" } });
    fireEvent.click(screen.getByRole("button", { name: "Go" }));
    expect((await screen.findByRole("alert")).textContent).toBe("Plan takes one of: Free, Pro.");
  });
});
