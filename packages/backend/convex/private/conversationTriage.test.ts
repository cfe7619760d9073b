import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";

import { api } from "../_generated/api";
import type { Id } from "../_generated/dataModel";
import { errorCodeOf } from "../lib/errors";
import {
  createOrganization,
  newTest,
  operator,
  settle,
  startConversation,
  type TestConvex,
} from "../test.harness";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

const page = { numItems: 20, cursor: null };
const MINUTE = 60_000;

/** Three conversations of org_a, oldest activity first, and its admin. */
async function inbox(t: TestConvex) {
  await createOrganization(t, "org_a");
  const ids: Array<{
    contactSessionId: Id<"contactSessions">;
    conversationId: Id<"conversations">;
  }> = [];
  for (let i = 0; i < 3; i++) {
    ids.push(await startConversation(t, "org_a"));
    vi.advanceTimersByTime(1000);
  }
  return { ids, admin: operator(t, "org_a", "admin") };
}

async function listed(
  admin: ReturnType<typeof operator>,
  filters: Omit<
    Parameters<typeof admin.query<typeof api.private.conversations.list>>[1],
    "paginationOpts"
  > = {},
) {
  const result = await admin.query(api.private.conversations.list, {
    paginationOpts: page,
    ...filters,
  });
  return result.page.map((c) => c._id);
}

describe("private.conversationTriage", () => {
  test("priority is set by name, shown by name, filtered and sorted urgent first", async () => {
    const t = newTest();
    const { ids, admin } = await inbox(t);
    const [a, b, c] = ids.map((id) => id.conversationId);
    await admin.mutation(api.private.conversationTriage.setPriority, {
      conversationId: a!,
      priority: "urgent",
    });
    await admin.mutation(api.private.conversationTriage.setPriority, {
      conversationId: b!,
      priority: "low",
    });
    expect(
      (await admin.query(api.private.conversations.get, { conversationId: a! })).priority,
    ).toBe("urgent");
    expect(
      (await admin.query(api.private.conversations.get, { conversationId: c! })).priority,
    ).toBe("none");
    expect(await listed(admin)).toEqual([c, b, a]);
    expect(await listed(admin, { sort: "priority" })).toEqual([a, b, c]);
    expect(await listed(admin, { priority: "low" })).toEqual([b]);
    expect(await listed(admin, { priority: "none" })).toEqual([c]);
    await admin.mutation(api.private.conversationTriage.setPriority, {
      conversationId: a!,
      priority: "none",
    });
    expect(await listed(admin, { priority: "none" })).toEqual([c, a]);
  });

  test("tags filter the inbox, newest activity first, and follow new messages", async () => {
    const t = newTest();
    const { ids, admin } = await inbox(t);
    const [a, , c] = ids;
    const vip = await admin.mutation(api.private.tags.create, { name: "VIP", color: "amber" });
    await admin.mutation(api.private.conversationTriage.addTag, {
      conversationId: c!.conversationId,
      tagId: vip,
    });
    await admin.mutation(api.private.conversationTriage.addTag, {
      conversationId: a!.conversationId,
      tagId: vip,
    });
    // Adding twice changes nothing.
    await admin.mutation(api.private.conversationTriage.addTag, {
      conversationId: a!.conversationId,
      tagId: vip,
    });
    expect(await listed(admin, { tagId: vip })).toEqual([c!.conversationId, a!.conversationId]);
    vi.advanceTimersByTime(1000);
    await t.mutation(api.public.messages.send, { ...a!, text: "Any news on my order?" });
    await settle(t);
    expect(await listed(admin, { tagId: vip })).toEqual([a!.conversationId, c!.conversationId]);
    await admin.mutation(api.private.conversationTriage.removeTag, {
      conversationId: a!.conversationId,
      tagId: vip,
    });
    expect(await listed(admin, { tagId: vip })).toEqual([c!.conversationId]);
    expect(await listed(admin, { tagId: vip, status: "escalated" })).toEqual([]);
  });

  test("a snoozed conversation leaves the inbox and comes back by itself at its time", async () => {
    const t = newTest();
    const { ids, admin } = await inbox(t);
    const [a, b, c] = ids.map((id) => id.conversationId);
    await admin.mutation(api.private.conversationTriage.snooze, {
      conversationId: b!,
      until: Date.now() + 30 * MINUTE,
    });
    expect(await listed(admin)).toEqual([c, a]);
    expect(await listed(admin, { snoozed: true })).toEqual([b]);
    expect((await admin.query(api.private.conversations.get, { conversationId: b! })).snoozed).toBe(
      true,
    );
    vi.advanceTimersByTime(29 * MINUTE);
    await t.finishInProgressScheduledFunctions();
    expect(await listed(admin)).toEqual([c, a]);
    vi.advanceTimersByTime(2 * MINUTE);
    await t.finishInProgressScheduledFunctions();
    expect(await listed(admin)).toEqual([c, b, a]);
    expect(await listed(admin, { snoozed: true })).toEqual([]);
  });

  test("a visitor's message brings a snoozed conversation back, also one snoozed until a reply", async () => {
    const t = newTest();
    const { ids, admin } = await inbox(t);
    const [a, b] = ids;
    await admin.mutation(api.private.conversationTriage.snooze, {
      conversationId: a!.conversationId,
      until: null,
    });
    await admin.mutation(api.private.conversationTriage.snooze, {
      conversationId: b!.conversationId,
      until: Date.now() + 60 * MINUTE,
    });
    expect(await listed(admin, { snoozed: true })).toEqual([b!.conversationId, a!.conversationId]);
    await t.mutation(api.public.messages.send, { ...a!, text: "Hello again" });
    await settle(t);
    expect(await listed(admin, { snoozed: true })).toEqual([b!.conversationId]);
    expect((await listed(admin))[0]).toBe(a!.conversationId);
    // An operator's own reply does not wake it.
    await admin.mutation(api.private.messages.reply, {
      conversationId: b!.conversationId,
      text: "We will check tomorrow",
    });
    expect(await listed(admin, { snoozed: true })).toEqual([b!.conversationId]);
    await admin.mutation(api.private.conversationTriage.unsnooze, {
      conversationId: b!.conversationId,
    });
    expect(await listed(admin, { snoozed: true })).toEqual([]);
  });

  test("an earlier snooze's wake-up does not end a later snooze", async () => {
    const t = newTest();
    const { ids, admin } = await inbox(t);
    const conversationId = ids[0]!.conversationId;
    await admin.mutation(api.private.conversationTriage.snooze, {
      conversationId,
      until: Date.now() + 10 * MINUTE,
    });
    await admin.mutation(api.private.conversationTriage.snooze, {
      conversationId,
      until: Date.now() + 60 * MINUTE,
    });
    vi.advanceTimersByTime(11 * MINUTE);
    await t.finishInProgressScheduledFunctions();
    expect(await listed(admin, { snoozed: true })).toEqual([conversationId]);
  });

  test("a snooze must end in the coming year", async () => {
    const t = newTest();
    const { ids, admin } = await inbox(t);
    const conversationId = ids[0]!.conversationId;
    for (const until of [Date.now() - 1, Date.now() + 400 * 24 * 60 * MINUTE]) {
      const code = await admin
        .mutation(api.private.conversationTriage.snooze, { conversationId, until })
        .then(
          () => null,
          (error: unknown) => errorCodeOf(error),
        );
      expect(code).toBe("INVALID_INPUT");
    }
  });
});
