import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";

import { api } from "../_generated/api";
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

async function dataOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: { data?: { code?: string; message?: string; field?: string; expected?: string } }) => e,
  );
  return error?.data;
}

async function codeOf(promise: Promise<unknown>) {
  return (await dataOf(promise))?.code;
}

async function world() {
  const t = newTest();
  await createOrganization(t, "org_a");
  await createOrganization(t, "org_b");
  return { t, admin: operator(t, "org_a", "admin"), member: operator(t, "org_a", "member") };
}

async function defineFields(admin: ReturnType<typeof operator>) {
  await admin.mutation(api.private.contactFields.define, {
    key: "seats",
    label: "Seats",
    type: "number",
  });
  await admin.mutation(api.private.contactFields.define, {
    key: "plan",
    label: "Plan",
    type: "select",
    options: ["basic", "pro"],
  });
  await admin.mutation(api.private.contactFields.define, {
    key: "renews",
    label: "Renews",
    type: "date",
  });
  await admin.mutation(api.private.contactFields.define, {
    key: "vip",
    label: "VIP",
    type: "boolean",
  });
}

const listOf = async (who: ReturnType<typeof operator>, args: Record<string, unknown> = {}) =>
  (await who.query(api.private.contacts.list, { paginationOpts: page, ...args })).page.map(
    (contact) => contact.name,
  );

describe("private.contacts: writes are validated", () => {
  test("phones are stored in E.164 and emails lowercased; bad ones are refused with the reason", async () => {
    const { member } = await world();
    const id = await member.mutation(api.private.contacts.create, {
      name: " Ana Souza ",
      emails: ["Ana@Example.COM"],
      phones: ["+55 (11) 91234-5678"],
    });
    expect(await member.query(api.private.contacts.get, { contactId: id })).toMatchObject({
      name: "Ana Souza",
      emails: ["ana@example.com"],
      phones: ["+5511912345678"],
      channel: "manual",
    });
    expect(
      await codeOf(member.mutation(api.private.contacts.create, { name: "X", phones: ["12345"] })),
    ).toBe("INVALID_PHONE");
    expect(
      await codeOf(
        member.mutation(api.private.contacts.create, { name: "X", phones: ["11 91234-5678"] }),
      ),
    ).toBe("INVALID_PHONE");
    expect(
      await codeOf(
        member.mutation(api.private.contacts.create, { name: "X", emails: ["not-an-email"] }),
      ),
    ).toBe("INVALID_EMAIL");
    expect(
      await codeOf(
        member.mutation(api.private.contacts.update, { contactId: id, emails: ["a@b"] }),
      ),
    ).toBe("INVALID_EMAIL");
  });

  test("an email or phone another contact holds is refused", async () => {
    const { member } = await world();
    await member.mutation(api.private.contacts.create, {
      name: "Ana",
      emails: ["ana@example.com"],
    });
    const bruno = await member.mutation(api.private.contacts.create, {
      name: "Bruno",
      phones: ["+14155550123"],
    });
    expect(
      await codeOf(
        member.mutation(api.private.contacts.create, {
          name: "Ana 2",
          emails: ["ANA@example.com"],
        }),
      ),
    ).toBe("CONTACT_EXISTS");
    expect(
      await codeOf(
        member.mutation(api.private.contacts.update, {
          contactId: bruno,
          emails: ["ana@example.com"],
        }),
      ),
    ).toBe("CONTACT_EXISTS");
  });

  test("custom field values must be of their field's type", async () => {
    const { admin, member } = await world();
    await defineFields(admin);
    const id = await member.mutation(api.private.contacts.create, {
      name: "Ana",
      customFields: { seats: 12, plan: "pro", renews: "2026-12-31", vip: true },
    });
    const wrong: [Record<string, string | number | boolean>, string][] = [
      [{ seats: "twelve" }, "number"],
      [{ plan: "enterprise" }, "option"],
      [{ renews: "2026-02-30" }, "date"],
      [{ renews: "tomorrow" }, "date"],
      [{ vip: "yes" }, "boolean"],
      [{ unknown: "x" }, "defined"],
    ];
    for (const [customFields, expected] of wrong) {
      const data = await dataOf(
        member.mutation(api.private.contacts.update, { contactId: id, customFields }),
      );
      expect(data?.code, JSON.stringify(customFields)).toBe("INVALID_FIELD_VALUE");
      // The form shows the refusal beside the field it names.
      expect(data?.field).toBe(Object.keys(customFields)[0]);
      // …and says what the field takes.
      expect(data?.expected, JSON.stringify(customFields)).toBe(expected);
    }
    await member.mutation(api.private.contacts.update, {
      contactId: id,
      customFields: { seats: 14 },
    });
    expect((await member.query(api.private.contacts.get, { contactId: id })).customFields).toEqual({
      seats: 14,
      plan: "pro",
      renews: "2026-12-31",
      vip: true,
    });
  });

  test("an operator clears custom field values and keeps the others", async () => {
    const { admin, member } = await world();
    await defineFields(admin);
    const id = await member.mutation(api.private.contacts.create, {
      name: "Ana",
      customFields: { seats: 12, plan: "pro", vip: true },
    });
    await member.mutation(api.private.contacts.update, {
      contactId: id,
      customFields: { seats: 20 },
      clearCustomFields: ["plan", "vip"],
    });
    expect((await member.query(api.private.contacts.get, { contactId: id })).customFields).toEqual({
      seats: 20,
    });
    await member.mutation(api.private.contacts.update, {
      contactId: id,
      clearCustomFields: ["seats"],
    });
    expect((await member.query(api.private.contacts.get, { contactId: id })).customFields).toEqual(
      {},
    );
  });

  test("only admins define fields, and a select needs options", async () => {
    const { admin, member } = await world();
    expect(
      await codeOf(
        member.mutation(api.private.contactFields.define, { key: "x", label: "X", type: "text" }),
      ),
    ).toBe("UNAUTHORIZED");
    expect(
      await codeOf(
        admin.mutation(api.private.contactFields.define, { key: "p", label: "P", type: "select" }),
      ),
    ).toBe("INVALID_INPUT");
    await admin.mutation(api.private.contactFields.setStageLabel, {
      stage: "lead",
      label: "Trial",
    });
    expect(await member.query(api.private.contactFields.list, {})).toMatchObject({
      stages: ["lead", "prospect", "customer", "churned"],
      stageLabels: { lead: "Trial" },
    });
  });

  test("renaming a stage, or restoring its default, is in the audit log with who did it", async () => {
    const { t, admin } = await world();
    await admin.mutation(api.private.contactFields.setStageLabel, {
      stage: "lead",
      label: "Trial",
    });
    await admin.mutation(api.private.contactFields.setStageLabel, { stage: "lead", label: " " });
    const audit = await t.run(async (ctx) => await ctx.db.query("auditLog").collect());
    expect(
      audit
        .filter((entry) => entry.action === "contactStage.setLabel")
        .map(({ organizationId, action, target, details }) => ({
          organizationId,
          action,
          target,
          details,
        })),
    ).toEqual([
      {
        organizationId: "org_a",
        action: "contactStage.setLabel",
        target: "lead",
        details: { label: "Trial" },
      },
      {
        organizationId: "org_a",
        action: "contactStage.setLabel",
        target: "lead",
        details: { label: "" },
      },
    ]);
    expect(audit.every((entry) => entry.actorId)).toBe(true);
  });
});

describe("private.contacts: visitors become contacts", () => {
  test("a new visitor with a known email is linked; an unknown one becomes a new widget contact", async () => {
    const { t, member } = await world();
    const ana = await member.mutation(api.private.contacts.create, {
      name: "Ana Souza",
      emails: ["vera@example.com"],
    });
    await createSession(t, "org_a", "Vera Visitor");
    await createSession(t, "org_a", "Olga Other");
    const contacts = (await member.query(api.private.contacts.list, { paginationOpts: page })).page;
    expect(contacts.map((c) => [c.name, c.channel]).sort()).toEqual([
      ["Ana Souza", "manual"],
      ["Olga Other", "widget"],
    ]);
    const sessions = await t.run(async (ctx) => await ctx.db.query("contactSessions").collect());
    expect(sessions.find((s) => s.name === "Vera Visitor")?.contactId).toBe(ana);
  });

  test("the conversation's panel shows the contact; unlinking detaches that visitor only", async () => {
    const { t, member } = await world();
    const first = await createSession(t, "org_a", "Vera Visitor");
    const conversationId = await t.mutation(api.public.conversations.create, {
      contactSessionId: first,
    });
    const contact = await member.query(api.private.contactHistory.forConversation, {
      conversationId,
    });
    expect(contact).toMatchObject({ name: "Vera Visitor", emails: ["vera@example.com"] });
    expect(JSON.stringify(contact)).not.toContain(first);

    await member.mutation(api.private.contactHistory.unlinkConversation, { conversationId });
    expect(
      await member.query(api.private.contactHistory.forConversation, { conversationId }),
    ).toBeNull();
    expect(
      await member.query(api.private.contactHistory.conversations, { contactId: contact!._id }),
    ).toEqual([]);
  });

  test("the timeline lists every conversation of every visitor of the contact", async () => {
    const { t, member } = await world();
    const one = await createSession(t, "org_a", "Vera Visitor");
    const a = await t.mutation(api.public.conversations.create, { contactSessionId: one });
    vi.advanceTimersByTime(60_000);
    const two = await createSession(t, "org_a", "Vera Visitor");
    const b = await t.mutation(api.public.conversations.create, { contactSessionId: two });
    const contact = await member.query(api.private.contactHistory.forConversation, {
      conversationId: a,
    });
    const timeline = await member.query(api.private.contactHistory.conversations, {
      contactId: contact!._id,
    });
    expect(timeline.map((c) => c._id)).toEqual([b, a]);
  });
});

describe("private.contacts: lists", () => {
  async function three(t: TestConvex, member: ReturnType<typeof operator>) {
    const ana = await member.mutation(api.private.contacts.create, {
      name: "Ana Souza",
      emails: ["ana@example.com"],
      stage: "customer",
      tags: ["VIP"],
    });
    vi.advanceTimersByTime(1000);
    await member.mutation(api.private.contacts.create, {
      name: "Bruno Lima",
      phones: ["+5521987654321"],
      stage: "lead",
    });
    vi.advanceTimersByTime(1000);
    await createSession(t, "org_a", "Carla Dias");
    return ana;
  }

  test("filters by stage, channel, tag and text, newest seen first or oldest first", async () => {
    const { t, member } = await world();
    await three(t, member);
    expect(await listOf(member)).toEqual(["Carla Dias", "Bruno Lima", "Ana Souza"]);
    expect(await listOf(member, { order: "asc" })).toEqual([
      "Ana Souza",
      "Bruno Lima",
      "Carla Dias",
    ]);
    expect(await listOf(member, { stage: "lead" })).toEqual(["Bruno Lima"]);
    expect(await listOf(member, { channel: "widget" })).toEqual(["Carla Dias"]);
    expect(await listOf(member, { tag: "vip" })).toEqual(["Ana Souza"]);
    expect(await listOf(member, { search: "ana@example.com" })).toEqual(["Ana Souza"]);
    expect(await listOf(member, { search: "+5521987654321" })).toEqual(["Bruno Lima"]);
    expect(await listOf(member, { search: "Souza", stage: "lead" })).toEqual([]);
  });

  test("another organization sees none of them, by list, search, id, timeline or export", async () => {
    const { t, member } = await world();
    const ana = await three(t, member);
    const b = operator(t, "org_b", "owner");
    expect(await listOf(b)).toEqual([]);
    expect(await listOf(b, { search: "Ana" })).toEqual([]);
    expect(await listOf(b, { tag: "vip" })).toEqual([]);
    expect(await listOf(b, { stage: "customer" })).toEqual([]);
    for (const call of [
      b.query(api.private.contacts.get, { contactId: ana }),
      b.query(api.private.contactHistory.conversations, { contactId: ana }),
      b.query(api.private.contactHistory.exportData, { contactId: ana }),
      b.mutation(api.private.contacts.update, { contactId: ana, name: "Hijacked" }),
      b.mutation(api.private.contactAdmin.remove, { contactId: ana }),
    ])
      expect(await codeOf(call)).toBe("NOT_FOUND");
    // B may hold the same email: identifiers are unique per organization only.
    await b.mutation(api.private.contacts.create, {
      name: "Ana at B",
      emails: ["ana@example.com"],
    });
    expect(await member.query(api.private.contacts.get, { contactId: ana })).toMatchObject({
      name: "Ana Souza",
    });
  });
});
