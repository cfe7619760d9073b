import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import { useState } from "react";
import { afterEach, describe, expect, it } from "vitest";

import en from "../../../../../messages/en.json";
import ptBR from "../../../../../messages/pt-BR.json";
import { ColorField } from "./color-field";

afterEach(cleanup);

function Harness({ initial, locale = "en" }: { initial: string; locale?: "en" | "pt-BR" }) {
  const [value, setValue] = useState(initial);
  return (
    <NextIntlClientProvider locale={locale} messages={locale === "en" ? en : ptBR}>
      <ColorField id="color-primary" label="Brand" value={value} onChange={setValue} />
    </NextIntlClientProvider>
  );
}

describe("ColorField", () => {
  it("shows the picked color as a hex code beside the picker", () => {
    render(<Harness initial="#2563eb" />);
    const picker = screen.getByLabelText("Brand", { exact: true }) as HTMLInputElement;
    const hex = screen.getByRole("textbox", { name: "Brand hex code" }) as HTMLInputElement;
    expect(picker.type).toBe("color");
    expect(hex.value).toBe("#2563eb");
    fireEvent.input(picker, { target: { value: "#c2410c" } });
    expect(hex.value).toBe("#c2410c");
  });

  it("takes a typed or pasted code, with or without #, and moves the picker to it", () => {
    render(<Harness initial="#2563eb" />);
    const picker = screen.getByLabelText("Brand", { exact: true }) as HTMLInputElement;
    const hex = screen.getByRole("textbox", { name: "Brand hex code" }) as HTMLInputElement;
    fireEvent.change(hex, { target: { value: "16A34A" } });
    expect(hex.value).toBe("#16A34A");
    expect(picker.value).toBe("#16a34a");
    // Half typed: the field keeps what was typed, the picker keeps a valid color.
    fireEvent.change(hex, { target: { value: "#16a" } });
    expect(hex.value).toBe("#16a");
    expect(picker.value).toMatch(/^#[0-9a-f]{6}$/);
  });

  it("names the hex field in Portuguese", () => {
    render(<Harness initial="#2563eb" locale="pt-BR" />);
    expect(screen.getByRole("textbox", { name: "Código hex de Brand" })).toBeTruthy();
  });
});
