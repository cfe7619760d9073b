import { saveMessage } from "@convex-dev/agent";
import { beforeEach, describe, expect, test, vi } from "vitest";

import type { FakeCloudApi } from "@echo/whatsapp-sim";

import { api, components, internal } from "../../_generated/api";
import { errorCodeOf } from "../../lib/errors";
import { createOrganization, operator, settle, type TestConvex } from "../../test.harness";
import { CLOUD_PHONE as PHONE, cloudNumberSuite } from "../../whatsappCloud.harness";

const DAY = 24 * 60 * 60 * 1000;

const suite = cloudNumberSuite();
const { sentTo, fromPhone, stored, threadOf, onlyConversation, escalated, reply } = suite;
let t: TestConvex;
let cloud: FakeCloudApi;
let admin: ReturnType<typeof operator>;
let webhookPath: string;
let verifyToken: string;
beforeEach(() => {
  ({ t, cloud, admin, webhookPath, verifyToken } = suite.current);
});

/** An agent answer saved on the thread, as a turn saves it before recording it. */
const saveAnswer = (threadId: string, text: string, promptMessageId?: string) =>
  t.run(async (ctx) =>
    saveMessage(ctx, components.agent, {
      threadId,
      promptMessageId,
      message: { role: "assistant", content: text },
    }),
  );

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

describe("two agent turns of one conversation", () => {
  test("finishing out of order, each answer keeps its own thread message and delivery status", async () => {
    await fromPhone("Hello");
    const conversation = await onlyConversation();
    const first = await t.run(async (ctx) =>
      saveMessage(ctx, components.agent, {
        threadId: conversation.threadId,
        prompt: "How do I reset my password?",
      }),
    );
    const second = await t.run(async (ctx) =>
      saveMessage(ctx, components.agent, {
        threadId: conversation.threadId,
        prompt: "And how do I change my email?",
      }),
    );
    const firstAnswer = await saveAnswer(conversation.threadId, "Reset it here", first.messageId);
    const secondAnswer = await saveAnswer(
      conversation.threadId,
      "Change it there",
      second.messageId,
    );
    // The second turn is recorded first; the first turn's answer is queued after it.
    for (const [answer, text] of [
      [secondAnswer, "Change it there"],
      [firstAnswer, "Reset it here"],
    ] as const)
      await t.mutation(internal.system.conversations.recordAgentReply, {
        conversationId: conversation._id,
        text,
        threadMessageId: answer.messageId,
      });
    await settle(t);
    const rows = await t.run(async (ctx) => await ctx.db.query("whatsappMessages").collect());
    const rowOf = (text: string) => rows.find((row) => row.text === text)!;
    expect(rowOf("Reset it here")).toMatchObject({
      threadMessageId: firstAnswer.messageId,
      threadOrder: firstAnswer.message.order,
    });
    expect(rowOf("Change it there")).toMatchObject({
      threadMessageId: secondAnswer.messageId,
      threadOrder: secondAnswer.message.order,
    });
    await cloud.sendStatus({ id: rowOf("Reset it here").providerMessageId!, status: "read" });
    const deliveries = await admin.query(api.private.whatsapp.deliveries, {
      conversationId: conversation._id,
    });
    expect(deliveries).toContainEqual({ order: firstAnswer.message.order, status: "read" });
    expect(deliveries).toContainEqual({ order: secondAnswer.message.order, status: "sent" });
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
    const late = await saveAnswer(conversation.threadId, "A late answer");
    await t.mutation(internal.system.conversations.recordAgentReply, {
      conversationId: conversation._id,
      text: "A late answer",
      threadMessageId: late.messageId,
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
