import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from "vitest";

import { api } from "../../_generated/api";
import type { Id } from "../../_generated/dataModel";
import {
  createOrganization,
  newTest,
  operator,
  seedKnowledge,
  settle,
  startConversation,
  type TestConvex,
} from "../../test.harness";
import { SIM_API_KEY, SIM_INSTANCE, startSimBridge } from "../../whatsappSim.harness";

const PHONE = "+5511987654321";
const PNG =
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";
let t: TestConvex;
let bridge: Awaited<ReturnType<typeof startSimBridge>>;
beforeAll(async () => {
  bridge = await startSimBridge(() => t);
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await bridge.close();
});
afterEach(() => vi.useRealTimers());

let admin: ReturnType<typeof operator>;
let connectionId: string;
beforeEach(async () => {
  vi.useFakeTimers();
  vi.stubEnv("ECHO_SECRETS_KEY", btoa(String.fromCharCode(...new Uint8Array(32).fill(7))));
  vi.stubEnv("CONVEX_SITE_URL", bridge.siteUrl);
  t = newTest();
  await createOrganization(t, "org_a");
  await seedKnowledge(t, "org_a");
  admin = operator(t, "org_a", "admin");
  await admin.action(api.private.whatsapp.connect, {
    serverUrl: bridge.sim.url,
    instanceName: SIM_INSTANCE,
    apiKey: SIM_API_KEY,
  });
  connectionId = (await admin.query(api.private.whatsapp.get, {}))!.webhookUrl.split("/").pop()!;
});

const sentToPhone = () =>
  bridge.sim.messages().filter((m) => m.direction === "out" && m.phone === PHONE.slice(1));

async function fromPhone(
  text: string,
  extra: { image?: { base64: string; mimetype: string } } = {},
) {
  const before = sentToPhone().length;
  const message = await bridge.sim.sendFromPhone({
    phone: PHONE,
    name: "Maria Silva",
    text,
    ...extra,
  });
  await settle(t);
  return { message, answers: sentToPhone().slice(before) };
}

async function onlyConversation() {
  const conversations = await t.run(async (ctx) => await ctx.db.query("conversations").collect());
  expect(conversations).toHaveLength(1);
  return conversations[0]!;
}

const threadOf = async (conversationId: Id<"conversations">) =>
  (
    await admin.query(api.private.messages.list, {
      threadId: (await t.run(async (ctx) => await ctx.db.get(conversationId)))!.threadId,
      paginationOpts: { numItems: 50, cursor: null },
    })
  ).page;

describe("a customer writes on WhatsApp", () => {
  test("the contact is found by phone, the conversation is WhatsApp's, and the agent's answer reaches the phone", async () => {
    const { answers } = await fromPhone("How do I reset my password?");
    const conversation = await onlyConversation();
    expect(conversation).toMatchObject({
      channel: "whatsapp",
      status: "unresolved",
      contactName: "Maria Silva",
      lastMessage: { author: "agent" },
    });
    const contact = await admin.query(api.private.contactHistory.forConversation, {
      conversationId: conversation._id,
    });
    expect(contact).toMatchObject({ name: "Maria Silva", phones: [PHONE], channel: "whatsapp" });
    expect(answers).toHaveLength(1);
    expect(answers[0]!.text).toContain('click "Forgot password"');
    expect(answers[0]!.text).not.toContain("**");
    // The source is a short title line with its passage's URL on the next line.
    const lines = answers[0]!.text!.split("\n");
    const source = lines.indexOf("Source:");
    expect(lines[source + 1]).toMatch(/^[\w.-]+\.md › .+$/);
    expect(lines[source + 2]).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/knowledge\/passage\?\S+$/);
    const answer = (await threadOf(conversation._id)).find((m) => m.author === "agent")!;
    const deliveries = await admin.query(api.private.whatsapp.deliveries, {
      conversationId: conversation._id,
    });
    expect(deliveries).toEqual([{ order: answer.order, status: expect.any(String) }]);
    expect(deliveries[0]!.status).not.toBe("failed");
  });

  test("answers in the customer's language", async () => {
    const { answers } = await fromPhone("Como faço para pedir reembolso?");
    expect(answers[0]!.text).toContain("30 dias");
  });

  test("a replayed event stores nothing twice and gets no second answer", async () => {
    const { message } = await fromPhone("How do I reset my password?");
    const answered = sentToPhone().length;
    const replay = JSON.stringify({
      event: "messages.upsert",
      apikey: SIM_API_KEY,
      data: {
        key: { remoteJid: `${PHONE.slice(1)}@s.whatsapp.net`, fromMe: false, id: message.id },
        message: { conversation: "How do I reset my password?" },
      },
    });
    const response = await t.fetch(`/webhooks/whatsapp/evolution/${connectionId}`, {
      method: "POST",
      body: replay,
    });
    expect(await response.json()).toEqual({ received: true, duplicate: true });
    await settle(t);
    const conversation = await onlyConversation();
    const questions = (await threadOf(conversation._id)).filter((m) => m.author === "contact");
    expect(questions).toHaveLength(1);
    expect(sentToPhone()).toHaveLength(answered);
  });

  test("a photo is stored as the message's image attachment", async () => {
    await fromPhone("", { image: { base64: PNG, mimetype: "image/png" } });
    const conversation = await onlyConversation();
    const question = (await threadOf(conversation._id)).find((m) => m.author === "contact")!;
    expect(question.attachments).toMatchObject([
      { kind: "image", contentType: "image/png", size: 70 },
    ]);
  });

  test("a photo posted without its base64 is fetched from the gateway and stored", async () => {
    bridge.sim.omitMediaBase64();
    try {
      await fromPhone("", { image: { base64: PNG, mimetype: "image/png" } });
    } finally {
      bridge.sim.omitMediaBase64(false);
    }
    const conversation = await onlyConversation();
    const question = (await threadOf(conversation._id)).find((m) => m.author === "contact")!;
    expect(question.attachments).toMatchObject([
      { kind: "image", contentType: "image/png", size: 70 },
    ]);
    expect(question.text).not.toContain("unavailable");
  });

  test("a photo whose download fails is kept, with a note that its media is unavailable", async () => {
    bridge.sim.omitMediaBase64();
    bridge.sim.failNextMediaDownloads(500);
    try {
      await fromPhone("Here is my receipt", { image: { base64: PNG, mimetype: "image/png" } });
    } finally {
      bridge.sim.omitMediaBase64(false);
    }
    const conversation = await onlyConversation();
    const question = (await threadOf(conversation._id)).find((m) => m.author === "contact")!;
    expect(question.attachments ?? []).toEqual([]);
    expect(question.text).toBe(
      "Here is my receipt\n(media unavailable: the file could not be downloaded from WhatsApp)",
    );
    expect(conversation.lastMessage?.author).toBe("agent");
  });

  test("after resolution, the next message opens a new WhatsApp conversation for the same contact", async () => {
    await fromPhone("How do I reset my password?");
    const first = await onlyConversation();
    await admin.mutation(api.private.conversations.updateStatus, {
      conversationId: first._id,
      status: "resolved",
    });
    await fromPhone("One more question about the Pro plan price");
    const all = await t.run(async (ctx) => await ctx.db.query("conversations").collect());
    expect(all.map((c) => [c.channel, c.status])).toEqual([
      ["whatsapp", "resolved"],
      ["whatsapp", "unresolved"],
    ]);
    expect(all[0]!.contactSessionId).toBe(all[1]!.contactSessionId);
  });
});

describe("the contact panel and the inbox search", () => {
  test("show the customer's phone and name, and find the conversation by the phone in any form", async () => {
    await fromPhone("How do I reset my password?");
    const conversation = await onlyConversation();
    const panel = await admin.query(api.private.contactSessions.getForConversation, {
      conversationId: conversation._id,
    });
    expect(panel).toMatchObject({ channel: "whatsapp", name: "Maria Silva", phone: PHONE });
    await startConversation(t, "org_a");
    const found = async (search: string) =>
      (
        await admin.query(api.private.conversations.list, {
          paginationOpts: { numItems: 10, cursor: null },
          search,
        })
      ).page.map((c) => c.channel);
    for (const search of ["+55 11 98765-4321", "5511987654321", "(11) 98765-4321", "11 98765"])
      expect(await found(search), search).toEqual(["whatsapp"]);
    expect(await found("+55 21 91234-0000")).toEqual([]);
    // The conversation's later messages keep the phone searchable.
    await fromPhone("And how do I change my email?");
    expect(await found("11987654321")).toEqual(["whatsapp"]);
  });
});

describe("the inbox", () => {
  test("filters by channel, also with a status or a search", async () => {
    await fromPhone("How do I reset my password?");
    await startConversation(t, "org_a");
    const list = async (filters: Record<string, string>) =>
      (
        await admin.query(api.private.conversations.list, {
          paginationOpts: { numItems: 10, cursor: null },
          ...filters,
        })
      ).page.map((c) => c.channel);
    expect((await list({})).sort()).toEqual(["chat", "whatsapp"]);
    expect(await list({ channel: "whatsapp" })).toEqual(["whatsapp"]);
    expect(await list({ channel: "chat", status: "unresolved" })).toEqual(["chat"]);
    expect(await list({ channel: "voice" })).toEqual([]);
    expect(await list({ channel: "chat", search: "Maria" })).toEqual([]);
  });
});

describe("replies to the phone", () => {
  test("an operator's reply is sent, then shows delivered and read", async () => {
    await fromPhone("I want to talk to a person");
    const conversation = await onlyConversation();
    const before = sentToPhone().length;
    await admin.mutation(api.private.messages.reply, {
      conversationId: conversation._id,
      text: "Hi Maria, **I am here**.",
    });
    const order = Math.max(...(await threadOf(conversation._id)).map((m) => m.order));
    await settle(t);
    expect(
      sentToPhone()
        .slice(before)
        .map((m) => m.text),
    ).toEqual(["Hi Maria, *I am here*."]);
    const statusOf = async () =>
      (
        await admin.query(api.private.whatsapp.deliveries, { conversationId: conversation._id })
      ).find((d) => d.order === order)?.status;
    expect(["sent", "delivered"]).toContain(await statusOf());
    await vi.waitFor(async () => expect(await statusOf()).toBe("delivered"));
    await fetch(`${bridge.sim.url}/phone/read`, {
      method: "POST",
      body: JSON.stringify({ phone: PHONE }),
    });
    expect(await statusOf()).toBe("read");
  });

  test("a 500 then a 200 sends the message once, after a retry", async () => {
    await fromPhone("I want to talk to a person");
    const conversation = await onlyConversation();
    const before = sentToPhone().length;
    bridge.sim.failNextSends(500);
    await admin.mutation(api.private.messages.reply, {
      conversationId: conversation._id,
      text: "Retried reply",
    });
    await t.finishAllScheduledFunctions(() => vi.advanceTimersByTime(1_000));
    expect(
      sentToPhone()
        .slice(before)
        .map((m) => m.text),
    ).toEqual(["Retried reply"]);
    const row = await t.run(async (ctx) =>
      (await ctx.db.query("whatsappMessages").collect()).find((r) => r.text === "Retried reply"),
    );
    expect(row).toMatchObject({ attempts: 2, providerMessageId: sentToPhone().at(-1)!.id });
    expect(["sent", "delivered"]).toContain(row!.status);
  });

  test("a refused send (400) fails with the gateway's reason and is not retried", async () => {
    await fromPhone("I want to talk to a person");
    const conversation = await onlyConversation();
    const before = sentToPhone().length;
    bridge.sim.failNextSends(400);
    await admin.mutation(api.private.messages.reply, {
      conversationId: conversation._id,
      text: "Never arrives",
    });
    const order = Math.max(...(await threadOf(conversation._id)).map((m) => m.order));
    await t.finishAllScheduledFunctions(() => vi.advanceTimersByTime(1_000));
    expect(sentToPhone().slice(before)).toEqual([]);
    const deliveries = await admin.query(api.private.whatsapp.deliveries, {
      conversationId: conversation._id,
    });
    expect(deliveries.find((d) => d.order === order)).toMatchObject({
      status: "failed",
      error: expect.stringContaining("400"),
    });
  });
});
