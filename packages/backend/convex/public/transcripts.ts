import { v } from "convex/values";

import { contactMutation, contactQuery } from "../lib/functions";
import { requireContactConversation } from "../lib/contactSessions";

async function findRequest(
  ctx: Parameters<typeof requireContactConversation>[0],
  conversationId: Parameters<typeof requireContactConversation>[2],
) {
  return await ctx.db
    .query("transcriptRequests")
    .withIndex("by_conversation", (q) => q.eq("conversationId", conversationId))
    .unique();
}

/** Whether the visitor asked for the transcript by email when the conversation ends. */
export const get = contactQuery({
  args: { conversationId: v.id("conversations") },
  handler: async (ctx, { conversationId }) => {
    const conversation = await requireContactConversation(ctx, ctx.session, conversationId);
    return (await findRequest(ctx, conversation._id)) !== null;
  },
});

export const set = contactMutation({
  args: { conversationId: v.id("conversations"), wanted: v.boolean() },
  handler: async (ctx, { conversationId, wanted }) => {
    const conversation = await requireContactConversation(ctx, ctx.session, conversationId);
    const existing = await findRequest(ctx, conversation._id);
    if (wanted && !existing)
      await ctx.db.insert("transcriptRequests", {
        organizationId: conversation.organizationId,
        conversationId: conversation._id,
      });
    if (!wanted && existing) await ctx.db.delete(existing._id);
  },
});
