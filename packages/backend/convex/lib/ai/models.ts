import { createOpenAI } from "@ai-sdk/openai";
import type { EmbeddingModelV4, LanguageModelV4 } from "@ai-sdk/provider";

import { HASHED_EMBEDDING_DIMENSION, hashedEmbeddingModel } from "./hashedEmbedding";
import type { ModelSetting } from "./modelSettings";
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

/**
 * Low on purpose: the hashed embedding only shortlists passages; whether one answers the question
 * is decided by lib/answers/relevance.ts, the same in both modes.
 */
const HASHED_RELEVANCE_THRESHOLD = 0.05;

/** The vector sizes @convex-dev/rag stores (one vector index per size). */
export const SUPPORTED_EMBEDDING_DIMENSIONS = [
  128, 256, 512, 768, 1024, 1408, 1536, 2048, 3072, 4096,
] as const;

function embeddingDimension(value: string | undefined): number {
  const dimension = numberFrom(value, 1536);
  if (!(SUPPORTED_EMBEDDING_DIMENSIONS as readonly number[]).includes(dimension)) {
    throw new Error(
      `ECHO_EMBEDDING_DIMENSION is ${value}; the knowledge base stores vectors of ${SUPPORTED_EMBEDDING_DIMENSIONS.join(", ")} dimensions. Choose an embedding model with one of these sizes (many accept a "dimensions" setting).`,
    );
  }
  return dimension;
}

/** Unset, empty and unparsable values all mean "use the default". */
function numberFrom(value: string | undefined, fallback: number): number {
  const parsed = value?.trim() ? Number(value) : NaN;
  return Number.isFinite(parsed) ? parsed : fallback;
}

/** The only place that reads model configuration from the environment. */
export function models(env: Record<string, string | undefined> = process.env): Models {
  const setting = (name: ModelSetting) => env[name]?.trim() || undefined;
  const OPENAI_API_KEY = setting("OPENAI_API_KEY");
  const OPENAI_BASE_URL = setting("OPENAI_BASE_URL");
  const ECHO_CHAT_MODEL = setting("ECHO_CHAT_MODEL");
  const ECHO_EMBEDDING_MODEL = setting("ECHO_EMBEDDING_MODEL");
  const local = {
    embeddingModel: hashedEmbeddingModel(),
    embeddingDimension: HASHED_EMBEDDING_DIMENSION,
    relevanceThreshold: numberFrom(env.ECHO_RELEVANCE_THRESHOLD, HASHED_RELEVANCE_THRESHOLD),
  };
  if (!OPENAI_API_KEY && !OPENAI_BASE_URL) {
    return { mode: "retrieval", languageModel: retrievalResponder(), ...local };
  }
  const openai = createOpenAI({
    apiKey: OPENAI_API_KEY ?? "not-needed",
    baseURL: OPENAI_BASE_URL ?? "https://api.openai.com/v1",
  });
  const languageModel = openai.chat(ECHO_CHAT_MODEL ?? "gpt-4o-mini");
  // A compatible server without a named embedding model keeps the local embedding.
  if (OPENAI_BASE_URL && !ECHO_EMBEDDING_MODEL) return { mode: "model", languageModel, ...local };
  return {
    mode: "model",
    languageModel,
    embeddingModel: openai.embedding(ECHO_EMBEDDING_MODEL ?? "text-embedding-3-small"),
    embeddingDimension: embeddingDimension(env.ECHO_EMBEDDING_DIMENSION),
    relevanceThreshold: numberFrom(env.ECHO_RELEVANCE_THRESHOLD, 0.3),
  };
}
