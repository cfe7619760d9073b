import { v } from "convex/values";

import { internalMutation, internalQuery } from "../_generated/server";
import {
  escalateConversation,
  recordConversationMessage,
  resolveConversation,
} from "../lib/conversationState";
import { endScheduledSnooze } from "../lib/triage/snooze";
import { scheduleEscalationEmails } from "../lib/email/schedule";

/** Conversation state changes made by the agent and its tools. */

export const get = internalQuery({
  args: { conversationId: v.id("conversations") },
  handler: async (ctx, { conversationId }) => await ctx.db.get(conversationId),
});

export const getByThread = internalQuery({
  args: { threadId: v.string() },
  handler: async (ctx, { threadId }) =>
    await ctx.db
      .query("conversations")
      .withIndex("by_thread", (q) => q.eq("threadId", threadId))
      .unique(),
});

export const escalate = internalMutation({
  args: { conversationId: v.id("conversations") },
  handler: async (ctx, { conversationId }) => {
    const conversation = await ctx.db.get(conversationId);
    if (!conversation || !(await escalateConversation(ctx, conversation))) return false;
    await scheduleEscalationEmails(ctx, conversationId);
    return true;
  },
});

export const resolve = internalMutation({
  args: { conversationId: v.id("conversations") },
  handler: async (ctx, { conversationId }) => {
    const conversation = await ctx.db.get(conversationId);
    return conversation ? await resolveConversation(ctx, conversation, "agent") : false;
  },
});

/** Returns how many searches in a row found nothing, counting this one. */
export const recordKnowledgeSearch = internalMutation({
  args: { conversationId: v.id("conversations"), found: v.boolean() },
  handler: async (ctx, { conversationId, found }) => {
    const conversation = await ctx.db.get(conversationId);
    if (!conversation) return 0;
    const knowledgeMisses = found ? 0 : conversation.knowledgeMisses + 1;
    // An unchanged count is no write: each write re-runs the visitor's subscribed message list.
    if (knowledgeMisses !== conversation.knowledgeMisses)
      await ctx.db.patch(conversationId, { knowledgeMisses });
    return knowledgeMisses;
  },
});

/** `threadMessageId` is the answer's own saved message: another turn may have saved a newer one. */
export const recordAgentReply = internalMutation({
  args: { conversationId: v.id("conversations"), text: v.string(), threadMessageId: v.string() },
  handler: async (ctx, { conversationId, text, threadMessageId }) => {
    const conversation = await ctx.db.get(conversationId);
    if (conversation)
      await recordConversationMessage(ctx, conversation, {
        text,
        author: "agent",
        threadMessageId,
      });
  },
});

/** A snooze's scheduled end: the conversation returns to the inbox unless it already has. */
export const wakeFromSnooze = internalMutation({
  args: { conversationId: v.id("conversations"), until: v.number() },
  handler: async (ctx, { conversationId, until }) => {
    const conversation = await ctx.db.get(conversationId);
    return conversation ? await endScheduledSnooze(ctx, conversation, until) : false;
  },
});
