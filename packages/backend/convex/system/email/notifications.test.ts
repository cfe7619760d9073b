import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";

import { api, internal } from "../../_generated/api";
import type { Id } from "../../_generated/dataModel";
import {
  createOrganization,
  newTest,
  operator,
  settle,
  startConversation,
  type TestConvex,
} from "../../test.harness";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllEnvs();
});

async function addUser(t: TestConvex, organizationId: string, userId: string, email?: string) {
  await t.run(async (ctx) => {
    await ctx.db.insert("users", { externalId: userId, name: userId, ...(email ? { email } : {}) });
    await ctx.db.insert("members", { organizationId, userId, role: "member" });
  });
  return operator(t, organizationId, "member", userId);
}

async function emails(t: TestConvex) {
  return await t.run(async (ctx) => await ctx.db.query("outboundEmails").collect());
}

/** The visitor's message on the thread, answered by the agent (retrieval mode) before escalating. */
async function contactWrote(
  t: TestConvex,
  ids: { contactSessionId: Id<"contactSessions">; conversationId: Id<"conversations"> },
  text: string,
) {
  await t.mutation(api.public.messages.send, { ...ids, text });
  await settle(t);
}

describe("escalation emails", () => {
  test("go to the members who opted in, in their language, with a link to the conversation", async () => {
    vi.stubEnv("ECHO_WEB_URL", "http://desk.example");
    const t = newTest();
    await createOrganization(t, "org_a", "Acme");
    await createOrganization(t, "org_b", "Bolt");
    const ana = await addUser(t, "org_a", "user_ana", "ana@acme.example");
    const bia = await addUser(t, "org_a", "user_bia", "bia@acme.example");
    await addUser(t, "org_a", "user_caio", "caio@acme.example");
    const bruno = await addUser(t, "org_b", "user_bruno", "bruno@bolt.example");
    await ana.mutation(api.private.notificationPreferences.update, { emailOnEscalation: true });
    await bia.mutation(api.private.notificationPreferences.update, {
      emailOnEscalation: true,
      language: "pt-BR",
    });
    await bruno.mutation(api.private.notificationPreferences.update, { emailOnEscalation: true });

    const ids = await startConversation(t, "org_a");
    const { conversationId } = ids;
    await contactWrote(t, ids, "Where is the invoice for March?");
    expect(await t.mutation(internal.system.conversations.escalate, { conversationId })).toBe(true);
    await settle(t);

    const sent = (await emails(t)).sort((a, b) => a.to.localeCompare(b.to));
    expect(sent.map((e) => [e.to, e.kind, e.organizationId])).toEqual([
      ["ana@acme.example", "escalation", "org_a"],
      ["bia@acme.example", "escalation", "org_a"],
    ]);
    expect(sent[0]!.subject).toBe("Vera Visitor is waiting for a person");
    expect(sent[0]!.text).toContain("> Where is the invoice for March?");
    expect(sent[0]!.text).toContain(`http://desk.example/en/conversations/${conversationId}`);
    expect(sent[0]!.html).toContain(
      `href="http://desk.example/en/conversations/${conversationId}"`,
    );
    expect(sent[1]!.subject).toBe("Vera Visitor está esperando por uma pessoa");
    expect(sent[1]!.text).toContain(`http://desk.example/pt-BR/conversations/${conversationId}`);
    // No SMTP_URL in tests: kept, not lost.
    expect(sent.map((e) => e.status)).toEqual(["notConfigured", "notConfigured"]);

    // Escalating again sends nothing new.
    expect(await t.mutation(internal.system.conversations.escalate, { conversationId })).toBe(
      false,
    );
    await settle(t);
    expect(await emails(t)).toHaveLength(2);
  });

  test("a member who left the organization or opted out gets none; the visitor's text is escaped in HTML", async () => {
    const t = newTest();
    await createOrganization(t, "org_a", "Acme");
    const ana = await addUser(t, "org_a", "user_ana", "ana@acme.example");
    const bia = await addUser(t, "org_a", "user_bia", "bia@acme.example");
    await ana.mutation(api.private.notificationPreferences.update, { emailOnEscalation: true });
    await bia.mutation(api.private.notificationPreferences.update, { emailOnEscalation: true });
    await bia.mutation(api.private.notificationPreferences.update, { emailOnEscalation: false });
    await ana.mutation(api.private.notificationPreferences.update, { sound: true });
    await t.run(async (ctx) => {
      const member = await ctx.db
        .query("members")
        .withIndex("by_organization_and_user", (q) =>
          q.eq("organizationId", "org_a").eq("userId", "user_ana"),
        )
        .unique();
      await ctx.db.delete(member!._id);
    });
    const first = await startConversation(t, "org_a");
    await contactWrote(t, first, "<b>now</b>");
    await t.mutation(internal.system.conversations.escalate, {
      conversationId: first.conversationId,
    });
    await settle(t);
    expect(await emails(t)).toEqual([]);

    await t.run(async (ctx) => {
      await ctx.db.insert("members", {
        organizationId: "org_a",
        userId: "user_ana",
        role: "member",
      });
    });
    const second = await startConversation(t, "org_a");
    await contactWrote(t, second, "<b>now</b>");
    await t.mutation(internal.system.conversations.escalate, {
      conversationId: second.conversationId,
    });
    await settle(t);
    const [email] = await emails(t);
    expect(email!.to).toBe("ana@acme.example");
    expect(email!.html).toContain("&#60;b&#62;now&#60;/b&#62;");
    expect(email!.html).not.toContain("<b>now</b>");
  });
});

describe("transcript emails", () => {
  test("a visitor who asked gets the conversation when it is resolved; one who did not gets nothing", async () => {
    const t = newTest();
    await createOrganization(t, "org_a", "Acme");
    const admin = operator(t, "org_a", "admin");
    const asked = await startConversation(t, "org_a");
    const silent = await startConversation(t, "org_a");
    await t.mutation(api.public.transcripts.set, { ...asked, wanted: true });
    expect(await t.query(api.public.transcripts.get, asked)).toBe(true);
    expect(await t.query(api.public.transcripts.get, silent)).toBe(false);
    for (const ids of [asked, silent]) {
      await t.mutation(api.public.messages.send, { ...ids, text: "Where is my invoice?" });
      await admin.mutation(api.private.messages.reply, {
        conversationId: ids.conversationId,
        text: "In Billing → Invoices.",
      });
      await admin.mutation(api.private.conversations.updateStatus, {
        conversationId: ids.conversationId,
        status: "resolved",
      });
    }
    await settle(t);

    const transcripts = (await emails(t)).filter((e) => e.kind === "transcript");
    expect(transcripts).toHaveLength(1);
    expect(transcripts[0]).toMatchObject({
      to: "vera@example.com",
      conversationId: asked.conversationId,
      subject: "Your conversation with Acme",
    });
    expect(transcripts[0]!.text).toContain("You: Where is my invoice?");
    expect(transcripts[0]!.text).toContain("Operator user_org_a_admin: In Billing → Invoices.");
  });

  test("a visitor who changed their mind gets nothing; a pt-BR conversation gets a Portuguese email", async () => {
    const t = newTest();
    await createOrganization(t, "org_a", "Acme");
    const changed = await startConversation(t, "org_a");
    await t.mutation(api.public.transcripts.set, { ...changed, wanted: true });
    await t.mutation(api.public.transcripts.set, { ...changed, wanted: false });
    const portuguese = await startConversation(t, "org_a");
    await t.mutation(api.public.transcripts.set, { ...portuguese, wanted: true });
    await t.run(async (ctx) => {
      await ctx.db.patch(portuguese.conversationId, { language: "pt-BR" });
    });
    for (const { conversationId } of [changed, portuguese])
      await t.mutation(internal.system.conversations.resolve, { conversationId });
    await settle(t);
    const sent = await emails(t);
    expect(sent.map((e) => [e.conversationId, e.subject])).toEqual([
      [portuguese.conversationId, "Sua conversa com Acme"],
    ]);
  });
});

describe("an operator's reply to a visitor who has left", () => {
  test("is emailed with a link back to the page they chatted on, once per unread burst", async () => {
    vi.stubEnv("ECHO_REPLY_EMAIL_DELAY_MS", "60000");
    const t = newTest();
    await createOrganization(t, "org_a", "Acme");
    const admin = operator(t, "org_a", "admin");
    const ids = await startConversation(t, "org_a");
    await t.run(async (ctx) => {
      await ctx.db.patch(ids.contactSessionId, {
        metadata: { currentUrl: "https://acme.example/pricing" },
      });
    });
    await admin.mutation(api.private.messages.reply, {
      conversationId: ids.conversationId,
      text: "We refunded you.",
    });
    await admin.mutation(api.private.messages.reply, {
      conversationId: ids.conversationId,
      text: "Anything else?",
    });
    await settle(t);
    expect(await emails(t)).toEqual([]);

    await t.finishAllScheduledFunctions(() => vi.advanceTimersByTime(60_000));
    const sent = await emails(t);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      kind: "operatorReply",
      to: "vera@example.com",
      subject: "Operator user_org_a_admin replied to you",
    });
    expect(sent[0]!.text).toContain("> We refunded you.");
    expect(sent[0]!.text).toContain("> Anything else?");
    expect(sent[0]!.text).toContain("https://acme.example/pricing");
  });

  test("is not emailed when the visitor read it in the widget", async () => {
    vi.stubEnv("ECHO_REPLY_EMAIL_DELAY_MS", "60000");
    const t = newTest();
    await createOrganization(t, "org_a", "Acme");
    const admin = operator(t, "org_a", "admin");
    const ids = await startConversation(t, "org_a");
    await admin.mutation(api.private.messages.reply, {
      conversationId: ids.conversationId,
      text: "We refunded you.",
    });
    await t.mutation(api.public.conversations.markRead, ids);
    await t.finishAllScheduledFunctions(() => vi.advanceTimersByTime(60_000));
    expect(await emails(t)).toEqual([]);
  });
});
