import { describe, expect, it } from "vitest";

import { pickLocale } from "./locales";

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
