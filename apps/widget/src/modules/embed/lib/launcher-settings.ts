import type { LauncherSettings, WidgetPosition } from "@echo/embed/protocol";

import { parseHexColor, readableForeground } from "../../branding/lib/contrast";

const FALLBACK_BACKGROUND = "#2563eb";

export const isWidgetPosition = (value: unknown): value is WidgetPosition =>
  value === "bottom-right" || value === "bottom-left";

/**
 * The launcher as the loader draws it: the organization's corner (the tag's wins), its brand color
 * with a readable icon, and the visitor's unread count, with each part's style ready for CSSOM.
 */
export function launcherSettings({
  position,
  primary,
  surface = "#ffffff",
  unread,
}: {
  position: WidgetPosition;
  primary: string;
  /** The widget's background, shown in a phone's unsafe areas around the full-screen widget. */
  surface?: string;
  unread: number;
}): LauncherSettings {
  const background = parseHexColor(primary) ? primary : FALLBACK_BACKGROUND;
  const foreground = readableForeground(background);
  const side = position === "bottom-left" ? "left" : "right";
  return {
    position,
    colors: { background, foreground },
    unread,
    css: {
      root: `position:fixed;bottom:20px;${side}:20px;z-index:2147483647;display:grid;gap:16px;justify-items:${side === "left" ? "start" : "end"}`,
      launcher: `position:relative;width:56px;height:56px;padding:0;border:0;border-radius:50%;background:${background};fill:${foreground};cursor:pointer;display:grid;place-items:center;box-shadow:0 4px 16px #0004`,
      // A white band inside a near-black ring: one of the two contrasts 3:1 with any page behind it.
      focus: "outline:3px solid #111;outline-offset:2px;box-shadow:0 0 0 2px #fff",
      badge:
        "position:absolute;top:-4px;right:-4px;min-width:20px;box-sizing:border-box;padding:0 6px;border-radius:10px;background:#c00;color:#fff;font:600 12px/20px system-ui,sans-serif;text-align:center",
      panel:
        "width:min(400px,100vw - 40px);height:600px;max-height:calc(100vh - 116px);border:0;border-radius:12px;box-shadow:0 4px 16px #0004",
      // On the host page, where env() knows the notch and home bar (inside the frame it is 0).
      fullScreen: `position:fixed;left:0;width:100%;z-index:1;border:0;border-radius:0;box-sizing:border-box;padding:env(safe-area-inset-top) env(safe-area-inset-right) env(safe-area-inset-bottom) env(safe-area-inset-left);background:${parseHexColor(surface) ? surface : "#ffffff"}`,
    },
  };
}
