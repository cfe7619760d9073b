import type { EmbeddingModelV4 } from "@ai-sdk/provider";

import { contentWords } from "../answers/textFeatures";

export const HASHED_EMBEDDING_DIMENSION = 1024;
export const HASHED_EMBEDDING_MODEL_ID = "echo-hashed-tfidf-v1";

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

function addFeature(vector: number[], feature: string, weight: number) {
  const hash = fnv1a(feature);
  // The sign bit halves the damage of collisions (the "hashing trick").
  const slot = hash % vector.length;
  vector[slot] = vector[slot]! + (hash & 0x80000000 ? -weight : weight);
}

/**
 * Feature-hashed TF embedding: words (sublinear tf, stopwords removed), word bigrams and
 * character 4-grams for morphology, L2-normalized so dot product is cosine similarity.
 */
export function hashedEmbedding(text: string, dimension = HASHED_EMBEDDING_DIMENSION): number[] {
  const vector = new Array<number>(dimension).fill(0);
  const words = contentWords(text);
  const counts = new Map<string, number>();
  for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1);
  for (const [word, count] of counts) {
    const weight = 1 + Math.log(count);
    addFeature(vector, `w:${word}`, weight);
    const padded = `_${word}_`;
    for (let i = 0; i + 4 <= padded.length; i++)
      addFeature(vector, `c:${padded.slice(i, i + 4)}`, 0.35 * weight);
  }
  for (let i = 0; i + 1 < words.length; i++)
    addFeature(vector, `b:${words[i]} ${words[i + 1]}`, 0.5);
  const norm = Math.sqrt(vector.reduce((sum, x) => sum + x * x, 0));
  return norm === 0 ? vector : vector.map((x) => x / norm);
}

export function cosine(a: number[], b: number[]): number {
  let dot = 0;
  for (let i = 0; i < a.length; i++) dot += a[i]! * (b[i] ?? 0);
  return dot;
}

/** The same embedding behind the AI SDK interface, so @convex-dev/rag uses it unchanged. */
export function hashedEmbeddingModel(dimension = HASHED_EMBEDDING_DIMENSION): EmbeddingModelV4 {
  return {
    specificationVersion: "v4",
    provider: "echo-local",
    modelId: HASHED_EMBEDDING_MODEL_ID,
    maxEmbeddingsPerCall: Infinity,
    supportsParallelCalls: true,
    async doEmbed({ values }) {
      return {
        embeddings: values.map((value) => hashedEmbedding(value, dimension)),
        usage: { tokens: values.reduce((sum, value) => sum + contentWords(value).length, 0) },
        warnings: [],
      };
    },
  };
}
