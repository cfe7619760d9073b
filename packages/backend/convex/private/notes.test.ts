import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";

import { api } from "../_generated/api";
import { errorCodeOf } from "../lib/errors";
import {
  createOrganization,
  newTest,
  operator,
  sendAndSettle,
  settle,
  startConversation,
  type TestConvex,
} from "../test.harness";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllEnvs();
});

async function addUser(t: TestConvex, organizationId: string, userId: string, email: string) {
  await t.run(async (ctx) => {
    await ctx.db.insert("users", { externalId: userId, name: userId, email });
    await ctx.db.insert("members", { organizationId, userId, role: "member" });
  });
  return operator(t, organizationId, "member", userId);
}

async function codeOf(promise: Promise<unknown>) {
  return await promise.then(
    () => null,
    (error: unknown) => errorCodeOf(error),
  );
}

const emailsOf = (t: TestConvex) =>
  t.run(async (ctx) => await ctx.db.query("outboundEmails").collect());

describe("private notes", () => {
  test("teammates read a note in the conversation; the member it mentions is notified", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    const admin = operator(t, "org_a", "admin");
    const bia = await addUser(t, "org_a", "user_bia", "bia@acme.example");
    const { conversationId } = await startConversation(t, "org_a");

    await admin.mutation(api.private.notes.add, {
      conversationId,
      text: "  @user_bia can you check the refund?  ",
      mentions: ["user_bia", "user_bia"],
    });

    expect(await bia.query(api.private.notes.list, { conversationId })).toMatchObject([
      {
        authorId: "user_org_a_admin",
        authorName: "Operator user_org_a_admin",
        text: "@user_bia can you check the refund?",
        mentions: ["user_bia"],
      },
    ]);
    expect(await bia.query(api.private.notes.mentions, {})).toMatchObject([
      {
        conversationId,
        contactName: "Vera Visitor",
        authorName: "Operator user_org_a_admin",
        text: "@user_bia can you check the refund?",
      },
    ]);
    expect(await admin.query(api.private.notes.mentions, {})).toEqual([]);
  });

  test("only members can be mentioned, and a note has text", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    await createOrganization(t, "org_b");
    const admin = operator(t, "org_a", "admin");
    await operator(t, "org_b", "member", "user_bruno").query(api.private.notes.mentions, {});
    const { conversationId } = await startConversation(t, "org_a");

    expect(
      await codeOf(
        admin.mutation(api.private.notes.add, {
          conversationId,
          text: "@bruno look",
          mentions: ["user_bruno"],
        }),
      ),
    ).toBe("INVALID_INPUT");
    expect(
      await codeOf(
        admin.mutation(api.private.notes.add, { conversationId, text: " ", mentions: [] }),
      ),
    ).toBe("INVALID_INPUT");
    expect(await admin.query(api.private.notes.list, { conversationId })).toEqual([]);
  });

  test("a mentioned member who chose mention emails gets the note by email, in their language", async () => {
    vi.stubEnv("ECHO_WEB_URL", "http://desk.example");
    const t = newTest();
    await createOrganization(t, "org_a");
    const admin = operator(t, "org_a", "admin");
    const bia = await addUser(t, "org_a", "user_bia", "bia@acme.example");
    await addUser(t, "org_a", "user_caio", "caio@acme.example");
    await bia.mutation(api.private.notificationPreferences.update, {
      emailOnMention: true,
      language: "pt-BR",
    });
    expect(await bia.query(api.private.notificationPreferences.get, {})).toMatchObject({
      emailOnMention: true,
    });
    const { conversationId } = await startConversation(t, "org_a");

    await admin.mutation(api.private.notes.add, {
      conversationId,
      text: "@Bia and @Caio: VIP customer",
      mentions: ["user_bia", "user_caio"],
    });
    await settle(t);

    const mentionEmails = (await emailsOf(t)).filter((email) => email.kind === "mention");
    expect(mentionEmails).toHaveLength(1);
    expect(mentionEmails[0]).toMatchObject({
      to: "bia@acme.example",
      subject: "Operator user_org_a_admin mencionou você em uma nota sobre Vera Visitor",
      conversationId,
    });
    expect(mentionEmails[0]!.text).toContain("> @Bia and @Caio: VIP customer");
    expect(mentionEmails[0]!.text).toContain(
      `http://desk.example/pt-BR/conversations/${conversationId}`,
    );
  });

  test("the widget's functions and the emailed transcript never carry a note", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    const admin = operator(t, "org_a", "admin");
    const ids = await startConversation(t, "org_a");
    await t.mutation(api.public.transcripts.set, { ...ids, wanted: true });
    await sendAndSettle(t, ids, "Where is my order?");
    await admin.mutation(api.private.messages.reply, {
      conversationId: ids.conversationId,
      text: "Checking now.",
    });
    await admin.mutation(api.private.notes.add, {
      conversationId: ids.conversationId,
      text: "Teammates only: customer owes 40 dollars",
      mentions: [],
    });
    await sendAndSettle(t, ids, "Thanks!");
    await admin.mutation(api.private.conversations.updateStatus, {
      conversationId: ids.conversationId,
      status: "resolved",
    });
    await settle(t);

    const { threadId } = await t.query(api.public.conversations.get, ids);
    const seenByWidget = JSON.stringify([
      await t.query(api.public.conversations.get, ids),
      await t.query(api.public.conversations.listOwn, {
        contactSessionId: ids.contactSessionId,
        paginationOpts: { numItems: 10, cursor: null },
      }),
      await t.query(api.public.messages.list, {
        contactSessionId: ids.contactSessionId,
        threadId,
        paginationOpts: { numItems: 100, cursor: null },
      }),
    ]);
    expect(seenByWidget).toContain("Checking now.");
    expect(seenByWidget).not.toContain("owes 40 dollars");

    const transcript = (await emailsOf(t)).find((email) => email.kind === "transcript");
    expect(transcript?.text).toContain("Checking now.");
    expect(transcript?.text).not.toContain("owes 40 dollars");
    expect(transcript?.html).not.toContain("owes 40 dollars");
  });

  test("the author edits a note: it shows as edited, and only newly mentioned members hear of it", async () => {
    vi.stubEnv("ECHO_WEB_URL", "http://desk.example");
    const t = newTest();
    await createOrganization(t, "org_a");
    const author = await addUser(t, "org_a", "user_ana", "ana@acme.example");
    const bia = await addUser(t, "org_a", "user_bia", "bia@acme.example");
    const caio = await addUser(t, "org_a", "user_caio", "caio@acme.example");
    const dani = await addUser(t, "org_a", "user_dani", "dani@acme.example");
    for (const member of [bia, caio, dani])
      await member.mutation(api.private.notificationPreferences.update, { emailOnMention: true });
    const { conversationId } = await startConversation(t, "org_a");
    const noteId = await author.mutation(api.private.notes.add, {
      conversationId,
      text: "@Bia and @Caio: VIP customer",
      mentions: ["user_bia", "user_caio"],
    });
    await settle(t);

    await author.mutation(api.private.notes.edit, {
      noteId,
      text: "@Bia and @Dani: VIP customer, refund approved",
      mentions: ["user_bia", "user_dani"],
    });
    await settle(t);

    const [note] = await author.query(api.private.notes.list, { conversationId });
    expect(note).toMatchObject({
      text: "@Bia and @Dani: VIP customer, refund approved",
      mentions: ["user_bia", "user_dani"],
      canChange: true,
    });
    expect(note!.editedAt).toEqual(expect.any(Number));
    const mentionEmails = (await emailsOf(t)).filter((email) => email.kind === "mention");
    expect(mentionEmails.map((email) => email.to).sort()).toEqual([
      "bia@acme.example",
      "caio@acme.example",
      "dani@acme.example",
    ]);
    expect(mentionEmails.find((email) => email.to === "dani@acme.example")!.text).toContain(
      "> @Bia and @Dani: VIP customer, refund approved",
    );
    expect(await bia.query(api.private.notes.mentions, {})).toHaveLength(1);
    expect(await dani.query(api.private.notes.mentions, {})).toMatchObject([
      { conversationId, text: "@Bia and @Dani: VIP customer, refund approved" },
    ]);
    // No longer named, Caio loses the mention.
    expect(await caio.query(api.private.notes.mentions, {})).toEqual([]);
  });

  test("only the author and admins change or delete a note; deleting takes its mentions away", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    const admin = operator(t, "org_a", "admin");
    const author = await addUser(t, "org_a", "user_ana", "ana@acme.example");
    const bia = await addUser(t, "org_a", "user_bia", "bia@acme.example");
    const { conversationId } = await startConversation(t, "org_a");
    const noteId = await author.mutation(api.private.notes.add, {
      conversationId,
      text: "@Bia please call back",
      mentions: ["user_bia"],
    });

    expect(await bia.query(api.private.notes.list, { conversationId })).toMatchObject([
      { canChange: false },
    ]);
    expect(await admin.query(api.private.notes.list, { conversationId })).toMatchObject([
      { canChange: true },
    ]);
    expect(
      await codeOf(
        bia.mutation(api.private.notes.edit, { noteId, text: "Rewritten", mentions: [] }),
      ),
    ).toBe("UNAUTHORIZED");
    expect(await codeOf(bia.mutation(api.private.notes.remove, { noteId }))).toBe("UNAUTHORIZED");
    expect(
      await codeOf(author.mutation(api.private.notes.edit, { noteId, text: "  ", mentions: [] })),
    ).toBe("INVALID_INPUT");
    const [unchanged] = await author.query(api.private.notes.list, { conversationId });
    expect(unchanged).toMatchObject({ text: "@Bia please call back" });
    expect(unchanged).not.toHaveProperty("editedAt");

    await admin.mutation(api.private.notes.edit, {
      noteId,
      text: "@Bia please call back before 5pm",
      mentions: ["user_bia"],
    });
    expect(await bia.query(api.private.notes.mentions, {})).toMatchObject([
      { text: "@Bia please call back before 5pm" },
    ]);
    await admin.mutation(api.private.notes.remove, { noteId });
    expect(await author.query(api.private.notes.list, { conversationId })).toEqual([]);
    expect(await bia.query(api.private.notes.mentions, {})).toEqual([]);
    expect(await codeOf(author.mutation(api.private.notes.remove, { noteId }))).toBe("NOT_FOUND");
  });
});
