import { v } from "convex/values";

import { query } from "../_generated/server";
import { requireOperator } from "../lib/identity";
import { requireOrgConversation } from "../lib/operatorConversations";

/** The visitor behind a conversation, with the browser details the widget collected. */
export const getForConversation = query({
  args: { conversationId: v.id("conversations") },
  handler: async (ctx, { conversationId }) => {
    const operator = await requireOperator(ctx);
    const conversation = await requireOrgConversation(ctx, operator, conversationId);
    const session = await ctx.db.get(conversation.contactSessionId);
    return session
      ? {
          _id: session._id,
          name: session.name,
          email: session.email,
          expiresAt: session.expiresAt,
          metadata: session.metadata ?? {},
        }
      : null;
  },
});
