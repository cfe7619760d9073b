/** WCAG 2.x contrast for branded colors: text must reach 4.5:1 against its background. */

export const MIN_TEXT_CONTRAST = 4.5;
const DARK = "#0f172a";
const LIGHT = "#ffffff";
const BLACK = "#000000";

type Rgb = [number, number, number];

export function parseHexColor(color: string): Rgb | null {
  const match = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim());
  if (!match?.[1]) return null;
  const hex = match[1].length === 3 ? [...match[1]].map((c) => c + c).join("") : match[1];
  return [0, 2, 4].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)) as Rgb;
}

function channel(value: number): number {
  const c = value / 255;
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

export function relativeLuminance([r, g, b]: Rgb): number {
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

export function contrastRatio(a: string, b: string): number | null {
  const ra = parseHexColor(a);
  const rb = parseHexColor(b);
  if (!ra || !rb) return null;
  const [light, dark] = [relativeLuminance(ra), relativeLuminance(rb)].sort((x, y) => y - x) as [
    number,
    number,
  ];
  return (light + 0.05) / (dark + 0.05);
}

function best(candidates: readonly string[], background: string): { color: string; ratio: number } {
  return candidates
    .map((color) => ({ color, ratio: contrastRatio(color, background) ?? 0 }))
    .reduce((a, b) => (b.ratio > a.ratio ? b : a));
}

/** Dark or light text, whichever reads better on `background`; pure black when slate falls short. */
export function readableForeground(background: string): string {
  const choice = best([DARK, LIGHT], background);
  return choice.ratio >= MIN_TEXT_CONTRAST ? choice.color : best([BLACK, LIGHT], background).color;
}

/** Keeps the preferred text color when it is readable on `background`, else picks one that is. */
export function ensureReadable(preferred: string, background: string): string {
  const ratio = contrastRatio(preferred, background);
  return ratio !== null && ratio >= MIN_TEXT_CONTRAST ? preferred : readableForeground(background);
}
