import { describe, expect, test } from "vitest";

import { HASHED_EMBEDDING_DIMENSION, HASHED_EMBEDDING_MODEL_ID } from "./hashedEmbedding";
import { models } from "./models";
import { RETRIEVAL_MODEL_ID } from "./retrievalResponder";

describe("models() chooses by environment", () => {
  test("nothing configured (or only blanks): retrieval mode with the local embedding", () => {
    for (const env of [{}, { OPENAI_API_KEY: " ", OPENAI_BASE_URL: "" }]) {
      const m = models(env);
      expect(m.mode).toBe("retrieval");
      expect(m.languageModel.modelId).toBe(RETRIEVAL_MODEL_ID);
      expect(m.embeddingModel.modelId).toBe(HASHED_EMBEDDING_MODEL_ID);
      expect(m.embeddingDimension).toBe(HASHED_EMBEDDING_DIMENSION);
      expect(m.relevanceThreshold).toBe(0.05);
    }
    expect(models({ ECHO_RELEVANCE_THRESHOLD: "0.2" }).relevanceThreshold).toBe(0.2);
    expect(models({ ECHO_RELEVANCE_THRESHOLD: "nonsense" }).relevanceThreshold).toBe(0.05);
  });

  test("an OpenAI key: OpenAI chat and embeddings, overridable by name", () => {
    const m = models({ OPENAI_API_KEY: "sk-test" });
    expect(m).toMatchObject({ mode: "model", embeddingDimension: 1536, relevanceThreshold: 0.3 });
    expect(m.languageModel).toMatchObject({ provider: "openai.chat", modelId: "gpt-4o-mini" });
    expect(m.embeddingModel).toMatchObject({ modelId: "text-embedding-3-small" });
    const named = models({
      OPENAI_API_KEY: "sk-test",
      ECHO_CHAT_MODEL: "gpt-4.1",
      ECHO_EMBEDDING_MODEL: "text-embedding-3-large",
      ECHO_EMBEDDING_DIMENSION: "3072",
    });
    expect(named.languageModel.modelId).toBe("gpt-4.1");
    expect(named).toMatchObject({ embeddingDimension: 3072 });
  });

  test("an OpenAI-compatible server: its chat model, and the local embedding unless one is named", () => {
    const ollama = models({
      OPENAI_BASE_URL: "http://localhost:11434/v1",
      ECHO_CHAT_MODEL: "llama3.2",
    });
    expect(ollama.mode).toBe("model");
    expect(ollama.languageModel.modelId).toBe("llama3.2");
    expect(ollama.embeddingModel.modelId).toBe(HASHED_EMBEDDING_MODEL_ID);
    const withEmbeddings = models({
      OPENAI_BASE_URL: "http://localhost:11434/v1",
      ECHO_CHAT_MODEL: "llama3.2",
      ECHO_EMBEDDING_MODEL: "nomic-embed-text",
      ECHO_EMBEDDING_DIMENSION: "768",
    });
    expect(withEmbeddings.embeddingModel.modelId).toBe("nomic-embed-text");
    expect(withEmbeddings.embeddingDimension).toBe(768);
  });

  test("an embedding size the knowledge base cannot store is refused with the sizes it can", () => {
    expect(() => models({ OPENAI_API_KEY: "sk-test", ECHO_EMBEDDING_DIMENSION: "8" })).toThrow(
      /ECHO_EMBEDDING_DIMENSION is 8; the knowledge base stores vectors of 128, 256/,
    );
  });
});
