import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";

import { api } from "../_generated/api";
import { createOrganization, newTest, operator, startConversation } from "../test.harness";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date("2026-01-29T12:00:00Z"));
});
afterEach(() => {
  vi.useRealTimers();
});

describe("analytics by operator and CSAT", () => {
  test("per operator: handled, resolved, median first response and resolution, CSAT; AI vs human CSAT", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    const ana = operator(t, "org_a", "member", "user_ana");
    const bo = operator(t, "org_a", "admin", "user_bo");
    await t.run(async (ctx) => {
      await ctx.db.insert("users", { externalId: "user_ana", name: "Ana" });
      await ctx.db.insert("users", { externalId: "user_bo", name: "Bo" });
    });

    // 39 days before the others: Ana's conversation, outside a 30-day period.
    const old = await startConversation(t, "org_a");
    await ana.mutation(api.private.messages.reply, {
      conversationId: old.conversationId,
      text: "Hi",
    });
    vi.setSystemTime(new Date("2026-03-09T12:00:00Z"));

    // The AI resolves one on its own, and the visitor rates it 5.
    const solo = await startConversation(t, "org_a");
    await t.run(async (ctx) => {
      await ctx.db.patch(solo.conversationId, {
        status: "resolved",
        resolvedBy: "agent",
        resolvedAt: Date.now(),
      });
    });
    await t.mutation(api.public.csat.submit, { ...solo, rating: 5 });

    // Ana answers two escalations after 2 and 6 minutes and resolves them after 10 and 30;
    // they are rated 4 and 2.
    const waits = [
      { reply: 2, resolve: 10, rating: 4 },
      { reply: 6, resolve: 30, rating: 2 },
    ];
    for (const { reply, resolve, rating } of waits) {
      const ids = await startConversation(t, "org_a");
      await ana.mutation(api.private.conversations.updateStatus, {
        conversationId: ids.conversationId,
        status: "escalated",
      });
      const start = (await t.run(async (ctx) => await ctx.db.get(ids.conversationId)))!
        .escalatedAt!;
      vi.setSystemTime(start + reply * MINUTE);
      await ana.mutation(api.private.messages.reply, {
        conversationId: ids.conversationId,
        text: "Hello",
      });
      vi.setSystemTime(start + resolve * MINUTE);
      await ana.mutation(api.private.conversations.updateStatus, {
        conversationId: ids.conversationId,
        status: "resolved",
      });
      await t.mutation(api.public.csat.submit, { ...ids, rating });
    }
    // Bo takes one and leaves it open.
    const open = await startConversation(t, "org_a");
    await bo.mutation(api.private.conversations.assign, {
      conversationId: open.conversationId,
      assigneeId: "user_bo",
    });
    // Another organization's ratings never count.
    await createOrganization(t, "org_b");
    const other = await startConversation(t, "org_b");
    await operator(t, "org_b").mutation(api.private.conversations.updateStatus, {
      conversationId: other.conversationId,
      status: "resolved",
    });
    await t.mutation(api.public.csat.submit, { ...other, rating: 1 });

    const { operators } = await bo.query(api.private.operatorAnalytics.performance, { days: 30 });
    expect(operators).toEqual([
      {
        userId: "user_ana",
        name: "Ana",
        handled: 2,
        resolved: 2,
        medianFirstResponseMs: 4 * MINUTE,
        medianResolutionMs: 20 * MINUTE,
        csat: { count: 2, average: 3, satisfiedRate: 0.5 },
      },
      {
        userId: "user_bo",
        name: "Bo",
        handled: 1,
        resolved: 0,
        medianFirstResponseMs: null,
        medianResolutionMs: null,
        csat: { count: 0, average: null, satisfiedRate: null },
      },
    ]);
    const ninety = await bo.query(api.private.operatorAnalytics.performance, { days: 90 });
    expect(ninety.operators[0]).toMatchObject({ userId: "user_ana", handled: 3 });

    const csat = await ana.query(api.private.csat.summary, { days: 30 });
    expect(csat.overall).toEqual({ count: 3, average: 11 / 3, satisfiedRate: 2 / 3 });
    expect(csat.ai).toEqual({ count: 1, average: 5, satisfiedRate: 1 });
    expect(csat.human).toEqual({ count: 2, average: 3, satisfiedRate: 0.5 });

    vi.setSystemTime(Date.now() + 8 * DAY);
    const week = await ana.query(api.private.csat.summary, { days: 7 });
    expect(week.overall.count, "ratings older than the period are left out").toBe(0);
  });
});
