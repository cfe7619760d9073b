import { afterAll, afterEach, beforeAll, beforeEach, expect, vi } from "vitest";

import { startFakeCloudApi, type FakeCloudApi } from "@echo/whatsapp-sim";

import { api } from "./_generated/api";
import type { Id } from "./_generated/dataModel";
import {
  createOrganization,
  newTest,
  operator,
  seedKnowledge,
  settle,
  type TestConvex,
} from "./test.harness";
import { startSiteBridge } from "./whatsappSim.harness";

export const CLOUD_PHONE = "+5511987654321";

type Current = {
  t: TestConvex;
  cloud: FakeCloudApi;
  siteUrl: string;
  admin: ReturnType<typeof operator>;
  webhookPath: string;
  verifyToken: string;
};

/**
 * Registers the hooks of a suite where org_a (with the seeded knowledge base) has a Cloud API
 * number on the fake Graph API, its webhook reaching the HTTP routes through the site bridge.
 * `current` is filled before each test; the helpers read it. Each test gets its own fake Graph
 * API, so what one test sent, recorded or set to fail is not seen by the next.
 */
export function cloudNumberSuite() {
  const current = {} as Current;
  let bridge: Awaited<ReturnType<typeof startSiteBridge>>;
  beforeAll(async () => {
    bridge = await startSiteBridge(() => current.t);
    current.siteUrl = bridge.siteUrl;
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await bridge.close();
  });
  afterEach(async () => {
    vi.useRealTimers();
    await current.cloud.close();
  });
  beforeEach(async () => {
    current.cloud = await startFakeCloudApi({ autoStatuses: false });
    vi.useFakeTimers();
    vi.stubEnv("ECHO_SECRETS_KEY", btoa(String.fromCharCode(...new Uint8Array(32).fill(7))));
    vi.stubEnv("CONVEX_SITE_URL", bridge.siteUrl);
    vi.stubEnv("WHATSAPP_CLOUD_API_URL", current.cloud.url);
    current.t = newTest();
    await createOrganization(current.t, "org_a");
    await seedKnowledge(current.t, "org_a");
    current.admin = operator(current.t, "org_a", "admin");
    const { cloud, admin } = current;
    const connected = await admin.action(api.private.whatsapp.connectCloud, {
      phoneNumberId: cloud.ids.phoneNumberId,
      businessAccountId: cloud.ids.businessAccountId,
      accessToken: cloud.accessToken,
      appSecret: cloud.appSecret,
    });
    current.verifyToken = connected.verifyToken;
    current.webhookPath = new URL(connected.webhookUrl).pathname;
    cloud.setWebhook(connected.webhookUrl);
  });

  const sentTo = (phone = CLOUD_PHONE) =>
    current.cloud.sent().filter((m) => m.to === phone.slice(1));

  async function fromPhone(text: string) {
    const before = sentTo().length;
    const { id, response } = await current.cloud.sendFromPhone({
      phone: CLOUD_PHONE,
      name: "Maria Silva",
      text,
    });
    expect(response.status).toBe(200);
    await settle(current.t);
    return { id, answers: sentTo().slice(before) };
  }

  const stored = () =>
    current.t.run(async (ctx) => ({
      conversations: await ctx.db.query("conversations").collect(),
      messages: await ctx.db.query("whatsappMessages").collect(),
    }));

  const threadOf = async (conversationId: Id<"conversations">) =>
    (
      await current.admin.query(api.private.messages.list, {
        threadId: (await current.t.run(async (ctx) => await ctx.db.get(conversationId)))!.threadId,
        paginationOpts: { numItems: 50, cursor: null },
      })
    ).page;

  async function onlyConversation() {
    const { conversations } = await stored();
    expect(conversations).toHaveLength(1);
    return conversations[0]!;
  }

  async function escalated() {
    await fromPhone("I want to talk to a person");
    return await onlyConversation();
  }

  const reply = (conversationId: Id<"conversations">, text: string, extra = {}) =>
    current.admin.mutation(api.private.messages.reply, { conversationId, text, ...extra });

  return { current, sentTo, fromPhone, stored, threadOf, onlyConversation, escalated, reply };
}
