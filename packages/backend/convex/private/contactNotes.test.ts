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

async function world() {
  const t = newTest();
  await createOrganization(t, "org_a");
  await createOrganization(t, "org_b");
  const contactOf = async (name: string) => {
    const sessionId = await createSession(t, "org_a", name);
    return (await t.run(async (ctx) => await ctx.db.get(sessionId)))!.contactId!;
  };
  return {
    t,
    contactOf,
    ana: operator(t, "org_a", "member", "user_ana"),
    bo: operator(t, "org_a", "member", "user_bo"),
    admin: operator(t, "org_a", "admin"),
    outsider: operator(t, "org_b", "admin"),
  };
}

async function codeOf(promise: Promise<unknown>) {
  return await promise.then(
    () => undefined,
    (error: { data?: { code?: string } }) => error.data?.code,
  );
}

describe("contact notes", () => {
  test("operators add notes, listed newest first with author and time, and edit or delete only their own", async () => {
    const { contactOf, ana, bo } = await world();
    const contactId = await contactOf("Vera Visitor");
    const first = await ana.mutation(api.private.contactNotes.add, {
      contactId,
      body: "  Prefers email.  ",
    });
    vi.advanceTimersByTime(60_000);
    await bo.mutation(api.private.contactNotes.add, { contactId, body: "Renewal in May" });
    const notes = await ana.query(api.private.contactNotes.list, { contactId });
    expect(notes.map((n) => [n.body, n.authorName, n.own])).toEqual([
      ["Renewal in May", "Operator user_bo", false],
      ["Prefers email.", "Operator user_ana", true],
    ]);

    expect(
      await codeOf(bo.mutation(api.private.contactNotes.edit, { noteId: first, body: "x" })),
    ).toBe("UNAUTHORIZED");
    expect(await codeOf(bo.mutation(api.private.contactNotes.remove, { noteId: first }))).toBe(
      "UNAUTHORIZED",
    );
    const editedAt = Date.now();
    await ana.mutation(api.private.contactNotes.edit, { noteId: first, body: "Prefers phone." });
    const edited = (await ana.query(api.private.contactNotes.list, { contactId })).find(
      (note) => note._id === first,
    );
    expect(edited).toMatchObject({ body: "Prefers phone." });
    expect(edited!.editedAt).toBeGreaterThanOrEqual(editedAt);
    await ana.mutation(api.private.contactNotes.remove, { noteId: first });
    expect(await ana.query(api.private.contactNotes.list, { contactId })).toHaveLength(1);
  });

  test("refuses an empty or overlong note", async () => {
    const { contactOf, ana } = await world();
    const contactId = await contactOf("Vera Visitor");
    expect(await codeOf(ana.mutation(api.private.contactNotes.add, { contactId, body: " " }))).toBe(
      "INVALID_INPUT",
    );
    expect(
      await codeOf(
        ana.mutation(api.private.contactNotes.add, { contactId, body: "x".repeat(5001) }),
      ),
    ).toBe("INVALID_INPUT");
  });

  test("another organization neither reads nor changes them", async () => {
    const { contactOf, ana, outsider } = await world();
    const contactId = await contactOf("Vera Visitor");
    const noteId = await ana.mutation(api.private.contactNotes.add, { contactId, body: "Secret" });
    expect(await codeOf(outsider.query(api.private.contactNotes.list, { contactId }))).toBe(
      "NOT_FOUND",
    );
    expect(
      await codeOf(outsider.mutation(api.private.contactNotes.add, { contactId, body: "x" })),
    ).toBe("NOT_FOUND");
    expect(await codeOf(outsider.mutation(api.private.contactNotes.remove, { noteId }))).toBe(
      "NOT_FOUND",
    );
  });

  test("follow a merge to the kept contact and go with a deleted contact", async () => {
    const { t, contactOf, ana, admin } = await world();
    const kept = await contactOf("Vera One");
    const duplicate = await contactOf("Vicky Two");
    await ana.mutation(api.private.contactNotes.add, { contactId: duplicate, body: "From Vicky" });
    await admin.mutation(api.private.contactAdmin.merge, {
      contactId: kept,
      duplicateId: duplicate,
    });
    expect(
      (await ana.query(api.private.contactNotes.list, { contactId: kept })).map((n) => n.body),
    ).toEqual(["From Vicky"]);
    await admin.mutation(api.private.contactAdmin.remove, { contactId: kept });
    const left = await t.run(async (ctx) => await ctx.db.query("contactNotes").collect());
    expect(left).toEqual([]);
  });
});
