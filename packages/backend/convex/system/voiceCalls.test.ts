import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";

import { api, internal } from "../_generated/api";
import { createOrganization, newTest, operator, type TestConvex } from "../test.harness";

beforeEach(() => {
  vi.stubEnv("ECHO_SECRETS_KEY", btoa(String.fromCharCode(...new Uint8Array(32).fill(9))));
});
afterEach(() => {
  vi.unstubAllEnvs();
});

/** An end-of-call-report server message as Vapi documents it. */
function endOfCallReport(callId: string) {
  return {
    message: {
      type: "end-of-call-report",
      timestamp: 1767607200000,
      endedReason: "customer-ended-call",
      durationSeconds: 42.5,
      call: {
        id: callId,
        orgId: "vapi_org_1",
        type: "inboundPhoneCall",
        customer: { number: "+15550199" },
      },
      artifact: {
        transcript: "AI: Hi, this is Echo support.\nUser: My order has not arrived.\n",
        recordingUrl: `https://storage.vapi.ai/${callId}-mono.wav`,
        messages: [
          { role: "system", message: "You are a support agent.", time: 1, secondsFromStart: 0 },
          { role: "bot", message: "Hi, this is Echo support.", time: 2, secondsFromStart: 0.5 },
          { role: "user", message: "My order has not arrived.", time: 3, secondsFromStart: 4 },
        ],
      },
      analysis: { summary: "Customer asked about a late order.", successEvaluation: "true" },
    },
  };
}

async function post(t: TestConvex, body: unknown, secret = "hook-secret", org = "org_a") {
  return await t.fetch(`/webhooks/vapi/${org}`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-vapi-secret": secret },
    body: JSON.stringify(body),
  });
}

async function withWebhookSecret(t: TestConvex) {
  await createOrganization(t, "org_a");
  await t.action(internal.system.secrets.secrets.put, {
    organizationId: "org_a",
    name: "vapi.webhookSecret",
    value: "hook-secret",
  });
}

describe("Vapi server messages (/webhooks/vapi/<organizationId>)", () => {
  test("an end-of-call report becomes a voice conversation in the inbox, once per call id", async () => {
    const t = newTest();
    await withWebhookSecret(t);
    const response = await post(t, endOfCallReport("call_1"));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ received: true, duplicate: false });

    const admin = operator(t, "org_a");
    const inbox = await admin.query(api.private.conversations.list, {
      paginationOpts: { numItems: 10, cursor: null },
    });
    expect(inbox.page).toHaveLength(1);
    const conversation = inbox.page[0]!;
    expect(conversation).toMatchObject({
      channel: "voice",
      status: "unresolved",
      contactName: "+15550199",
      unreadByOperator: 1,
      lastMessage: { text: "Customer asked about a late order.", author: "agent" },
      voiceCall: {
        callId: "call_1",
        summary: "Customer asked about a late order.",
        transcript: "AI: Hi, this is Echo support.\nUser: My order has not arrived.\n",
        recordingUrl: "https://storage.vapi.ai/call_1-mono.wav",
        endedReason: "customer-ended-call",
        durationSeconds: 42.5,
        customerNumber: "+15550199",
      },
    });
    const messages = await admin.query(api.private.messages.list, {
      threadId: conversation.threadId,
      paginationOpts: { numItems: 10, cursor: null },
    });
    expect(
      messages.page.map((m: { text?: string; author?: string }) => [m.author, m.text]).sort(),
    ).toEqual([
      ["agent", "Hi, this is Echo support."],
      ["contact", "My order has not arrived."],
    ]);

    const again = await post(t, endOfCallReport("call_1"));
    expect(await again.json()).toEqual({ received: true, duplicate: true });
    await post(t, endOfCallReport("call_2"));
    const after = await admin.query(api.private.conversations.list, {
      paginationOpts: { numItems: 10, cursor: null },
    });
    expect(after.page.map((c) => c.voiceCall?.callId).sort()).toEqual(["call_1", "call_2"]);
  });

  /** One call recorded through the webhook, as org_a's admin finds it in the inbox. */
  async function recordedCall() {
    const t = newTest();
    await withWebhookSecret(t);
    await post(t, endOfCallReport("call_1"));
    const admin = operator(t, "org_a");
    const [listed] = (
      await admin.query(api.private.conversations.list, {
        paginationOpts: { numItems: 10, cursor: null },
      })
    ).page;
    return { t, admin, listed: listed! };
  }

  test("the conversation view reads the call's details, and only in its own organization", async () => {
    const { t, admin, listed } = await recordedCall();
    const conversation = await admin.query(api.private.conversations.get, {
      conversationId: listed._id,
    });
    expect(conversation.channel).toBe("voice");
    expect(conversation.voiceCall).toEqual({
      callId: "call_1",
      summary: "Customer asked about a late order.",
      transcript: "AI: Hi, this is Echo support.\nUser: My order has not arrived.\n",
      recordingUrl: "https://storage.vapi.ai/call_1-mono.wav",
      endedReason: "customer-ended-call",
      durationSeconds: 42.5,
      customerNumber: "+15550199",
    });
    await createOrganization(t, "org_b");
    await expect(
      operator(t, "org_b").query(api.private.conversations.get, { conversationId: listed._id }),
    ).rejects.toThrow(/Conversation not found/);
  });

  test("a voice conversation cannot be answered in writing", async () => {
    const { admin, listed } = await recordedCall();
    const refused = await admin
      .mutation(api.private.messages.reply, { conversationId: listed._id, text: "Hello?" })
      .catch((error: { data?: unknown }) => error);
    expect((refused as { data?: unknown }).data).toEqual({
      code: "INVALID_INPUT",
      message: "A voice call cannot be answered in writing",
    });
  });

  test("a wrong or missing secret, or an unconfigured organization, records nothing", async () => {
    const t = newTest();
    await withWebhookSecret(t);
    expect((await post(t, endOfCallReport("call_1"), "guess")).status).toBe(401);
    const unsigned = await t.fetch("/webhooks/vapi/org_a", {
      method: "POST",
      body: JSON.stringify(endOfCallReport("call_1")),
    });
    expect(unsigned.status).toBe(401);
    // Organizations without voice, or none at all, answer exactly as a wrong secret does.
    const answer = async (secret: string, org: string) => {
      const response = await post(t, endOfCallReport("call_1"), secret, org);
      return [response.status, await response.text()];
    };
    const wrongSecret = await answer("guess", "org_a");
    expect(wrongSecret[0]).toBe(401);
    expect(await answer("hook-secret", "org_b")).toEqual(wrongSecret);
    expect(await answer("hook-secret", "org_nowhere")).toEqual(wrongSecret);
    const conversations = await t.run(async (ctx) => await ctx.db.query("conversations").collect());
    expect(conversations).toEqual([]);
  });

  test("other server messages are acknowledged without a conversation", async () => {
    const t = newTest();
    await withWebhookSecret(t);
    const status = await post(t, {
      message: { type: "status-update", status: "in-progress", call: { id: "call_1" } },
    });
    expect(await status.json()).toEqual({ received: true });
    const conversations = await t.run(async (ctx) => await ctx.db.query("conversations").collect());
    expect(conversations).toEqual([]);
  });

  test("an older payload with a plain transcript still yields the turns", async () => {
    const t = newTest();
    await withWebhookSecret(t);
    await post(t, {
      message: {
        type: "end-of-call-report",
        call: { id: "call_9" },
        transcript: "AI: Hello.\nUser: Bye.",
        summary: "Short call.",
        recordingUrl: "https://storage.vapi.ai/call_9.wav",
      },
    });
    const conversation = await t.run(async (ctx) => await ctx.db.query("conversations").first());
    expect(conversation?.voiceCall).toMatchObject({
      callId: "call_9",
      summary: "Short call.",
      recordingUrl: "https://storage.vapi.ai/call_9.wav",
    });
    expect(conversation?.contactName).toBe("Voice caller");
  });
});
