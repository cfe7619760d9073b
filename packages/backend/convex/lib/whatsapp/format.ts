/** WhatsApp refuses text messages longer than this many characters. */
export const WHATSAPP_TEXT_LIMIT = 4096;

/**
 * The agent writes markdown; WhatsApp has its own marks: *bold*, _italic_, ~strike~, ```mono```.
 * Links become "text (url)", headings bold lines, list bullets stay as they read.
 */
export function markdownToWhatsApp(markdown: string): string {
  const fences: string[] = [];
  return markdown
    .replace(/```[a-z]*\n?([\s\S]*?)```/g, (_all, code: string) => {
      fences.push(code.replace(/\n$/, ""));
      return `\uE000${fences.length - 1}\uE000`;
    })
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
    .replace(/\uE000(\d+)\uE000/g, (_all, index: string) => `\`\`\`${fences[Number(index)]}\`\`\``);
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
