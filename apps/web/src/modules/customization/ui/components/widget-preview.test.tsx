import { cleanup, render, screen, within } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import { afterEach, describe, expect, it } from "vitest";

import en from "../../../../../messages/en.json";
import type { WidgetSettingsForm } from "../../lib/widget-settings-form";
import { WidgetPreview } from "./widget-preview";

afterEach(cleanup);

const greeting = "Hi! Ask us about your Nimbus notebooks.";
const form: WidgetSettingsForm = {
  copy: {
    en: { greeting, suggestions: ["How do I share a notebook?", "", ""] },
    "pt-BR": {
      greeting: "Olá! Pergunte sobre seus cadernos.",
      suggestions: ["Como compartilho?", "", ""],
    },
  },
  colors: { primary: "#c2410c", background: "#ffffff", text: "#0f172a" },
  position: "bottom-left",
  defaultLanguage: "en",
  voice: { enabled: false, assistantId: "", phoneNumber: "" },
};

function renderPreview(language: "en" | "pt-BR" = "en") {
  render(
    <NextIntlClientProvider locale="en" messages={en}>
      <WidgetPreview form={form} language={language} logoUrl={null} organizationName="Nimbus" />
    </NextIntlClientProvider>,
  );
  return screen.getByTestId("widget-preview");
}

describe("WidgetPreview", () => {
  it("draws the widget with its own components: the organization's name, the greeting and suggestions", () => {
    const preview = renderPreview();
    expect(within(preview).getByRole("heading", { level: 1 }).textContent).toBe("Nimbus");
    expect(within(preview).queryByText("Support")).toBeNull();
    expect(within(preview).getByText(greeting)).toBeTruthy();
    expect(
      within(preview).getByRole("button", { name: "How do I share a notebook?" }),
    ).toBeTruthy();
    // The widget's own composer, in the widget's words.
    expect(within(preview).getByRole("textbox", { name: "Message" })).toBeTruthy();
  });

  it("paints the brand and the loader's launcher as the widget and loader would", () => {
    const preview = renderPreview();
    const widgetRoot = within(preview).getByRole("heading", { level: 1 }).closest("[style]");
    expect((widgetRoot as HTMLElement).style.getPropertyValue("--primary")).toBe("#c2410c");
    const launcher = preview.querySelector<HTMLElement>("[data-launcher-preview]")!;
    expect(launcher.style.background).toBe("rgb(194, 65, 12)");
    expect(launcher.querySelector("svg path")).not.toBeNull();
  });

  it("speaks the language being edited, with that language's greeting and suggestions", () => {
    const preview = renderPreview("pt-BR");
    expect(within(preview).getByRole("textbox", { name: "Mensagem" })).toBeTruthy();
    expect(within(preview).getByText("Olá! Pergunte sobre seus cadernos.")).toBeTruthy();
    expect(within(preview).getByRole("button", { name: "Como compartilho?" })).toBeTruthy();
    expect(within(preview).queryByText(greeting)).toBeNull();
  });

  it("is a picture: nothing in it takes focus", () => {
    const preview = renderPreview();
    expect(preview.hasAttribute("inert")).toBe(true);
  });
});
