import { describe, expect, it } from "vitest";

import { matchLocale, pickLocale } from "./locales";

describe("pickLocale", () => {
  it("takes the first supported candidate in order", () => {
    expect(pickLocale([null, "pt-BR", "en"])).toBe("pt-BR");
  });

  it("matches by language when the region differs", () => {
    expect(pickLocale(["pt-PT"])).toBe("pt-BR");
    expect(pickLocale(["EN-gb"])).toBe("en");
  });

  it("falls back to English when nothing is supported", () => {
    expect(pickLocale(["fr", undefined, ""])).toBe("en");
  });
});

describe("matchLocale", () => {
  it("returns null for unsupported or missing tags so the next source can decide", () => {
    expect(matchLocale("fr-FR")).toBeNull();
    expect(matchLocale(null)).toBeNull();
    expect(matchLocale("pt")).toBe("pt-BR");
  });
});
