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
});
