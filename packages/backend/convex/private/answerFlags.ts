import { v } from "convex/values";

import { recordAudit } from "../lib/audit";
import { answerTurn } from "../lib/answerTurn";
import { fail } from "../lib/errors";
import { adminQuery, operatorMutation, operatorQuery } from "../lib/functions";
import { requireOrgConversation } from "../lib/operatorConversations";

const MAX_LISTED = 100;

/** An operator marks the agent's answer at `order` as wrong; flagging twice keeps one flag. */
export const flag = operatorMutation({
  args: { conversationId: v.id("conversations"), order: v.number() },
  handler: async (ctx, { conversationId, order }) => {
    const { operator } = ctx;
    const conversation = await requireOrgConversation(ctx, operator, conversationId);
    const existing = await ctx.db
      .query("answerFlags")
      .withIndex("by_conversation_and_order", (q) =>
        q.eq("conversationId", conversationId).eq("order", order),
      )
      .unique();
    if (existing) return existing._id;
    const turn = await answerTurn(ctx, conversation.threadId, order);
    if (!turn) fail("INVALID_INPUT", "No agent answer there");
    const flagId = await ctx.db.insert("answerFlags", {
      organizationId: operator.orgId,
      conversationId,
      order,
      ...turn,
      flaggedBy: operator.userId,
      flaggedByName: operator.name ?? operator.email,
    });
    await recordAudit(ctx, operator, "answer.flag", conversationId);
    return flagId;
  },
});

export const unflag = operatorMutation({
  args: { conversationId: v.id("conversations"), order: v.number() },
  handler: async (ctx, { conversationId, order }) => {
    const { operator } = ctx;
    await requireOrgConversation(ctx, operator, conversationId);
    const existing = await ctx.db
      .query("answerFlags")
      .withIndex("by_conversation_and_order", (q) =>
        q.eq("conversationId", conversationId).eq("order", order),
      )
      .unique();
    if (existing) await ctx.db.delete(existing._id);
  },
});

/** The orders of a conversation's flagged answers, for its view. */
export const forConversation = operatorQuery({
  args: { conversationId: v.id("conversations") },
  handler: async (ctx, { conversationId }) => {
    await requireOrgConversation(ctx, ctx.operator, conversationId);
    const flags = await ctx.db
      .query("answerFlags")
      .withIndex("by_conversation_and_order", (q) => q.eq("conversationId", conversationId))
      .collect();
    return flags.map((flagged) => flagged.order);
  },
});

/** The latest flagged answers of the organization, newest first, for admins to fix the knowledge base. */
export const list = adminQuery({
  args: {},
  handler: async (ctx) => {
    const flags = await ctx.db
      .query("answerFlags")
      .withIndex("by_organization", (q) => q.eq("organizationId", ctx.operator.orgId))
      .order("desc")
      .take(MAX_LISTED);
    return flags.map(({ _id, _creationTime, conversationId, question, answer, flaggedByName }) => ({
      _id,
      flaggedAt: _creationTime,
      conversationId,
      question,
      answer,
      flaggedByName: flaggedByName ?? null,
    }));
  },
});
