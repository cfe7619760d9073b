import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";

import { api } from "../../_generated/api";
import {
  createOrganization,
  newTest,
  seedKnowledge,
  settle,
  startConversation,
} from "../../test.harness";

let lines: unknown[];

beforeEach(() => {
  vi.useFakeTimers();
  lines = [];
  for (const level of ["info", "warn", "error"] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      lines.push(...args);
    });
  }
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

/** The structured lines printed so far (one JSON object each). */
function structured() {
  return lines
    .filter((line): line is string => typeof line === "string" && line.startsWith("{"))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe("a visitor's message is logged under the widget's request id", () => {
  test("from the send mutation through the agent's answer, as one JSON object per line", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    await seedKnowledge(t, "org_a");
    const ids = await startConversation(t, "org_a");
    lines = [];
    const requestId = "3f1c1d9e-8a47-4c1e-9d0b-0c6f3e2a7b55";
    await t.mutation(api.public.messages.send, {
      ...ids,
      text: "How do I reset my password?",
      requestId,
    });
    await settle(t);

    const ours = structured().filter((line) => line.requestId === requestId);
    expect(ours.map((line) => line.event)).toEqual(["message.received", "agent.turn.answered"]);
    for (const line of ours) {
      expect(line).toMatchObject({
        level: "info",
        organizationId: "org_a",
        conversationId: ids.conversationId,
      });
      expect(line.durationMs).toEqual(expect.any(Number));
    }
    expect(ours[1]!.answerChars).toBeGreaterThan(0);
  });

  test("a missing or malformed id is replaced by one the message's lines still share", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    const ids = await startConversation(t, "org_a");
    for (const requestId of [undefined, 'x"}\n{"level":"error"']) {
      lines = [];
      await t.mutation(api.public.messages.send, {
        ...ids,
        text: "Is anyone there?",
        ...(requestId === undefined ? {} : { requestId }),
      });
      await settle(t);
      const printed = structured();
      const received = printed.find((line) => line.event === "message.received");
      const turn = printed.find((line) => String(line.event).startsWith("agent.turn."));
      expect(received?.requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(turn?.requestId).toBe(received?.requestId);
    }
  });
});
