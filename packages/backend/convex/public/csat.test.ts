import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";

import { api } from "../_generated/api";
import { errorCodeOf } from "../lib/errors";
import { createOrganization, newTest, operator, startConversation } from "../test.harness";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

async function codeOf(promise: Promise<unknown>) {
  return await promise.then(
    () => null,
    (error: unknown) => errorCodeOf(error),
  );
}

describe("public.csat", () => {
  test("a resolved conversation is rated once, and the rating shows on the dashboard", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    const admin = operator(t, "org_a", "admin");
    const ids = await startConversation(t, "org_a");

    expect(
      await codeOf(t.mutation(api.public.csat.submit, { ...ids, rating: 5 })),
      "an open conversation cannot be rated",
    ).toBe("INVALID_INPUT");

    await admin.mutation(api.private.conversations.updateStatus, {
      conversationId: ids.conversationId,
      status: "resolved",
    });
    expect(await t.query(api.public.csat.get, ids)).toBeNull();
    for (const rating of [0, 6, 3.5]) {
      expect(await codeOf(t.mutation(api.public.csat.submit, { ...ids, rating }))).toBe(
        "INVALID_INPUT",
      );
    }

    await t.mutation(api.public.csat.submit, { ...ids, rating: 4, comment: "  Quick and kind " });
    expect(await t.query(api.public.csat.get, ids)).toEqual({ rating: 4 });
    expect(
      await codeOf(t.mutation(api.public.csat.submit, { ...ids, rating: 1 })),
      "a second rating, from a reload or another device, is refused",
    ).toBe("ALREADY_RATED");

    const shown = await admin.query(api.private.csat.forConversation, {
      conversationId: ids.conversationId,
    });
    expect(shown).toMatchObject({ rating: 4, comment: "Quick and kind" });
    const row = await t.run(async (ctx) => await ctx.db.query("csatRatings").unique());
    expect(row).toMatchObject({ resolution: "human", operatorId: "user_org_a_admin" });
  });

  test("reopening and resolving again does not ask a second time", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    const admin = operator(t, "org_a", "admin");
    const ids = await startConversation(t, "org_a");
    const setStatus = (status: "resolved" | "escalated") =>
      admin.mutation(api.private.conversations.updateStatus, {
        conversationId: ids.conversationId,
        status,
      });
    await setStatus("resolved");
    await t.mutation(api.public.csat.submit, { ...ids, rating: 2 });
    await setStatus("escalated");
    await setStatus("resolved");
    expect(await t.query(api.public.csat.get, ids)).toEqual({ rating: 2 });
    expect(await codeOf(t.mutation(api.public.csat.submit, { ...ids, rating: 5 }))).toBe(
      "ALREADY_RATED",
    );
  });

  test("a visitor cannot rate or read another visitor's conversation", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    const admin = operator(t, "org_a", "admin");
    const alma = await startConversation(t, "org_a");
    const other = await startConversation(t, "org_a");
    await admin.mutation(api.private.conversations.updateStatus, {
      conversationId: alma.conversationId,
      status: "resolved",
    });
    const foreign = {
      contactSessionId: other.contactSessionId,
      conversationId: alma.conversationId,
    };
    expect(await codeOf(t.mutation(api.public.csat.submit, { ...foreign, rating: 1 }))).toBe(
      "NOT_FOUND",
    );
    expect(await codeOf(t.query(api.public.csat.get, foreign))).toBe("NOT_FOUND");
    expect(await t.run(async (ctx) => await ctx.db.query("csatRatings").collect())).toEqual([]);
  });
});
