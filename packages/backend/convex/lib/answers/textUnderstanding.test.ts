import { describe, expect, test } from "vitest";

import {
  cosine,
  hashedEmbedding,
  HASHED_EMBEDDING_DIMENSION,
  hashedEmbeddingModel,
} from "../ai/hashedEmbedding";
import { polishDraft } from "../ai/polishDraft";
import { detectLanguage } from "./textFeatures";
import { visitorIntent } from "./visitorIntent";

describe("hashed embedding", () => {
  test("is deterministic, unit length and ranks related text above unrelated text", async () => {
    const query = hashedEmbedding("How can I get a refund?");
    expect(query).toHaveLength(HASHED_EMBEDDING_DIMENSION);
    expect(query).toEqual(hashedEmbedding("How can I get a refund?"));
    expect(cosine(query, query)).toBeCloseTo(1);
    const related = hashedEmbedding("Refunds are available within 30 days of payment.");
    const unrelated = hashedEmbedding("The desktop app syncs when you are online.");
    expect(cosine(query, related)).toBeGreaterThan(cosine(query, unrelated) + 0.1);
    const { embeddings } = await hashedEmbeddingModel().doEmbed({ values: ["a refund", ""] });
    expect(embeddings[0]).toEqual(hashedEmbedding("a refund"));
    expect(embeddings[1].every((x) => x === 0)).toBe(true);
  });

  test("folds accents so Portuguese spellings match", () => {
    expect(
      cosine(hashedEmbedding("reembolso não recebido"), hashedEmbedding("reembolso nao recebido")),
    ).toBeCloseTo(1);
  });
});

describe("visitor intent", () => {
  test.each([
    ["Can I talk to a human?", "human"],
    ["I want to speak with someone", "human"],
    ["Quero falar com um atendente", "human"],
    ["Thanks, that's all!", "closure"],
    ["thank you, bye", "closure"],
    ["Obrigado, é só isso", "closure"],
    ["Hello!", "greeting"],
    ["oi", "greeting"],
    ["Yes please", "affirmative"],
    ["sim", "affirmative"],
    ["How do I reset my password?", "question"],
    ["Thanks! And how do refunds work?", "question"],
  ])("%s → %s", (text, intent) => {
    expect(visitorIntent(text)).toBe(intent);
  });
});

describe("language and drafts", () => {
  test("detects Portuguese questions", () => {
    expect(detectLanguage("Como eu peço reembolso?")).toBe("pt-BR");
    expect(detectLanguage("How do I get a refund?")).toBe("en");
  });

  test("polishDraft tidies without rewording", () => {
    expect(polishDraft("sure ,i can help.please wait")).toBe("Sure, I can help. Please wait.");
    expect(polishDraft("Done!")).toBe("Done!");
    expect(polishDraft("version 2.5 is out")).toBe("Version 2.5 is out.");
  });
});
