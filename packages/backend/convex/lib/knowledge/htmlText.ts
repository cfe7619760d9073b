import { convert, type FormatCallback } from "html-to-text";

type Node = { type?: string; name?: string; data?: string; children?: Node[] };

function textOf(node: Node): string {
  if (node.type === "text") return node.data ?? "";
  return (node.children ?? []).map(textOf).join(" ");
}

function rowsOf(node: Node): Node[] {
  return (node.children ?? []).flatMap((child) =>
    child.name === "tr" ? [child] : child.name === "table" ? [] : rowsOf(child),
  );
}

const heading =
  (level: number): FormatCallback =>
  (elem, walk, builder) => {
    builder.openBlock({ leadingLineBreaks: 2 });
    builder.addLiteral(`${"#".repeat(level)} `);
    walk(elem.children, builder);
    builder.closeBlock({ trailingLineBreaks: 2 });
  };

/** A table as Markdown rows, so it stays one block with its header. */
const table: FormatCallback = (elem, _walk, builder) => {
  const rows = rowsOf(elem as Node)
    .map((row) =>
      (row.children ?? [])
        .filter((cell) => cell.name === "td" || cell.name === "th")
        .map((cell) => textOf(cell).replace(/\s+/g, " ").trim()),
    )
    .filter((cells) => cells.some(Boolean));
  builder.openBlock({ leadingLineBreaks: 2 });
  builder.addLiteral(rows.map((cells) => `| ${cells.join(" | ")} |`).join("\n"));
  builder.closeBlock({ trailingLineBreaks: 2 });
};

/** HTML as Markdown-like text: headings keep their level, lists their bullets, tables their rows. */
export function htmlText(html: string): string {
  return convert(html, {
    wordwrap: false,
    formatters: {
      h1: heading(1),
      h2: heading(2),
      h3: heading(3),
      h4: heading(4),
      table,
    },
    selectors: [
      { selector: "a", options: { ignoreHref: true } },
      { selector: "img", format: "skip" },
      { selector: "nav", format: "skip" },
      { selector: "header", format: "skip" },
      { selector: "footer", format: "skip" },
      { selector: "script", format: "skip" },
      { selector: "style", format: "skip" },
      { selector: "h1", format: "h1" },
      { selector: "h2", format: "h2" },
      { selector: "h3", format: "h3" },
      { selector: "h4", format: "h4" },
      { selector: "table", format: "table" },
      { selector: "ul", options: { itemPrefix: "- " } },
    ],
  });
}
