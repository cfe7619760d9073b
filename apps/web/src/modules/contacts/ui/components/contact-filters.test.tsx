import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { convex } from "@/test/convex-double";

import en from "../../../../../messages/en.json";
import ptBR from "../../../../../messages/pt-BR.json";
import {
  EMPTY_FILTERS,
  type ContactFilterState,
  type FieldDefinition,
} from "../../lib/contact-filter-args";
import { ContactFilters } from "./contact-filters";

vi.mock("convex/react", async () => (await import("@/test/convex-double")).convexReact);
beforeEach(() => {
  convex.answers = { "private/contactFields:list": { stageLabels: { lead: "Trial" } } };
});
afterEach(cleanup);

const fields: FieldDefinition[] = [
  { key: "seats", label: "Seats", type: "number", options: [] },
  { key: "renews", label: "Renews on", type: "date", options: [] },
];

function renderFilters(value: ContactFilterState, locale: "en" | "pt-BR" = "en") {
  const onChange = vi.fn();
  render(
    <NextIntlClientProvider locale={locale} messages={locale === "en" ? en : ptBR}>
      <ContactFilters value={value} fields={fields} onChange={onChange} />
    </NextIntlClientProvider>,
  );
  return onChange;
}

describe("ContactFilters", () => {
  it("names the picked stage on the closed select, with the organization's own label", () => {
    renderFilters({ ...EMPTY_FILTERS, stage: "customer" });
    expect(screen.getByRole("combobox", { name: "Stage" }).textContent).toBe("Stage: Customer");
    cleanup();
    renderFilters({ ...EMPTY_FILTERS, stage: "lead" }, "pt-BR");
    expect(screen.getByRole("combobox", { name: "Estágio" }).textContent).toBe("Estágio: Trial");
    cleanup();
    renderFilters(EMPTY_FILTERS);
    expect(screen.getByRole("combobox", { name: "Stage" }).textContent).toBe("All");
  });

  it("asks for a number field's range and a date field's day", () => {
    const onChange = renderFilters({
      ...EMPTY_FILTERS,
      field: { key: "seats", operator: "between", value: "", to: "" },
    });
    expect(screen.getByRole("combobox", { name: "Custom field" }).textContent).toBe("Seats");
    fireEvent.change(screen.getByLabelText("To"), { target: { value: "20" } });
    expect(onChange).toHaveBeenLastCalledWith({
      field: { key: "seats", operator: "between", value: "", to: "20" },
    });
    cleanup();
    renderFilters({
      ...EMPTY_FILTERS,
      field: { key: "renews", operator: "after", value: "", to: "" },
    });
    expect(screen.getByRole("combobox", { name: "Condition" }).textContent).toBe("On or after");
    expect(screen.getByLabelText("Date").getAttribute("type")).toBe("date");
  });

  it("offers the last-seen windows and the sorts in pt-BR too", () => {
    renderFilters({ ...EMPTY_FILTERS, lastSeen: "older30d", sort: "name", order: "asc" }, "pt-BR");
    expect(screen.getByRole("combobox", { name: "Visto por último" }).textContent).toBe(
      "Há mais de 30 dias",
    );
    expect(screen.getByRole("combobox", { name: "Ordenar" }).textContent).toBe("Nome, A a Z");
  });

  it("gives the sort the whole row on a phone, where half of it cut the pt-BR sorts short", () => {
    renderFilters({ ...EMPTY_FILTERS, sort: "lastSeen", order: "desc" }, "pt-BR");
    const sort = screen.getByRole("combobox", { name: "Ordenar" });
    expect(sort.textContent).toBe("Visto por último, mais recentes");
    // The two-column phone grid; from md up the filters sit three to a row.
    const cell = sort.closest(".grid.gap-1")!;
    expect(cell.classList.contains("col-span-2")).toBe(true);
    expect(cell.classList.contains("md:col-span-1")).toBe(true);
  });
});
