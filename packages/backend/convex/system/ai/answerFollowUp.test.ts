import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";

import { api } from "../../_generated/api";
import {
  createOrganization,
  messagesOf,
  newTest,
  seedKnowledge,
  sendAndSettle,
  startConversation,
  type TestConvex,
} from "../../test.harness";

const SITE = "http://127.0.0.1:3211";

beforeEach(() => {
  vi.useFakeTimers();
  vi.stubEnv("CONVEX_SITE_URL", SITE);
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllEnvs();
});

async function answered(t: TestConvex, question: string) {
  await createOrganization(t, "org_a");
  await seedKnowledge(t, "org_a");
  const ids = await startConversation(t, "org_a");
  await sendAndSettle(t, ids, question);
  return { ids, reply: (await messagesOf(t, ids)).at(-1)!.text };
}

const linkIn = (text: string) => /\]\((http[^)\s]+)\)/.exec(text)?.[1];

describe("an answer the visitor can act on", () => {
  test("cites its section as a link to a public, read-only page of that passage", async () => {
    const t = newTest();
    const { reply } = await answered(t, "How do I reset my password?");
    expect(reply).toMatch(/Source: \[account-security\.md › [^\]]+\]\(http/);
    const url = new URL(linkIn(reply)!);
    expect(url.origin).toBe(SITE);
    const page = await t.fetch(`${url.pathname}${url.search}`, { method: "GET" });
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toContain("text/html");
    const html = await page.text();
    expect(html).toContain("Forgot password");
    expect(html).not.toContain("<script");
  });

  test("the page is scoped to the file's organization: another organization's id finds nothing", async () => {
    const t = newTest();
    const { reply } = await answered(t, "How do I reset my password?");
    await createOrganization(t, "org_b");
    const url = new URL(linkIn(reply)!);
    url.searchParams.set("organizationId", "org_b");
    const page = await t.fetch(`${url.pathname}${url.search}`, { method: "GET" });
    expect(page.status).toBe(404);
    expect(await page.text()).not.toContain("Forgot password");
  });

  test('ends with "Did that answer your question?": yes offers to resolve, and a second yes resolves', async () => {
    const t = newTest();
    const { ids, reply } = await answered(t, "How do I reset my password?");
    expect(reply.trimEnd().endsWith("Did that answer your question?")).toBe(true);
    await sendAndSettle(t, ids, "Yes");
    expect((await messagesOf(t, ids)).at(-1)!.text).toBe(
      "Great! Shall I mark this conversation as resolved?",
    );
    expect((await t.query(api.public.conversations.get, ids)).status).toBe("unresolved");
    await sendAndSettle(t, ids, "Yes");
    expect((await t.query(api.public.conversations.get, ids)).status).toBe("resolved");
  });

  test("no to the question asks to rephrase or offers a person, in Portuguese for a Portuguese visitor", async () => {
    const t = newTest();
    const { ids, reply } = await answered(t, "Como faço para pedir reembolso?");
    expect(reply.trimEnd().endsWith("Isso respondeu à sua pergunta?")).toBe(true);
    await sendAndSettle(t, ids, "Não");
    expect((await messagesOf(t, ids)).at(-1)!.text).toBe(
      "Desculpe. Pode me contar um pouco mais, ou prefere falar com uma pessoa?",
    );
    await sendAndSettle(t, ids, "Sim");
    expect((await t.query(api.public.conversations.get, ids)).status).toBe("escalated");
  });
});
