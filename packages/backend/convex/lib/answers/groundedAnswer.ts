import { cosine, hashedEmbedding } from "../ai/hashedEmbedding";
import { replyTemplates } from "./replyTemplates";
import { detectLanguage, type ReplyLanguage } from "./textFeatures";
import type { Passage } from "../ai/toolOutputs";

const MAX_SENTENCES = 3;
/** Sentences well below the best match are left out rather than padding the answer. */
const RELATIVE_FLOOR = 0.6;
const MAX_SENTENCE_CHARS = 400;

function sentencesOf(text: string): string[] {
  // Headings name a section; they are not statements worth quoting.
  return text
    .split(/\n+/)
    .filter((line) => !/^\s*#/.test(line))
    .flatMap((line) => line.split(/(?<=[.!?])\s+/))
    .map((s) =>
      s
        .replace(/^[#>*\-\s|]+/, "")
        .replace(/\s+/g, " ")
        .trim(),
    )
    .filter((s) => s.length > 12 && /[\p{L}]/u.test(s))
    .map((s) => (s.length > MAX_SENTENCE_CHARS ? `${s.slice(0, MAX_SENTENCE_CHARS)}…` : s));
}

/**
 * Picks the sentences of the retrieved passages closest to the question, keeps them in document
 * order, and names the files they came from; nothing is said that the passages do not say.
 */
export function groundedAnswer(
  query: string,
  passages: Passage[],
  language: ReplyLanguage,
): string {
  const queryVector = hashedEmbedding(query);
  const candidates = passages.flatMap((passage, passageRank) =>
    sentencesOf(passage.text).map((sentence, position) => ({
      sentence,
      source: passage.source,
      passageRank,
      position,
      score: cosine(queryVector, hashedEmbedding(sentence)) - passageRank * 0.02,
    })),
  );
  // Quote the visitor's language when the knowledge base has it in that language.
  const sameLanguage = candidates.filter((c) => detectLanguage(c.sentence) === language);
  const ranked = (sameLanguage.length > 0 ? sameLanguage : candidates).sort(
    (a, b) => b.score - a.score,
  );
  const floor = Math.max(0, (ranked[0]?.score ?? 0) * RELATIVE_FLOOR);
  const best = ranked.filter((c, i) => i === 0 || c.score >= floor).slice(0, MAX_SENTENCES);
  const chosen = best.sort((a, b) => a.passageRank - b.passageRank || a.position - b.position);
  const sources = [...new Set(chosen.map((c) => c.source))];
  const t = replyTemplates[language];
  return [
    t.found,
    chosen.map((c) => c.sentence).join(" "),
    t.sources(sources.join(", ")),
    t.followUp,
  ].join("\n\n");
}
