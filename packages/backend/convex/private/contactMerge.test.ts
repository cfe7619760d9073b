import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";

import { api } from "../_generated/api";
import { createOrganization, createSession, newTest, operator, settle } from "../test.harness";

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date("2026-03-10T12:00:00Z"));
});
afterEach(() => {
  vi.useRealTimers();
});

async function world() {
  const t = newTest();
  await createOrganization(t, "org_a");
  await createOrganization(t, "org_b");
  const admin = operator(t, "org_a", "admin");
  await admin.mutation(api.private.contactFields.define, {
    key: "city",
    label: "City",
    type: "text",
  });
  await admin.mutation(api.private.contactFields.define, {
    key: "seats",
    label: "Seats",
    type: "number",
  });
  /** A visitor's contact with one conversation, then the given fields. */
  const contactWith = async (name: string, fields: Record<string, unknown>) => {
    const contactSessionId = await createSession(t, "org_a", name);
    const conversationId = await t.mutation(api.public.conversations.create, { contactSessionId });
    await settle(t);
    const contactId = (await t.run(async (ctx) => await ctx.db.get(contactSessionId)))!.contactId!;
    if (Object.keys(fields).length > 0)
      await admin.mutation(api.private.contacts.update, { contactId, ...fields });
    return { contactId, conversationId };
  };
  return { t, admin, contactWith };
}

describe("private.contactMerge", () => {
  test("the preview combines both contacts and names the conflicts; the choice is applied", async () => {
    const { t, admin, contactWith } = await world();
    const vera = await contactWith("Vera Visitor", {
      company: "Acme",
      tags: ["vip"],
      customFields: { city: "Recife", seats: 3 },
    });
    const work = await contactWith("Vicky Work", {
      company: "Acme Ltda",
      phones: ["+5511912345678"],
      tags: ["billing", "vip"],
      customFields: { city: "Olinda" },
    });
    const preview = await admin.query(api.private.contactMerge.preview, {
      contactId: vera.contactId,
      duplicateId: work.contactId,
    });
    expect(preview).toMatchObject({
      duplicate: { _id: work.contactId, name: "Vicky Work" },
      conversations: { kept: 1, duplicate: 1 },
      emails: ["vera@example.com", "vicky@example.com"],
      phones: ["+5511912345678"],
      tags: ["vip", "billing"],
      customFields: { city: "Recife", seats: 3 },
      conflicts: [
        { field: "name", kept: "Vera Visitor", duplicate: "Vicky Work" },
        { field: "company", kept: "Acme", duplicate: "Acme Ltda" },
        { field: "custom:city", kept: "Recife", duplicate: "Olinda" },
      ],
    });
    await admin.mutation(api.private.contactAdmin.merge, {
      contactId: vera.contactId,
      duplicateId: work.contactId,
      useDuplicate: ["name", "custom:city"],
    });
    expect(
      await admin.query(api.private.contacts.get, { contactId: vera.contactId }),
    ).toMatchObject({
      name: "Vicky Work",
      company: "Acme",
      customFields: { city: "Olinda", seats: 3 },
    });
    const timeline = await admin.query(api.private.contactHistory.conversations, {
      contactId: vera.contactId,
    });
    expect(timeline.map((c) => c._id).sort()).toEqual(
      [vera.conversationId, work.conversationId].sort(),
    );
    const audit = await t.run(async (ctx) => await ctx.db.query("auditLog").collect());
    expect(audit.find((row) => row.action === "contact.merge")?.details).toMatchObject({
      mergedContactId: work.contactId,
      usedFromMerged: "name,custom:city",
    });
  });

  test("a merged-away contact leads to its survivor, through later merges, for its organization only", async () => {
    const { t, admin, contactWith } = await world();
    const a = await contactWith("Ana", {});
    const b = await contactWith("Bia", {});
    const c = await contactWith("Cy", {});
    const member = operator(t, "org_a", "member");
    expect(await member.query(api.private.contactMerge.survivor, { contactId: a.contactId })).toBe(
      null,
    );
    await admin.mutation(api.private.contactAdmin.merge, {
      contactId: b.contactId,
      duplicateId: a.contactId,
    });
    expect(await member.query(api.private.contactMerge.survivor, { contactId: a.contactId })).toBe(
      b.contactId,
    );
    await admin.mutation(api.private.contactAdmin.merge, {
      contactId: c.contactId,
      duplicateId: b.contactId,
    });
    expect(await member.query(api.private.contactMerge.survivor, { contactId: a.contactId })).toBe(
      c.contactId,
    );
    expect(
      await operator(t, "org_b", "owner").query(api.private.contactMerge.survivor, {
        contactId: a.contactId,
      }),
    ).toBe(null);
    await admin.mutation(api.private.contactAdmin.remove, { contactId: c.contactId });
    expect(await member.query(api.private.contactMerge.survivor, { contactId: a.contactId })).toBe(
      null,
    );
  });

  test("members cannot preview a merge", async () => {
    const { t, contactWith } = await world();
    const a = await contactWith("Ana", {});
    const b = await contactWith("Bia", {});
    await expect(
      operator(t, "org_a", "member").query(api.private.contactMerge.preview, {
        contactId: a.contactId,
        duplicateId: b.contactId,
      }),
    ).rejects.toMatchObject({ data: { code: "UNAUTHORIZED" } });
  });
});
