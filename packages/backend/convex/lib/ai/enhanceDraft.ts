import { generateText } from "ai";

import { models } from "./models";
import { polishDraft } from "./polishDraft";

const ENHANCE_INSTRUCTIONS =
  "Rewrite the support operator's draft reply to be clear, friendly and professional. Keep its meaning, " +
  "facts and language; do not add promises or information. Reply with the rewritten text only.";

/** Improves an operator's draft with the configured model, or tidies it in retrieval mode. */
export async function enhanceDraft(
  draft: string,
): Promise<{ text: string; mode: "model" | "retrieval" }> {
  const m = models();
  if (m.mode === "retrieval") return { text: polishDraft(draft), mode: m.mode };
  const { text } = await generateText({
    model: m.languageModel,
    instructions: ENHANCE_INSTRUCTIONS,
    prompt: draft,
  });
  return { text: text.trim() || draft, mode: m.mode };
}
