import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";

import { api } from "../../_generated/api";
import {
  createOrganization,
  messagesOf,
  newTest,
  operator,
  sendAndSettle,
  settle,
  startConversation,
  type TestConvex,
  uploadFile,
} from "../../test.harness";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

// Hard-wrapped at about 90 characters, as help articles usually are.
const SHIPPING = `# Shipping

## Delivery times
Standard shipping inside the country takes 3 to 5 business days and is free on orders
over $50. Express shipping arrives the next business day and costs $15.

## Plans
Every plan includes unlimited notebooks. You can export any notebook as PDF or Markdown
from its menu.
`;
const SUPORTE = `# Suporte

## Horário do suporte humano
Nossa equipe atende de segunda a sexta, das 9h às 18h (horário de Brasília). Fora desse
horário, o assistente responde e uma pessoa continua no próximo dia útil.

## Teste grátis
O teste grátis dura 14 dias e não precisa de cartão de crédito.
`;

async function uploadedKnowledge(t: TestConvex) {
  await createOrganization(t, "org_a");
  const admin = operator(t, "org_a", "admin");
  for (const [name, text] of [
    ["shipping.md", SHIPPING],
    ["suporte.md", SUPORTE],
  ] as const) {
    const storageId = await uploadFile(t, admin, text);
    await admin.mutation(api.private.knowledgeFiles.add, { storageId, name });
  }
  await settle(t);
  return await startConversation(t, "org_a");
}

async function lastReply(t: TestConvex, ids: Awaited<ReturnType<typeof startConversation>>) {
  const reply = (await messagesOf(t, ids)).at(-1)!;
  expect(reply.author).toBe("agent");
  return reply.text;
}

describe("retrieval-mode answers a visitor can trust", () => {
  test("a hard-wrapped file is answered in whole sentences with its section as the source", async () => {
    const t = newTest();
    const ids = await uploadedKnowledge(t);
    await sendAndSettle(t, ids, "How long does standard shipping take?");
    const text = await lastReply(t, ids);
    expect(text).toContain(
      "Standard shipping inside the country takes 3 to 5 business days and is free on orders over $50.",
    );
    expect(text).toContain("Source: shipping.md › Shipping › Delivery times");
  });

  test("a short Portuguese question is answered in Portuguese", async () => {
    const t = newTest();
    const ids = await uploadedKnowledge(t);
    await sendAndSettle(t, ids, "O teste grátis precisa de cartão?");
    const text = await lastReply(t, ids);
    expect(text).toContain("O teste grátis dura 14 dias e não precisa de cartão de crédito.");
    expect(text).toContain("Fonte: suporte.md › Suporte › Teste grátis");
  });

  test("a question about human support hours is answered, not escalated", async () => {
    const t = newTest();
    const ids = await uploadedKnowledge(t);
    await sendAndSettle(t, ids, "Qual o horário do suporte humano?");
    expect(await lastReply(t, ids)).toContain("de segunda a sexta, das 9h às 18h");
    expect((await t.query(api.public.conversations.get, ids)).status).toBe("unresolved");
  });

  test("a near miss on vocabulary is not an answer: it says so and offers a person", async () => {
    const t = newTest();
    const ids = await uploadedKnowledge(t);
    await sendAndSettle(t, ids, "Can I export my notebooks to a Kindle e-reader?");
    const text = await lastReply(t, ids);
    expect(text).toContain("couldn't find anything about that");
    expect(text).toContain("talk to a person");
    expect(text).not.toContain("export");
  });

  test("an unclear message keeps the conversation's language", async () => {
    const t = newTest();
    const ids = await uploadedKnowledge(t);
    await sendAndSettle(t, ids, "Quanto tempo dura o teste grátis?");
    // "ok" to "Isso respondeu à sua pergunta?" is a yes: the offer to close, still in Portuguese.
    await sendAndSettle(t, ids, "ok");
    expect(await lastReply(t, ids)).toBe("Ótimo! Posso marcar esta conversa como resolvida?");
  });
});
