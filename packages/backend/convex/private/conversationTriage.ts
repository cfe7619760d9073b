import { v } from "convex/values";

import { internal } from "../_generated/api";
import { recordAudit } from "../lib/audit";
import { fail } from "../lib/errors";
import { operatorMutation } from "../lib/functions";
import { requireOrgConversation } from "../lib/operatorConversations";
import { addConversationTag, removeConversationTag } from "../lib/triage/conversationTags";
import { requireOrgTag } from "../lib/triage/orgTags";
import { snoozeConversation, unsnoozeConversation } from "../lib/triage/snooze";
import { priorityRank, vPriority } from "../lib/triage/validators";

/** How far ahead a snooze may reach: a year, like the products operators come from. */
const SNOOZE_MAX_MS = 366 * 24 * 60 * 60 * 1000;

export const setPriority = operatorMutation({
  args: { conversationId: v.id("conversations"), priority: vPriority },
  handler: async (ctx, { conversationId, priority }) => {
    const { operator } = ctx;
    await requireOrgConversation(ctx, operator, conversationId);
    await ctx.db.patch(conversationId, { priority: priorityRank(priority) });
    await recordAudit(ctx, operator, "conversation.priority", conversationId, { priority });
  },
});

export const addTag = operatorMutation({
  args: { conversationId: v.id("conversations"), tagId: v.id("tags") },
  handler: async (ctx, { conversationId, tagId }) => {
    const { operator } = ctx;
    const conversation = await requireOrgConversation(ctx, operator, conversationId);
    await addConversationTag(ctx, conversation, await requireOrgTag(ctx, operator, tagId));
  },
});

export const removeTag = operatorMutation({
  args: { conversationId: v.id("conversations"), tagId: v.id("tags") },
  handler: async (ctx, { conversationId, tagId }) => {
    const { operator } = ctx;
    const conversation = await requireOrgConversation(ctx, operator, conversationId);
    await removeConversationTag(ctx, conversation, tagId);
  },
});

/**
 * Takes the conversation out of the inbox until `until` (ms since the epoch) or, when null, until
 * the visitor writes; a visitor's message always brings it back earlier.
 */
export const snooze = operatorMutation({
  args: { conversationId: v.id("conversations"), until: v.union(v.number(), v.null()) },
  handler: async (ctx, { conversationId, until }) => {
    const { operator } = ctx;
    const conversation = await requireOrgConversation(ctx, operator, conversationId);
    if (until !== null) {
      const now = Date.now();
      if (!Number.isFinite(until) || until <= now || until > now + SNOOZE_MAX_MS) {
        fail("INVALID_INPUT", "Snooze until a time in the coming year");
      }
      await ctx.scheduler.runAt(until, internal.system.conversations.wakeFromSnooze, {
        conversationId,
        until,
      });
    }
    await snoozeConversation(ctx, conversation, until ?? undefined);
    await recordAudit(ctx, operator, "conversation.snooze", conversationId, {
      until: until ?? "reply",
    });
  },
});

export const unsnooze = operatorMutation({
  args: { conversationId: v.id("conversations") },
  handler: async (ctx, { conversationId }) => {
    const { operator } = ctx;
    const conversation = await requireOrgConversation(ctx, operator, conversationId);
    if (await unsnoozeConversation(ctx, conversation)) {
      await recordAudit(ctx, operator, "conversation.unsnooze", conversationId);
    }
  },
});
