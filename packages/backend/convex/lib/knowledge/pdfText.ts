import type { PdfLine } from "./pdfLines";

/** Lines at a page's top or bottom that repeat on this share of pages are running heads or feet. */
const FURNITURE_SHARE = 0.5;
const EDGE_LINES = 2;

/** Digits differ from page to page ("Page 3 of 9"); the furniture is the rest. */
const furnitureKey = (text: string) => text.toLowerCase().replace(/\d+/g, "#").trim();

function mostCommon(values: number[]): number {
  const counts = new Map<number, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 0;
}

function runningLines(pages: PdfLine[][]): Set<string> {
  const seen = new Map<string, number>();
  for (const page of pages) {
    const edges = new Set(
      [...page.slice(0, EDGE_LINES), ...page.slice(-EDGE_LINES)].map((l) => furnitureKey(l.text)),
    );
    for (const key of edges) seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  const furniture = new Set<string>();
  for (const [key, count] of seen) {
    if (count >= Math.max(2, pages.length * FURNITURE_SHARE)) furniture.add(key);
    // A bare page number is furniture even on a one-page file.
    if (/^(page\s*)?#(\s*(of|de|\/)\s*#)?$/.test(key)) furniture.add(key);
  }
  return furniture;
}

/**
 * A PDF's lines as Markdown-like text: running heads, feet and page numbers dropped, lines set
 * larger than the body text become headings, wider gaps become paragraph breaks, and a word
 * hyphenated across a line end is joined ("manufac-" + "turing").
 */
export function pdfText(pages: PdfLine[][]): string {
  const furniture = runningLines(pages);
  const lines = pages.flatMap((page) =>
    page.filter((line) => !furniture.has(furnitureKey(line.text))),
  );
  const bodySize = mostCommon(lines.map((l) => l.size));
  const lineGap = mostCommon(
    lines.filter((l) => l.size === bodySize && l.gapAbove > 0).map((l) => Math.round(l.gapAbove)),
  );
  const headingSizes = [
    ...new Set(lines.map((l) => l.size).filter((s) => s > bodySize * 1.15)),
  ].sort((a, b) => b - a);
  const out: string[] = [];
  for (const line of lines) {
    const level = headingSizes.indexOf(line.size);
    if (level >= 0 && line.text.length < 120) {
      out.push("", `${"#".repeat(Math.min(level + 1, 6))} ${line.text}`, "");
      continue;
    }
    if (line.gapAbove > lineGap * 1.6 + 2) out.push("");
    const previous = out.at(-1);
    if (previous && /\p{L}-$/u.test(previous) && /^\p{Ll}/u.test(line.text)) {
      out[out.length - 1] = previous.slice(0, -1) + line.text;
    } else out.push(line.text);
  }
  return out.join("\n");
}
