import type { GroundedAnswer } from "./groundedAnswer";
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

/**
 * The reply around the quoted sentences: a lead-in and a closing line that vary from question to
 * question (chosen from the question itself, so the same question reads the same), and the
 * sections the quotes came from.
 */
export function phraseAnswer(
  query: string,
  answer: GroundedAnswer,
  language: ReplyLanguage,
): string {
  const t = replyTemplates[language];
  const seed = seedOf(query.trim().toLowerCase());
  const leadIn = pick(t.leadIns, seed);
  const followUp = pick(t.followUps, seed >>> 3);
  const startsWithList = /^- /.test(answer.quotes[0] ?? "");
  const body = answer.quotes.join(answer.quotes.some((q) => q.includes("\n")) ? "\n" : " ");
  const opening = leadIn && startsWithList ? `${leadIn.trim()}\n` : leadIn;
  return [`${opening}${body}`, t.source(answer.sections.join("; ")), followUp]
    .filter(Boolean)
    .join("\n\n");
}
