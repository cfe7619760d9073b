import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";

import { api } from "../../_generated/api";
import {
  createOrganization,
  messagesOf,
  newTest,
  operator,
  seedKnowledge,
  sendAndSettle,
  startConversation,
} from "../../test.harness";

beforeEach(() => {
  vi.useFakeTimers();
  // Wednesday 2026-12-02, 22:00 UTC: after hours.
  vi.setSystemTime(Date.UTC(2026, 11, 2, 22, 0));
});
afterEach(() => {
  vi.useRealTimers();
});

const weekdays = [1, 2, 3, 4, 5].map((day) => ({ day, open: "09:00", close: "18:00" }));

describe("the acknowledgement after an escalation", () => {
  test("outside office hours says when the team is back, also while the visitor waits", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    await seedKnowledge(t, "org_a");
    await operator(t, "org_a", "admin").mutation(api.private.officeHours.update, {
      enabled: true,
      timeZone: "UTC",
      weekly: weekdays,
      holidays: [],
    });
    const ids = await startConversation(t, "org_a");
    await sendAndSettle(t, ids, "I want to talk to a human please");
    const away = /Our team is away right now and back Thursday, 9:00\sAM UTC\.$/;
    expect((await messagesOf(t, ids)).at(-1)!.text).toMatch(away);
    await sendAndSettle(t, ids, "Hello? Anyone there?");
    const after = await messagesOf(t, ids);
    expect(after.at(-1)!.text).toContain("A person from our team will answer here soon");
    expect(after.at(-1)!.text).toMatch(away);
    // Still only one acknowledgement while waiting.
    await sendAndSettle(t, ids, "Ok, I'll wait.");
    expect((await messagesOf(t, ids)).at(-1)!.author).toBe("contact");
  });

  test("in office hours says how fast the team typically replies", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    await seedKnowledge(t, "org_a");
    const admin = operator(t, "org_a", "admin");
    await admin.mutation(api.private.officeHours.update, {
      enabled: false,
      timeZone: "UTC",
      weekly: weekdays,
      holidays: [],
    });
    const earlier = await startConversation(t, "org_a");
    await sendAndSettle(t, earlier, "I want to talk to a human please");
    vi.advanceTimersByTime(12 * 60_000);
    await admin.mutation(api.private.messages.reply, {
      conversationId: earlier.conversationId,
      text: "Hi, I'm here.",
    });
    const ids = await startConversation(t, "org_a");
    await sendAndSettle(t, ids, "I want to talk to a human please");
    expect((await messagesOf(t, ids)).at(-1)!.text).toMatch(
      /a person will reply here soon\. The team typically replies in about 12 minutes\.$/,
    );
  });
});
