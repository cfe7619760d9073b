import { act, cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

import en from "../../../../../../messages/en.json";
import ptBR from "../../../../../../messages/pt-BR.json";
import { convex } from "@/test/convex-double";

import { ContactFieldsSettingsView } from "./contact-fields-settings-view";

vi.mock("convex/react", async () => (await import("@/test/convex-double")).convexReact);

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
beforeEach(() => {
  convex.calls = [];
  convex.refusals = {};
  convex.answers["private/contactFields:list"] = {
    fields: [
      { key: "plan", label: "Plan", type: "select", options: ["Free", "Pro"] },
      { key: "seats", label: "Seats", type: "number", options: [] },
    ],
    stages: ["lead", "prospect", "customer", "churned"],
    stageLabels: { customer: "Paying" },
  };
});
afterEach(cleanup);

const as = (role: "owner" | "member") =>
  (convex.answers["private/organization:current"] = { userId: "u1", role });

function renderView(locale: "en" | "pt-BR" = "en") {
  render(
    <NextIntlClientProvider locale={locale} messages={locale === "en" ? en : ptBR}>
      <ContactFieldsSettingsView />
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

describe("Settings › Contact fields", () => {
  it("shows a member the fields and stage names without letting them change either", () => {
    as("member");
    renderView();
    expect(screen.getByText("Only admins can change contact fields and stage names.")).toBeTruthy();
    const entries = within(screen.getByRole("list", { name: "Contact fields" })).getAllByRole(
      "listitem",
    );
    expect(entries.map((entry) => entry.textContent)).toEqual([
      "PlanplanChoice listChoices: Free, Pro",
      "SeatsseatsNumber",
    ]);
    expect(screen.queryAllByRole("button")).toEqual([]);
    const customer = screen.getByLabelText("Customer stage") as HTMLInputElement;
    expect(customer.value).toBe("Paying");
    expect(customer.disabled).toBe(true);
  });

  it("lets an admin add a choice field with the key suggested from its label", async () => {
    as("owner");
    renderView();
    // A new field cannot take an existing field's key (the backend would redefine that field).
    fireEvent.change(screen.getByLabelText("Label"), { target: { value: "Seats" } });
    expect(screen.getByText("A field already has this key: edit that one instead.")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Add field" })).toHaveProperty("disabled", true);
    fireEvent.change(screen.getByLabelText("Label"), { target: { value: "Região do cliente" } });
    expect((screen.getByLabelText("Key") as HTMLInputElement).value).toBe("regiao_do_cliente");
    await choose("Type", "Choice list");
    fireEvent.change(screen.getByLabelText("Choices"), { target: { value: "Norte, Sul,\nSul" } });
    fireEvent.click(screen.getByRole("button", { name: "Add field" }));
    expect((await screen.findByRole("status")).textContent).toBe("Field Região do cliente added.");
    expect(convex.calls).toEqual([
      {
        name: "private/contactFields:define",
        args: {
          key: "regiao_do_cliente",
          label: "Região do cliente",
          type: "select",
          options: ["Norte", "Sul", "Sul"],
        },
      },
    ]);
  });

  it("says values on contacts are kept before removing a field, and shows a refusal in pt-BR", async () => {
    as("owner");
    convex.refusals["private/contactFields:remove"] = "NOT_FOUND";
    renderView("pt-BR");
    const seats = screen.getAllByRole("listitem")[1]!;
    fireEvent.click(within(seats).getByRole("button", { name: "Remover" }));
    const dialog = await screen.findByRole("alertdialog", { name: "Remover o campo Seats?" });
    expect(dialog.textContent).toContain("Os valores já salvos nos contatos são mantidos");
    fireEvent.click(within(dialog).getByRole("button", { name: "Remover" }));
    await waitFor(() =>
      expect(convex.calls).toEqual([
        { name: "private/contactFields:remove", args: { key: "seats" } },
      ]),
    );
    expect((await screen.findByRole("alert")).textContent).toBe(ptBR.errors.NOT_FOUND);
  });

  it("renames the stages an admin changed, and an emptied one goes back to its default", async () => {
    as("owner");
    renderView();
    fireEvent.change(screen.getByLabelText("Lead stage"), { target: { value: "Trial" } });
    fireEvent.change(screen.getByLabelText("Customer stage"), { target: { value: " " } });
    fireEvent.click(screen.getByRole("button", { name: "Save stage names" }));
    expect((await screen.findByRole("status")).textContent).toBe("Stage names saved.");
    expect(convex.calls).toEqual([
      { name: "private/contactFields:setStageLabel", args: { stage: "lead", label: "Trial" } },
      { name: "private/contactFields:setStageLabel", args: { stage: "customer", label: " " } },
    ]);
  });
});
