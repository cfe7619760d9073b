import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";

import { api } from "../../_generated/api";
import {
  createOrganization,
  messagesOf,
  newTest,
  seedKnowledge,
  sendAndSettle,
  startConversation,
} from "../../test.harness";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("support agent in retrieval mode", () => {
  test("answers from the knowledge base and names the source file", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    await seedKnowledge(t, "org_a");
    const ids = await startConversation(t, "org_a");
    await sendAndSettle(t, ids, "How do I reset my password?");
    const messages = await messagesOf(t, ids);
    const reply = messages.at(-1)!;
    expect(reply.author).toBe("agent");
    expect(reply.text).toContain("Forgot password");
    expect(reply.text).toContain("account-security.md");
    const conversation = await t.query(api.public.conversations.get, ids);
    expect(conversation.status).toBe("unresolved");
  });
});
