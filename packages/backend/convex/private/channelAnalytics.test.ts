import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";

import { api, internal } from "../_generated/api";
import type { Id } from "../_generated/dataModel";
import { hashApiKey } from "../lib/whatsapp/apiKeyHash";
import {
  createOrganization,
  newTest,
  operator,
  startConversation,
  type TestConvex,
} from "../test.harness";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const NOW = new Date("2026-03-09T12:00:00Z").getTime();

// Creation times only move forward in convex-test, so the story is told oldest first.
beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(NOW - 40 * DAY);
});
afterEach(() => {
  vi.useRealTimers();
});

async function whatsappConnection(t: TestConvex, organizationId: string) {
  const connectionId = await t.mutation(internal.system.whatsapp.connections.create, {
    organizationId,
    actorId: "user_admin",
    state: "connected",
    fields: {
      gateway: "evolution",
      serverUrl: "http://127.0.0.1:9",
      instanceName: `${organizationId}-number`,
      apiKeyHash: await hashApiKey("key"),
    },
  });
  await t.mutation(internal.system.whatsapp.connections.activate, { connectionId });
  return connectionId;
}

/** A customer's first message on WhatsApp, through the same mutation the webhook calls. */
async function fromWhatsApp(
  t: TestConvex,
  connectionId: Id<"whatsappConnections">,
  phone: string,
): Promise<Id<"conversations">> {
  const result = await t.mutation(internal.system.whatsapp.inbound.receive, {
    connectionId,
    message: {
      providerMessageId: `wamid-${phone}`,
      phone,
      pushName: "Customer",
      content: { type: "text", text: "I need help with my order" },
    },
  });
  return result.conversationId!;
}

async function voiceCall(t: TestConvex, organizationId: string, callId: string) {
  await t.mutation(internal.system.voiceCalls.recordEndOfCall, {
    organizationId,
    call: { callId, endedReason: "customer-ended-call" },
    turns: [{ role: "user", text: "Where is my order?" }],
  });
}

describe("analytics by channel", () => {
  test("volume, AI resolution and median waits per channel, for the period, per day and in total", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    const ana = operator(t, "org_a", "member", "user_ana");
    const connectionId = await whatsappConnection(t, "org_a");

    // 40 days ago: a chat outside a 30-day period.
    await startConversation(t, "org_a");
    vi.setSystemTime(NOW - 2 * DAY);

    /** A person takes it over at once, answers after `reply` minutes, resolves after `resolve`. */
    const handled = async (conversationId: Id<"conversations">, reply: number, resolve: number) => {
      const start = Date.now();
      await ana.mutation(api.private.conversations.updateStatus, {
        conversationId,
        status: "escalated",
      });
      vi.setSystemTime(start + reply * MINUTE);
      await ana.mutation(api.private.messages.reply, { conversationId, text: "Hello" });
      vi.setSystemTime(start + resolve * MINUTE);
      await ana.mutation(api.private.conversations.updateStatus, {
        conversationId,
        status: "resolved",
      });
    };
    /** The agent resolves it on its own after `minutes`. */
    const resolvedByAgent = async (conversationId: Id<"conversations">, minutes: number) => {
      const start = (await t.run(async (ctx) => await ctx.db.get(conversationId)))!._creationTime;
      await t.run(async (ctx) => {
        await ctx.db.patch(conversationId, {
          status: "resolved",
          resolvedBy: "agent",
          resolvedAt: start + minutes * MINUTE,
        });
      });
    };

    // Two days ago: a widget chat a person handles (4 min, 20 min) and one the AI resolves (2 min).
    await handled((await startConversation(t, "org_a")).conversationId, 4, 20);
    await resolvedByAgent((await startConversation(t, "org_a")).conversationId, 2);
    // Yesterday: a WhatsApp customer a person handles (10 min, 30 min), another the AI
    // resolves (6 min), a third still open; and a voice call.
    vi.setSystemTime(NOW - DAY);
    await handled(await fromWhatsApp(t, connectionId, "+5511987650001"), 10, 30);
    await resolvedByAgent(await fromWhatsApp(t, connectionId, "+5511987650002"), 6);
    await fromWhatsApp(t, connectionId, "+5511987650003");
    await voiceCall(t, "org_a", "call_1");
    // Another organization's conversations never count.
    await createOrganization(t, "org_b");
    await startConversation(t, "org_b");
    await fromWhatsApp(t, await whatsappConnection(t, "org_b"), "+5511987650009");
    vi.setSystemTime(NOW);

    const { channels, perDay } = await ana.query(api.private.channelAnalytics.byChannel, {
      days: 30,
    });
    // Creation times carry a fraction of a millisecond in convex-test: waits compare in seconds.
    const inSeconds = (ms: number | null) => (ms === null ? null : Math.round(ms / 1000));
    expect(
      channels.map((c) => ({
        ...c,
        medianFirstResponseMs: inSeconds(c.medianFirstResponseMs),
        medianResolutionMs: inSeconds(c.medianResolutionMs),
      })),
    ).toEqual([
      {
        channel: "chat",
        conversations: 2,
        resolvedByAgent: 1,
        escalated: 1,
        aiResolutionRate: 0.5,
        medianFirstResponseMs: 4 * 60,
        medianResolutionMs: 11 * 60,
        truncated: false,
      },
      {
        channel: "voice",
        conversations: 1,
        resolvedByAgent: 0,
        escalated: 0,
        aiResolutionRate: 0,
        medianFirstResponseMs: null,
        medianResolutionMs: null,
        truncated: false,
      },
      {
        channel: "whatsapp",
        conversations: 3,
        resolvedByAgent: 1,
        escalated: 1,
        aiResolutionRate: 1 / 3,
        medianFirstResponseMs: 10 * 60,
        medianResolutionMs: 18 * 60,
        truncated: false,
      },
    ]);

    expect(perDay).toHaveLength(31);
    const day = (offset: number) => new Date(NOW - offset * DAY).toISOString().slice(0, 10);
    const countsOn = (offset: number) =>
      perDay
        .find((entry) => entry.day === day(offset))!
        .channels.map((c) => [c.channel, c.conversations, c.resolvedByAgent]);
    expect(countsOn(2)).toEqual([
      ["chat", 2, 1],
      ["voice", 0, 0],
      ["whatsapp", 0, 0],
    ]);
    expect(countsOn(1)).toEqual([
      ["chat", 0, 0],
      ["voice", 1, 0],
      ["whatsapp", 3, 1],
    ]);
    const yesterdaysWhatsApp = perDay
      .find((entry) => entry.day === day(1))!
      .channels.find((c) => c.channel === "whatsapp")!;
    expect(inSeconds(yesterdaysWhatsApp.medianFirstResponseMs)).toBe(10 * 60);

    const ninety = await ana.query(api.private.channelAnalytics.byChannel, { days: 90 });
    expect(ninety.channels[0]).toMatchObject({ channel: "chat", conversations: 3 });
    const lastDay = await ana.query(api.private.channelAnalytics.byChannel, { days: 1 });
    expect(lastDay.channels.map((c) => c.conversations)).toEqual([0, 1, 3]);
  });
});
