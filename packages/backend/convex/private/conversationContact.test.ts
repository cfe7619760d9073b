import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";

import { api, internal } from "../_generated/api";
import type { Id } from "../_generated/dataModel";
import {
  createOrganization,
  createSession,
  newTest,
  operator,
  type TestConvex,
} from "../test.harness";

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date("2026-03-10T12:00:00Z"));
});
afterEach(() => {
  vi.useRealTimers();
});

const page = { numItems: 50, cursor: null };

async function visit(t: TestConvex, organizationId: string, name: string) {
  const contactSessionId = await createSession(t, organizationId, name);
  const conversationId = await t.mutation(api.public.conversations.create, { contactSessionId });
  return { contactSessionId, conversationId };
}

async function contactOfSession(t: TestConvex, contactSessionId: Id<"contactSessions">) {
  return (await t.run(async (ctx) => await ctx.db.get(contactSessionId)))!.contactId!;
}

async function conversationContact(t: TestConvex, conversationId: Id<"conversations">) {
  return (await t.run(async (ctx) => await ctx.db.get(conversationId)))!.contactId;
}

async function world() {
  const t = newTest();
  await createOrganization(t, "org_a");
  await createOrganization(t, "org_b");
  return { t, admin: operator(t, "org_a", "admin"), other: operator(t, "org_b", "admin") };
}

describe("a conversation's contact", () => {
  test("is set when the conversation starts, follows a merge and is cleared by an unlink", async () => {
    const { t, admin } = await world();
    const vera = await visit(t, "org_a", "Vera One");
    const vicky = await visit(t, "org_a", "Vicky Two");
    const veraContact = await contactOfSession(t, vera.contactSessionId);
    const vickyContact = await contactOfSession(t, vicky.contactSessionId);
    expect(await conversationContact(t, vera.conversationId)).toBe(veraContact);

    await admin.mutation(api.private.contactAdmin.merge, {
      contactId: veraContact,
      duplicateId: vickyContact,
    });
    expect(await conversationContact(t, vicky.conversationId)).toBe(veraContact);

    await admin.mutation(api.private.contactHistory.unlinkConversation, {
      conversationId: vicky.conversationId,
    });
    expect(await conversationContact(t, vicky.conversationId)).toBeUndefined();
    expect(
      await admin.query(api.private.contactHistory.forConversation, {
        conversationId: vicky.conversationId,
      }),
    ).toBeNull();
  });

  test("the migration fills conversations from before the field, once, and leaves unlinked ones", async () => {
    const { t } = await world();
    const old = await visit(t, "org_a", "Olga Old");
    const loose = await visit(t, "org_a", "Lou Loose");
    await t.run(async (ctx) => {
      await ctx.db.patch(old.conversationId, { contactId: undefined });
      await ctx.db.patch(loose.conversationId, { contactId: undefined });
      await ctx.db.patch(loose.contactSessionId, { contactId: undefined });
    });
    const migrate = () => t.mutation(internal.system.contactBackfill.conversationContacts, {});
    expect(await migrate()).toBe(1);
    expect(await conversationContact(t, old.conversationId)).toBe(
      await contactOfSession(t, old.contactSessionId),
    );
    expect(await conversationContact(t, loose.conversationId)).toBeUndefined();
    expect(await migrate()).toBe(0);
  });
});

describe("the inbox by contact tag and stage", () => {
  test("lists the conversations of contacts with the tag or stage, in this organization only", async () => {
    const { t, admin, other } = await world();
    const vip = await visit(t, "org_a", "Vip Customer");
    const lead = await visit(t, "org_a", "Lea Lead");
    const outsider = await visit(t, "org_b", "Bob Outsider");
    await admin.mutation(api.private.contacts.update, {
      contactId: await contactOfSession(t, vip.contactSessionId),
      tags: ["VIP"],
      stage: "customer",
    });
    await admin.mutation(api.private.contacts.update, {
      contactId: await contactOfSession(t, lead.contactSessionId),
      stage: "lead",
    });
    await other.mutation(api.private.contacts.update, {
      contactId: await contactOfSession(t, outsider.contactSessionId),
      tags: ["vip"],
      stage: "customer",
    });
    const ids = async (
      as: ReturnType<typeof operator>,
      filters: { contactTag?: string; contactStage?: "lead" | "customer"; search?: string },
    ) =>
      (
        await as.query(api.private.conversations.list, { paginationOpts: page, ...filters })
      ).page.map((c) => c._id);
    expect(await ids(admin, { contactTag: "vip" })).toEqual([vip.conversationId]);
    expect(await ids(admin, { contactStage: "lead" })).toEqual([lead.conversationId]);
    expect(await ids(admin, { contactTag: "vip", contactStage: "lead" })).toEqual([]);
    expect(await ids(admin, { contactStage: "customer", search: "lea" })).toEqual([]);
    expect(await ids(other, { contactTag: "vip" })).toEqual([outsider.conversationId]);
  });

  test("keeps the inbox's other filters under a contact filter", async () => {
    const { t, admin } = await world();
    const first = await visit(t, "org_a", "Rita Resolved");
    await admin.mutation(api.private.contacts.update, {
      contactId: await contactOfSession(t, first.contactSessionId),
      stage: "customer",
    });
    await admin.mutation(api.private.conversations.updateStatus, {
      conversationId: first.conversationId,
      status: "resolved",
    });
    const list = (status: "resolved" | "unresolved") =>
      admin.query(api.private.conversations.list, {
        paginationOpts: page,
        contactStage: "customer",
        status,
      });
    expect((await list("resolved")).page).toHaveLength(1);
    expect((await list("unresolved")).page).toHaveLength(0);
  });
});
