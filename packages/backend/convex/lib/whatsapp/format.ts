/** WhatsApp refuses text messages longer than this many characters. */
export const WHATSAPP_TEXT_LIMIT = 4096;

const MARKDOWN_LINK = /\[((?:\\.|[^\]\\])+)\]\(([^)\s]+)\)/g;
/** What may stand before a line of links: "Source:", "Fonte:", "Sources:" and the like. */
const SOURCE_LABEL = /^\s*([^\s:[\]()][^:[\]()]{0,30}:)?\s*$/;

/**
 * A line made only of links (after an optional "Source:"-style label) is the answer's sources:
 * the label on its own line, then each source's title and, on the next line, its URL, so the
 * phone shows short lines and a tappable address instead of one long "title (url); …" line.
 */
function sourceBlock(line: string, keep: (text: string) => string): string | null {
  const links = [...line.matchAll(MARKDOWN_LINK)];
  if (links.length === 0) return null;
  const rest = line.replace(MARKDOWN_LINK, "").replace(/[;,]/g, " ");
  const label = rest.match(SOURCE_LABEL);
  if (!label) return null;
  const sources = links.map(([, title, url]) => {
    const text = title!.replace(/\\(.)/g, "$1");
    return text === url ? keep(url!) : `${keep(text)}\n${keep(url!)}`;
  });
  return [label[1], ...sources].filter(Boolean).join("\n");
}

/**
 * The agent writes markdown; WhatsApp has its own marks: *bold*, _italic_, ~strike~, ```mono```.
 * Links in a sentence become "text (url)", a line of sources short title and URL lines, headings
 * bold lines, list bullets stay as they read.
 */
export function markdownToWhatsApp(markdown: string): string {
  const kept: string[] = [];
  const keep = (text: string) => {
    kept.push(text);
    return `\uE001${kept.length - 1}\uE001`;
  };
  const fences: string[] = [];
  return markdown
    .replace(/```[a-z]*\n?([\s\S]*?)```/g, (_all, code: string) => {
      fences.push(code.replace(/\n$/, ""));
      return `\uE000${fences.length - 1}\uE000`;
    })
    .replace(/^.*$/gm, (line) => sourceBlock(line, keep) ?? line)
    .replace(/^#{1,6}\s+(.+?)\s*#*$/gm, "**$1**")
    .replace(/!\[([^\]]*)\]\(([^)\s]+)\)/g, "$1 ($2)")
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (_all, text: string, url: string) =>
      text === url ? url : `${text} (${url})`,
    )
    .replace(/(^|[^*])\*(?!\*)([^*\n]+?)\*(?!\*)/g, "$1_$2_")
    .replace(/\*\*([^*\n]+?)\*\*/g, "*$1*")
    .replace(/__([^_\n]+?)__/g, "*$1*")
    .replace(/~~([^~\n]+?)~~/g, "~$1~")
    .replace(/^(\s*)[-+]\s+/gm, "$1• ")
    .replace(/\uE000(\d+)\uE000/g, (_all, index: string) => `\`\`\`${fences[Number(index)]}\`\`\``)
    .replace(/\uE001(\d+)\uE001/g, (_all, index: string) => kept[Number(index)]!);
}

/** Cuts a long text into messages, at a paragraph, line, sentence or word boundary when it can. */
export function splitForWhatsApp(text: string, limit = WHATSAPP_TEXT_LIMIT): string[] {
  const parts: string[] = [];
  let rest = text.trim();
  while (rest.length > limit) {
    const window = rest.slice(0, limit);
    const at = [/\n\n(?=[^\n]*$)/, /\n(?=[^\n]*$)/, /[.!?](?=\s[^.!?]*$)/, /\s(?=\S*$)/]
      .map((boundary) => window.search(boundary))
      .find((index) => index > limit / 2);
    const cut = at === undefined ? limit : at + 1;
    parts.push(rest.slice(0, cut).trim());
    rest = rest.slice(cut).trim();
  }
  if (rest) parts.push(rest);
  return parts;
}
