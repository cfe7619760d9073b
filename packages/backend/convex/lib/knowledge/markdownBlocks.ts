import type { Block } from "./blocks";

const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const LIST_ITEM = /^(\s*)(?:[-*+•]|\d+[.)])\s+(.*)$/;
const TABLE_ROW = /^\s*\|.*\|\s*$/;
const TABLE_RULE = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;
const FENCE = /^\s*(```|~~~)/;
const SETEXT = /^\s*(=+|-+)\s*$/;

function inline(text: string): string {
  return text
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1")
    .replace(/(\*\*|__)(.+?)\1/g, "$2")
    .replace(/(^|[^\w*])[*_]([^*_\s][^*_]*?)[*_](?=[^\w*]|$)/g, "$1$2")
    .replace(/`([^`]+)`/g, "$1")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * Markdown (and plain text, which reads the same) as blocks: hard-wrapped lines join into one
 * paragraph, a list item's wrapped lines join into that item, tables keep their rows, and every
 * block knows the headings above it.
 */
export function markdownBlocks(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, "\n").split("\n");
  const blocks: Block[] = [];
  const headings: string[] = [];
  const headingLevels: number[] = [];
  let paragraph: string[] = [];
  let items: string[] = [];
  let rows: string[] = [];
  let fenced: string[] | null = null;

  const push = (kind: Block["kind"], text: string) => {
    if (text.trim()) blocks.push({ kind, text, headings: [...headings] });
  };
  const flush = () => {
    if (paragraph.length) push("paragraph", inline(paragraph.join(" ")));
    if (items.length) push("list", items.map((item) => `- ${inline(item)}`).join("\n"));
    if (rows.length) push("table", rows.join("\n"));
    paragraph = [];
    items = [];
    rows = [];
  };
  const openHeading = (level: number, title: string) => {
    flush();
    while (headingLevels.length && headingLevels.at(-1)! >= level) {
      headingLevels.pop();
      headings.pop();
    }
    headingLevels.push(level);
    headings.push(inline(title));
  };

  let afterBlank = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const wasAfterBlank = afterBlank;
    afterBlank = !line.trim();
    if (fenced) {
      if (FENCE.test(line)) {
        push("paragraph", fenced.join("\n"));
        fenced = null;
      } else fenced.push(line);
      continue;
    }
    if (FENCE.test(line)) {
      flush();
      fenced = [];
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      openHeading(heading[1]!.length, heading[2]!);
      continue;
    }
    if (!line.trim()) {
      // A blank line ends a paragraph and a table; a list may go on after one.
      if (paragraph.length || rows.length) flush();
      continue;
    }
    if (paragraph.length === 1 && SETEXT.test(line) && !items.length) {
      const title = paragraph[0]!;
      paragraph = [];
      openHeading(line.trim().startsWith("=") ? 1 : 2, title);
      continue;
    }
    if (TABLE_ROW.test(line)) {
      if (!rows.length) flush();
      if (!TABLE_RULE.test(line))
        rows.push(
          line
            .trim()
            .replace(/\s*\|\s*/g, " | ")
            .trim(),
        );
      continue;
    }
    const item = LIST_ITEM.exec(line);
    if (item) {
      if (!items.length) flush();
      items.push(item[2]!);
      continue;
    }
    const text = line.replace(/^\s*>\s?/, "").trim();
    // A line under a list item (indented, or straight after it) is that item's wrapped text.
    if (items.length && (/^\s+/.test(line) || !wasAfterBlank)) {
      items[items.length - 1] += ` ${text}`;
      continue;
    }
    if (items.length || rows.length) flush();
    paragraph.push(text);
  }
  if (fenced) push("paragraph", fenced.join("\n"));
  flush();
  return blocks;
}
