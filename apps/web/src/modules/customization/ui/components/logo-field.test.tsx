import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import { afterEach, describe, expect, it, vi } from "vitest";

import en from "../../../../../messages/en.json";
import ptBR from "../../../../../messages/pt-BR.json";
import { LogoField } from "./logo-field";

afterEach(cleanup);

function renderField(
  props: Partial<React.ComponentProps<typeof LogoField>>,
  locale: "en" | "pt-BR" = "en",
) {
  const onChoose = vi.fn();
  const onRemove = vi.fn();
  render(
    <NextIntlClientProvider locale={locale} messages={locale === "en" ? en : ptBR}>
      <LogoField url={null} fileName={null} onChoose={onChoose} onRemove={onRemove} {...props} />
    </NextIntlClientProvider>,
  );
  return { onChoose, onRemove };
}

describe("LogoField", () => {
  it("offers a translated chooser bound to a hidden file input, with the accepted formats", () => {
    const { onChoose } = renderField({});
    const input = screen.getByLabelText("Choose a logo") as HTMLInputElement;
    expect(input.type).toBe("file");
    expect(input.className).toContain("sr-only");
    expect(screen.getByText("PNG, JPEG, SVG or WebP, up to 1 MB.")).toBeTruthy();
    const file = new File(["<svg/>"], "acme.svg", { type: "image/svg+xml" });
    fireEvent.change(input, { target: { files: [file] } });
    expect(onChoose).toHaveBeenCalledWith(file);
  });

  it("shows the current logo with ways to replace or remove it", () => {
    const { onRemove } = renderField({ url: "blob:logo", fileName: "acme.svg" });
    expect(screen.getByRole("img", { name: "Current logo" })).toBeTruthy();
    expect(screen.getByLabelText("Replace logo")).toBeTruthy();
    expect(screen.getByText("acme.svg")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Remove logo" }));
    expect(onRemove).toHaveBeenCalled();
  });

  it("speaks Portuguese", () => {
    renderField({}, "pt-BR");
    expect(screen.getByLabelText("Escolher um logo")).toBeTruthy();
    expect(screen.getByText("Nenhum")).toBeTruthy();
  });
});
