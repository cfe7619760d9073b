import { describe, expect, it } from "vitest";

import { contrastRatio } from "@/modules/branding/lib/contrast";

import { launcherSettings } from "./launcher-settings";

function declarations(css: string): Record<string, string> {
  return Object.fromEntries(
    css.split(";").map((declaration) => {
      const [name, ...value] = declaration.split(":");
      return [name!, value.join(":")];
    }),
  );
}

describe("launcherSettings", () => {
  it("paints the launcher in the brand color with an icon readable on it", () => {
    const light = launcherSettings({ position: "bottom-right", primary: "#fde047", unread: 0 });
    expect(light.colors).toEqual({ background: "#fde047", foreground: "#0f172a" });
    const launcher = declarations(light.css.launcher);
    expect(launcher.background).toBe("#fde047");
    expect(launcher.fill).toBe("#0f172a");
    const dark = launcherSettings({ position: "bottom-right", primary: "#14532d", unread: 0 });
    expect(dark.colors.foreground).toBe("#ffffff");
    expect(contrastRatio(dark.colors.foreground, "#14532d")).toBeGreaterThanOrEqual(4.5);
  });

  it("falls back to the default blue when the saved color is not a hex color", () => {
    const settings = launcherSettings({
      position: "bottom-right",
      primary: "red;top:0",
      unread: 0,
    });
    expect(settings.colors.background).toBe("#2563eb");
    expect(settings.css.launcher).not.toContain("red");
  });

  it("places the launcher in the organization's corner", () => {
    const left = declarations(
      launcherSettings({ position: "bottom-left", primary: "#000", unread: 0 }).css.root,
    );
    expect(left.left).toBe("20px");
    expect(left.right).toBeUndefined();
    const right = declarations(
      launcherSettings({ position: "bottom-right", primary: "#000", unread: 0 }).css.root,
    );
    expect(right.right).toBe("20px");
  });

  it("draws a focus ring that contrasts 3:1 with both a white and a black page", () => {
    const focus = declarations(
      launcherSettings({ position: "bottom-right", primary: "#2563eb", unread: 0 }).css.focus,
    );
    const ring = focus.outline!.split(" ").at(-1)!;
    const band = focus["box-shadow"]!.split(" ").at(-1)!;
    expect(contrastRatio(ring, "#ffffff")).toBeGreaterThanOrEqual(3);
    expect(contrastRatio(band, "#000000")).toBeGreaterThanOrEqual(3);
    expect(contrastRatio(ring, band)).toBeGreaterThanOrEqual(3);
  });

  it("carries the visitor's unread count", () => {
    expect(launcherSettings({ position: "bottom-right", primary: "#000", unread: 3 }).unread).toBe(
      3,
    );
  });

  it("keeps the full-screen widget clear of a phone's notch and home bar, in the widget's background", () => {
    const fullScreen = declarations(
      launcherSettings({
        position: "bottom-right",
        primary: "#000",
        surface: "#f8fafc",
        unread: 0,
      }).css.fullScreen,
    );
    expect(fullScreen.padding).toBe(
      "env(safe-area-inset-top) env(safe-area-inset-right) env(safe-area-inset-bottom) env(safe-area-inset-left)",
    );
    expect(fullScreen["box-sizing"]).toBe("border-box");
    expect(fullScreen.background).toBe("#f8fafc");
  });
});
