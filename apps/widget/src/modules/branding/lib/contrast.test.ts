import { describe, expect, it } from "vitest";

import { brandStyle } from "./brand-style";
import {
  contrastRatio,
  ensureReadable,
  MIN_TEXT_CONTRAST,
  parseHexColor,
  readableForeground,
} from "./contrast";

describe("contrast", () => {
  it("parses short and long hex colors, and refuses anything else", () => {
    expect(parseHexColor("#fff")).toEqual([255, 255, 255]);
    expect(parseHexColor("2563EB")).toEqual([37, 99, 235]);
    expect(parseHexColor("red")).toBeNull();
    expect(parseHexColor("#12345")).toBeNull();
  });

  it("computes WCAG ratios", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#ffffff", "#ffffff")).toBeCloseTo(1, 5);
    expect(contrastRatio("#777777", "#ffffff")).toBeCloseTo(4.48, 2);
    expect(contrastRatio("nope", "#fff")).toBeNull();
  });

  it("picks a foreground that reaches 4.5:1 on any background", () => {
    for (let value = 0; value <= 255; value += 5) {
      const gray = `#${value.toString(16).padStart(2, "0").repeat(3)}`;
      for (const background of [
        gray,
        `#${value.toString(16).padStart(2, "0")}8040`,
        "#2563eb",
        "#facc15",
        "#ff0000",
      ]) {
        const ratio = contrastRatio(readableForeground(background), background) ?? 0;
        expect(ratio, background).toBeGreaterThanOrEqual(MIN_TEXT_CONTRAST);
      }
    }
  });

  it("picks light text on dark brands and dark text on light ones", () => {
    expect(readableForeground("#1e3a8a")).toBe("#ffffff");
    expect(readableForeground("#fde68a")).toBe("#0f172a");
  });

  it("keeps a readable preferred color and replaces an unreadable one", () => {
    expect(ensureReadable("#334155", "#ffffff")).toBe("#334155");
    expect(ensureReadable("#eeeeee", "#ffffff")).toBe("#0f172a");
    expect(ensureReadable("not-a-color", "#000000")).toBe("#ffffff");
  });
});

describe("brandStyle", () => {
  it("maps the organization's colors onto the theme tokens with readable text", () => {
    const style = brandStyle({
      primary: "#facc15",
      background: "#111827",
      text: "#1f2937",
    }) as Record<string, string>;
    expect(style["--primary"]).toBe("#facc15");
    expect(style["--primary-foreground"]).toBe("#0f172a");
    expect(style["--background"]).toBe("#111827");
    // dark-gray text on a near-black background is replaced by white
    expect(style["--foreground"]).toBe("#ffffff");
  });

  it("ignores colors that are not hex and settings that have not loaded", () => {
    expect(brandStyle(undefined)).toEqual({});
    expect(
      brandStyle({ primary: "url(javascript:x)", background: "expression(1)", text: "#000" }),
    ).toEqual({});
  });
});
