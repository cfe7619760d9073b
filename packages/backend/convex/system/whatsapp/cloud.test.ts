import { beforeEach, describe, expect, test } from "vitest";

import type { FakeCloudApi } from "@echo/whatsapp-sim";

import { api } from "../../_generated/api";
import { errorCodeOf } from "../../lib/errors";
import { createOrganization, newTest, operator, settle, type TestConvex } from "../../test.harness";
import { CLOUD_PHONE as PHONE, cloudNumberSuite } from "../../whatsappCloud.harness";

const suite = cloudNumberSuite();
const { sentTo, fromPhone, stored, threadOf, onlyConversation } = suite;
let t: TestConvex;
let cloud: FakeCloudApi;
let admin: ReturnType<typeof operator>;
let webhookPath: string;
let verifyToken: string;
let siteUrl: string;
beforeEach(() => {
  ({ t, cloud, admin, webhookPath, verifyToken, siteUrl } = suite.current);
});

describe("connecting a Cloud API number", () => {
  test("reads the phone number, keeps the token and secret as secrets, and shows the verify token to admins only", async () => {
    const shown = await admin.query(api.private.whatsapp.get, {});
    expect(shown).toMatchObject({
      gateway: "cloud",
      state: "connected",
      phoneNumberId: cloud.ids.phoneNumberId,
      displayPhoneNumber: cloud.ids.displayPhoneNumber,
      verifyToken,
      webhookUrl: `${siteUrl}${webhookPath}`,
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
