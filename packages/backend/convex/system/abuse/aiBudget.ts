import { saveMessage } from "@convex-dev/agent";
import { v } from "convex/values";

import { components } from "../../_generated/api";
import { internalMutation } from "../../_generated/server";
import { aiUsageToday, usageDay } from "../../lib/abuse/aiBudget";
import { escalateConversation, recordConversationMessage } from "../../lib/conversationState";
import { scheduleEscalationEmails } from "../../lib/email/schedule";

/** Tokens the model reported for one call (every step of a turn reports its own). */
export const recordTokens = internalMutation({
  args: { organizationId: v.string(), tokens: v.number() },
  handler: async (ctx, { organizationId, tokens }) => {
    if (!(tokens > 0)) return;
    const usage = await aiUsageToday(ctx, organizationId);
    if (usage) await ctx.db.patch(usage._id, { modelTokens: usage.modelTokens + tokens });
    else
      await ctx.db.insert("aiUsage", {
        organizationId,
        day: usageDay(),
        agentTurns: 0,
        modelTokens: tokens,
      });
  },
});

/** The visitor is told the assistant is done for today, and a person takes the conversation. */
export const handOver = internalMutation({
  args: { conversationId: v.id("conversations"), notice: v.string(), agentName: v.string() },
  handler: async (ctx, { conversationId, notice, agentName }) => {
    const conversation = await ctx.db.get(conversationId);
    if (!conversation || conversation.status !== "unresolved") return;
    const { messageId } = await saveMessage(ctx, components.agent, {
      threadId: conversation.threadId,
      agentName,
      message: { role: "assistant", content: notice },
    });
    await recordConversationMessage(ctx, conversation, {
      text: notice,
      author: "agent",
      threadMessageId: messageId,
    });
    if (await escalateConversation(ctx, (await ctx.db.get(conversationId))!))
      await scheduleEscalationEmails(ctx, conversationId);
  },
});
