import type { Id } from "@echo/backend/convex/_generated/dataModel";
import { describe, expect, it } from "vitest";

import { fromForm, toForm, validateForm } from "./widget-settings-form";

const stored = {
  greeting: "Hi there!",
  suggestions: ["Track my order"],
  colors: { primary: "#2563eb", background: "#ffffff", text: "#0f172a" },
  position: "bottom-right" as const,
  defaultLanguage: "en" as const,
  voice: { enabled: false },
};

describe("widget settings form", () => {
  it("always offers three suggestion fields and empty voice fields", () => {
    const form = toForm(stored);
    expect(form.copy.en.suggestions).toEqual(["Track my order", "", ""]);
    expect(form.copy["pt-BR"]).toEqual({ greeting: "", suggestions: ["", "", ""] });
    expect(form.voice).toEqual({ enabled: false, assistantId: "", phoneNumber: "" });
  });

  it("round-trips to what the backend stores, dropping blanks", () => {
    const form = toForm(stored);
    form.copy.en.suggestions[2] = "  Talk to sales  ";
    form.voice.phoneNumber = " +55 11 4002-8922 ";
    expect(fromForm(form, "kg2logo" as Id<"_storage">)).toEqual({
      ...stored,
      suggestions: ["Track my order", "Talk to sales"],
      translations: [],
      voice: { enabled: false, phoneNumber: "+55 11 4002-8922" },
      logoStorageId: "kg2logo",
    });
  });

  it("accepts the stored settings as they are", () => {
    expect(validateForm(toForm(stored))).toEqual({});
  });

  it("names each problem by field", () => {
    const form = toForm(stored);
    form.copy.en.greeting = "   ";
    form.copy.en.suggestions[1] = "x".repeat(121);
    form.copy["pt-BR"].suggestions[0] = "x".repeat(121);
    form.colors.primary = "blue";
    form.voice.phoneNumber = "call me";
    expect(validateForm(form)).toEqual({
      "copy.en.greeting": "greetingRequired",
      "copy.en.suggestions.1": "suggestionTooLong",
      "copy.pt-BR.suggestions.0": "suggestionTooLong",
      "colors.primary": "invalidColor",
      "voice.phoneNumber": "invalidPhone",
    });
  });

  it("keeps a greeting and suggestions per language: the default language's on top, the others as translations", () => {
    const form = toForm({
      ...stored,
      translations: [{ language: "pt-BR", greeting: "Olá!", suggestions: ["Rastrear pedido"] }],
    });
    expect(form.copy["pt-BR"]).toEqual({
      greeting: "Olá!",
      suggestions: ["Rastrear pedido", "", ""],
    });
    form.defaultLanguage = "pt-BR";
    expect(fromForm(form)).toMatchObject({
      greeting: "Olá!",
      suggestions: ["Rastrear pedido"],
      translations: [{ language: "en", greeting: "Hi there!", suggestions: ["Track my order"] }],
    });
    form.copy.en.greeting = "";
    expect(fromForm(form).translations).toEqual([]);
    expect(validateForm(form)).toEqual({});
  });
});
