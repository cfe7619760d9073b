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

describe("private.tags", () => {
  test("admins manage the organization's tags; members list them but cannot change them", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    const admin = operator(t, "org_a", "admin");
    const member = operator(t, "org_a", "member");
    const billing = await admin.mutation(api.private.tags.create, {
      name: "  Billing   issue ",
      color: "red",
    });
    await admin.mutation(api.private.tags.create, { name: "Bug", color: "violet" });
    expect(
      (await member.query(api.private.tags.list, {})).map(({ name, color }) => ({ name, color })),
    ).toEqual([
      { name: "Billing issue", color: "red" },
      { name: "Bug", color: "violet" },
    ]);
    expect(
      await codeOf(member.mutation(api.private.tags.create, { name: "X", color: "gray" })),
    ).toBe("UNAUTHORIZED");
    expect(await codeOf(member.mutation(api.private.tags.remove, { tagId: billing }))).toBe(
      "UNAUTHORIZED",
    );
    await admin.mutation(api.private.tags.update, {
      tagId: billing,
      name: "Billing",
      color: "amber",
    });
    expect((await member.query(api.private.tags.list, {}))[0]).toMatchObject({
      name: "Billing",
      color: "amber",
    });
  });

  test("names are unique in an organization regardless of case, and 1 to 40 characters", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    await createOrganization(t, "org_b");
    const admin = operator(t, "org_a", "admin");
    await admin.mutation(api.private.tags.create, { name: "VIP", color: "amber" });
    expect(
      await codeOf(admin.mutation(api.private.tags.create, { name: "vip", color: "red" })),
    ).toBe("INVALID_INPUT");
    expect(
      await codeOf(admin.mutation(api.private.tags.create, { name: "  ", color: "red" })),
    ).toBe("INVALID_INPUT");
    expect(
      await codeOf(admin.mutation(api.private.tags.create, { name: "x".repeat(41), color: "red" })),
    ).toBe("INVALID_INPUT");
    // Another organization has its own list.
    await operator(t, "org_b", "admin").mutation(api.private.tags.create, {
      name: "VIP",
      color: "blue",
    });
  });

  test("removing a tag takes it off the conversations that carry it", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    const admin = operator(t, "org_a", "admin");
    const { conversationId } = await startConversation(t, "org_a");
    const tagId = await admin.mutation(api.private.tags.create, { name: "Refund", color: "green" });
    await admin.mutation(api.private.conversationTriage.addTag, { conversationId, tagId });
    expect((await admin.query(api.private.conversations.get, { conversationId })).tagIds).toEqual([
      tagId,
    ]);
    await admin.mutation(api.private.tags.remove, { tagId });
    expect(
      (await admin.query(api.private.conversations.get, { conversationId })).tagIds,
    ).toBeUndefined();
    expect(await t.run(async (ctx) => await ctx.db.query("conversationTags").collect())).toEqual(
      [],
    );
  });
});
