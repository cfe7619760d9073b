"use client";

import { createIcon } from "@echo/embed/elements";
import type { WidgetPosition } from "@echo/embed/protocol";

// Relative imports only: rendered by the dashboard (apps/web), whose "@/" is its own.
import { launcherSettings } from "../../../embed/lib/launcher-settings";

/**
 * The loader's launcher as a picture: the same style the settings endpoint hands the loader,
 * applied the same way (CSSOM), with the loader's own icon.
 */
export function LauncherPreview({
  primary,
  position,
}: {
  primary: string;
  position: WidgetPosition;
}) {
  const css = launcherSettings({ position, primary, unread: 0 }).css.launcher;
  return (
    <span
      aria-hidden="true"
      data-launcher-preview=""
      ref={(element) => {
        if (!element) return;
        element.style.cssText = css;
        if (!element.firstChild) element.append(createIcon(element.ownerDocument));
      }}
    />
  );
}
