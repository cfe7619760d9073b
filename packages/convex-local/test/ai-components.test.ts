import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ConvexHttpClient } from "convex/browser";
import { api } from "./fixtures/ai/convex/_generated/api.js";
import { startHarness, type Harness } from "./server-harness.ts";

let h: Harness;

beforeAll(async () => {
  h = await startHarness("ai");
}, 120_000);

afterAll(async () => {
  await h.stop();
});

describe("@convex-dev/agent and @convex-dev/rag", () => {
  test("an agent thread saves the prompt and the model's reply", async () => {
    const client = new ConvexHttpClient(h.server.url, { logger: false });
    const { threadId, text } = await client.action(api.support.ask, {
      prompt: "How do I reset my password?",
    });
    expect(text).toBe("Thanks for asking! Here is the answer.");
    const transcript = await client.query(api.support.transcript, { threadId });
    expect(transcript.map((m) => [m.role, m.text])).toEqual([
      ["user", "How do I reset my password?"],
      ["assistant", "Thanks for asking! Here is the answer."],
    ]);
  });

  test("RAG ranks documents with a deterministic embedding", async () => {
    const client = new ConvexHttpClient(h.server.url, { logger: false });
    await client.action(api.support.addDocument, {
      key: "billing",
      text: "Invoices and refunds are handled in the billing page.",
    });
    await client.action(api.support.addDocument, {
      key: "password",
      text: "Reset your password from the login screen.",
    });
    expect(
      await client.action(api.support.searchDocuments, { query: "how to reset password" }),
    ).toEqual(["password"]);
    expect(
      await client.action(api.support.searchDocuments, { query: "refunds for invoices" }),
    ).toEqual(["billing"]);
  });
});
