import type { AnswerSource, GroundedAnswer } from "./groundedAnswer";
import type { ReplyLanguage } from "./language";
import { replyTemplates } from "./replyTemplates";

function pick<T>(options: T[], seed: number): T {
  return options[seed % options.length]!;
}

function seedOf(text: string): number {
  let hash = 7;
  for (let i = 0; i < text.length; i++) hash = (hash * 31 + text.charCodeAt(i)) >>> 0;
  return hash;
}

/** A section name as a Markdown link to its passage, or as plain text when it has no page. */
function sourceLink({ section, url }: AnswerSource): string {
  const label = section.replace(/[[\]\\]/g, "\\$&");
  return url ? `[${label}](${url})` : label;
}

/**
 * The reply around the quoted sentences: a lead-in that varies from question to question (chosen
 * from the question itself, so the same question reads the same), the sections the quotes came
 * from as links, and "Did that answer your question?", which the widget offers Yes / No for.
 */
export function phraseAnswer(
  query: string,
  answer: GroundedAnswer,
  language: ReplyLanguage,
): string {
  const t = replyTemplates[language];
  const seed = seedOf(query.trim().toLowerCase());
  const leadIn = pick(t.leadIns, seed);
  const startsWithList = /^- /.test(answer.quotes[0] ?? "");
  const body = answer.quotes.join(answer.quotes.some((q) => q.includes("\n")) ? "\n" : " ");
  const opening = leadIn && startsWithList ? `${leadIn.trim()}\n` : leadIn;
  return [`${opening}${body}`, t.source(answer.sources.map(sourceLink).join("; ")), t.answered]
    .filter(Boolean)
    .join("\n\n");
}
