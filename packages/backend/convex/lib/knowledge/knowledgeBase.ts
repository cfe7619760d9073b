import { RAG } from "@convex-dev/rag";

import { components } from "../../_generated/api";
import { models, type Models } from "../ai/models";

export type KnowledgeEntryMetadata = { fileId: string; name: string };

/** The organization's knowledge base: one RAG namespace per organization id. */
export function knowledgeBase(m: Models = models()) {
  return new RAG<Record<string, never>, KnowledgeEntryMetadata>(components.rag, {
    textEmbeddingModel: m.embeddingModel,
    embeddingDimension: m.embeddingDimension,
  });
}
