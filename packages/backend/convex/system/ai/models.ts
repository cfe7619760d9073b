import { createOpenAI } from "@ai-sdk/openai";
import type { EmbeddingModelV4, LanguageModelV4 } from "@ai-sdk/provider";

import { HASHED_EMBEDDING_DIMENSION, hashedEmbeddingModel } from "./hashedEmbedding";
import { retrievalResponder } from "./retrievalResponder";

/** "model": an OpenAI or OpenAI-compatible chat model; "retrieval": the offline responder. */
export type AssistantMode = "model" | "retrieval";

export type Models = {
  mode: AssistantMode;
  languageModel: LanguageModelV4;
  embeddingModel: EmbeddingModelV4;
  embeddingDimension: number;
  /** Minimum similarity for a passage to count as relevant; the scales differ per embedding. */
  relevanceThreshold: number;
};

const HASHED_RELEVANCE_THRESHOLD = 0.11;

/** The only place that reads model configuration from the environment. */
export function models(env: Record<string, string | undefined> = process.env): Models {
  const { OPENAI_API_KEY, OPENAI_BASE_URL, ECHO_CHAT_MODEL, ECHO_EMBEDDING_MODEL } = env;
  const local = {
    embeddingModel: hashedEmbeddingModel(),
    embeddingDimension: HASHED_EMBEDDING_DIMENSION,
    relevanceThreshold: Number(env.ECHO_RELEVANCE_THRESHOLD ?? HASHED_RELEVANCE_THRESHOLD),
  };
  if (!OPENAI_API_KEY && !OPENAI_BASE_URL) {
    return { mode: "retrieval", languageModel: retrievalResponder(), ...local };
  }
  const openai = createOpenAI({ apiKey: OPENAI_API_KEY ?? "not-needed", baseURL: OPENAI_BASE_URL });
  const languageModel = openai.chat(ECHO_CHAT_MODEL ?? "gpt-4o-mini");
  // A compatible server without a named embedding model keeps the local embedding.
  if (OPENAI_BASE_URL && !ECHO_EMBEDDING_MODEL) return { mode: "model", languageModel, ...local };
  return {
    mode: "model",
    languageModel,
    embeddingModel: openai.embedding(ECHO_EMBEDDING_MODEL ?? "text-embedding-3-small"),
    embeddingDimension: Number(env.ECHO_EMBEDDING_DIMENSION ?? 1536),
    relevanceThreshold: Number(env.ECHO_RELEVANCE_THRESHOLD ?? 0.3),
  };
}
