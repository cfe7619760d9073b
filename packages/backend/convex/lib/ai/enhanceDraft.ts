import { generateText } from "ai";

import { fail } from "../errors";
import { models } from "./models";

const ENHANCE_INSTRUCTIONS =
  "Rewrite the support operator's draft reply to be clear, friendly and professional. Keep its meaning, " +
  "facts and language; do not add promises or information. Reply with the rewritten text only.";

/** Improves an operator's draft with the configured model; without one there is nothing to improve it with. */
export async function enhanceDraft(draft: string): Promise<{ text: string; mode: "model" }> {
  const m = models();
  if (m.mode === "retrieval") {
    fail(
      "NOT_CONFIGURED",
      "Enhance with AI needs a language model: set OPENAI_API_KEY, or OPENAI_BASE_URL for an OpenAI-compatible server (Ollama, LM Studio, vLLM), on the backend.",
    );
  }
  const { text } = await generateText({
    model: m.languageModel,
    instructions: ENHANCE_INSTRUCTIONS,
    prompt: draft,
  });
  return { text: text.trim() || draft, mode: m.mode };
}
