import { type MessageDoc, saveMessages, vMessage } from "@convex-dev/agent";
import { v } from "convex/values";

import { components } from "../../_generated/api";
import { internalMutation } from "../../_generated/server";
import { AGENT_NAME } from "../../lib/ai/supportAgent";
import { recordConversationMessage } from "../../lib/conversationState";

/** A generation's answer: the last assistant message it saved (after any tool steps). */
export function answerMessageId(saved: MessageDoc[] | undefined): string | undefined {
  return saved?.findLast((message) => message.message?.role === "assistant")?._id;
}

/**
 * The agent's reply to a visitor's message (its tool calls and results too) and the conversation's
 * preview and unread count, in one commit: the visitor's subscribed message list re-runs once per
 * reply, not once per step and once more for the conversation.
 */
export const saveReply = internalMutation({
  args: {
    conversationId: v.id("conversations"),
    /** The visitor's message this answers; the reply is saved after it, in its turn. */
    promptMessageId: v.optional(v.string()),
    messages: v.array(vMessage),
    /** The reply's words, as the conversation's preview. */
    text: v.string(),
    model: v.optional(v.string()),
    provider: v.optional(v.string()),
  },
  handler: async (ctx, { conversationId, promptMessageId, messages, text, model, provider }) => {
    const conversation = await ctx.db.get(conversationId);
    if (!conversation) return;
    const saved = await saveMessages(ctx, components.agent, {
      threadId: conversation.threadId,
      userId: conversation.contactSessionId,
      agentName: AGENT_NAME,
      promptMessageId,
      messages,
      metadata: messages.map((message) =>
        message.role === "assistant" ? { model, provider } : {},
      ),
    });
    // The answer's own message: another turn may since have saved a newer one.
    const threadMessageId = answerMessageId(saved.messages);
    if (text.trim())
      await recordConversationMessage(ctx, conversation, {
        text,
        author: "agent",
        threadMessageId,
      });
  },
});
