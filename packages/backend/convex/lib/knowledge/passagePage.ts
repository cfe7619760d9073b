import type { ReplyLanguage } from "../answers/language";

const words: Record<ReplyLanguage, { excerpt: string; missing: string }> = {
  en: {
    excerpt: "An excerpt from our help articles, as the assistant quoted it.",
    missing: "This passage is no longer in our help articles.",
  },
  "pt-BR": {
    excerpt: "Um trecho dos nossos artigos de ajuda, como o assistente o citou.",
    missing: "Este trecho não está mais nos nossos artigos de ajuda.",
  },
};

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
  );

/** One paragraph per block; a list or table keeps its lines. */
const paragraphs = (text: string) =>
  text
    .split(/\n{2,}/)
    .map((block) => `<p>${escapeHtml(block.trim()).replace(/\n/g, "<br>")}</p>`)
    .join("\n");

/**
 * The read-only page of one cited section: its path as the heading and its text, escaped, with
 * no script and nothing that links back into the product.
 */
export function passagePage(
  language: ReplyLanguage,
  passage: { section: string; texts: string[] } | null,
): string {
  const t = words[language];
  const title = passage ? passage.section : t.missing;
  const body = passage
    ? `<p class="note">${escapeHtml(t.excerpt)}</p>\n${passage.texts.map(paragraphs).join("\n")}`
    : `<p>${escapeHtml(t.missing)}</p>`;
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style>
body{font:16px/1.6 system-ui,sans-serif;max-width:42rem;margin:0 auto;padding:1.5rem;color:#0f172a;background:#fff}
h1{font-size:1.25rem;line-height:1.3}.note{color:#475569;font-size:.875rem}p{margin:.75rem 0}
</style>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
${body}
</main>
</body>
</html>
`;
}
