import { eld } from "eld/extrasmall";

/** The languages Echo replies in (the widget's and the dashboard's locales). */
export type ReplyLanguage = "en" | "pt-BR";

export const REPLY_LANGUAGES: readonly ReplyLanguage[] = ["en", "pt-BR"];

// Spanish and Italian stay in the subset so that a near-Portuguese score is not forced to "pt".
eld.setLanguageSubset(["en", "pt", "es", "it", "fr"]);

/** How far the winner's score must be ahead of the other reply language to count. */
const MARGIN = 0.04;

/**
 * The language of one visitor message, or null when it is too short or too mixed to tell
 * ("ok", "Do you ship to Portugal?"); callers then keep the conversation's language.
 */
export function detectMessageLanguage(text: string): ReplyLanguage | null {
  const letters = text.replace(/[^\p{L}]/gu, "");
  if (letters.length < 3) return null;
  const result = eld.detect(text);
  const scores = result.getScores();
  const en = scores.en ?? 0;
  const pt = scores.pt ?? 0;
  if (result.language === "pt" && pt - en >= MARGIN) return "pt-BR";
  if (result.language === "en" && en - pt >= MARGIN) return "en";
  return null;
}

/**
 * The language to answer a message in: the message's own when it is clear, otherwise the
 * conversation's so far, otherwise the widget's locale.
 */
export function replyLanguage(
  message: string,
  fallbacks: { conversation?: ReplyLanguage; widget?: ReplyLanguage },
): ReplyLanguage {
  return detectMessageLanguage(message) ?? fallbacks.conversation ?? fallbacks.widget ?? "en";
}

/** Quoted passages keep the language they were written in; this tells which one a line is in. */
export function passageLanguage(text: string): ReplyLanguage | null {
  const result = eld.detect(text);
  if (result.language === "pt") return "pt-BR";
  if (result.language === "en") return "en";
  return null;
}
