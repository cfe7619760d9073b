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
  const admin = operator(t, "org_a", "admin");
  await admin.mutation(api.private.contactFields.define, {
    key: "seats",
    label: "Seats",
    type: "number",
  });
  await admin.mutation(api.private.contactFields.define, {
    key: "city",
    label: "City",
    type: "text",
  });
  return { t, admin };
}

/** A visitor's conversation with one message, and the contact the visitor became. */
async function visitorWith(t: Awaited<ReturnType<typeof world>>["t"], name: string, text: string) {
  const contactSessionId = await createSession(t, "org_a", name);
  const conversationId = await t.mutation(api.public.conversations.create, { contactSessionId });
  await t.mutation(api.public.messages.send, { contactSessionId, conversationId, text });
  await settle(t);
  const contact = await operator(t, "org_a", "admin").query(
    api.private.contactHistory.forConversation,
    { conversationId },
  );
  return { contactSessionId, conversationId, contactId: contact!._id };
}

describe("private.contactAdmin.merge", () => {
  test("combines conversations, emails, tags and fields (the kept contact's values win) and is audited", async () => {
    const { t, admin } = await world();
    const vera = await visitorWith(t, "Vera Visitor", "Where is my order?");
    const work = await visitorWith(t, "Vicky Work", "Invoice please");
    await admin.mutation(api.private.contacts.update, {
      contactId: vera.contactId,
      tags: ["vip"],
      customFields: { seats: 3 },
    });
    await admin.mutation(api.private.contacts.update, {
      contactId: work.contactId,
      tags: ["billing", "vip"],
      phones: ["+5511912345678"],
      stage: "customer",
      customFields: { seats: 9, city: "Recife" },
    });

    await admin.mutation(api.private.contactAdmin.merge, {
      contactId: vera.contactId,
      duplicateId: work.contactId,
    });

    const merged = await admin.query(api.private.contacts.get, { contactId: vera.contactId });
    expect(merged).toMatchObject({
      name: "Vera Visitor",
      emails: ["vera@example.com", "vicky@example.com"],
      phones: ["+5511912345678"],
      tags: ["vip", "billing"],
      stage: "customer",
      customFields: { seats: 3, city: "Recife" },
    });
    const timeline = await admin.query(api.private.contactHistory.conversations, {
      contactId: vera.contactId,
    });
    expect(timeline.map((c) => c._id).sort()).toEqual(
      [vera.conversationId, work.conversationId].sort(),
    );
    expect(
      await admin
        .query(api.private.contacts.get, { contactId: work.contactId })
        .catch((e: { data: { code: string } }) => e.data.code),
    ).toBe("NOT_FOUND");
    // The duplicate's email now finds the kept contact, and so does the tag filter.
    await createSession(t, "org_a", "Vicky Again");
    const list = await admin.query(api.private.contacts.list, {
      paginationOpts: { numItems: 10, cursor: null },
      tag: "billing",
    });
    expect(list.page.map((c) => c._id)).toEqual([vera.contactId]);
    const audit = await t.run(async (ctx) => await ctx.db.query("auditLog").collect());
    expect(audit.find((row) => row.action === "contact.merge")).toMatchObject({
      target: vera.contactId,
      details: { mergedContactId: work.contactId, mergedName: "Vicky Work", sessionsMoved: 1 },
    });
  });

  test("members cannot merge, and a contact cannot merge with itself", async () => {
    const { t, admin } = await world();
    const vera = await visitorWith(t, "Vera Visitor", "Hi");
    const other = await visitorWith(t, "Olga Other", "Hi");
    const code = (p: Promise<unknown>) =>
      p.then(
        () => null,
        (e: { data: { code: string } }) => e.data.code,
      );
    expect(
      await code(
        operator(t, "org_a", "member").mutation(api.private.contactAdmin.merge, {
          contactId: vera.contactId,
          duplicateId: other.contactId,
        }),
      ),
    ).toBe("UNAUTHORIZED");
    expect(
      await code(
        admin.mutation(api.private.contactAdmin.merge, {
          contactId: vera.contactId,
          duplicateId: vera.contactId,
        }),
      ),
    ).toBe("INVALID_INPUT");
  });
});

describe("private.contactAdmin.remove and contactHistory.exportData", () => {
  test("the export holds the contact and every message; deleting erases contact, conversations and sessions", async () => {
    const { t, admin } = await world();
    const vera = await visitorWith(t, "Vera Visitor", "Where is my order 4411?");
    const other = await visitorWith(t, "Olga Other", "Unrelated");

    const exported = await admin.query(api.private.contactHistory.exportData, {
      contactId: vera.contactId,
    });
    expect(exported.contact).toMatchObject({ name: "Vera Visitor", emails: ["vera@example.com"] });
    expect(exported.conversations).toHaveLength(1);
    expect(exported.conversations[0]!.messages.map((m) => m.text)).toContain(
      "Where is my order 4411?",
    );
    expect(JSON.stringify(exported)).not.toContain(vera.contactSessionId);

    await admin.mutation(api.private.contactAdmin.remove, { contactId: vera.contactId });

    const left = await t.run(async (ctx) => ({
      conversations: (await ctx.db.query("conversations").collect()).map((c) => c._id),
      sessions: (await ctx.db.query("contactSessions").collect()).map((s) => s._id),
      identifiers: (await ctx.db.query("contactIdentifiers").collect()).map((row) => row.value),
    }));
    expect(left).toEqual({
      conversations: [other.conversationId],
      sessions: [other.contactSessionId],
      identifiers: ["olga@example.com"],
    });
    const audit = await t.run(async (ctx) => await ctx.db.query("auditLog").collect());
    expect(audit.find((row) => row.action === "contact.delete")).toMatchObject({
      details: { conversations: 1 },
    });
  });
});
