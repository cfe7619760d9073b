import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";

import { api } from "../_generated/api";
import { createOrganization, createSession, newTest, operator } from "../test.harness";

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date("2026-03-10T12:00:00Z"));
});
afterEach(() => {
  vi.useRealTimers();
});

const page = { numItems: 50, cursor: null };

async function world() {
  const t = newTest();
  await createOrganization(t, "org_a");
  await createOrganization(t, "org_b");
  const admin = operator(t, "org_a", "admin");
  const contactOf = async (name: string) => {
    const sessionId = await createSession(t, "org_a", name);
    return (await t.run(async (ctx) => await ctx.db.get(sessionId)))!.contactId!;
  };
  await admin.mutation(api.private.contactFields.define, {
    key: "plan",
    label: "Plan",
    type: "select",
    options: ["basic", "pro"],
  });
  return {
    t,
    admin,
    member: operator(t, "org_a", "member"),
    other: operator(t, "org_b"),
    contactOf,
  };
}

describe("contact segments", () => {
  test("are saved per organization by name, shared with every operator, replaced and removed", async () => {
    const { admin, member, other } = await world();
    const id = await admin.mutation(api.private.contactSegments.save, {
      name: " Renewals ",
      filters: { tags: ["VIP "], stage: "customer" },
    });
    expect(await admin.query(api.private.contactSegments.list, {})).toEqual([
      { _id: id, name: "Renewals", filters: { tags: ["vip"], stage: "customer" } },
    ]);
    const again = await admin.mutation(api.private.contactSegments.save, {
      name: "Renewals",
      filters: { channel: "widget" },
    });
    expect(again).toBe(id);
    expect((await member.query(api.private.contactSegments.list, {}))[0]!.filters).toEqual({
      channel: "widget",
    });
    expect(await other.query(api.private.contactSegments.list, {})).toEqual([]);
    await expect(
      other.mutation(api.private.contactSegments.remove, { segmentId: id }),
    ).rejects.toMatchObject({ data: { code: "NOT_FOUND" } });
    await admin.mutation(api.private.contactSegments.remove, { segmentId: id });
    expect(await admin.query(api.private.contactSegments.list, {})).toEqual([]);
    await expect(
      admin.mutation(api.private.contactSegments.save, { name: " ", filters: {} }),
    ).rejects.toMatchObject({ data: { code: "INVALID_INPUT" } });
  });

  test("admins save, rename and remove them; members only use them", async () => {
    const { admin, member } = await world();
    const code = (p: Promise<unknown>) =>
      p.then(
        () => null,
        (e: { data: { code: string } }) => e.data.code,
      );
    expect(
      await code(member.mutation(api.private.contactSegments.save, { name: "Mine", filters: {} })),
    ).toBe("UNAUTHORIZED");
    const id = await admin.mutation(api.private.contactSegments.save, {
      name: "Trials",
      filters: { stage: "lead", lastSeen: "7d" },
    });
    await admin.mutation(api.private.contactSegments.save, { name: "Churned", filters: {} });
    expect(
      await code(member.mutation(api.private.contactSegments.rename, { segmentId: id, name: "X" })),
    ).toBe("UNAUTHORIZED");
    expect(await code(member.mutation(api.private.contactSegments.remove, { segmentId: id }))).toBe(
      "UNAUTHORIZED",
    );
    expect(
      await code(
        admin.mutation(api.private.contactSegments.rename, { segmentId: id, name: "Churned" }),
      ),
    ).toBe("SEGMENT_EXISTS");
    await admin.mutation(api.private.contactSegments.rename, {
      segmentId: id,
      name: " Hot trials ",
    });
    expect(await member.query(api.private.contactSegments.list, {})).toEqual([
      expect.objectContaining({ name: "Churned" }),
      { _id: id, name: "Hot trials", filters: { stage: "lead", lastSeen: "7d" } },
    ]);
  });

  test("the list applies a segment's tags, custom field value and last-seen range", async () => {
    const { admin, contactOf } = await world();
    const ana = await contactOf("Ana Pro");
    vi.advanceTimersByTime(86_400_000);
    const bo = await contactOf("Bo Pro");
    const cy = await contactOf("Cy Basic");
    for (const [contactId, plan] of [
      [ana, "pro"],
      [bo, "pro"],
      [cy, "basic"],
    ] as const) {
      await admin.mutation(api.private.contacts.update, {
        contactId,
        tags: ["vip", "renewal"],
        customFields: { plan },
      });
    }
    await admin.mutation(api.private.contacts.update, { contactId: bo, tags: ["vip"] });
    const names = async (filters: Record<string, unknown>) =>
      (await admin.query(api.private.contacts.list, { paginationOpts: page, ...filters })).page
        .map((c) => c.name)
        .sort();
    expect(await names({ customField: { key: "plan", value: "pro" } })).toEqual([
      "Ana Pro",
      "Bo Pro",
    ]);
    expect(await names({ tags: ["vip", "renewal"] })).toEqual(["Ana Pro", "Cy Basic"]);
    const dayTwo = Date.now() - 1000;
    expect(
      await names({ lastSeenFrom: dayTwo, customField: { key: "plan", value: "pro" } }),
    ).toEqual(["Bo Pro"]);
    expect(await names({ lastSeenTo: dayTwo })).toEqual(["Ana Pro"]);
  });
});
