import type { CSSProperties } from "react";

import { ensureReadable, parseHexColor, readableForeground } from "./contrast";

export type BrandColors = { primary: string; background: string; text: string };

/**
 * The organization's colors as the shadcn tokens the primitives read, with every text color
 * forced readable on its background; colors that are not hex are ignored.
 */
export function brandStyle(colors: BrandColors | undefined): CSSProperties {
  if (!colors) return {};
  const style: Record<string, string> = {};
  const background = parseHexColor(colors.background) ? colors.background : null;
  if (background) {
    style["--background"] = background;
    style["--card"] = background;
    style["--foreground"] = ensureReadable(colors.text, background);
    style["--card-foreground"] = style["--foreground"];
  }
  if (parseHexColor(colors.primary)) {
    style["--primary"] = colors.primary;
    style["--primary-foreground"] = readableForeground(colors.primary);
    style["--ring"] = colors.primary;
  }
  return style as CSSProperties;
}
