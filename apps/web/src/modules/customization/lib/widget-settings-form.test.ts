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
    expect(form.suggestions).toEqual(["Track my order", "", ""]);
    expect(form.voice).toEqual({ enabled: false, assistantId: "", phoneNumber: "" });
  });

  it("round-trips to what the backend stores, dropping blanks", () => {
    const form = toForm(stored);
    form.suggestions[2] = "  Talk to sales  ";
    form.voice.phoneNumber = " +55 11 4002-8922 ";
    expect(fromForm(form, "kg2logo" as Id<"_storage">)).toEqual({
      ...stored,
      suggestions: ["Track my order", "Talk to sales"],
      voice: { enabled: false, phoneNumber: "+55 11 4002-8922" },
      logoStorageId: "kg2logo",
    });
  });

  it("accepts the stored settings as they are", () => {
    expect(validateForm(toForm(stored))).toEqual({});
  });

  it("names each problem by field", () => {
    const form = toForm(stored);
    form.greeting = "   ";
    form.suggestions[1] = "x".repeat(121);
    form.colors.primary = "blue";
    form.voice.phoneNumber = "call me";
    expect(validateForm(form)).toEqual({
      greeting: "greetingRequired",
      "suggestions.1": "suggestionTooLong",
      "colors.primary": "invalidColor",
      "voice.phoneNumber": "invalidPhone",
    });
  });
});
