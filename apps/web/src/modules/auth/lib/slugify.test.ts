import { describe, expect, it } from "vitest";

import { slugify } from "./slugify";

describe("slugify", () => {
  it("drops accents and punctuation", () => {
    expect(slugify("Café São João & Cia.", "x1")).toBe("cafe-sao-joao-cia-x1");
  });

  it("falls back when nothing usable remains", () => {
    expect(slugify("!!!", "ab")).toBe("org-ab");
  });

  it("caps the base length", () => {
    expect(slugify("a".repeat(80), "z").length).toBe(42);
  });
});
