import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from "vitest";

import { startFakeCloudApi, type FakeCloudApi } from "@echo/whatsapp-sim";

import { api, internal } from "../../_generated/api";
import type { Id } from "../../_generated/dataModel";
import { errorCodeOf } from "../../lib/errors";
import {
  createOrganization,
  newTest,
  operator,
  seedKnowledge,
  settle,
  type TestConvex,
} from "../../test.harness";
import { startSiteBridge } from "../../whatsappSim.harness";

const PHONE = "+5511987654321";
const DAY = 24 * 60 * 60 * 1000;
let t: TestConvex;
let cloud: FakeCloudApi;
let bridge: Awaited<ReturnType<typeof startSiteBridge>>;
beforeAll(async () => {
  bridge = await startSiteBridge(() => t);
  cloud = await startFakeCloudApi({ autoStatuses: false });
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await cloud.close();
  await bridge.close();
});
afterEach(() => vi.useRealTimers());

let admin: ReturnType<typeof operator>;
let webhookPath: string;
let verifyToken: string;
beforeEach(async () => {
  vi.useFakeTimers();
  vi.stubEnv("ECHO_SECRETS_KEY", btoa(String.fromCharCode(...new Uint8Array(32).fill(7))));
  vi.stubEnv("CONVEX_SITE_URL", bridge.siteUrl);
  vi.stubEnv("WHATSAPP_CLOUD_API_URL", cloud.url);
  t = newTest();
  await createOrganization(t, "org_a");
  await seedKnowledge(t, "org_a");
  admin = operator(t, "org_a", "admin");
  const connected = await admin.action(api.private.whatsapp.connectCloud, {
    phoneNumberId: cloud.ids.phoneNumberId,
    businessAccountId: cloud.ids.businessAccountId,
    accessToken: cloud.accessToken,
    appSecret: cloud.appSecret,
  });
  verifyToken = connected.verifyToken;
  webhookPath = new URL(connected.webhookUrl).pathname;
  cloud.setWebhook(connected.webhookUrl);
});

const sentTo = (phone = PHONE) => cloud.sent().filter((m) => m.to === phone.slice(1));

async function fromPhone(text: string) {
  const before = sentTo().length;
  const { id, response } = await cloud.sendFromPhone({ phone: PHONE, name: "Maria Silva", text });
  expect(response.status).toBe(200);
  await settle(t);
  return { id, answers: sentTo().slice(before) };
}

const stored = () =>
  t.run(async (ctx) => ({
    conversations: await ctx.db.query("conversations").collect(),
    messages: await ctx.db.query("whatsappMessages").collect(),
  }));

const threadOf = async (conversationId: Id<"conversations">) =>
  (
    await admin.query(api.private.messages.list, {
      threadId: (await t.run(async (ctx) => await ctx.db.get(conversationId)))!.threadId,
      paginationOpts: { numItems: 50, cursor: null },
    })
  ).page;

async function onlyConversation() {
  const { conversations } = await stored();
  expect(conversations).toHaveLength(1);
  return conversations[0]!;
}

describe("connecting a Cloud API number", () => {
  test("reads the phone number, keeps the token and secret as secrets, and shows the verify token to admins only", async () => {
    const shown = await admin.query(api.private.whatsapp.get, {});
    expect(shown).toMatchObject({
      gateway: "cloud",
      state: "connected",
      phoneNumberId: cloud.ids.phoneNumberId,
      displayPhoneNumber: cloud.ids.displayPhoneNumber,
      verifyToken,
      webhookUrl: `${bridge.siteUrl}${webhookPath}`,
    });
    expect(webhookPath).toMatch(/^\/webhooks\/whatsapp\/cloud\//);
    expect(JSON.stringify(shown)).not.toContain(cloud.accessToken);
    expect(JSON.stringify(shown)).not.toContain(cloud.appSecret);
    const member = await operator(t, "org_a", "member").query(api.private.whatsapp.get, {});
    expect(member).toMatchObject({ gateway: "cloud", verifyToken: null });
    const secrets = await t.run(async (ctx) => await ctx.db.query("secrets").collect());
    expect(secrets.map((s) => s.name.split(".").pop()).sort()).toEqual([
      "accessToken",
      "appSecret",
    ]);
    expect(JSON.stringify(secrets)).not.toContain(cloud.accessToken);
  });

  test("a refused token or an unknown number is a clear error and nothing is kept", async () => {
    const fresh = newTest();
    await createOrganization(fresh, "org_c");
    const other = operator(fresh, "org_c", "admin");
    const attempt = (fields: Record<string, string>) =>
      other
        .action(api.private.whatsapp.connectCloud, {
          phoneNumberId: cloud.ids.phoneNumberId,
          businessAccountId: cloud.ids.businessAccountId,
          accessToken: cloud.accessToken,
          appSecret: cloud.appSecret,
          ...fields,
        })
        .then(
          () => null,
          (error: unknown) => errorCodeOf(error),
        );
    expect(await attempt({ accessToken: "wrong" })).toBe("INVALID_CREDENTIALS");
    expect(await attempt({ phoneNumberId: "999999999" })).toBe("NOT_FOUND");
    expect(await attempt({ phoneNumberId: "not-a-number" })).toBe("INVALID_INPUT");
    const kept = await fresh.run(async (ctx) => ({
      connections: await ctx.db.query("whatsappConnections").collect(),
      secrets: await ctx.db.query("secrets").collect(),
    }));
    expect(kept).toEqual({ connections: [], secrets: [] });
  });
});

describe("the webhook", () => {
  test("GET verification answers the challenge for the right token only", async () => {
    const verify = (query: string) => t.fetch(`${webhookPath}?${query}`, { method: "GET" });
    const good = await verify(
      `hub.mode=subscribe&hub.verify_token=${verifyToken}&hub.challenge=1158201444`,
    );
    expect(good.status).toBe(200);
    expect(await good.text()).toBe("1158201444");
    expect((await verify("hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1")).status).toBe(
      403,
    );
    expect((await verify(`hub.mode=unsubscribe&hub.verify_token=${verifyToken}`)).status).toBe(403);
    expect((await verify("hub.mode=subscribe")).status).toBe(403);
    expect(
      (await t.fetch(`/webhooks/whatsapp/cloud/nothing?hub.mode=subscribe`, { method: "GET" }))
        .status,
    ).toBe(404);
  });

  test("a bad or missing signature is 401 and stores nothing", async () => {
    const body = {
      object: "whatsapp_business_account",
      entry: [
        {
          changes: [
            {
              field: "messages",
              value: {
                messages: [
                  { from: "5511987654321", id: "wamid.F", type: "text", text: { body: "hi" } },
                ],
              },
            },
          ],
        },
      ],
    };
    expect((await cloud.postWebhook(body, null)).status).toBe(401);
    expect((await cloud.postWebhook(body, `sha256=${"0".repeat(64)}`)).status).toBe(401);
    expect((await cloud.postWebhook(body, "garbage")).status).toBe(401);
    await settle(t);
    expect(await stored()).toEqual({ conversations: [], messages: [] });
    expect(cloud.sent()).toEqual([]);
  });

  test("a customer's message opens a WhatsApp conversation and the agent's answer goes through /messages", async () => {
    const { answers } = await fromPhone("How do I reset my password?");
    const conversation = await onlyConversation();
    expect(conversation).toMatchObject({ channel: "whatsapp", contactName: "Maria Silva" });
    expect(answers).toHaveLength(1);
    expect(answers[0]!.body).toMatchObject({
      messaging_product: "whatsapp",
      to: PHONE.slice(1),
      type: "text",
    });
    expect((answers[0]!.body.text as { body: string }).body).toContain('click "Forgot password"');
    const request = cloud.requests().find((r) => r.method === "POST");
    expect(request?.path).toBe(`/${cloud.ids.phoneNumberId}/messages`);
  });

  test("a replayed message is stored once and answered once", async () => {
    const { id } = await fromPhone("How do I reset my password?");
    const answered = sentTo().length;
    const replay = {
      object: "whatsapp_business_account",
      entry: [
        {
          changes: [
            {
              field: "messages",
              value: {
                contacts: [{ profile: { name: "Maria Silva" }, wa_id: PHONE.slice(1) }],
                messages: [
                  {
                    from: PHONE.slice(1),
                    id,
                    timestamp: "1",
                    type: "text",
                    text: { body: "How do I reset my password?" },
                  },
                ],
              },
            },
          ],
        },
      ],
    };
    const response = await cloud.postWebhook(replay);
    expect(await response.json()).toEqual({ received: 1, duplicates: 1 });
    await settle(t);
    const conversation = await onlyConversation();
    const questions = (await threadOf(conversation._id)).filter((m) => m.author === "contact");
    expect(questions).toHaveLength(1);
    expect(sentTo()).toHaveLength(answered);
  });

  test("an image is fetched by its media id with the token and stored as the message's image", async () => {
    const png = Uint8Array.from(
      atob(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
      ),
      (c) => c.charCodeAt(0),
    );
    const mediaId = cloud.addMedia(png, "image/png");
    await cloud.sendFromPhone({
      phone: PHONE,
      type: "image",
      content: { id: mediaId, mime_type: "image/png", sha256: "x" },
    });
    await settle(t);
    const conversation = await onlyConversation();
    const question = (await threadOf(conversation._id)).find((m) => m.author === "contact")!;
    expect(question.attachments).toMatchObject([
      { kind: "image", contentType: "image/png", size: png.length },
    ]);
    expect(cloud.requests().map((r) => r.path)).toEqual(
      expect.arrayContaining([`/${mediaId}`, `/download/${mediaId}`]),
    );
  });
});

async function escalated() {
  await fromPhone("I want to talk to a person");
  return await onlyConversation();
}

const reply = (conversationId: Id<"conversations">, text: string, extra = {}) =>
  admin.mutation(api.private.messages.reply, { conversationId, text, ...extra });

describe("replies and statuses", () => {
  test("statuses move the reply to delivered and read; a failure shows Meta's reason", async () => {
    const conversation = await escalated();
    await reply(conversation._id, "Hi Maria, **I am here**.");
    await settle(t);
    const sent = sentTo().at(-1)!;
    expect(sent.body.text).toEqual({ preview_url: false, body: "Hi Maria, *I am here*." });
    const row = async () =>
      await t.run(async (ctx) =>
        (await ctx.db.query("whatsappMessages").collect()).find(
          (r) => r.providerMessageId === sent.id,
        ),
      );
    expect((await row())!.status).toBe("sent");
    await cloud.sendStatus({ id: sent.id, status: "delivered" });
    expect((await row())!.status).toBe("delivered");
    await cloud.sendStatus({ id: sent.id, status: "read" });
    expect((await row())!.status).toBe("read");

    await reply(conversation._id, "A second note");
    await settle(t);
    const second = sentTo().at(-1)!;
    await cloud.sendStatus({
      id: second.id,
      status: "failed",
      error: { code: 131026, title: "Message undeliverable", details: "Receiver is incapable" },
    });
    const deliveries = await admin.query(api.private.whatsapp.deliveries, {
      conversationId: conversation._id,
    });
    expect(deliveries.at(-1)).toMatchObject({
      status: "failed",
      error: "Message undeliverable (131026): Receiver is incapable",
    });
  });

  test("a 500 then a 200 sends the reply once, after a retry", async () => {
    const conversation = await escalated();
    const before = sentTo().length;
    cloud.failNextSends(500);
    await reply(conversation._id, "Retried reply");
    await t.finishAllScheduledFunctions(() => vi.advanceTimersByTime(1_000));
    expect(
      sentTo()
        .slice(before)
        .map((m) => (m.body.text as { body: string }).body),
    ).toEqual(["Retried reply"]);
    const row = await t.run(async (ctx) =>
      (await ctx.db.query("whatsappMessages").collect()).find((r) => r.text === "Retried reply"),
    );
    expect(row).toMatchObject({
      attempts: 2,
      status: "sent",
      providerMessageId: sentTo().at(-1)!.id,
    });
  });
});

describe("Meta's refusals", () => {
  test("throttling sent as a 400 (code 131056) is retried; an invalid parameter (code 100) fails at once", async () => {
    const conversation = await escalated();
    const before = sentTo().length;
    cloud.failNextSends(400, 1, 131056);
    await reply(conversation._id, "Throttled reply");
    await t.finishAllScheduledFunctions(() => vi.advanceTimersByTime(1_000));
    expect(sentTo().slice(before)).toHaveLength(1);
    cloud.failNextSends(400, 1, 100);
    await reply(conversation._id, "Refused reply");
    await t.finishAllScheduledFunctions(() => vi.advanceTimersByTime(1_000));
    expect(sentTo().slice(before)).toHaveLength(1);
    const rows = await t.run(async (ctx) => await ctx.db.query("whatsappMessages").collect());
    expect(rows.find((r) => r.text === "Throttled reply")).toMatchObject({
      status: "sent",
      attempts: 2,
    });
    expect(rows.find((r) => r.text === "Refused reply")).toMatchObject({
      status: "failed",
      attempts: 1,
      error: expect.stringContaining("(code 100)"),
    });
  });
});

describe("the 24-hour window", () => {
  test("inside it a free-form reply goes; after it, it is refused, nothing is saved, and a template goes", async () => {
    const conversation = await escalated();
    const window = () =>
      admin.query(api.private.whatsappTemplates.window, {
        conversationId: conversation._id,
      });
    expect(await window()).toMatchObject({ open: true });
    await reply(conversation._id, "Inside the window");
    await settle(t);
    expect(sentTo().at(-1)!.body.text).toMatchObject({ body: "Inside the window" });

    vi.setSystemTime(Date.now() + DAY + 60_000);
    expect(await window()).toMatchObject({ open: false });
    const before = { sent: sentTo().length, thread: (await threadOf(conversation._id)).length };
    const refused = await reply(conversation._id, "Too late").then(
      () => null,
      (error: unknown) => errorCodeOf(error),
    );
    expect(refused).toBe("WHATSAPP_WINDOW_CLOSED");
    await settle(t);
    expect(sentTo()).toHaveLength(before.sent);
    expect(await threadOf(conversation._id)).toHaveLength(before.thread);

    const templates = await admin.action(api.private.whatsappTemplates.list, {});
    expect(templates.map((template) => template.name)).toEqual(["order_update", "follow_up"]);
    expect(templates[0]).toMatchObject({ language: "en_US", parameterCount: 2 });
    await reply(
      conversation._id,
      "Hello Maria, your order 1234 has an update. Reply to continue.",
      {
        template: { name: "order_update", language: "en_US", parameters: ["Maria", "1234"] },
      },
    );
    await settle(t);
    expect(sentTo().at(-1)!.body).toMatchObject({
      type: "template",
      template: {
        name: "order_update",
        language: { code: "en_US" },
        components: [
          {
            type: "body",
            parameters: [
              { type: "text", text: "Maria" },
              { type: "text", text: "1234" },
            ],
          },
        ],
      },
    });
    const operatorMessages = (await threadOf(conversation._id)).filter(
      (m) => m.author === "operator",
    );
    expect(operatorMessages.at(-1)!.text).toContain("your order 1234");
  });

  test("the agent does not send outside the window; the customer's next message reopens it", async () => {
    await fromPhone("How do I reset my password?");
    const conversation = await onlyConversation();
    vi.setSystemTime(Date.now() + DAY + 60_000);
    const before = sentTo().length;
    await t.mutation(internal.system.conversations.recordAgentReply, {
      conversationId: conversation._id,
      text: "A late answer",
    });
    await settle(t);
    expect(sentTo()).toHaveLength(before);
    const { answers } = await fromPhone("Are you there?");
    expect(answers.length).toBeGreaterThan(0);
  });
});

describe("disconnecting", () => {
  test("removes the secrets; the webhook then answers 404 and changes nothing", async () => {
    await admin.mutation(api.private.whatsapp.disconnect, {});
    await settle(t);
    expect(await t.run(async (ctx) => await ctx.db.query("secrets").collect())).toEqual([]);
    const { response } = await cloud.sendFromPhone({ phone: PHONE, text: "Hello?" });
    expect(response.status).toBe(404);
    const verify = await t.fetch(
      `${webhookPath}?hub.mode=subscribe&hub.verify_token=${verifyToken}&hub.challenge=1`,
      { method: "GET" },
    );
    expect(verify.status).toBe(404);
    await settle(t);
    expect(await stored()).toEqual({ conversations: [], messages: [] });
  });
});

describe("tenancy", () => {
  test("another organization sees nothing of the number, its templates or its window, and changes nothing", async () => {
    const conversation = await escalated();
    await createOrganization(t, "org_b");
    const adminB = operator(t, "org_b", "admin");
    expect(await adminB.query(api.private.whatsapp.get, {})).toBeNull();
    const code = (promise: Promise<unknown>) =>
      promise.then(
        () => null,
        (error: unknown) => errorCodeOf(error),
      );
    expect(await code(adminB.action(api.private.whatsappTemplates.list, {}))).toBe(
      "NOT_CONFIGURED",
    );
    expect(
      await code(
        adminB.query(api.private.whatsappTemplates.window, { conversationId: conversation._id }),
      ),
    ).toBe("NOT_FOUND");
    const before = sentTo().length;
    expect(
      await code(
        adminB.mutation(api.private.messages.reply, {
          conversationId: conversation._id,
          text: "From B",
          template: { name: "order_update", language: "en_US", parameters: ["x", "y"] },
        }),
      ),
    ).toBe("NOT_FOUND");
    await adminB.mutation(api.private.whatsapp.disconnect, {});
    await settle(t);
    expect(sentTo()).toHaveLength(before);
    expect(await admin.query(api.private.whatsapp.get, {})).toMatchObject({ gateway: "cloud" });
    expect(await t.run(async (ctx) => await ctx.db.query("secrets").collect())).toHaveLength(2);
  });
});
