import type { Nodes } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { gfm } from "micromark-extension-gfm";

// Blocks whose children are separate pieces of text; every other parent's children run together.
const SEPARATED = new Set([
  "root",
  "blockquote",
  "list",
  "listItem",
  "table",
  "tableRow",
  "footnoteDefinition",
]);

// A list re-renders on every reactive update: each preview is parsed (about a millisecond) once.
const MAX_PREVIEWS = 1_000;
const previews = new Map<string, string>();

function textOf(node: Nodes): string {
  switch (node.type) {
    case "text":
    case "inlineCode":
    case "code":
    case "html":
      return node.value;
    case "break":
    case "thematicBreak":
      return " ";
    case "image":
    case "imageReference":
    case "definition":
      return "";
    default:
      if (!("children" in node)) return "";
      return node.children
        .map((child) => textOf(child))
        .join(SEPARATED.has(node.type) || node.type === "tableCell" ? " " : "");
  }
}

/**
 * A message's markdown as one line of the words a reader sees (for previews): formatting marks,
 * link targets and images dropped, raw HTML kept as the text `MessageMarkdown` shows.
 */
export function markdownPlainText(markdown: string): string {
  let text = previews.get(markdown);
  if (text === undefined) {
    const tree = fromMarkdown(markdown, {
      extensions: [gfm()],
      mdastExtensions: [gfmFromMarkdown()],
    });
    text = textOf(tree).replace(/\s+/g, " ").trim();
    if (previews.size >= MAX_PREVIEWS) previews.clear();
    previews.set(markdown, text);
  }
  return text;
}
