import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";

import { api } from "../_generated/api";
import { errorCodeOf } from "../lib/errors";
import { TYPING_TTL_MS } from "../lib/presence/typing";
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

describe("typing", () => {
  test("the visitor sees the operator typing by first name, until it stops or expires by itself", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    const ana = operator(t, "org_a", "member", "user_ana");
    const ids = await startConversation(t, "org_a");
    const { conversationId } = ids;

    expect(await t.query(api.public.typing.operators, ids)).toEqual([]);
    await ana.mutation(api.private.typing.set, { conversationId });
    expect(await t.query(api.public.typing.operators, ids)).toEqual([{ name: "Operator" }]);
    await ana.mutation(api.private.typing.clear, { conversationId });
    expect(await t.query(api.public.typing.operators, ids)).toEqual([]);

    await ana.mutation(api.private.typing.set, { conversationId });
    await t.finishAllScheduledFunctions(() => vi.advanceTimersByTime(TYPING_TTL_MS + 1));
    expect(await t.query(api.public.typing.operators, ids), "expired without a renewal").toEqual(
      [],
    );
  });

  test("renewals within 2 s are dropped, and a renewed mark outlives the first expiry", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    const ids = await startConversation(t, "org_a");
    const rows = () => t.run(async (ctx) => await ctx.db.query("typingStates").collect());

    await t.mutation(api.public.typing.set, ids);
    const first = (await rows())[0]!;
    vi.advanceTimersByTime(1_000);
    await t.mutation(api.public.typing.set, ids);
    expect((await rows())[0]!.updatedAt, "a second write within 2 s is dropped").toBe(
      first.updatedAt,
    );
    vi.advanceTimersByTime(1_500);
    await t.mutation(api.public.typing.set, ids);
    expect(await rows()).toHaveLength(1);
    expect((await rows())[0]!.updatedAt).toBeGreaterThan(first.updatedAt);

    // The first write's expiry fires but finds the mark renewed.
    vi.advanceTimersByTime(TYPING_TTL_MS - 2_400);
    await t.finishInProgressScheduledFunctions();
    const admin = operator(t, "org_a");
    const conversationId = ids.conversationId;
    expect(await admin.query(api.private.typing.visitor, { conversationId })).toEqual({
      preview: null,
    });
    await t.finishAllScheduledFunctions(() => vi.advanceTimersByTime(TYPING_TTL_MS));
    expect(await admin.query(api.private.typing.visitor, { conversationId })).toBeNull();
  });

  test("operators see the visitor's draft only once an admin enables previews", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    const admin = operator(t, "org_a", "admin");
    const member = operator(t, "org_a", "member");
    const ids = await startConversation(t, "org_a");
    const { conversationId } = ids;

    await t.mutation(api.public.typing.set, { ...ids, draft: "my card number is" });
    expect(await member.query(api.private.typing.visitor, { conversationId })).toEqual({
      preview: null,
    });
    const stored = await t.run(async (ctx) => await ctx.db.query("typingStates").first());
    expect(stored?.preview, "a draft is not even stored while previews are off").toBeUndefined();

    expect(await codeOf(member.mutation(api.private.typing.setPreview, { enabled: true }))).toBe(
      "UNAUTHORIZED",
    );
    expect(await member.query(api.private.typing.previewSetting, {})).toEqual({ enabled: false });
    await admin.mutation(api.private.typing.setPreview, { enabled: true });
    expect(await member.query(api.private.typing.previewSetting, {})).toEqual({ enabled: true });

    vi.advanceTimersByTime(2_500);
    await t.mutation(api.public.typing.set, { ...ids, draft: "Where is order 42" });
    expect(await member.query(api.private.typing.visitor, { conversationId })).toEqual({
      preview: "Where is order 42",
    });
    await t.mutation(api.public.typing.clear, ids);
    expect(await member.query(api.private.typing.visitor, { conversationId })).toBeNull();
  });

  test("seen: each side learns when the other has read the latest message", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    const admin = operator(t, "org_a");
    const ids = await startConversation(t, "org_a");
    const { conversationId } = ids;

    await t.mutation(api.public.messages.send, { ...ids, text: "Hello?" });
    expect((await t.query(api.public.conversations.get, ids)).seenByOperator).toBe(false);
    await admin.mutation(api.private.conversations.markRead, { conversationId });
    expect((await t.query(api.public.conversations.get, ids)).seenByOperator).toBe(true);

    await admin.mutation(api.private.messages.reply, { conversationId, text: "Hi!" });
    const unread = async () =>
      (await admin.query(api.private.conversations.get, { conversationId })).unreadByContact;
    expect(await unread()).toBeGreaterThan(0);
    await t.mutation(api.public.conversations.markRead, ids);
    expect(await unread()).toBe(0);
  });
});
