import { describe, expect, test } from "vitest";

import {
  cosine,
  hashedEmbedding,
  HASHED_EMBEDDING_DIMENSION,
  hashedEmbeddingModel,
} from "../ai/hashedEmbedding";
import type { Passage } from "../ai/toolOutputs";
import { groundedAnswer } from "./groundedAnswer";
import { detectMessageLanguage, replyLanguage } from "./language";
import { phraseAnswer } from "./phraseAnswer";
import { COVERAGE_THRESHOLD, coverage, queryTerms } from "./relevance";
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
});

describe("visitor intent, on the whole message", () => {
  test.each([
    ["Can I talk to a human?", "human"],
    ["I want to speak with someone", "human"],
    ["Is there a person I can talk to?", "human"],
    ["Quero falar com um atendente", "human"],
    ["Posso falar com um humano?", "human"],
    ["atendente, por favor", "human"],
    ["Thanks, that's all!", "closure"],
    ["thank you, bye", "closure"],
    ["Obrigado, é só isso", "closure"],
    ["thanks!", "thanks"],
    ["obrigada", "thanks"],
    ["Hello!", "greeting"],
    ["oi", "greeting"],
    ["Yes please", "affirmative"],
    ["sim", "affirmative"],
    ["não", "negative"],
    ["This is terrible, nothing works", "complaint"],
    ["How do I reset my password?", "question"],
    ["Thanks! And how do refunds work?", "question"],
    ["Hi, how much is Pro?", "question"],
  ])("%s → %s", (text, intent) => {
    expect(visitorIntent(text)).toBe(intent);
  });

  test.each([
    "Qual o horário do suporte humano?",
    "what are your human support hours?",
    "Do you have human support on weekends?",
    "Tem atendimento humano no fim de semana?",
    "Who is the person responsible for privacy?",
    "Can a person review my invoice?",
  ])("a question that mentions people is a question: %s", (text) => {
    expect(visitorIntent(text)).toBe("question");
  });
});

describe("language", () => {
  test.each([
    ["O teste grátis precisa de cartão?", "pt-BR"],
    ["Qual o horário do suporte humano?", "pt-BR"],
    ["Quanto custa?", "pt-BR"],
    ["obrigado", "pt-BR"],
    ["How much?", "en"],
    ["thanks", "en"],
    ["Is there a free trial?", "en"],
  ])("short messages: %s → %s", (text, language) => {
    expect(detectMessageLanguage(text)).toBe(language);
  });

  test("unclear messages keep the conversation's language, then the widget's", () => {
    expect(detectMessageLanguage("ok")).toBeNull();
    expect(detectMessageLanguage("Do you ship to Portugal?")).toBeNull();
    expect(replyLanguage("ok", { conversation: "pt-BR", widget: "en" })).toBe("pt-BR");
    expect(replyLanguage("ok", { widget: "pt-BR" })).toBe("pt-BR");
    expect(replyLanguage("ok", {})).toBe("en");
    expect(replyLanguage("Quanto custa o plano Pro?", { conversation: "en" })).toBe("pt-BR");
  });
});

const billing: Passage = {
  source: "billing.md",
  section: "billing.md › Billing › Refunds",
  score: 0.4,
  text:
    "You can request a full refund within 30 days of your first payment. Write to billing@nimbus.example " +
    "with your invoice number, e.g. INV-1042. Refunds reach your card in 5 to 10 business days.\n\n" +
    "Exports are available on every plan.",
};
const plans: Passage = {
  source: "plans.csv",
  section: "plans.csv",
  score: 0.3,
  text: "| Plan | Price per month | Notebooks |\n| Free | $0 | 3 |\n| Pro | $12 per user | Unlimited |",
};

describe("sentence selection", () => {
  test("answers with whole sentences of the passage, in document order", () => {
    const answer = groundedAnswer("How long until my refund reaches my card?", [billing], "en")!;
    expect(answer.quotes).toContain("Refunds reach your card in 5 to 10 business days.");
    expect(answer.quotes.length).toBeLessThanOrEqual(3);
    const source = billing.text.replace(/\n+/g, " ");
    // Every quote is a whole sentence of the source, never a fragment cut at "e.g." or a wrap.
    for (const quote of answer.quotes) {
      expect(source).toContain(quote);
      expect(quote).toMatch(/^[A-Z].*[.!?]$/);
    }
    const positions = answer.quotes.map((q) => source.indexOf(q));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(answer.sources).toEqual([{ section: "billing.md › Billing › Refunds", url: undefined }]);
  });

  test("a list is quoted whole, never item by item", () => {
    const payments: Passage = {
      source: "pay.md",
      section: "pay.md › Payment methods",
      score: 0.3,
      text: "We accept three payment methods:\n\n- Credit card in up to 6 instalments\n- Pix with a 5% discount\n- Bank slip",
    };
    const answer = groundedAnswer("Which payment methods do you accept?", [payments], "en")!;
    expect(answer.quotes).toEqual([
      "We accept three payment methods:",
      "- Credit card in up to 6 instalments\n- Pix with a 5% discount\n- Bank slip",
    ]);
  });

  test("a table row is quoted with its header", () => {
    const answer = groundedAnswer("How much is the Pro plan?", [plans], "en")!;
    expect(answer.quotes).toEqual([
      "Plan: Pro; Price per month: $12 per user; Notebooks: Unlimited.",
    ]);
  });

  test("the reply varies its lead-in from question to question, and cites the section", () => {
    const questions = [
      "How long until my refund reaches my card?",
      "When does a refund reach my card?",
      "Refund to my card: how long?",
      "How many days for a refund to reach the card?",
      "refund card days",
    ];
    const replies = questions.map((q) =>
      phraseAnswer(q, groundedAnswer(q, [billing], "en")!, "en"),
    );
    expect(new Set(replies.map((r) => r.split("Refunds reach")[0])).size).toBeGreaterThan(1);
    for (const reply of replies) expect(reply).toContain("Source: billing.md › Billing › Refunds");
  });
});

describe("relevance threshold", () => {
  test("a near miss on shared vocabulary is not an answer", () => {
    const terms = queryTerms("Can I export my notebooks to a Kindle e-reader?");
    expect(coverage(terms, `${billing.section} ${billing.text} notebooks`)).toBeLessThan(
      COVERAGE_THRESHOLD,
    );
    expect(
      groundedAnswer("Can I export my notebooks to a Kindle e-reader?", [billing, plans], "en"),
    ).toBeNull();
  });

  test("asking words need not appear in the answer", () => {
    expect(queryTerms("How much does the Pro plan cost?")).toEqual(["pro", "plan"]);
    expect(coverage(queryTerms("Quanto custa o plano Pro?"), "O plano Pro é R$ 49 por mês.")).toBe(
      1,
    );
  });
});
