import { createThread, saveMessage } from "@convex-dev/agent";
import { v } from "convex/values";

import { components } from "../_generated/api";
import { internalMutation } from "../_generated/server";
import { findOrganization } from "../lib/organizations";
import { vVoiceCall } from "../lib/validators";
import { AGENT_NAME } from "../lib/ai/supportAgent";

const PREVIEW_CHARS = 280;
const vTurn = v.object({
  role: v.union(v.literal("user"), v.literal("assistant")),
  text: v.string(),
});

/**
 * Records a finished Vapi call as a voice conversation in the inbox, once per call id: the turns
 * go on an agent thread like chat messages, the summary and recording link on the conversation.
 */
export const recordEndOfCall = internalMutation({
  args: {
    organizationId: v.string(),
    call: vVoiceCall,
    turns: v.array(vTurn),
    callerName: v.optional(v.string()),
  },
  handler: async (ctx, { organizationId, call, turns, callerName }) => {
    const seen = await ctx.db
      .query("webhookEvents")
      .withIndex("by_provider_and_eventId", (q) =>
        q.eq("provider", "vapi").eq("eventId", call.callId),
      )
      .unique();
    if (seen) return { duplicate: true, conversationId: null };
    if (!(await findOrganization(ctx, organizationId)))
      return { duplicate: false, conversationId: null };
    await ctx.db.insert("webhookEvents", {
      provider: "vapi",
      eventId: call.callId,
      type: "end-of-call-report",
    });

    const now = Date.now();
    const name = callerName ?? call.customerNumber ?? "Voice caller";
    // The caller has no widget session; this one only anchors the conversation and expires at once.
    const contactSessionId = await ctx.db.insert("contactSessions", {
      organizationId,
      name,
      email: "",
      expiresAt: now,
    });
    const threadId = await createThread(ctx, components.agent, {
      userId: contactSessionId,
      title: `Call ${call.callId}`,
    });
    for (const turn of turns) {
      await saveMessage(ctx, components.agent, {
        threadId,
        ...(turn.role === "user"
          ? { userId: contactSessionId, message: { role: "user", content: turn.text } }
          : { agentName: AGENT_NAME, message: { role: "assistant", content: turn.text } }),
      });
    }
    const latest = call.summary ?? turns.at(-1)?.text ?? "Voice call";
    const preview = latest.length > PREVIEW_CHARS ? `${latest.slice(0, PREVIEW_CHARS)}…` : latest;
    const conversationId = await ctx.db.insert("conversations", {
      organizationId,
      contactSessionId,
      contactName: name,
      contactEmail: "",
      threadId,
      status: "unresolved",
      channel: "voice",
      lastMessageAt: now,
      lastMessage: { text: preview, author: "agent" },
      unreadByOperator: 1,
      unreadByContact: 0,
      knowledgeMisses: 0,
      voiceCall: call,
      searchText: [name, call.customerNumber ?? "", preview].join(" "),
    });
    return { duplicate: false, conversationId };
  },
});
