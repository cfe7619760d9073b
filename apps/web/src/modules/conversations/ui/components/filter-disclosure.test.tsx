import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import { afterEach, describe, expect, it } from "vitest";

import en from "../../../../../messages/en.json";
import ptBR from "../../../../../messages/pt-BR.json";
import { FilterDisclosure } from "./filter-disclosure";

afterEach(cleanup);

function renderDisclosure(locale: "en" | "pt-BR", activeCount: number) {
  return render(
    <NextIntlClientProvider locale={locale} messages={locale === "en" ? en : ptBR}>
      <FilterDisclosure activeCount={activeCount}>
        <input aria-label="Contact tag" />
      </FilterDisclosure>
    </NextIntlClientProvider>,
  );
}

describe("FilterDisclosure", () => {
  it("folds the filters behind a Filters button on phones, shown from md up, keeping what was typed", () => {
    renderDisclosure("en", 0);
    const toggle = screen.getByRole("button", { name: "Filters" });
    const panel = document.getElementById(toggle.getAttribute("aria-controls")!)!;
    expect(toggle.getAttribute("aria-expanded")).toBe("false");
    expect(toggle.className).toContain("md:hidden");
    expect(panel.className.split(" ")).toEqual(expect.arrayContaining(["hidden", "md:grid"]));

    fireEvent.click(toggle);
    expect(toggle.getAttribute("aria-expanded")).toBe("true");
    expect(panel.className.split(" ")).toContain("grid");
    expect(panel.className.split(" ")).not.toContain("hidden");
    fireEvent.change(screen.getByLabelText("Contact tag"), { target: { value: "vip" } });

    fireEvent.click(toggle);
    expect(panel.className.split(" ")).toContain("hidden");
    expect(screen.getByLabelText<HTMLInputElement>("Contact tag").value).toBe("vip");
  });

  it("names how many filters are set, in Portuguese too", () => {
    renderDisclosure("pt-BR", 2);
    expect(screen.getByRole("button", { name: "Filtros (2)" })).toBeTruthy();
    cleanup();
    renderDisclosure("pt-BR", 0);
    expect(screen.getByRole("button", { name: "Filtros" })).toBeTruthy();
  });
});
