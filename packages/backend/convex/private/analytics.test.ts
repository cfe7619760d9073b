import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";

import { api } from "../_generated/api";
import {
  addMember,
  createOrganization,
  newTest,
  operator,
  startConversation,
} from "../test.harness";

const DAY = 24 * 60 * 60 * 1000;

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date("2026-03-10T12:00:00Z"));
});
afterEach(() => {
  vi.useRealTimers();
});

describe("private.analytics.overview", () => {
  test("volume per day, AI resolution and escalation rates, first response times and operator figures", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    await addMember(t, "org_a", "user_ana", "member");
    const ana = t.withIdentity({
      subject: "user_ana",
      name: "Ana",
      org_id: "org_a",
      org_role: "member",
    });
    await addMember(t, "org_a", "user_bo", "admin");
    const bo = t.withIdentity({
      subject: "user_bo",
      name: "Bo",
      org_id: "org_a",
      org_role: "admin",
    });

    // Day 1: one conversation the AI resolves on its own.
    const solo = await startConversation(t, "org_a");
    await t.run(
      async (ctx) =>
        await ctx.db.patch(solo.conversationId, { status: "resolved", resolvedBy: "agent" }),
    );
    // Day 2: two escalations answered after 2 and 4 minutes; Bo resolves one.
    vi.advanceTimersByTime(DAY);
    const first = await startConversation(t, "org_a");
    const second = await startConversation(t, "org_a");
    await bo.mutation(api.private.conversations.updateStatus, {
      conversationId: first.conversationId,
      status: "escalated",
    });
    await bo.mutation(api.private.conversations.updateStatus, {
      conversationId: second.conversationId,
      status: "escalated",
    });
    vi.advanceTimersByTime(2 * 60_000);
    await ana.mutation(api.private.messages.reply, {
      conversationId: first.conversationId,
      text: "Hi!",
    });
    vi.advanceTimersByTime(2 * 60_000);
    await bo.mutation(api.private.messages.reply, {
      conversationId: second.conversationId,
      text: "Hello!",
    });
    await ana.mutation(api.private.messages.reply, {
      conversationId: first.conversationId,
      text: "Done?",
    });
    await bo.mutation(api.private.conversations.updateStatus, {
      conversationId: first.conversationId,
      status: "resolved",
    });
    // Another organization's activity never counts.
    await createOrganization(t, "org_b");
    await startConversation(t, "org_b");

    const overview = await ana.query(api.private.analytics.overview, { days: 7 });
    const busyDays = overview.volumePerDay.filter((d) => d.conversations > 0);
    expect(busyDays).toEqual([
      { day: "2026-03-10", conversations: 1, resolvedByAgent: 1, escalated: 0 },
      { day: "2026-03-11", conversations: 2, resolvedByAgent: 0, escalated: 2 },
    ]);
    expect(overview.volumePerDay).toHaveLength(8);
    expect(overview.totals).toEqual({
      conversations: 3,
      resolved: 2,
      resolvedByAgent: 1,
      escalated: 2,
    });
    expect(overview.aiResolutionRate).toBeCloseTo(1 / 3);
    expect(overview.escalationRate).toBeCloseTo(2 / 3);
    // Each function call reads the clock on its own, so durations are compared to the second.
    const seconds = (ms: number | null) => (ms === null ? null : Math.round(ms / 1000));
    expect(seconds(overview.medianFirstHumanResponseMs)).toBe(180);
    const byUser = Object.fromEntries(overview.operators.map((o) => [o.userId, o]));
    expect(byUser.user_ana).toMatchObject({
      name: "Ana",
      replies: 2,
      firstResponses: 1,
      resolved: 0,
    });
    expect(byUser.user_bo).toMatchObject({
      name: "Bo",
      replies: 1,
      firstResponses: 1,
      resolved: 1,
    });
    expect(seconds(byUser.user_ana.medianFirstResponseMs)).toBe(120);
    expect(seconds(byUser.user_bo.medianFirstResponseMs)).toBe(240);
    // Open now: the second escalation is still waiting; org_b's open conversation is not A's.
    expect(overview.openNow).toEqual({ total: 1, unresolved: 0, escalated: 1 });
  });

  test("open now counts every unresolved or escalated conversation, however old", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    const member = operator(t, "org_a", "member");
    const old = await startConversation(t, "org_a");
    vi.advanceTimersByTime(120 * DAY);
    const recent = await startConversation(t, "org_a");
    const done = await startConversation(t, "org_a");
    await member.mutation(api.private.conversations.updateStatus, {
      conversationId: recent.conversationId,
      status: "escalated",
    });
    await member.mutation(api.private.conversations.updateStatus, {
      conversationId: done.conversationId,
      status: "resolved",
    });
    const overview = await member.query(api.private.analytics.overview, { days: 7 });
    expect(overview.totals.conversations).toBe(2);
    expect(overview.openNow).toEqual({ total: 2, unresolved: 1, escalated: 1 });
    await member.mutation(api.private.conversations.updateStatus, {
      conversationId: old.conversationId,
      status: "resolved",
    });
    expect((await member.query(api.private.analytics.overview, { days: 7 })).openNow).toEqual({
      total: 1,
      unresolved: 0,
      escalated: 1,
    });
  });

  test("an empty organization has no rates rather than zero", async () => {
    const t = newTest();
    const overview = await operator(t, "org_empty", "member").query(
      api.private.analytics.overview,
      {},
    );
    expect(overview).toMatchObject({
      aiResolutionRate: null,
      escalationRate: null,
      medianFirstHumanResponseMs: null,
      openNow: { total: 0, unresolved: 0, escalated: 0 },
      operators: [],
    });
    expect(overview.volumePerDay).toHaveLength(31);
  });
});
